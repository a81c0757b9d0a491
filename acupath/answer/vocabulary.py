"""The question vocabulary (``acupath/data/answer/vocabulary.yaml``) as a validated model."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from acupath import kbcache
from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, invalid_record

VOCABULARY_FILE = DATA_DIR / "answer" / "vocabulary.yaml"

INTENTS = (
    "overview",
    "efficacy",
    "effect_size",
    "safety",
    "dose",
    "points",
    "technique",
    "mechanisms",
    "integration",
    "guidelines",
    "coverage",
    "durability",
)
"""Every intent the composer knows, in the order their sections appear."""


class Umbrella(BaseModel):
    """A phrase that stands for several conditions: by category, or by a shared word."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    phrase: str
    categories: tuple[str, ...] = ()
    word: str | None = None
    not_after: tuple[str, ...] = ()
    """Words that, just before the phrase, make it something else ("came back", "go back")."""
    not_before: tuple[str, ...] = ()
    """Words that, just after the phrase, make it something else ("back in October", "back
    then"); a year after "in" ("back in 2019") counts as a month does."""

    @model_validator(mode="after")
    def _one_rule(self) -> Umbrella:
        if bool(self.categories) == bool(self.word):
            raise ValueError("an umbrella phrase needs exactly one of categories or word")
        return self


class SmdBand(BaseModel):
    """Upper bound (exclusive) of an absolute SMD and the plain word for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    below: float = Field(gt=0)
    word: str


class Vocabulary(BaseModel):
    """Words for interventions, comparators, intents, scope and patient language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    acupuncture_terms: tuple[str, ...]
    interventions: dict[str, tuple[str, ...]]
    comparators: dict[str, tuple[str, ...]]
    intents: dict[str, tuple[str, ...]]
    umbrella: tuple[Umbrella, ...]
    out_of_scope_terms: tuple[str, ...]
    other_treatment_terms: tuple[str, ...]
    safety_outcome_words: tuple[str, ...]
    mechanism_outcome_words: tuple[str, ...]
    mechanism_source_kinds: tuple[str, ...]
    durability_words: tuple[str, ...]
    integration_outcome_words: tuple[str, ...]
    integration_detail_words: tuple[str, ...] = ()
    plain_words: dict[str, str]
    generic_words: tuple[str, ...] = ()
    section_boost: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    safety_outcomes_asked: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    comparison_terms: tuple[str, ...] = ()
    """Treatments a question may compare acupuncture with, besides ``other_treatment_terms``
    (:mod:`acupath.answer.parts`); unlike those, they never put a question out of scope."""
    comparison_synonyms: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    premise_sequences: dict[str, tuple[tuple[tuple[str, ...], ...], ...]] = Field(
        default_factory=dict
    )
    """Premises read as word groups in order, each word of a group within ``premise_window``
    words after the previous group's ("always ... works", "works for ... everyone", "stop
    taking my ... pills"): kinds ``absolute``, ``replace`` (:mod:`acupath.answer.parts`)."""
    premise_window: int = 4
    comparison_cues: tuple[str, ...] = ()
    """Words that, up to three words before a compared treatment, state a comparison as a
    premise ("better than surgery", "as well as a knee replacement")."""
    """A compared treatment's other names, as a finding's comparator may word it."""
    """Question words -> the safety outcome they ask about ("died" -> deaths): the bottom line
    of a safety question states that outcome's figure first (:mod:`acupath.answer.bottom_line`)."""
    smd_bands: tuple[SmdBand, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_intents(self) -> Vocabulary:
        unknown = set(self.intents) - set(INTENTS)
        if unknown:
            raise ValueError(f"unknown intents {sorted(unknown)}; allowed: {', '.join(INTENTS)}")
        bounds = [b.below for b in self.smd_bands]
        if bounds != sorted(bounds):
            raise ValueError("smd_bands must be in increasing order of 'below'")
        return self


def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read and validate the vocabulary file."""
    try:
        # libyaml's parser through the per-user parse cache (acupath.kbcache): the pure-Python
        # parser cost a cold `acupath ask` about 80 ms
        raw = kbcache.load_yaml(path, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read the question vocabulary: {exc}", file=path) from exc
    try:
        return Vocabulary.model_validate(raw)
    except ValidationError as exc:
        raise invalid_record(exc, file=path) from None


@functools.cache
def vocabulary() -> Vocabulary:
    """The bundled vocabulary, read once per process."""
    return load_vocabulary()
