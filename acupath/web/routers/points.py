"""Points pages and their JSON twins: the searchable atlas and each point's card with cautions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from acupath.evidence.loader import EvidenceBase
from acupath.points import (
    CAUTION_KINDS,
    MERIDIAN_NAMES,
    REGIONS,
    AuricularPoint,
    Caution,
    Point,
    auricular_points,
    cautions_for,
    get_point,
    search_points,
)
from acupath.web.deps import StateDep
from acupath.web.pages import render

router = APIRouter(tags=["points"])
PAGE_LIMIT = 400
"""The whole atlas (about 400 body points) fits on one page."""


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def points_document(
    meridian: str | None, region: str | None, caution: str | None, text: str | None, ear: bool
) -> dict[str, Any]:
    filters = {
        "meridian": _blank(meridian),
        "region": _blank(region),
        "caution": _blank(caution),
        "text": _blank(text),
    }
    if ear:
        selected: tuple[Point | AuricularPoint, ...] = auricular_points()
    else:
        selected = search_points(**filters)
    return {
        "filters": filters | {"ear": ear},
        "count": len(selected),
        "points": [p.model_dump(mode="json") for p in selected],
    }


def _citations(base: EvidenceBase, caution: Caution) -> list[dict[str, Any]]:
    return [
        {"id": sid, "citation": base.sources[sid].citation(), "link": base.sources[sid].link()}
        for sid in caution.sources
        if sid in base.sources
    ]


def point_document(base: EvidenceBase, code: str) -> dict[str, Any]:
    point = get_point(code)
    return {
        "point": point.model_dump(mode="json"),
        "type": "auricular" if isinstance(point, AuricularPoint) else "body",
        "meridian_name": MERIDIAN_NAMES.get(getattr(point, "meridian", ""), None),
        "cautions": [
            c.model_dump(mode="json") | {"citations": _citations(base, c)}
            for c in cautions_for(point.code)
        ],
    }


@router.get("/points", include_in_schema=False)
def points_page(
    request: Request,
    meridian: str | None = None,
    region: str | None = None,
    caution: str | None = None,
    text: str | None = None,
    ear: bool = False,
) -> Response:
    doc = points_document(meridian, region, caution, text, ear)
    context = {
        "title": "Points",
        "meridians": MERIDIAN_NAMES,
        "regions": REGIONS,
        "caution_kinds": CAUTION_KINDS,
        **doc,
    }
    return render(request, "points/index.html", context)


@router.get("/points/{code}", include_in_schema=False)
def point_page(request: Request, app: StateDep, code: str) -> Response:
    doc = point_document(app.base, code)
    return render(request, "points/card.html", {"title": doc["point"]["code"], **doc})


@router.get("/api/points")
def api_points(
    meridian: str | None = None,
    region: str | None = None,
    caution: str | None = None,
    text: str | None = None,
    ear: bool = False,
) -> dict[str, Any]:
    """Body points filtered by meridian (any notation), region, caution kind or id, and text."""
    return points_document(meridian, region, caution, text, ear)


@router.get("/api/points/{code}")
def api_point(app: StateDep, code: str) -> dict[str, Any]:
    """One point (any spelling: BL23, UB-23, Shenshu) with its cautions and their sources."""
    return point_document(app.base, code)
