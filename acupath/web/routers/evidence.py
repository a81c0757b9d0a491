"""Evidence pages and their JSON twins: conditions, findings by comparator and outcome,
guideline positions side by side, the seed-claims audit and the sources with links."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, get_args

from fastapi import APIRouter, Request
from fastapi.responses import Response

from acupath.errors import NotFound
from acupath.evidence import present, query
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Comparator, Finding
from acupath.meta.plots import forest_plot
from acupath.meta.recompute import arm_text, recompute
from acupath.web.deps import StateDep
from acupath.web.pages import render

router = APIRouter(tags=["evidence"])

COMPARATOR_ORDER = list(get_args(Comparator))
"""Comparators in the order clinicians weigh them: sham first, then no acupuncture, usual care..."""


def conditions_document(base: EvidenceBase) -> dict[str, Any]:
    """Every condition with its evidence profile: findings, best certainty, search date."""
    return {
        "conditions": [
            c.model_dump(mode="json") | query.condition_profile(base, c.id).as_dict()
            for c in base.conditions.values()
        ]
    }


def finding_json(base: EvidenceBase, f: Finding) -> dict[str, Any]:
    record: dict[str, Any] = f.model_dump(mode="json")
    record["display"] = present.estimate(f)
    record["certainty_text"] = present.certainty(f)
    record["reference"] = query.reference(query.source(base, f.source))
    return record


def condition_document(base: EvidenceBase, condition_id: str) -> dict[str, Any]:
    """Everything the condition page shows, grouped as it shows it."""
    cond = query.condition(base, condition_id)
    found = query.select_findings(base, query.FindingFilter(condition=condition_id))
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for f in found:
        groups.setdefault((f.comparator, f.outcome), []).append(finding_json(base, f))
    recs = query.recommendations_for(base, condition_id)
    claims = query.claims(base, condition_id)
    source_ids = [f.source for f in found] + [r.source for r in recs]
    for c in claims:
        source_ids += query.sources_cited_by(base, "claim", c)
    return {
        "condition": cond.model_dump(mode="json"),
        "profile": query.condition_profile(base, condition_id).as_dict(),
        "count": len(found),
        "groups": [
            {"comparator": comp, "outcome": outcome, "findings": items}
            for (comp, outcome), items in sorted(
                groups.items(), key=lambda kv: (COMPARATOR_ORDER.index(kv[0][0]), kv[0][1])
            )
        ],
        "recommendations": [
            r.model_dump(mode="json") | {"reference": query.reference(query.source(base, r.source))}
            for r in sorted(recs, key=lambda r: (-r.year, r.body))
        ],
        "claims": [c.model_dump(mode="json") for c in claims],
        "analyses": [analysis_json(f) for f in found if f.provenance == "computed"],
        "references": query.references(base, source_ids),
    }


def analysis_json(f: Finding) -> dict[str, Any]:
    """A meta-analysis acupath recomputed from trial data, with the address of its forest plot."""
    return {
        "finding": f.id,
        "summary": f.summary,
        "display": present.estimate(f),
        "studies": len(f.computed_from),
        "forest_plot": f"/evidence/analyses/{f.id}.svg",
    }


def forest_svg(base: EvidenceBase, finding_id: str) -> bytes:
    """The forest plot of a recomputed meta-analysis, drawn from its studies, as SVG."""
    record = base.findings.get(finding_id)
    if record is None or record.provenance != "computed":
        computed = [f.id for f in base.findings.values() if f.provenance == "computed"]
        raise NotFound.unknown("recomputed meta-analysis", finding_id, computed)
    result = recompute(record, base)
    control = "Favours " + record.comparator.replace("_", " ")
    favours = ("Favours acupuncture", control)
    if record.better == "higher":
        favours = (control, "Favours acupuncture")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "forest.svg"
        forest_plot(
            result.result,
            path,
            measure=record.measure,
            arms=arm_text(result.studies),
            favours=favours,
            title=record.summary if len(record.summary) < 90 else None,
        )
        return path.read_bytes()


def claims_document(
    base: EvidenceBase, condition: str | None, status: str | None
) -> dict[str, Any]:
    selected = query.claims(base, condition, status)
    return {
        "count": len(selected),
        "claims": [
            c.model_dump(mode="json")
            | {"references": query.references(base, query.sources_cited_by(base, "claim", c))}
            for c in selected
        ],
    }


def sources_document(base: EvidenceBase) -> dict[str, Any]:
    return {
        "count": len(base.sources),
        "sources": [
            s.model_dump(mode="json") | {"citation": s.citation(), "link": s.link()}
            for s in base.sources.values()
        ],
    }


# --- pages -------------------------------------------------------------------------------


@router.get("/evidence", include_in_schema=False)
def evidence_page(request: Request, app: StateDep) -> Response:
    doc = conditions_document(app.base)
    return render(request, "evidence/index.html", {"title": "Evidence", **doc})


@router.get("/evidence/claims", include_in_schema=False)
def claims_page(
    request: Request, app: StateDep, condition: str | None = None, status: str | None = None
) -> Response:
    doc = claims_document(app.base, condition or None, status or None)
    return render(request, "evidence/claims.html", {"title": "Claims audit", **doc})


@router.get("/evidence/sources", include_in_schema=False)
def sources_page(request: Request, app: StateDep) -> Response:
    return render(
        request, "evidence/sources.html", {"title": "Sources", **sources_document(app.base)}
    )


@router.get("/evidence/analyses/{finding_id}.svg", include_in_schema=False)
def forest_plot_svg(app: StateDep, finding_id: str) -> Response:
    """Forest plot of a meta-analysis acupath recomputed from the trials in its evidence base."""
    return Response(forest_svg(app.base, finding_id), media_type="image/svg+xml")


@router.get("/evidence/{condition}", include_in_schema=False)
def condition_page(request: Request, app: StateDep, condition: str) -> Response:
    doc = condition_document(app.base, condition)
    return render(request, "evidence/condition.html", {"title": doc["condition"]["name"], **doc})


# --- API ---------------------------------------------------------------------------------


@router.get("/api/evidence/conditions")
def api_conditions(app: StateDep) -> dict[str, Any]:
    """The conditions with their ICD-10 codes and how many findings each has."""
    return conditions_document(app.base)


@router.get("/api/evidence/conditions/{condition}")
def api_condition(app: StateDep, condition: str) -> dict[str, Any]:
    """One condition: findings grouped by comparator and outcome, guidelines, claims, sources."""
    return condition_document(app.base, condition)


@router.get("/api/evidence/findings")
def api_findings(
    app: StateDep,
    condition: str | None = None,
    comparator: str | None = None,
    outcome: str | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """Findings filtered by condition, comparator, outcome or source (unknown values: 404/400)."""
    flt = query.FindingFilter(condition, comparator, outcome, source)
    found = query.select_findings(app.base, flt)
    return {
        "filters": {
            "condition": condition,
            "comparator": comparator,
            "outcome": outcome,
            "source": source,
        },
        "count": len(found),
        "findings": [finding_json(app.base, f) for f in found],
    }


@router.get("/api/evidence/recommendations")
def api_recommendations(app: StateDep, condition: str | None = None) -> dict[str, Any]:
    """Guideline and coverage positions, for one condition or all."""
    recs = query.recommendations_for(app.base, condition)
    return {
        "count": len(recs),
        "recommendations": [
            r.model_dump(mode="json")
            | {"reference": query.reference(query.source(app.base, r.source))}
            for r in recs
        ],
    }


@router.get("/api/evidence/claims")
def api_claims(
    app: StateDep, condition: str | None = None, status: str | None = None
) -> dict[str, Any]:
    """Circulating claims (the seed documents' among them) with their status and references."""
    return claims_document(app.base, condition, status)


@router.get("/api/evidence/sources")
def api_sources(app: StateDep) -> dict[str, Any]:
    """Every source with its citation and best link."""
    return sources_document(app.base)


@router.get("/api/evidence/records/{record_id}")
def api_record(app: StateDep, record_id: str) -> dict[str, Any]:
    """Any record by id, with the references it rests on."""
    kind, record = query.lookup(app.base, record_id)
    refs = query.references(app.base, query.sources_cited_by(app.base, kind, record))
    return {"kind": kind, "record": record.model_dump(mode="json"), "references": refs}
