"""Clinic dashboard, its JSON twin and CSV export: results by condition against trial
benchmarks, adverse-event rates against the rates of comparable populations (signed-in users;
the clinic is the user's own). Filters: practitioner and a date range.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from acupath.csvsafe import safe_writer
from acupath.errors import InputError
from acupath.outcomes.benchmarks import is_special_population, safety_benchmarks
from acupath.store import audit, queries
from acupath.store.models import Clinic, User
from acupath.web.clinical import plain
from acupath.web.deps import CurrentUser, SessionDep, StateDep
from acupath.web.pages import render

router = APIRouter(tags=["clinic"])

Practitioner = Annotated[str, Query(max_length=200, description="Only this practitioner's work")]
Since = Annotated[str, Query(max_length=10, description="From this date (YYYY-MM-DD)")]
Until = Annotated[str, Query(max_length=10, description="To this date (YYYY-MM-DD)")]


def _date(name: str, text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError.invalid(name, text, "a date written YYYY-MM-DD") from None


def _pct(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{100 * value:.{digits}f}%"


def _num(value: float | None, share: bool) -> str:
    if value is None:
        return "–"
    if share:
        return _pct(value, 1) if value >= 0.001 or value == 0 else f"{100 * value:.3f}%"
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def _what(b: Any) -> str:
    """What a benchmark measures, in words (``acupuncture arm: responders``)."""
    vs = "control" if b.comparator in ("any", "other", "none") else b.comparator.replace("_", " ")
    words: dict[str, str] = {
        "responder_rate": f"{b.arm.replace('_', ' ')}: responders",
        "mean_change": f"{b.arm.replace('_', ' ')}: change from baseline",
        "between_group_difference": f"acupuncture vs {vs}: difference in pain",
        "effect_size": f"acupuncture vs {vs}: standardised effect",
    }
    return words.get(b.compare_with, str(b.compare_with).replace("_", " "))


def _benchmark_text(b: Any) -> str:
    """A benchmark's value in words: ``48% of patients (acupuncture arm)``, ``-1.1 points``."""
    if b.estimate is None:
        return "–"
    if b.compare_with in ("responder_rate", "adverse_event_share"):
        return _num(b.estimate, True)
    if b.compare_with == "adverse_event_rate":
        return f"{b.estimate:g} {b.unit or ''}".strip()
    if b.compare_with == "effect_size":
        return f"{b.estimate:+.2f} SD"
    return f"{b.estimate:+.1f} points"


def clinic_document(
    db: Session, user: User, base: Any, where: queries.ReportFilter | None = None
) -> tuple[Any, dict[str, Any]]:
    from acupath.outcomes.report import clinic_report

    site = db.get(Clinic, user.clinic_id)
    assert site is not None  # a user's clinic is a foreign key
    report = clinic_report(
        clinic=site.name,
        synthetic=site.synthetic,
        courses=queries.course_outcomes(db=db, clinic_id=site.id, where=where),
        adverse_events=queries.adverse_event_rates(db=db, clinic_id=site.id, where=where),
        base=base,
    )
    audit.log(db=db, actor=user.username, action="read", entity="clinic_report", entity_id=site.id)
    doc = plain(report.as_dict())
    names = {cid: c.name for cid, c in base.conditions.items()}
    doc["condition_names"] = {
        g["condition"]: names.get(g["condition"], g["condition"]) for g in doc["by_condition"]
    }
    doc["filter"] = {
        "practitioner": where.practitioner if where else None,
        "since": where.since.isoformat() if where and where.since else None,
        "until": where.until.isoformat() if where and where.until else None,
    }
    doc["excluded_safety_benchmarks"] = [
        {
            "finding": b.finding,
            "source": b.source,
            "population": b.population,
            "reason": "special population (not comparable with a general clinic)",
        }
        for b in safety_benchmarks(base, general=False)
        if is_special_population(b)
    ]
    return report, doc


def rows_for_page(report: Any, base: Any) -> dict[str, Any]:
    """The dashboard's tables, formatted for reading (the JSON keeps full precision)."""
    names = {cid: c.name for cid, c in base.conditions.items()}
    results = []
    for g in report.by_condition:
        marks = report.benchmarks.get(g.condition or "", ())
        results.append(
            {
                "condition": names.get(g.condition, g.condition),
                "courses": g.courses,
                "evaluable": g.evaluable,
                "moderate": _pct(g.moderate.estimate),
                "moderate_ci": f"{_pct(g.moderate.ci_lower)}–{_pct(g.moderate.ci_upper)}"
                if g.moderate.estimate is not None
                else "",
                "substantial": _pct(g.substantial.estimate),
                "mean_change": "–"
                if g.mean_change.estimate is None
                else f"{g.mean_change.estimate:+.1f}",
                "benchmarks": [
                    {
                        "what": _what(b),
                        "value": _benchmark_text(b),
                        "source": b.source,
                        "citation": b.citation,
                        "comparable": b.compare_with in ("responder_rate", "mean_change"),
                    }
                    for b in marks
                ],
            }
        )
    safety = []
    for s in report.safety:
        b = s.benchmark
        clinic = "not comparable (" + s.basis + ")" if s.clinic_value is None else None
        if clinic is None:
            share = b.compare_with == "adverse_event_share"
            unit = "" if share else f" {b.unit or s.basis}"
            value = _num(s.clinic_value, share) + unit
            clinic = (
                f"{value} ({_num(s.clinic_ci_lower, share)}–{_num(s.clinic_ci_upper, share)})"
                if s.clinic_ci_lower is not None and s.clinic_ci_upper is not None
                else value
            )
        safety.append(
            {
                "what": b.summary,
                "population": b.population or "",
                "basis": s.basis,
                "benchmark": _benchmark_text(b),
                "clinic": clinic,
                "source": b.source,
                "citation": b.citation,
            }
        )
    return {"results": results, "safety": safety}


