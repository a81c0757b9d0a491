"""The acupoint atlas: load the point, ear-point and caution records and answer look-ups.

Data layout under ``acupath/data/points/``::

    meridians/NN_xx.yaml   Point records, one file per meridian in WHO order, then extra points
    auricular/*.yaml       AuricularPoint records (NADA, Battlefield Acupuncture)
    cautions/*.yaml        Caution records

Loading refuses the atlas (``KnowledgeBaseError``) when a record breaks its schema, when a code
is duplicated, when the WHO meridian counts (361 points) are not met, when a caution names a
point or a source that does not exist, or when a point or ear point lists a caution that does
not exist. The bundled atlas is loaded once per process (:func:`bundled_atlas`); it is immutable.

English point names come from Deadman, *A Manual of Acupuncture* (source ``deadman2007``): the
WHO standards give English names to the meridians only (WHO 1991, section 3.1). 349 of the 361
WHO points carry one; the 12 the source record lists (ST17, ST33, SP14, BL22, BL45, KI10, KI15,
GB27, GB32, LR4, LR9, CV11) are left empty because their name could not be checked. English
names resolve like pinyin (``normalise_code("Kidney Shu")`` -> ``BL23``); the one the book gives
to two points (``Spirit Gate``: HT7 and CV8) is refused as ambiguous.

Cautions are linked both ways on load: every point covered by a caution (listed by code, or
lying in one of the caution's ``regions``) gets the caution's id in ``Point.cautions``, and the
caution's ``points`` then lists every covered code in atlas order.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from acupath.errors import InputError, KnowledgeBaseError, NotFound
from acupath.evidence.loader import DATA_DIR, bundled_sources, load_base, read_records
from acupath.points.names import fold, normalise_meridian, resolve
from acupath.points.schemas import (
    CAUTION_KINDS,
    REGIONS,
    WHO_POINT_COUNTS,
    AuricularPoint,
    Caution,
    Point,
)

AnyPoint = Point | AuricularPoint


@dataclass(frozen=True)
class Atlas:
    """The loaded atlas: body points and ear points by code, cautions by id, and a name index."""

    points: Mapping[str, Point]
    auricular: Mapping[str, AuricularPoint]
    cautions: Mapping[str, Caution]
    index: Mapping[str, tuple[str, ...]]
    labels: Mapping[str, str]
    root: Path

    def get(self, code: str) -> AnyPoint:
        """The record of an exact code (already normalised)."""
        if code in self.points:
            return self.points[code]
        return self.auricular[code]

    def codes(self) -> tuple[str, ...]:
        """Every code, body points first, in atlas order."""
        return (*self.points, *self.auricular)


def _names_of(record: AnyPoint) -> list[str]:
    if isinstance(record, Point):
        names = [record.pinyin, *record.names]
        names += [n for n in (record.hanzi, record.hanzi_variant, record.english) if n]
        return names
    return [record.name, *record.aliases]


def _build_index(
    records: list[AnyPoint],
) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Folded name -> codes, and folded name -> the name as written (for suggestions).

    Body-point names take precedence: an ear-point name that folds to a body point's name
    (``Shen Men`` and HT7 ``Shenmen``) is left out of the index, so the body point wins.
    """
    index: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    folded: dict[str, str] = {}  # each name folded once (many repeat across points)

    def key_of(name: str) -> str:
        if name not in folded:
            folded[name] = fold(name)
        return folded[name]

    body_keys = {key_of(n) for r in records if isinstance(r, Point) for n in _names_of(r)}
    for record in records:
        for name in _names_of(record):
            key = key_of(name)
            if isinstance(record, AuricularPoint) and key in body_keys:
                continue
            codes = index.setdefault(key, [])
            labels.setdefault(key, name)
            if record.code not in codes:
                codes.append(record.code)
    return {key: tuple(codes) for key, codes in index.items()}, labels


