"""Chemotherapy named by its regimen: "post FEC", "cycle 3 of FOLFOX", "R-CHOP for lymphoma".

``data/answer/regimens.yaml`` lists each regimen's names and the formulary drugs it contains,
with the stored source its contents were read in. :func:`find_regimens` returns every regimen a
question names, as character spans of the folded text, with its drugs and their classes; the
patient context (:mod:`acupath.answer.context`) turns each into a ``regimen`` fact whose drugs
enter the screen's intake like any other medicine. Acronyms that are also ordinary words ("AC"
joint, "TC") count only with a treatment cue: a cue word in the same sentence ("chemo",
"cycle", "cancer") or right before the name ("on AC", "post EC").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from acupath.answer.lexicon import ANSWER_DIR, read_model

PATH = ANSWER_DIR / "regimens.yaml"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RegimenSource(_Model):
    title: str
    url: str
    note: str


class Regimen(_Model):
    id: str
    names: tuple[str, ...] = ()
    cue_names: tuple[str, ...] = ()
    drugs: tuple[str, ...] = Field(min_length=1)
    not_screened: tuple[str, ...] = ()
    source: str
    note: str = ""


class Regimens(_Model):
    sources: dict[str, RegimenSource]
    cues: tuple[str, ...]
    cues_before: tuple[str, ...]
    regimens: tuple[Regimen, ...]

    @model_validator(mode="after")
    def _sources_exist(self) -> Regimens:
        for r in self.regimens:
            if r.source != "formulary" and r.source not in self.sources:
                raise ValueError(f"regimen {r.id!r}: unknown source {r.source!r}")
            if not (r.names or r.cue_names):
                raise ValueError(f"regimen {r.id!r} has no name")
        return self


@dataclass(frozen=True)
class RegimenHit:
    regimen: Regimen
    classes: tuple[str, ...]
    start: int
    end: int


@functools.cache
def regimens() -> Regimens:
    """The bundled regimen table, read once per process."""
    return read_model(PATH, Regimens)


def _fold_name(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


def _alternation(names: list[str]) -> str:
    parts = sorted({_fold_name(n) for n in names}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, Regimen]]:
    table = regimens()
    by_name: dict[str, Regimen] = {}
    plain: list[str] = []
    cued: list[str] = []
    for r in table.regimens:
        for n in r.names:
            by_name[_fold_name(n)] = r
            plain.append(n)
        for n in r.cue_names:
            by_name[_fold_name(n)] = r
            cued.append(n)
    edge_l, edge_r = r"(?<![a-z0-9])", r"(?![a-z0-9])"
    # a plain name wins over a cued one at the same place ("AC-T" is not "AC")
    plain_alt, cued_alt = _alternation(plain), _alternation(cued)
    names = re.compile(edge_l + rf"(?:(?P<plain>{plain_alt})|(?P<cued>{cued_alt}))" + edge_r)
    cues = re.compile(edge_l + r"(?:" + _alternation(list(table.cues)) + r")" + edge_r)
    before = re.compile(r"(?:" + _alternation(list(table.cues_before)) + r")\s+$")
    return names, cues, before, by_name


_SENTENCE = re.compile(r"[.;?!]")


def find_regimens(folded: str, formulary: Any) -> list[RegimenHit]:
    """Every regimen the folded question names (see the module docstring)."""
    names, cues, before, by_name = _patterns()
    out: list[RegimenHit] = []
    for m in names.finditer(folded):
        name = " ".join(m.group(0).split())
        regimen = by_name[name]
        if m.group("cued") is not None:
            lo = max((s.end() for s in _SENTENCE.finditer(folded, 0, m.start())), default=0)
            hi = next((s.start() for s in _SENTENCE.finditer(folded, m.end())), len(folded))
            sentence = folded[lo : m.start()] + " " + folded[m.end() : hi]
            if not (cues.search(sentence) or before.search(folded[lo : m.start()])):
                continue
        classes = sorted(
            {c for d in regimen.drugs if d in formulary.drugs for c in formulary.drugs[d].classes}
        )
        out.append(RegimenHit(regimen, tuple(classes), m.start(), m.end()))
    return out


def check_regimens(formulary: Any) -> list[str]:
    """Regimen drugs the formulary does not know (a test checks there are none)."""
    return [
        f"regimens.yaml: {r.id}: drug {d!r} is not in the formulary"
        for r in regimens().regimens
        for d in r.drugs
        if d not in formulary.drugs
    ]
