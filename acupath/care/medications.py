"""Medicine names to drug classes: ``warfarin`` -> anticoagulant, ``Eliquis 5 mg`` -> anticoagulant.

The dictionary lives in ``acupath/data/medications/``: ``drugs.yaml`` (generic names with their
brand names and classes) and ``classes.yaml`` (each class with the note a plan shows about
combining acupuncture with it, and that note's sources). Matching ignores case, doses and
forms: the longest known name that starts the entry wins, so ``Warfarin sodium 5 mg tablets``
is warfarin. Names that match nothing are kept and reported as *unmapped*; they are not an
error, because no dictionary knows every medicine, but no rule can see them either.

Example::

    >>> profile = classify(["Eliquis 5 mg", "gabapentin", "fish oil"])
    >>> sorted(profile.classes)
    ['anticoagulant', 'gabapentinoid']
    >>> profile.unmapped
    ('fish oil',)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, read_yaml_list, validate_record
from acupath.evidence.schemas import Slug

MEDICATIONS_DIR = DATA_DIR / "medications"


class Drug(BaseModel):
    """One medicine: its generic id, the classes it belongs to and the other names it goes by."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: Slug
    classes: tuple[Slug, ...] = Field(min_length=1)
    names: tuple[str, ...] = ()


class DrugClass(BaseModel):
    """A drug class with the integration note a plan shows and what that note rests on."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: Slug
    name: str
    basis: Literal["evidence", "policy", "none"]
    note: str = Field(min_length=10)
    sources: tuple[Slug, ...] = ()
    implies: tuple[Slug, ...] = ()
    """Classes every drug of this class also belongs to (``doac`` implies ``anticoagulant``);
    the loader adds them to each drug's classes."""
    screen_as: tuple[Slug, ...] = ()
    """Classes the screen also reasons with for this class, without the drug belonging to them
    (clinic policy: ``targeted_therapy`` is screened with the ``chemotherapy`` cautions, but an
    olaparib is not called chemotherapy). Added by :meth:`Formulary.classify` only."""

    @model_validator(mode="after")
    def _sourced(self) -> DrugClass:
        if self.basis == "evidence" and not self.sources:
            raise ValueError("a note with basis 'evidence' must name its sources")
        return self


@dataclass(frozen=True)
class MedicationProfile:
    """What the medication list of one patient says: classes, matches and unmapped names."""

    classes: frozenset[str]
    matched: Mapping[str, str] = field(default_factory=dict)
    """Each entry as written -> the drug id it matched."""
    unmapped: tuple[str, ...] = ()
    inferred: Mapping[str, str] = field(default_factory=dict)
    """Each entry read by its spelling or its INN stem -> how (:mod:`acupath.care.drug_stems`)."""
    screen_as: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    """Class -> classes the screen also reasons with (``screen_as`` in classes.yaml). Applied
    to ``classes`` on creation, so a copy with more classes (a class named without a drug, as
    Ask adds them) is expanded the same way."""

    def __post_init__(self) -> None:
        extra = {c for cls in self.classes for c in self.screen_as.get(cls, ())}
        if not extra <= self.classes:
            object.__setattr__(self, "classes", self.classes | extra)

    def has(self, drug_class: str) -> bool:
        """Whether any medicine of the list belongs to ``drug_class``."""
        return drug_class in self.classes

    def as_dict(self) -> dict[str, object]:
        """Plain form for JSON output."""
        out: dict[str, object] = {
            "classes": sorted(self.classes),
            "matched": dict(self.matched),
            "unmapped": list(self.unmapped),
        }
        if self.inferred:
            out["inferred"] = dict(self.inferred)
        return out


@dataclass(frozen=True)
class Formulary:
    """The loaded dictionary: drugs by id, classes by id, and every name -> drug id."""

    drugs: Mapping[str, Drug]
    classes: Mapping[str, DrugClass]
    names: Mapping[str, str]

    def classify(self, entries: Iterable[str]) -> MedicationProfile:
        """Map medication entries as written to a :class:`MedicationProfile`. An entry no name
        matches is read by its spelling or its INN stem when it can be (``inferred``), else
        kept as unmapped; the classes gain what their classes are screened as (``screen_as``)."""
        from acupath.care.drug_stems import read_word

        found: set[str] = set()
        matched: dict[str, str] = {}
        unmapped: list[str] = []
        inferred: dict[str, str] = {}
        for entry in entries:
            drug_id = self.match(entry)
            if drug_id is None:
                words = _normalise(entry).split(" ")
                reading = read_word(words[0], self) if words[0].isalpha() else None
                if reading is None:
                    unmapped.append(entry)
                    continue
                inferred[entry] = reading.note
                if reading.drug is not None:
                    matched[entry] = reading.drug
                found.update(reading.classes)
                continue
            matched[entry] = drug_id
            found.update(self.drugs[drug_id].classes)
        screen_as = {c.id: c.screen_as for c in self.classes.values() if c.screen_as}
        return MedicationProfile(frozenset(found), matched, tuple(unmapped), inferred, screen_as)

    def match(self, entry: str) -> str | None:
        """The drug id an entry names, or None. The longest matching leading name wins."""
        text = _normalise(entry)
        if not text:
            return None
        words = text.split(" ")
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n])
            if candidate in self.names:
                return self.names[candidate]
        return None


