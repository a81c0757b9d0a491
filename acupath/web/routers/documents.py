"""Printable documents: the treatment plan (for the clinician) and a plain-language handout
(for the patient), as HTML pages with a print stylesheet and as PDF files (ReportLab).

Both are built from one plain *document outline* (:func:`plan_outline`, :func:`handout_outline`):
a title and sections, each a list of paragraphs, bullet items or table rows. The HTML template
and the PDF writer render the same outline, so the two never disagree, and no raw JSON reaches
a reader.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from acupath.web.clinical import plan_document, screen_document
from acupath.web.deps import PatientDep, StateDep
from acupath.web.intake_form import words
from acupath.web.pages import render

router = APIRouter(tags=["patients"])

DECISION_WORDS = {
    "proceed": "Proceed",
    "proceed_with_modifications": "Proceed with modifications",
    "defer": "Defer",
    "refer": "Refer",
}


def identity(patient: Any) -> str:
    """Record number, name and date of birth: what identifies a printed page in a file."""
    parts = [f"Record number {patient.reference}"]
    name = " ".join(p for p in (patient.given_name, patient.family_name) if p)
    if name:
        parts.append(name)
    if patient.birth_date:
        parts.append(f"born {patient.birth_date.isoformat()}")
    parts.append(f"printed {dt.date.today().isoformat()}")
    return " · ".join(parts)


def _name(base: Any, condition: str | None) -> str:
    if not condition:
        return ""
    found = base.conditions.get(condition)
    return str(found.name) if found else words(condition)


def _protocol_name(plan: dict[str, Any]) -> str:
    return str((plan.get("protocol") or {}).get("name") or plan.get("protocol_source") or "none")


def _schedule(plan: dict[str, Any], sessions: int | None) -> str:
    count = plan.get("sessions") or sessions
    if count:
        text = f"{count} sessions"
        if plan.get("frequency_per_week"):
            text += f", {plan['frequency_per_week']:g} a week"
        if plan.get("weeks"):
            text += f" over {plan['weeks']:g} weeks"
        return text
    return plan.get("sessions_note") or "Number of sessions to be agreed with your practitioner"


def plan_outline(
    base: Any, patient: Any, plan: dict[str, Any], screen: dict[str, Any]
) -> dict[str, Any]:
    """The clinician's plan as an outline (see the module docstring)."""
    course = next((p for p in reversed(patient.plans)), None)
    sections: list[dict[str, Any]] = []
    sections.append(
        {
            "title": "Safety screen",
            "paragraphs": [
                f"Decision: {DECISION_WORDS.get(screen['decision'], screen['decision'])}."
            ],
            "bullets": [f"{words(f['action'])}: {f['reason']}" for f in screen.get("findings", [])]
            or ["No findings."],
        }
    )
    if plan.get("technique"):
        pts = plan.get("points") or []
        sections.append(
            {
                "title": "Course",
                "paragraphs": [
                    f"{_name(base, plan.get('condition'))}: "
                    f"{words(plan['technique']).lower()} acupuncture, "
                    f"{_schedule(plan, course.planned_sessions if course else None)}"
                    + (
                        f", {plan['retention_minutes']:g} minutes retention"
                        if plan.get("retention_minutes")
                        else ""
                    )
                    + ".",
                    f"Protocol: {_protocol_name(plan)}"
                    f" ({plan.get('protocol_source') or 'no source'}).",
                ],
                "table": {
                    "head": ["Point", "Name", "Side", "Needles", "Usual depth"],
                    "rows": [
                        [
                            p["code"],
                            p.get("name") or "",
                            "both sides"
                            if len(p.get("sides") or []) > 1
                            else ("midline" if not p.get("sides") else ", ".join(p["sides"])),
                            str(p.get("needles") or ""),
                            p.get("depth") or p.get("usual_depth") or "",
                        ]
                        for p in pts
                    ],
                },
            }
        )
        re_ = plan.get("reassessment") or {}
        if re_.get("schedule"):
            sections.append(
                {
                    "title": "Reassessment",
                    "bullets": [f"{words(s['at'])}: {s['when']}" for s in re_["schedule"]],
                    "paragraphs": [
                        t["summary"] + f" ({t['source']})" for t in re_.get("thresholds", [])
                    ],
                }
            )
    else:
        sections.append(
            {
                "title": "Course",
                "paragraphs": [
                    "No course is proposed: "
                    + "; ".join(plan.get("reasons") or ["see the screen"])
                    + "."
                ],
            }
        )
    effect_items = []
    for block in plan.get("expected_effect") or []:
        for f in block.get("findings", [])[:4]:
            effect_items.append(f"{block['label']}: {f['summary']} ({f['source']})")
    if effect_items:
        sections.append({"title": "Expected benefit", "bullets": effect_items})
    g = plan.get("guidelines") or {}
    if g.get("recommendations"):
        sections.append(
            {
                "title": "Guidelines",
                "bullets": [
                    f"{r['body']} {r['year']} ({words(r['direction'])}): {r['summary']}"
                    for r in g["recommendations"]
                ],
            }
        )
    cov = plan.get("coverage") or {}
    if cov.get("program"):
        sections.append(
            {
                "title": "Coverage",
                "paragraphs": [cov["program"] + "."],
                "bullets": list(cov.get("reasons") or []),
            }
        )
    if plan.get("integration"):
        sections.append(
            {
                "title": "With conventional treatment",
                "bullets": [i.get("text") or i.get("summary") or "" for i in plan["integration"]],
            }
        )
    if plan.get("stricta"):
        sections.append(
            {
                "title": "STRICTA",
                "table": {
                    "head": ["Item", "Detail"],
                    "rows": [[f"{k} {v['label']}", v["text"]] for k, v in plan["stricta"].items()],
                },
            }
        )
    if plan.get("warnings"):
        sections.append({"title": "Notes", "bullets": list(plan["warnings"])})
    return {
        "title": f"Treatment plan · {patient.reference}",
        "subtitle": identity(patient),
        "sections": sections,
    }


