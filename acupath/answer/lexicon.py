"""The patient words, names and red-flag urgencies of ``data/answer`` as validated models.

``patient.yaml`` holds the words questions use for one patient and the ConText trigger terms;
``names.yaml`` the names of trials, guideline bodies and payers, the conditions drugs cause,
premises and filler words; ``red_flags.yaml`` how urgently each red flag refers. All are read
once per process and checked against the knowledge base (source ids, condition ids, drug
classes, red-flag ids) by :func:`check_lexicon` in the tests.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from acupath import kbcache
from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, invalid_record

ANSWER_DIR = DATA_DIR / "answer"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_M = TypeVar("_M", bound=BaseModel)
Urgency = Literal["emergency", "urgent", "soon", "routine"]
URGENCIES: tuple[str, ...] = ("emergency", "urgent", "soon", "routine")
"""From most to least urgent (the screen JSON's ``urgency`` values)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Negation(_Frozen):
    before: tuple[str, ...]
    after: tuple[str, ...]
    after_near: tuple[str, ...] = ()
    """Clinic-note negations right after a finding ("temp normal", "SLR neg"): see
    :mod:`acupath.answer.negation`."""
    pseudo: tuple[str, ...] = ()


class Hypothetical(_Frozen):
    before: tuple[str, ...]


class Lymphedema(_Frozen):
    lymphedema: tuple[str, ...]
    arm: tuple[str, ...]
    leg: tuple[str, ...]
    limbs: dict[str, tuple[str, ...]]


class Cancer(_Frozen):
    active: tuple[str, ...]
    history: tuple[str, ...]
    any: tuple[str, ...]
    on_treatment: tuple[str, ...]


class Relation(_Frozen):
    """A person the asker writes about ("my mum"): the words for them, how the answer names
    them to the asker ("your mother"), and the pronoun the relation fixes (None: unknown)."""

    words: tuple[str, ...] = Field(min_length=1)
    name: str = Field(min_length=1)
    pronoun: Literal["she", "he"] | None = None


class People(_Frozen):
    """Who a question is about, and the words of the age grammar (:mod:`.ages`)."""

    relations: dict[str, Relation]
    owners: tuple[str, ...]
    persons: tuple[str, ...]
    titles: tuple[str, ...]
    not_age_after: tuple[str, ...]


class Combination(_Frozen):
    """A fact stated by one phrase of every group in one sentence (``combinations``)."""

    kind: Literal[
        "red_flag",
        "lymphedema",
        "comorbidity",
        "device",
        "pregnant",
        "cancer",
        "cannot_consent",
        "needle_phobia",
    ]
    value: str
    all_of: tuple[tuple[str, ...], ...] = Field(min_length=1)
    none_of: tuple[str, ...] = ()
    window: int = Field(default=1, ge=1, le=3)
    """Consecutive sentences the phrases may spread over (1: one sentence)."""
    """Phrases that, anywhere in the sentence, show the words mean something else ("confused
    about the evidence" is not a confused patient)."""


class PatientWords(_Frozen):
    """``data/answer/patient.yaml``."""

    negation: Negation
    hypothetical: Hypothetical
    terminate: tuple[str, ...]
    patient_classes: tuple[str, ...]
    medicine_classes: dict[str, tuple[str, ...]]
    pregnancy: tuple[str, ...]
    first_trimester: tuple[str, ...]
    later_trimester: tuple[str, ...]
    age_bands: dict[Literal["child", "adolescent", "older_adult"], tuple[str, ...]]
    devices: dict[str, tuple[str, ...]]
    lymphedema: Lymphedema
    radiotherapy: tuple[str, ...]
    body_sites: dict[str, tuple[str, ...]]
    extra_body_sites: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """More body words -> care site areas (axilla, groin, knee, toe...)."""
    cancer_organ_sites: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Organs read as a site only beside a cancer word (described_devices, wave 21)."""
    skin_lesions: tuple[str, ...] = ()
    cancer: Cancer
    red_flags: dict[str, tuple[str, ...]]
    comorbidities: dict[str, tuple[str, ...]]
    needle_phobia: tuple[str, ...]
    breastfeeding: tuple[str, ...] = ()
    sex: dict[Literal["female", "male"], tuple[str, ...]]
    people: People
    combinations: tuple[Combination, ...] = ()


class Trial(_Frozen):
    names: tuple[str, ...]
    sources: tuple[str, ...] = Field(min_length=1)
    conditions: tuple[str, ...] = ()


class Body(_Frozen):
    names: tuple[str, ...]
    sources: tuple[str, ...] = Field(min_length=1)
    intent: Literal["guidelines", "coverage"]


class DrugCondition(_Frozen):
    classes: tuple[str, ...]
    words: tuple[str, ...]
    condition: str


class BodyCondition(_Frozen):
    words: tuple[str, ...]
    condition: str


class Expansion(_Frozen):
    words: tuple[str, ...] = ()
    all_of: tuple[str | tuple[str, ...], ...] = ()
    add: str
    intent: str | None = None


class Names(_Frozen):
    """``data/answer/names.yaml``."""

    trials: tuple[Trial, ...]
    expansions: tuple[Expansion, ...] = ()
    time_phrases: tuple[str, ...] = ()
    bodies: tuple[Body, ...]
    drug_conditions: tuple[DrugCondition, ...]
    body_conditions: tuple[BodyCondition, ...]
    premises: dict[Literal["cure", "tumour", "sham", "harmless"], tuple[str, ...]]
    premise_combinations: dict[
        Literal["cure", "tumour", "sham", "harmless"], tuple[tuple[str, ...], ...]
    ] = Field(default_factory=dict)
    filler: tuple[str, ...]


class RedFlagUrgency(_Frozen):
    """One entry of ``data/answer/red_flags.yaml``."""

    id: str
    urgency: Urgency
    label: str
    screen: bool = True
    reason: str | None = None
    advice: str | None = None
    sources: tuple[str, ...] = ()


def _read(path: Path) -> object:
    try:
        return kbcache.load_yaml(path, _LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read {path.name}: {exc}", file=path) from exc


def read_model(path: Path, model: type[_M]) -> _M:
    """The YAML file at ``path`` validated as ``model``; a bad file is a knowledge-base error
    naming the file and the field."""
    try:
        return model.model_validate(_read(path))
    except ValidationError as exc:
        raise invalid_record(exc, file=path) from None


@functools.cache
def patient_words() -> PatientWords:
    """The bundled patient words, read once per process."""
    return read_model(ANSWER_DIR / "patient.yaml", PatientWords)


@functools.cache
def names() -> Names:
    """The bundled names of trials, bodies, drug-caused conditions and premises."""
    return read_model(ANSWER_DIR / "names.yaml", Names)


@functools.cache
def red_flag_urgencies() -> dict[str, RedFlagUrgency]:
    """Red-flag id -> its urgency entry."""
    path = ANSWER_DIR / "red_flags.yaml"
    raw = _read(path)
    if not isinstance(raw, list):
        raise KnowledgeBaseError("must be a list of red flags", file=path)
    out: dict[str, RedFlagUrgency] = {}
    for item in raw:
        try:
            entry = RedFlagUrgency.model_validate(item)
        except ValidationError as exc:
            raise invalid_record(exc, file=path) from None
        if entry.id in out:
            raise KnowledgeBaseError("duplicate id", file=path, record=entry.id)
        if not entry.screen and not (entry.reason and entry.advice and entry.sources):
            raise KnowledgeBaseError(
                "a flag outside the screen needs reason, advice and sources",
                file=path,
                record=entry.id,
            )
        out[entry.id] = entry
    return out


def check_lexicon(
    *,
    source_ids: set[str],
    condition_ids: set[str],
    drug_classes: set[str],
    red_flags: set[str],
) -> list[str]:
    """Every reference of the lexicon files that names nothing in the knowledge base."""
    problems: list[str] = []
    words, nm, urg = patient_words(), names(), red_flag_urgencies()
    for cls in (*words.medicine_classes, *words.patient_classes):
        if cls not in drug_classes:
            problems.append(f"patient.yaml: unknown drug class {cls!r}")
    combined = [c.value for c in words.combinations if c.kind == "red_flag"]
    for flag in (*words.red_flags, *combined):
        if flag not in red_flags and (flag not in urg or urg[flag].screen):
            problems.append(f"patient.yaml: red flag {flag!r} is neither screened nor defined")
    for flag, entry in urg.items():
        if entry.screen and flag not in red_flags:
            problems.append(f"red_flags.yaml: {flag!r} is not a screen red flag")
        problems += [
            f"red_flags.yaml: unknown source {s!r}" for s in entry.sources if s not in source_ids
        ]
    for trial in nm.trials:
        problems += [
            f"names.yaml: unknown source {s!r}" for s in trial.sources if s not in source_ids
        ]
        problems += [
            f"names.yaml: unknown condition {c!r}"
            for c in trial.conditions
            if c not in condition_ids
        ]
    for body in nm.bodies:
        problems += [
            f"names.yaml: unknown source {s!r}" for s in body.sources if s not in source_ids
        ]
    for dc in nm.drug_conditions:
        problems += [
            f"names.yaml: unknown class {c!r}" for c in dc.classes if c not in drug_classes
        ]
        if dc.condition not in condition_ids:
            problems.append(f"names.yaml: unknown condition {dc.condition!r}")
    for bc in nm.body_conditions:
        if bc.condition not in condition_ids:
            problems.append(f"names.yaml: unknown condition {bc.condition!r}")
    return problems
