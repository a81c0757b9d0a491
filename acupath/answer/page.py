"""The Ask page's layout of an answer's JSON (the web router uses it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from acupath.answer.opening_words import STATUS_LABELS, TITLES, describe_fact
from acupath.answer.timing import describe_status


def page_parts(answer: Mapping[str, Any]) -> dict[str, Any]:
    """The Ask page's layout of an answer's JSON: the patient facts, the safety box, the rest of
    the opening, the bottom line, and the detail sections (shown folded)."""
    audience = str(answer.get("audience", "clinician"))
    titles = TITLES.get(audience, TITLES["clinician"])
    opening_titles = {titles["premise"], titles["scope"], "What the named study or guideline found"}
    safety = None
    opening: list[Mapping[str, Any]] = []
    brief: list[Mapping[str, Any]] = []
    details: list[Mapping[str, Any]] = []
    for s in answer.get("sections", ()):
        if s["title"] == titles["safety"]:
            safety = s
        elif s["title"] in opening_titles:
            opening.append(s)
        elif (not brief and not details) or not s.get("citations"):
            brief.append(s)  # the bottom line (first after the opening) and uncited notes
        else:
            details.append(s)
    ctx = answer.get("patient_context") or {}
    shown = {(f["kind"], f["value"], f["words"]) for f in ctx.get("shown", ())}
    facts = [
        {
            "text": describe_fact(f, status_words=False),
            "negated": bool(f.get("negated")),
            # one "supposed" badge: the status badge says it when the status is the supposition
            "hypothetical": bool(f.get("hypothetical")) and f.get("status") != "supposed",
            # a planned or past medicine is shown, not screened (acupath.answer.timing): the
            # badge names the status, its tooltip says what it means
            "status": STATUS_LABELS.get(str(f["status"]), str(f["status"]).replace("_", " "))
            if f.get("status")
            else None,
            "status_note": describe_status(str(f["status"])) if f.get("status") else None,
        }
        for f in ctx.get("facts", ())
        if (f["kind"], f["value"], f["words"]) in shown
    ]
    screen = answer.get("screen") or {}
    about = (answer.get("understanding") or {}).get("about") or "you"
    return {
        "about": about,
        "facts": facts,
        "safety": safety,
        "decision": screen.get("decision"),
        "urgency": screen.get("urgency"),
        "opening": opening,
        "brief": brief,
        "details": details,
    }
