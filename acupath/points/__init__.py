"""Acupoint atlas: the 361 WHO points, extra points, NADA and battlefield ear points, cautions.

Public API (pure functions over the bundled, immutable atlas)::

    from acupath.points import (
        Point, AuricularPoint, Caution,   # frozen pydantic models
        normalise_code,   # "UB-23", "bl23", "Shenshu" -> "BL23"; NotFound (exit 2) if unknown
        get_point,        # text -> Point | AuricularPoint
        all_points,       # every point in atlas order
        search_points,    # filters: meridian, region, caution (kind or id), text
        cautions_for,     # code -> tuple of Caution
    )

Names and aliases are handled in :mod:`acupath.points.names`, loading and checks in
:mod:`acupath.points.atlas`, the record models and vocabularies in :mod:`acupath.points.schemas`.
"""

from acupath.points.atlas import (
    Atlas,
    all_cautions,
    all_points,
    auricular_points,
    bundled_atlas,
    cautions_for,
    get_caution,
    get_point,
    load_atlas,
    normalise_code,
    search_points,
)
from acupath.points.names import MERIDIAN_ALIASES, fold, normalise_meridian
from acupath.points.schemas import (
    CAUTION_KINDS,
    MERIDIAN_NAMES,
    MERIDIANS,
    REGIONS,
    WHO_POINT_COUNTS,
    AuricularPoint,
    Caution,
    Point,
)

__all__ = [
    "CAUTION_KINDS",
    "MERIDIANS",
    "MERIDIAN_ALIASES",
    "MERIDIAN_NAMES",
    "REGIONS",
    "WHO_POINT_COUNTS",
    "Atlas",
    "AuricularPoint",
    "Caution",
    "Point",
    "all_cautions",
    "all_points",
    "auricular_points",
    "bundled_atlas",
    "cautions_for",
    "fold",
    "get_caution",
    "get_point",
    "load_atlas",
    "normalise_code",
    "normalise_meridian",
    "search_points",
]
