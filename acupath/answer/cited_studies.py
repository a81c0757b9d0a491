"""Studies cited by first author and year in a question: "Zheng 2022", "Vickers et al. (2018)",
"the Bäumler 2021 review", "Llurda-Almuzara 2021".

A clinician names a paper the way a reference list does. Each source record of the evidence base
carries its authors (surname first) and year, so the first author's surname with the year
identifies the source; the answer then shows what that source's records found, as it does for a
named trial (``names.yaml`` ``trials``). A surname that matches several sources of one year
names them all; a surname or a year alone names nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from acupath.answer.memo import per_object

_CITATION = re.compile(
    r"\b([a-z][a-z'’-]{1,30})(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+and\s+[a-z][a-z'’-]+)?"
    r"\s*,?\s*\(?((?:19|20)\d\d)\)?(?![\d/])"
)


_NOT_SURNAMES = frozenset(
    [
        "in",
        "on",
        "at",
        "of",
        "from",
        "since",
        "by",
        "until",
        "till",
        "after",
        "before",
        "during",
        "the",
        "and",
        "to",
        "for",
        "year",
        "years",
        "summer",
        "winter",
        "spring",
        "autumn",
        "fall",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "back",
        "early",
        "late",
        "mid",
        "born",
        "died",
        "started",
        "stopped",
        "diagnosed",
        "surgery",
        "op",
        "operation",
    ]
)


def _fold(text: str) -> str:
    """Lower case without accents ("Bäumler" -> "baumler"), same length as the input's letters."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


@dataclass(frozen=True)
class CitedStudy:
    words: str
    sources: tuple[str, ...]
    conditions: tuple[str, ...]
    start: int
    end: int
    """Where the citation stands in the text (when folding kept the text's length)."""


_TABLES: dict[int, tuple[Any, Any]] = {}


def _table(base: Any) -> dict[tuple[str, int], tuple[str, ...]]:
    """(first author's folded surname, year) -> source ids, for one evidence base (built once
    per base object)."""
    return per_object(_TABLES, base, lambda: _build(base))


def _build(base: Any) -> dict[tuple[str, int], tuple[str, ...]]:
    out: dict[tuple[str, int], list[str]] = {}
    for sid, source in base.sources.items():
        first = str(source.authors).split(",")[0].strip()
        surname = first.rsplit(" ", 1)[0] if " " in first else first
        # "Llurda-Almuzara A" -> "llurda-almuzara"; also keyed by its first part ("Llurda")
        keys = {_fold(surname)}
        keys.add(_fold(surname).split("-")[0])
        for key in keys:
            out.setdefault((key, int(source.year)), []).append(sid)
    return {k: tuple(v) for k, v in out.items()}


def _conditions(base: Any, sources: tuple[str, ...]) -> tuple[str, ...]:
    found = [f.condition for f in base.findings.values() if f.source in sources and f.condition]
    return tuple(dict.fromkeys(found))


def find_cited(text: str, base: Any) -> list[CitedStudy]:
    """Sources of ``base`` that ``text`` cites by first author and year."""
    if base is None:
        return []
    table = _table(base)
    folded = _fold(text)
    out: list[CitedStudy] = []
    for m in _CITATION.finditer(folded):
        name = m.group(1).replace("’", "'")
        if name in _NOT_SURNAMES:
            continue
        sources = table.get((name, int(m.group(2))))
        if sources:
            span = (m.start(), m.end()) if len(folded) == len(text) else (0, 0)
            words = text[span[0] : span[1]] if span[1] else m.group(0)
            out.append(CitedStudy(words, sources, _conditions(base, sources), *span))
    return out
