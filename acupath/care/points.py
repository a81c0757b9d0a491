"""What care needs from the acupoint atlas: codes, regions, sides and caution kinds.

A thin adapter over :mod:`acupath.points`, so that screening and planning ask one question in
their own words ("does this point lie in the excluded left arm?") and the atlas can change its
internals freely. Needling sites are bilateral unless the point is on the midline; a limb
exclusion therefore removes one side of a point, not the point.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from acupath.care.vocabulary import Site
from acupath.errors import KnowledgeBaseError, NotFound


@dataclass(frozen=True)
class PointFacts:
    """The facts about one point that safety decisions use."""

    code: str
    name: str
    regions: tuple[str, ...]
    midline: bool
    caution_kinds: frozenset[str]
    caution_texts: tuple[str, ...]
    auricular: bool
    caution_pairs: tuple[tuple[str, str], ...] = ()
    depth: str | None = None
    angle: str | None = None


def caution_texts(point: PointFacts, *, pregnant: bool) -> tuple[str, ...]:
    """The atlas cautions worth showing for this patient (pregnancy ones only in pregnancy)."""
    return tuple(text for kind, text in point.caution_pairs if pregnant or kind != "pregnancy")


def normalise(code: str) -> str:
    """The atlas code for any spelling (``UB-23`` -> ``BL23``); NotFound if it names nothing."""
    from acupath.points import normalise_code

    return normalise_code(code)


@functools.cache
def facts(code: str) -> PointFacts:
    """The :class:`PointFacts` of a point (any spelling)."""
    from acupath.points import AuricularPoint, cautions_for, get_point

    point = get_point(code)
    cautions = cautions_for(point.code)
    if isinstance(point, AuricularPoint):
        return PointFacts(
            code=point.code,
            name=point.name,
            regions=tuple(point.regions),
            midline=point.midline,
            caution_kinds=frozenset(c.kind for c in cautions),
            caution_texts=tuple(c.text for c in cautions),
            auricular=True,
            caution_pairs=tuple((c.kind, c.text) for c in cautions),
        )
    return PointFacts(
        code=point.code,
        name=point.pinyin,
        regions=tuple(point.regions),
        midline=point.midline,
        caution_kinds=frozenset(c.kind for c in cautions),
        caution_texts=tuple(c.text for c in cautions),
        auricular=False,
        depth=point.depth,
        angle=point.angle,
        caution_pairs=tuple((c.kind, c.text) for c in cautions),
    )


@functools.cache
def codes_with_caution(kind: str, stages: frozenset[str] = frozenset()) -> frozenset[str]:
    """Codes of points carrying a caution of ``kind``.

    For ``pregnancy`` a caution limited to trimesters counts only when one of ``stages``
    (``trimester_1`` ...) matches; an unknown stage set counts every trimester.
    """
    from acupath.points import all_cautions

    out: set[str] = set()
    for caution in all_cautions():
        if caution.kind != kind:
            continue
        applies = set(caution.applies)
        if "all" not in applies and stages and not (applies & stages):
            continue
        out.update(caution.points)
    return frozenset(out)


def expand(codes: Iterable[str]) -> tuple[str, ...]:
    """Normalise point codes, expanding ranges within a meridian (``BL31-BL34``)."""
    from acupath.points.schemas import expand_codes

    out: list[str] = []
    for code in expand_codes(tuple(codes)):
        try:
            out.append(normalise(code))
        except NotFound as exc:
            raise KnowledgeBaseError(f"names no atlas point: {exc}", record=code) from None
    return tuple(dict.fromkeys(out))


def sides_blocked(point: PointFacts, sites: Iterable[Site]) -> frozenset[str]:
    """Which sides (``left``, ``right``) of a point lie in any of ``sites``.

    A midline point has one needling site; it is reported blocked on both sides when any site
    covering its region applies.
    """
    blocked: set[str] = set()
    for site in sites:
        for side in ("left", "right"):
            if site.covers(point.regions, midline=point.midline, side=side):
                blocked.add(side)
    return frozenset(blocked)


def caution_kinds_at(code: str, regions: Iterable[str]) -> frozenset[str]:
    """Caution kinds of a point placed in ``regions`` (a protocol may say where it needles).

    A caution the atlas attaches to every point of some regions (pneumothorax over the upper
    back) does not follow a point placed outside them: Huatuojiaji (EX-B2) at the lumbar levels
    carries no pneumothorax caution although the thoracic EX-B2 points do. A caution reached a
    point through its regions when the point's atlas regions overlap them; otherwise the caution
    names the point itself and always applies.
    """
    from acupath.points import cautions_for

    point = facts(code)
    wanted = set(regions)
    out = set()
    for caution in cautions_for(code):
        by_region = bool(set(caution.regions) & set(point.regions))
        if by_region and not set(caution.regions) & wanted:
            continue
        out.add(caution.kind)
    return frozenset(out)
