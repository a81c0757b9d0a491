"""Questionnaires and their scoring: NRS, PEG-3, BPI short form, PGIC.

The instruments are data (``acupath/data/outcomes/instruments.yaml``): items with their ranges,
scores computed from items, and LOINC codes where one could be traced. Scoring::

    single   score = the one item's answer                      (NRS, PGIC)
    mean     score = sum(answered items) / number answered      (PEG-3, BPI severity and
             provided at least ``min_answered`` items are given  interference)

The BPI interference score is the mean of the seven interference items when at least four are
answered (BPI user guide, as quoted by LOINC 77565-0); PEG-3 needs all three items. A secondary
score may be left out entirely (BPI severity alone), but not answered in part.

Example::

    >>> score_answers("peg3", {"pain": 6, "enjoyment": 7, "activity": 5}).primary
    6.0
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from acupath.errors import InputError, KnowledgeBaseError, NotFound
from acupath.evidence.loader import DATA_DIR, read_record_file

M = TypeVar("M", bound=BaseModel)

OUTCOMES_DIR = DATA_DIR / "outcomes"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Item(_Frozen):
    """One question: its id, what it asks (our words), the allowed range, a LOINC code if any."""

    id: str
    text: str
    min: int
    max: int
    loinc: str | None = None


class ScoreRule(_Frozen):
    """How one score is computed from items."""

    id: str
    method: Literal["single", "mean"]
    items: list[str] = Field(min_length=1)
    min_answered: int = Field(ge=1)
    loinc: str | None = None


class Instrument(_Frozen):
    """A questionnaire: items, scores, the primary score, and which direction is better."""

    id: str
    name: str
    abbreviation: str
    domain: str
    better: Literal["lower", "higher"]
    primary: str
    loinc: str | None = None
    loinc_display: str | None = None
    items: list[Item] = Field(min_length=1)
    scores: list[ScoreRule] = Field(min_length=1)
    note: str

    @model_validator(mode="after")
    def _consistent(self) -> Instrument:
        item_ids = {i.id for i in self.items}
        for rule in self.scores:
            unknown = set(rule.items) - item_ids
            if unknown:
                raise ValueError(f"score {rule.id!r} names unknown items {sorted(unknown)}")
            if rule.min_answered > len(rule.items):
                raise ValueError(f"score {rule.id!r} needs more answers than it has items")
        if self.primary not in {s.id for s in self.scores}:
            raise ValueError(f"primary score {self.primary!r} is not one of the scores")
        return self

    def item(self, item_id: str) -> Item:
        """The item with this id, or :class:`NotFound` listing the items."""
        for it in self.items:
            if it.id == item_id:
                return it
        raise NotFound.unknown(f"{self.id} item", item_id, [i.id for i in self.items])

    @property
    def score_range(self) -> tuple[int, int]:
        """Range of the primary score (the range of its items)."""
        rule = next(s for s in self.scores if s.id == self.primary)
        items = [self.item(i) for i in rule.items]
        return min(i.min for i in items), max(i.max for i in items)


class Scored(_Frozen):
    """The scores of one completed questionnaire; ``primary`` is the one tracked over time."""

    instrument: str
    answers: dict[str, int]
    scores: dict[str, float]
    primary: float


@functools.cache
def instruments(root: Path = OUTCOMES_DIR) -> dict[str, Instrument]:
    """The instruments, by id, read from ``instruments.yaml``."""
    return read_records_by_id(root, Instrument, "instruments")


def read_records_by_id(root: Path, model: type[M], stem: str) -> dict[str, M]:
    """Read ``<root>/<stem>.yaml`` with the knowledge base's YAML reader (same errors)."""
    path = root / f"{stem}.yaml"
    if not path.is_file():
        raise KnowledgeBaseError("file not found", file=path)
    return read_record_file(path, model)


def instrument(instrument_id: str) -> Instrument:
    """The instrument with this id, or :class:`NotFound` listing the known ids."""
    known = instruments()
    try:
        return known[instrument_id]
    except KeyError:
        raise NotFound.unknown("instrument", instrument_id, list(known)) from None


def _answer(inst: Instrument, item: Item, value: object) -> int:
    allowed = f"an integer from {item.min} to {item.max}"
    field = f"{inst.id}.{item.id}"
    if isinstance(value, bool):
        raise InputError.invalid(field, value, allowed)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise InputError.invalid(field, value, allowed)
        value = int(value)
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise InputError.invalid(field, value, allowed) from None
    if not isinstance(value, int) or not (item.min <= value <= item.max):
        raise InputError.invalid(field, value, allowed)
    return value


def score_answers(instrument_id: str, answers: Mapping[str, object]) -> Scored:
    """Validate the answers and compute every score of the instrument.

    Raises :class:`InputError` naming ``<instrument>.<item>`` for an answer out of range or not
    an integer, an unknown item, or too few answers for a score.
    """
    inst = instrument(instrument_id)
    clean: dict[str, int] = {}
    for key, value in answers.items():
        if value is None:
            continue
        clean[key] = _answer(inst, inst.item(key), value)
    scores: dict[str, float] = {}
    for rule in inst.scores:
        given = [clean[i] for i in rule.items if i in clean]
        if not given and rule.id != inst.primary:
            continue  # a secondary score left out entirely (BPI severity without interference)
        if len(given) < rule.min_answered:
            missing = [i for i in rule.items if i not in clean]
            field = f"{inst.id}.{missing[0]}"
            raise InputError(
                f"{field} is missing: the {inst.abbreviation} {rule.id} score needs at least "
                f"{rule.min_answered} of {', '.join(rule.items)}; got {len(given)}",
                field=field,
                allowed=f"at least {rule.min_answered} of {', '.join(rule.items)}",
            )
        scores[rule.id] = float(given[0]) if rule.method == "single" else sum(given) / len(given)
    return Scored(instrument=inst.id, answers=clean, scores=scores, primary=scores[inst.primary])
