"""Ask page and its JSON twin: a cited answer, clinician or patient language, follow-ups;
and the claim audit of a text (``/api/check``).

The page shows first what the question says about the patient and the safety box (the screen's
decision for that patient), then any correction of the question's premise, then the bottom
line; the evidence sections and references follow folded (``<details>``) so the page stays
brief. The JSON twin (``/api/ask``) carries the same answer in full."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from acupath.answer import AUDIENCES, MAX_QUESTION_CHARS, ask, check
from acupath.answer.opening import page_parts
from acupath.errors import InputError
from acupath.web.deps import StateDep
from acupath.web.markup import render_markdown
from acupath.web.pages import render

router = APIRouter(tags=["ask"])
MAX_TEXT_CHARS = 20_000
"""A clinic article or a referral letter; longer texts are refused rather than truncated."""

Audience = Literal["clinician", "patient"]


class Question(BaseModel):
    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    audience: Audience = "clinician"


class Text(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)


def answer_document(app: StateDep, question: str, audience: str) -> dict[str, Any]:
    if audience not in AUDIENCES:
        raise InputError.invalid("audience", audience, "one of: " + ", ".join(AUDIENCES))
    return app.answers.get(
        question, audience, lambda: ask(question, audience=audience, base=app.base).as_dict()
    )


@router.get("/ask", include_in_schema=False)
def ask_page(
    request: Request, app: StateDep, q: str | None = None, audience: str = "clinician"
) -> Response:
    answer = answer_document(app, q, audience) if q and q.strip() else None
    parts: dict[str, Any] = {}
    if answer is not None:
        parts = page_parts(answer)

        def html(s: Any) -> dict[str, Any]:
            return {"title": s["title"], "html": render_markdown(s["text"])}

        parts["safety"] = html(parts["safety"]) if parts["safety"] else None
        for key in ("opening", "brief", "details"):
            parts[key] = [html(s) for s in parts[key]]
    context = {
        "title": "Ask",
        "q": q or "",
        "audience": audience,
        "answer": answer,
        "parts": parts,
    }
    return render(request, "ask.html", context)


@router.get("/api/ask")
def api_ask_get(app: StateDep, q: str, audience: Audience = "clinician") -> dict[str, Any]:
    """Answer question ``q``: sections with citation markers, references, follow-up questions."""
    return answer_document(app, q, audience)


@router.post("/api/ask")
def api_ask(app: StateDep, body: Question) -> dict[str, Any]:
    """Answer a question sent as JSON ``{"question": ..., "audience": ...}``."""
    return answer_document(app, body.question, body.audience)


@router.post("/api/check")
def api_check(body: Text) -> dict[str, Any]:
    """Mark each factual claim of a text supported, partly supported, contradicted or unverified."""
    result: dict[str, Any] = check(body.text, source="api").as_dict()
    return result