def _filter(practitioner: str, since: str, until: str) -> queries.ReportFilter:
    return queries.ReportFilter(
        practitioner=practitioner or None, since=_date("since", since), until=_date("until", until)
    )


@router.get("/clinic", include_in_schema=False)
def clinic_page(
    request: Request,
    app: StateDep,
    db: SessionDep,
    user: CurrentUser,
    practitioner: Practitioner = "",
    since: Since = "",
    until: Until = "",
) -> Response:
    from acupath.outcomes import plots

    where = _filter(practitioner, since, until)
    report, doc = clinic_document(db, user, app.base, where)
    chart = None
    if any(g.evaluable for g in report.by_condition):
        buf = io.BytesIO()
        fig = plots.clinic_figure(report, {k: v.name for k, v in app.base.conditions.items()})
        fig.savefig(buf, format="svg", bbox_inches="tight")
        chart = base64.b64encode(buf.getvalue()).decode()
    query = request.url.query
    context = {
        "title": "Clinic",
        "report": doc,
        "tables": rows_for_page(report, app.base),
        "chart": chart,
        "practitioners": queries.practitioners(db=db, clinic_id=user.clinic_id),
        "practitioner": practitioner,
        "since": since,
        "until": until,
        "csv_url": "/clinic.csv" + (f"?{query}" if query else ""),
    }
    return render(request, "clinic.html", context)


def csv_text(report: Any, base: Any) -> str:
    """The clinic report as CSV: one row per condition, then one per adverse-event benchmark."""
    names = {cid: c.name for cid, c in base.conditions.items()}
    out = io.StringIO()
    w = safe_writer(out)
    w.writerow(
        [
            "section",
            "condition",
            "courses",
            "evaluable",
            "responders_30pct",
            "ci_lower",
            "ci_upper",
            "responders_50pct",
            "mean_change",
            "benchmark",
            "benchmark_value",
            "source",
        ]
    )
    for g in report.by_condition:
        marks = [b for b in report.benchmarks.get(g.condition or "", ())] or [None]
        for b in marks:
            w.writerow(
                [
                    "outcomes",
                    names.get(g.condition, g.condition),
                    g.courses,
                    g.evaluable,
                    g.moderate.estimate,
                    g.moderate.ci_lower,
                    g.moderate.ci_upper,
                    g.substantial.estimate,
                    g.mean_change.estimate,
                    "" if b is None else f"{b.arm}: {b.compare_with}",
                    "" if b is None else b.estimate,
                    "" if b is None else b.source,
                ]
            )
    for s in report.safety:
        b = s.benchmark
        w.writerow(
            [
                "adverse_events",
                s.basis,
                report.adverse_events.sessions,
                report.adverse_events.patients,
                s.clinic_value,
                s.clinic_ci_lower,
                s.clinic_ci_upper,
                "",
                "",
                b.summary,
                b.estimate,
                b.source,
            ]
        )
    return out.getvalue()


@router.get("/api/clinic")
def api_clinic(
    app: StateDep,
    db: SessionDep,
    user: CurrentUser,
    practitioner: Practitioner = "",
    since: Since = "",
    until: Until = "",
) -> dict[str, Any]:
    """The caller's clinic: outcomes by condition against trial benchmarks, adverse events
    against general-population rates (special populations listed as excluded)."""
    return clinic_document(db, user, app.base, _filter(practitioner, since, until))[1]


@router.get(
    "/api/clinic.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The clinic report as CSV."}},
)
@router.get("/clinic.csv", include_in_schema=False)  # the page's download link
def clinic_csv(
    app: StateDep,
    db: SessionDep,
    user: CurrentUser,
    practitioner: Practitioner = "",
    since: Since = "",
    until: Until = "",
) -> Response:
    """The clinic report as CSV (same filters as ``/api/clinic``)."""
    report, _ = clinic_document(db, user, app.base, _filter(practitioner, since, until))
    headers = {"Content-Disposition": 'attachment; filename="clinic-report.csv"'}
    return Response(csv_text(report, app.base), media_type="text/csv", headers=headers)
