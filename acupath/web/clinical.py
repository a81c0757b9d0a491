"""Services the patient pages share: the submitted form, the screen and plan of a patient,
and plain JSON values (dates as ISO text, NaN as null)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.datastructures import FormData

from acupath.care.intake import parse_intake
from acupath.care.planning import plan as make_plan
from acupath.care.screening import screen
from acupath.store.models import Patient


async def read_form(request: Request) -> FormData:
    """The submitted form (Starlette caches it, so the CSRF check and the route share it)."""
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]


def screen_document(row: Patient) -> dict[str, Any]:
    result: dict[str, Any] = screen(parse_intake(row.intake or {})).as_dict()
    return result


def plan_document(row: Patient) -> dict[str, Any]:
    result: dict[str, Any] = make_plan(parse_intake(row.intake or {})).as_dict()
    return result


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value
