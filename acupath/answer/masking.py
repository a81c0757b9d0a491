"""Masking the figures of circulating claims that do not hold up, without blanking verified text.

A claim that is unverified, contradicted or only partly supported is shown with its figures
replaced by "…" (:func:`acupath.answer.voice.redact_numbers`), so that an untraceable number
never reappears. What is *not* a claim's figure stays: the year of an author-year citation that
resolves to a source in the base ("Lam 2013 (Spine)"), which is then cited, and a point code that
a trial protocol in the corpus needles ("BL23, BL25 and GB30"), with that protocol cited, so that
every token kept is traced to a record the line cites (issue 14: masking blanked both).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

from acupath.answer.corpus import Document
from acupath.answer.retrieve import Index
from acupath.answer.verify import codes
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Claim
from acupath.memo import per_object

_AUTHOR_YEAR = re.compile(r"\b([A-Z][A-Za-z'’-]+)(?: et al\.?)? ((?:19|20)\d\d)\b")


_AUTHOR_YEAR_CACHE: dict[int, tuple[EvidenceBase, dict[tuple[str, int], str]]] = {}


def _author_year_index(base: EvidenceBase) -> dict[tuple[str, int], str]:
    """Sources by (first author's surname in lower case, year), built once per base."""
    hit = _AUTHOR_YEAR_CACHE.get(id(base))
    if hit is not None and hit[0] is base:
        return hit[1]
    out: dict[tuple[str, int], str] = {}
    for s in base.sources.values():
        first = s.authors.split(",")[0].split()
        if first:
            out.setdefault((first[0].lower(), s.year), s.id)
    if len(_AUTHOR_YEAR_CACHE) > 8:
        _AUTHOR_YEAR_CACHE.clear()
    _AUTHOR_YEAR_CACHE[id(base)] = (base, out)
    return out


@functools.cache
def _atlas_codes() -> frozenset[str]:
    """Codes of the acupoint atlas (``BL23``); empty when the atlas is not installed."""
    try:
        from acupath.points import all_points
    except ImportError:
        return frozenset()
    return frozenset(re.sub(r"[\s-]", "", p.code.upper()) for p in all_points())


def merge_markers(a: str, b: str) -> str:
    nums = sorted({int(n) for m in (a, b) if m for n in m.strip("[]").split(",")})
    return "[" + ", ".join(str(n) for n in nums) + "]" if nums else ""


def verified_tokens(
    base: EvidenceBase, index: Index, c: Claim
) -> tuple[Callable[[str], bool], list[str], list[Document]]:
    """Tokens of an unsupported claim that are verified content, not the claim's figures:
    point codes (``BL23``) that a trial protocol in the corpus needles, and the years of
    author-year citations that resolve to a source in the base (``Lam 2013``); with the
    sources and protocols to cite for them, so that each kept token is traced to a record
    the line cites."""
    if c.status == "supported":
        return (lambda _t: False), [], []
    text = f"{c.statement} {c.note}"
    sources: list[str] = []
    years: set[str] = set()
    for m in _AUTHOR_YEAR.finditer(text):
        sid = _author_year_index(base).get((m.group(1).lower(), int(m.group(2))))
        if sid is not None:
            years.add(m.group(2))
            names = f"{m.group(1)} {m.group(2)}"
            years.add(names)
            if sid not in sources:
                sources.append(sid)
    atlas = _atlas_codes()
    by_code = _protocols_by_code(index)
    kept_codes: set[str] = set()
    docs: list[Document] = []
    for token in codes(text):
        code = re.sub(r"[\s-]", "", token.upper())
        holders = by_code.get(code, [])
        if code not in atlas or not holders:
            continue
        kept_codes.add(code)
        cited_here = [d for d in holders if set(d.sources) & set(sources)] or holders
        if not any(d in docs for d in holders):
            docs.append(cited_here[0])

    def keep(token: str) -> bool:
        if token in years:
            return True
        return re.sub(r"[\s-]", "", token.upper()) in kept_codes

    return keep, sources, docs


_BY_CODE: dict[int, tuple[Any, Any]] = {}


def _protocols_by_code(index: Index) -> dict[str, list[Document]]:
    """Protocol documents by the point codes they needle (``BL23``), built once per index
    (each bullet of an answer asked for it again: 5 ms a bullet, the largest cost of a
    slow patient question in the wave-3 profile)."""
    return per_object(_BY_CODE, index, lambda: _index_protocols(index))


def _index_protocols(index: Index) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for d in index.documents:
        if d.kind != "protocol" or not isinstance(d.record, Mapping):
            continue
        raw = d.record.get("points") or []
        for item in raw if isinstance(raw, list) else []:
            code = item.get("code") if isinstance(item, Mapping) else item
            if isinstance(code, str):
                out.setdefault(re.sub(r"[\s-]", "", code.upper()), []).append(d)
    return out
