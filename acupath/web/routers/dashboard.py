"""Clinic dashboard and its JSON twin: results by condition against trial benchmarks,
adverse-event rates (signed-in users; the clinic is the user's own)."""

from __future__ import annotations

import base64
import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from acupath.store import audit, queries
from acupath.store.models import Clinic, User
from acupath.web.deps import CurrentUser, SessionDep, StateDep
from acupath.web.pages import render
from acupath.web.routers.patients import _plain

router = APIRouter(tags=["clinic"])


def clinic_document(db: Session, user: User, base: Any) -> tuple[Any, dict[str, Any]]:
    from acupath.outcomes.report import clinic_report

    site = db.get(Clinic, user.clinic_id)
    assert site is not None  # a user's clinic is a foreign key
    report = clinic_report(
        clinic=site.name,
        synthetic=site.synthetic,
        courses=queries.course_outcomes(db=db, clinic_id=site.id),
        adverse_events=queries.adverse_event_rates(db=db, clinic_id=site.id),
        base=base,
    )
    audit.log(db=db, actor=user.username, action="read", entity="clinic_report", entity_id=site.id)
    return report, _plain(report.as_dict())


@router.get("/clinic", include_in_schema=False)
def clinic_page(request: Request, app: StateDep, db: SessionDep, user: CurrentUser) -> Response:
    from acupath.outcomes import plots

    report, doc = clinic_document(db, user, app.base)
    chart = None
    if report.by_condition:
        buf = io.BytesIO()
        plots.clinic_figure(report).savefig(buf, format="svg", bbox_inches="tight")
        chart = base64.b64encode(buf.getvalue()).decode()
    return render(request, "clinic.html", {"title": "Clinic", "report": doc, "chart": chart})


@router.get("/api/clinic")
def api_clinic(app: StateDep, db: SessionDep, user: CurrentUser) -> dict[str, Any]:
    """The caller's clinic: outcomes by condition against trial benchmarks, adverse events."""
    return clinic_document(db, user, app.base)[1]