def _check_counts(points: Mapping[str, Point], folder: Path) -> None:
    counts: Counter[str] = Counter(
        str(p.meridian) for p in points.values() if p.kind == "classical"
    )
    for meridian, expected in WHO_POINT_COUNTS.items():
        if counts[meridian] != expected:
            raise KnowledgeBaseError(
                f"meridian {meridian} must have {expected} WHO points; found {counts[meridian]}",
                file=folder,
            )
    for meridian, expected in WHO_POINT_COUNTS.items():
        numbers = sorted(p.number or 0 for p in points.values() if p.meridian == meridian)
        if numbers != list(range(1, expected + 1)):
            raise KnowledgeBaseError(
                f"meridian {meridian} must be numbered 1-{expected} without gaps", file=folder
            )


def load_atlas(root: Path | str = DATA_DIR, source_ids: set[str] | None = None) -> Atlas:
    """Load and check the atlas under ``root/points``.

    ``source_ids`` are the ids a caution or point may cite; by default those of the knowledge
    base under ``root`` (for the bundled data folder, its sources alone:
    :func:`acupath.evidence.loader.bundled_sources`).
    """
    root = Path(root)
    folder = root / "points"
    if source_ids is None:
        source_ids = set(bundled_sources() if root == DATA_DIR else load_base(root).sources)
    points = read_records(folder / "meridians", Point)
    auricular = read_records(folder / "auricular", AuricularPoint)
    cautions = read_records(folder / "cautions", Caution)
    if not points:
        raise KnowledgeBaseError("no point records found", file=folder / "meridians")
    _check_counts(points, folder / "meridians")
    clash = set(points) & set(auricular)
    if clash:
        raise KnowledgeBaseError(f"codes used twice: {sorted(clash)}", file=folder)

    for kind, records in (("meridians", points), ("auricular", auricular), ("cautions", cautions)):
        for rid, rec in records.items():
            for ref in rec.sources:
                if ref not in source_ids:
                    raise KnowledgeBaseError(
                        f"refers to unknown source {ref!r}",
                        file=folder / kind,
                        record=rid,
                        field="sources",
                    )

    # Link cautions to points both ways.
    covered: dict[str, list[str]] = {code: [] for code in (*points, *auricular)}
    linked: dict[str, Caution] = {}
    for cid, caution in cautions.items():
        codes: list[str] = []
        for code in caution.points:
            if code not in covered:
                raise KnowledgeBaseError(
                    f"refers to unknown point {code!r}",
                    file=folder / "cautions",
                    record=cid,
                    field="points",
                )
            codes.append(code)
        everything: list[AnyPoint] = [*points.values(), *auricular.values()]
        for located in everything:
            if set(located.regions) & set(caution.regions):
                codes.append(located.code)
        codes = list(dict.fromkeys(codes))
        for code in codes:
            covered[code].append(cid)
        order = {code: i for i, code in enumerate(covered)}
        linked[cid] = caution.model_copy(
            update={"points": tuple(sorted(codes, key=lambda c: order[c]))}
        )

    def _with_cautions(record: AnyPoint, kind: str) -> AnyPoint:
        for cid in record.cautions:
            if cid not in cautions:
                raise KnowledgeBaseError(
                    f"refers to unknown caution {cid!r}",
                    file=folder / kind,
                    record=record.code,
                    field="cautions",
                )
        merged = tuple(dict.fromkeys((*record.cautions, *covered[record.code])))
        return record.model_copy(update={"cautions": merged})

    final_points = {c: _with_cautions(p, "meridians") for c, p in points.items()}
    final_ear = {c: _with_cautions(p, "auricular") for c, p in auricular.items()}
    points_typed: dict[str, Point] = {c: p for c, p in final_points.items() if isinstance(p, Point)}
    ear_typed: dict[str, AuricularPoint] = {
        c: p for c, p in final_ear.items() if isinstance(p, AuricularPoint)
    }
    index, labels = _build_index([*points_typed.values(), *ear_typed.values()])
    return Atlas(
        points=points_typed,
        auricular=ear_typed,
        cautions=linked,
        index=index,
        labels=labels,
        root=root,
    )