_DOSE = re.compile(r"[\(\),;/]")


def _normalise(text: str) -> str:
    """Lower case, punctuation that separates dose information turned into spaces."""
    cleaned = _DOSE.sub(" ", text.lower())
    return " ".join(cleaned.split())


def _read(path: Path, model: type[Drug] | type[DrugClass]) -> list[BaseModel]:
    return [validate_record(raw, model, file=path) for raw in read_yaml_list(path)]


def load_formulary(folder: Path = MEDICATIONS_DIR, *, source_ids: Iterable[str] = ()) -> Formulary:
    """Load ``drugs.yaml`` and ``classes.yaml`` from ``folder`` and check them.

    Refuses (``KnowledgeBaseError``) a drug whose class is not defined, a name claimed by two
    drugs, and - when ``source_ids`` is given - a class note citing an unknown source.
    """
    classes: dict[str, DrugClass] = {}
    for rec in _read(folder / "classes.yaml", DrugClass):
        assert isinstance(rec, DrugClass)
        if rec.id in classes:
            raise KnowledgeBaseError("duplicate id", file=folder / "classes.yaml", record=rec.id)
        classes[rec.id] = rec
    known_sources = set(source_ids)
    if known_sources:
        for rec in classes.values():
            for sid in rec.sources:
                if sid not in known_sources:
                    raise KnowledgeBaseError(
                        f"refers to unknown source {sid!r}",
                        file=folder / "classes.yaml",
                        record=rec.id,
                        field="sources",
                    )
    for rec in classes.values():
        for cls in (*rec.implies, *rec.screen_as):
            if cls not in classes:
                raise KnowledgeBaseError(
                    f"implies unknown class {cls!r}",
                    file=folder / "classes.yaml",
                    record=rec.id,
                    field="implies" if cls in rec.implies else "screen_as",
                )
    drugs: dict[str, Drug] = {}
    names: dict[str, str] = {}
    path = folder / "drugs.yaml"
    for rec in _read(path, Drug):
        assert isinstance(rec, Drug)
        if rec.id in drugs:
            raise KnowledgeBaseError("duplicate id", file=path, record=rec.id, field="id")
        for cls in rec.classes:
            if cls not in classes:
                raise KnowledgeBaseError(
                    f"unknown drug class {cls!r}", file=path, record=rec.id, field="classes"
                )
        implied = implied_classes(rec.classes, classes)
        if implied != set(rec.classes):
            rec = rec.model_copy(update={"classes": tuple(sorted(implied))})
        drugs[rec.id] = rec
        for name in (rec.id.replace("_", " "), *rec.names):
            key = _normalise(name)
            if key in names and names[key] != rec.id:
                raise KnowledgeBaseError(
                    f"name {name!r} already belongs to {names[key]!r}",
                    file=path,
                    record=rec.id,
                    field="names",
                )
            names[key] = rec.id
    return Formulary(drugs=drugs, classes=classes, names=names)


def implied_classes(start: Iterable[str], classes: Mapping[str, DrugClass]) -> set[str]:
    """``start`` with every class its classes imply, transitively (``implies`` in classes.yaml)."""
    out = set(start)
    todo = list(out)
    while todo:
        cls = classes.get(todo.pop())
        for more in cls.implies if cls else ():
            if more not in out:
                out.add(more)
                todo.append(more)
    return out


@functools.cache
def bundled_formulary() -> Formulary:
    """The bundled dictionary, with its class notes checked against the bundled sources."""
    from acupath.evidence.loader import bundled_base

    return load_formulary(MEDICATIONS_DIR, source_ids=bundled_base().sources.keys())


def classify(entries: Iterable[str]) -> MedicationProfile:
    """Classify medication names with the bundled dictionary (see the module docstring)."""
    return bundled_formulary().classify(entries)