def handout_outline(base: Any, patient: Any, plan: dict[str, Any]) -> dict[str, Any]:
    """A plain-language handout for the patient (short sentences, no codes or jargon)."""
    course = next((p for p in reversed(patient.plans)), None)
    cond = _name(base, plan.get("condition")) or "your condition"
    sections: list[dict[str, Any]] = []
    if plan.get("technique"):
        sections.append(
            {
                "title": "Your treatment",
                "paragraphs": [
                    f"You are having acupuncture for {cond.lower()}.",
                    f"Plan: {_schedule(plan, course.planned_sessions if course else None)}.",
                    "Each visit, very fine sterile needles are placed at a few points and left in "
                    "for a short time while you rest.",
                ],
            }
        )
    else:
        sections.append(
            {
                "title": "Your treatment",
                "paragraphs": [
                    "Acupuncture is not advised for you at the moment. Your practitioner will "
                    "explain why and what to do next."
                ],
            }
        )
    sections.append(
        {
            "title": "What to expect",
            "bullets": [
                "A small bruise, a spot of bleeding or brief soreness where a needle went in is "
                "common and settles by itself.",
                "Some people feel tired or light-headed after a session; sit for a few minutes "
                "before you leave.",
                "Tell your practitioner about any new medicine, especially blood thinners, and if "
                "you might be pregnant.",
            ],
            "paragraphs": [
                "From large safety surveys of acupuncture (witt2009, baumler2021, white2006): "
                "minor effects such as bleeding, bruising, soreness and tiredness are the common "
                "ones; serious harm is rare."
            ],
        }
    )
    sections.append(
        {
            "title": "How we check it is helping",
            "paragraphs": [
                "At each visit you will score your pain from 0 (none) to 10 (worst). Halfway "
                "through and at the end we look at the change together and decide whether to go "
                "on, stop, or try something else.",
            ],
        }
    )
    sections.append(
        {
            "title": "Get help straight away if (clinic advice)",
            "bullets": [
                "you have a fever, or a needle site becomes red, hot and swollen;",
                "you feel short of breath or have chest pain after treatment;",
                "you notice new weakness or numbness, or problems passing urine or opening your "
                "bowels.",
            ],
        }
    )
    return {
        "title": "About your acupuncture",
        "subtitle": identity(patient),
        "sections": sections,
    }


def pdf_bytes(outline: dict[str, Any]) -> bytes:
    """Render an outline as an A4 PDF with ReportLab (wrapped tables, page numbers)."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story: list[Any] = [Paragraph(escape(outline["title"]), styles["Title"])]
    if outline.get("subtitle"):
        story.append(Paragraph(escape(outline["subtitle"]), body))
    width = A4[0] - 36 * mm
    for section in outline["sections"]:
        story.append(Paragraph(escape(section["title"]), styles["Heading2"]))
        for text in section.get("paragraphs", []):
            story.append(Paragraph(escape(text), body))
        if section.get("bullets"):
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escape(t), body)) for t in section["bullets"]],
                    bulletType="bullet",
                    leftIndent=12,
                )
            )
        table = section.get("table")
        if table and table["rows"]:
            cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
            data = [[Paragraph(escape(h), cell) for h in table["head"]]]
            data += [[Paragraph(escape(str(v)), cell) for v in row] for row in table["rows"]]
            n = len(table["head"])
            widths = [width * 0.3, width * 0.7] if n == 2 else [width / n] * n
            t = Table(data, colWidths=widths, repeatRows=1)
            t.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(t)
        story.append(Spacer(1, 4 * mm))

    def number(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"{outline['title']} · page {doc.page}")

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=outline["title"],
        author="acupath",
    )
    doc.build(story, onFirstPage=number, onLaterPages=number)
    return buf.getvalue()


def _pdf_response(outline: dict[str, Any], name: str) -> Response:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name)
    headers = {"Content-Disposition": f'inline; filename="{safe}.pdf"'}
    return Response(pdf_bytes(outline), media_type="application/pdf", headers=headers)


@router.get("/patients/{patient_id}/plan", include_in_schema=False)
def plan_print_page(request: Request, app: StateDep, patient: PatientDep) -> Response:
    outline = plan_outline(app.base, patient, plan_document(patient), screen_document(patient))
    context = {"title": outline["title"], "patient": patient, "doc": outline, "pdf": "plan.pdf"}
    return render(request, "patients/document.html", context)


@router.get("/patients/{patient_id}/plan.pdf", include_in_schema=False)
def plan_pdf(app: StateDep, patient: PatientDep) -> Response:
    outline = plan_outline(app.base, patient, plan_document(patient), screen_document(patient))
    return _pdf_response(outline, f"plan-{patient.reference}")


@router.get("/patients/{patient_id}/handout", include_in_schema=False)
def handout_page(request: Request, app: StateDep, patient: PatientDep) -> Response:
    outline = handout_outline(app.base, patient, plan_document(patient))
    context = {"title": outline["title"], "patient": patient, "doc": outline, "pdf": "handout.pdf"}
    return render(request, "patients/document.html", context)


@router.get("/patients/{patient_id}/handout.pdf", include_in_schema=False)
def handout_pdf(app: StateDep, patient: PatientDep) -> Response:
    return _pdf_response(
        handout_outline(app.base, patient, plan_document(patient)), f"handout-{patient.reference}"
    )
