"""The number verifier: every figure in an answer must come from a record the answer used.

Rule. Let R be the records an answer used (its findings, recommendations, claims and protocols,
the sources its references cite, and the conditions and points it names). A figure in the
answer's text is *traced* when its value equals a value of R: a numeric field (taken as
published, as its absolute value, and, for proportions and CI levels, times 100 because they
print as percentages) or a figure written inside a text field of R (a summary, a scale, a DOI,
a date). A small proportion ``p`` printed as "about one in N" is traced through ``N = one_in(p)``.
A token that mixes letters and digits (``BL23``, ``COX-2``, ``NG59``) is traced when
the same token occurs in R's text. Citation markers ``[1, 2]`` are not figures.

Claims that do not hold up (status other than ``supported``) do not lend their *statements*
to R: an untraceable figure in a circulating claim must not slip into an answer through it.

An answer with any untraced figure is not shown: :func:`check_answer` returns the problems and
:func:`acupath.answer.ask` replaces the answer by an honest failure.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from acupath.errors import AcupathError
from acupath.evidence.schemas import Claim, Finding


def one_in(p: float) -> int:
    """``N`` of "about 1 in N" for a small proportion ``p`` (0 < p < 1): ``1/p`` rounded to one
    significant figure from 1,000 up (1 in 4,000 for 0.00024) and to two below (1 in 140 for
    0.007), since "about" promises no more precision than that."""
    if not 0 < p < 1:
        raise ValueError(f"p must lie in (0, 1); got {p}")
    n = 1 / p
    digits = 1 if n >= 1000 else 2
    return int(round(n, digits - 1 - math.floor(math.log10(n))))


_MARKER = re.compile(r"\[\d+(?:,\s*\d+)*\]")
_CODE = re.compile(r"\b[A-Za-z]+[-‑]?\d+[A-Za-z0-9]*\b")
_FIGURE = re.compile(r"(?<![A-Za-z0-9.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![A-Za-z0-9])")
_PERCENT_FIELDS = {"ci_level"}


class UnverifiedAnswer(AcupathError):
    """An answer contained a figure that no record it used holds; it must not be shown."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            "answer withheld: figures not traceable to the records used: "
            + "; ".join(self.problems)
        )


@dataclass(frozen=True)
class Evidence:
    """The traceable values and tokens of a set of records."""

    values: frozenset[float]
    codes: frozenset[str]

    def has_value(self, x: float) -> bool:
        if x in self.values:
            return True
        return any(math.isclose(x, v, rel_tol=1e-9, abs_tol=1e-9) for v in self.values)


def figures(text: str) -> list[str]:
    """The figures of ``text`` (without markers), as written: ``17,922``, ``0.23``, ``95``."""
    text = _MARKER.sub(" ", text)
    text = _CODE.sub(" ", text)
    return [m.group(0) for m in _FIGURE.finditer(text)]


def codes(text: str) -> list[str]:
    """Tokens that mix letters and digits (point codes, ICD-10 codes, ``COX-2``)."""
    return [m.group(0).upper().replace("‑", "-") for m in _CODE.finditer(_MARKER.sub(" ", text))]


def _value(token: str) -> float:
    return float(token.replace(",", ""))


def _add_number(values: set[float], x: float, *, percent: bool) -> None:
    if isinstance(x, bool) or not math.isfinite(x):
        return
    for v in (x, abs(x), round(abs(x), 4)):
        values.add(float(v))
    if percent:
        values.add(abs(x) * 100)
        values.add(round(abs(x) * 100, 4))


def _walk(
    obj: Any, values: set[float], texts: list[str], *, percent: bool = False, key: str = ""
) -> None:
    if isinstance(obj, bool) or obj is None:
        return
    if isinstance(obj, int | float):
        _add_number(values, float(obj), percent=percent or key in _PERCENT_FIELDS)
    elif isinstance(obj, str):
        texts.append(obj)
    elif isinstance(obj, dt.date):
        texts.append(obj.isoformat())
    elif isinstance(obj, BaseModel):
        _walk_model(obj, values, texts)
    elif isinstance(obj, Mapping):
        for k, v in obj.items():
            _walk(v, values, texts, percent=percent, key=str(k))
    elif isinstance(obj, list | tuple | set | frozenset):
        for v in obj:
            _walk(v, values, texts, percent=percent, key=key)


def _walk_model(model: BaseModel, values: set[float], texts: list[str]) -> None:
    skip: set[str] = set()
    if isinstance(model, Claim) and model.status != "supported":
        skip = {"statement", "keywords"}
    percent = isinstance(model, Finding) and model.measure == "proportion"
    if percent and isinstance(model, Finding) and model.estimate and 0 < model.estimate < 0.01:
        # "about 1 in N" for a small share (see :func:`one_in`): N is traced to the record
        values.add(float(one_in(model.estimate)))
    for name in type(model).model_fields:
        if name in skip:
            continue
        value = getattr(model, name)
        is_stat = name in ("estimate", "ci_lower", "ci_upper")
        _walk(value, values, texts, percent=percent and is_stat, key=name)


_CACHE: dict[int, tuple[Any, frozenset[float], frozenset[str]]] = {}
_CACHE_LIMIT = 100_000


def _record_evidence(rec: Any) -> tuple[frozenset[float], frozenset[str]]:
    """Values and codes of one record; immutable records are read once and remembered."""
    hit = _CACHE.get(id(rec))
    if hit is not None and hit[0] is rec:
        return hit[1], hit[2]
    values: set[float] = set()
    texts: list[str] = []
    _walk(rec, values, texts)
    found_codes: set[str] = set()
    for t in texts:
        for fig in figures(t):
            values.add(_value(fig))
        found_codes.update(codes(t))
    out = (frozenset(values), frozenset(found_codes))
    if isinstance(rec, BaseModel) and rec.model_config.get("frozen"):
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[id(rec)] = (rec, *out)
    return out


def evidence_of(records: Iterable[Any]) -> Evidence:
    """Collect the traceable values and codes of ``records`` (models, mappings, dates)."""
    values: set[float] = set()
    found_codes: set[str] = set()
    for rec in records:
        v, c = _record_evidence(rec)
        values |= v
        found_codes |= c
    return Evidence(frozenset(values), frozenset(found_codes))


def problems_in(text: str, evidence: Evidence) -> list[str]:
    """The figures and codes of ``text`` that ``evidence`` does not hold."""
    out: list[str] = []
    for fig in figures(text):
        if not evidence.has_value(_value(fig)):
            out.append(fig)
    for code in codes(text):
        if code not in evidence.codes:
            out.append(code)
    return list(dict.fromkeys(out))


def check_text(text: str, records: Iterable[Any]) -> list[str]:
    """Untraced figures of ``text`` against ``records``; empty when every figure is traced."""
    return problems_in(text, evidence_of(records))


def verify_or_raise(text: str, records: Iterable[Any]) -> None:
    """Raise :class:`UnverifiedAnswer` when ``text`` has a figure no record holds."""
    problems = check_text(text, records)
    if problems:
        raise UnverifiedAnswer(problems)