@functools.cache
def bundled_atlas() -> Atlas:
    """The bundled atlas, loaded once per process (it is immutable)."""
    return load_atlas(DATA_DIR)


# ---------------------------------------------------------------------------------------------
# The public façade (re-exported by acupath.points)


def normalise_code(text: str) -> str:
    """Resolve any common spelling of a point to its atlas code.

    >>> normalise_code("UB-23"), normalise_code("bl23"), normalise_code("Shenshu")
    ('BL23', 'BL23', 'BL23')

    Raises :class:`acupath.errors.NotFound` (exit code 2) naming close matches when the text
    names no point. The rules are in :mod:`acupath.points.names`.
    """
    atlas = bundled_atlas()
    return resolve(text, atlas.codes(), atlas.index, atlas.labels)


def get_point(text: str) -> AnyPoint:
    """The point (body or ear) that ``text`` names, after normalisation."""
    atlas = bundled_atlas()
    return atlas.get(resolve(text, atlas.codes(), atlas.index, atlas.labels))


def all_points() -> tuple[AnyPoint, ...]:
    """Every point in atlas order: the 361 WHO points by meridian, extra points, ear points."""
    atlas = bundled_atlas()
    return (*atlas.points.values(), *atlas.auricular.values())


def auricular_points() -> tuple[AuricularPoint, ...]:
    """The ear points, in atlas order."""
    return tuple(bundled_atlas().auricular.values())


def all_cautions() -> tuple[Caution, ...]:
    """Every caution record, with ``points`` expanded to every covered code."""
    return tuple(bundled_atlas().cautions.values())


def get_caution(caution_id: str) -> Caution:
    """One caution by id; NotFound lists the ids."""
    cautions = bundled_atlas().cautions
    if caution_id not in cautions:
        raise NotFound.unknown("caution", caution_id, list(cautions))
    return cautions[caution_id]


def cautions_for(code: str) -> tuple[Caution, ...]:
    """The cautions that apply to a point (any spelling), in the order of the caution files."""
    point = get_point(code)
    cautions = bundled_atlas().cautions
    return tuple(cautions[cid] for cid in point.cautions)


def _matches_caution(point: Point, caution: str, cautions: Mapping[str, Caution]) -> bool:
    if caution in cautions:
        return caution in point.cautions
    return any(cautions[cid].kind == caution for cid in point.cautions)


def search_points(
    meridian: str | None = None,
    region: str | None = None,
    caution: str | None = None,
    text: str | None = None,
) -> tuple[Point, ...]:
    """Body points matching every filter given, in atlas order (ear points: auricular_points).

    ``meridian`` takes any notation (``UB``, ``SJ``, ``EX``); ``region`` a slug of
    :data:`acupath.points.schemas.REGIONS`; ``caution`` a caution kind (``pregnancy``) or a
    caution id; ``text`` a substring of the code, pinyin, English name, other names or location.
    Unknown values of ``meridian``, ``region`` or ``caution`` raise :class:`InputError`.
    """
    atlas = bundled_atlas()
    wanted_meridian = normalise_meridian(meridian) if meridian is not None else None
    if region is not None and region not in REGIONS:
        raise InputError.invalid("region", region, f"one of {', '.join(REGIONS)}")
    if caution is not None and caution not in atlas.cautions and caution not in CAUTION_KINDS:
        raise InputError.invalid(
            "caution",
            caution,
            f"a caution kind ({', '.join(CAUTION_KINDS)}) or a caution id",
        )
    needle = fold(text) if text else None
    out: list[Point] = []
    for point in atlas.points.values():
        if wanted_meridian is not None and point.meridian != wanted_meridian:
            continue
        if region is not None and region not in point.regions:
            continue
        if caution is not None and not _matches_caution(point, caution, atlas.cautions):
            continue
        if needle is not None:
            hay = [point.code, point.location, *_names_of(point)]
            if not any(needle in fold(h) for h in hay):
                continue
        out.append(point)
    return tuple(out)
