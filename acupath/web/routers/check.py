"""Check page: paste a text or upload a file, get each claim highlighted by its verdict with
the deciding record, and the same report as JSON (``POST /api/check`` takes the text as JSON,
``POST /api/check/file`` a file upload)."""

from __future__ import annotations

import base64
import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import Response

from acupath.answer.audit import CheckReport, check, segments
from acupath.answer.claim_judge import STATUSES
from acupath.errors import InputError
from acupath.web.deps import CsrfChecked, StateDep
from acupath.web.pages import render

router = APIRouter(tags=["check"])
MAX_TEXT_CHARS = 20_000
"""A clinic article or a referral letter; longer texts are refused rather than truncated."""
MAX_FILE_BYTES = 200_000


async def _text_of(text: str | None, file: UploadFile | None) -> tuple[str, str]:
    """The text to check and where it came from: an uploaded file wins over the paste box."""
    if file is not None and file.filename:
        data = await file.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise InputError.invalid(
                "file", file.filename, f"a file of at most {MAX_FILE_BYTES} bytes"
            )
        try:
            body = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError.invalid("file", file.filename, "a UTF-8 text file") from None
        source = file.filename
    else:
        body, source = text or "", "pasted text"
    if not body.strip():
        raise InputError.invalid("text", "", "a text to check (paste it or upload a file)")
    if len(body) > MAX_TEXT_CHARS:
        raise InputError.invalid("text", f"{body[:40]}...", f"at most {MAX_TEXT_CHARS} characters")
    return body, source


def _context(report: CheckReport) -> dict[str, Any]:
    doc = report.as_dict()
    return {
        "report": doc,
        "segments": segments(report),
        "statuses": STATUSES,
        "json_b64": base64.b64encode(json.dumps(doc, indent=2).encode()).decode(),
    }


@router.get("/check", include_in_schema=False)
def check_page(request: Request) -> Response:
    return render(request, "check.html", {"title": "Check a text", "statuses": STATUSES})


@router.post("/check", include_in_schema=False, dependencies=[CsrfChecked])
async def check_submit(
    request: Request,
    app: StateDep,
    text: Annotated[str | None, Form(max_length=MAX_TEXT_CHARS + 1)] = None,
    file: UploadFile | None = None,
) -> Response:
    try:
        body, source = await _text_of(text, file)
    except InputError as exc:
        context = {"title": "Check a text", "statuses": STATUSES, "error": exc.as_dict()}
        context["text"] = text or ""
        return render(request, "check.html", context, status=exc.status_code)
    report = check(body, base=app.base, source=source)
    context = {"title": "Check a text", "text": body, **_context(report)}
    return render(request, "check.html", context)


@router.post("/api/check/file")
async def api_check_file(app: StateDep, file: UploadFile) -> dict[str, Any]:
    """Judge each claim of an uploaded UTF-8 text file (the JSON of ``acupath check --json``)."""
    body, source = await _text_of(None, file)
    result: dict[str, Any] = check(body, base=app.base, source=source).as_dict()
    return result
