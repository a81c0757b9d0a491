"""Clinician sentences for records: each sentence says what one record holds, nothing more.

No number is ever written here: every figure in a sentence is a field of the record it
renders, formatted by :mod:`acupath.evidence.present` (so the verifier can trace it back).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from acupath.evidence import present
from acupath.evidence.schemas import Claim, Finding, Recommendation

COMPARATOR_LABEL = {
    "sham": "sham acupuncture",
    "no_acupuncture": "no acupuncture",
    "usual_care": "usual care",
    "waitlist": "a waiting list",
    "medication": "medication",
    "other": "another control",
    "none": "no comparison group",
    "any": "any control",
}
COMPARATOR_ORDER = (
    "sham",
    "no_acupuncture",
    "usual_care",
    "waitlist",
    "medication",
    "other",
    "any",
)

INTERVENTION_LABEL = {
    "manual": "manual acupuncture",
    "electro": "electroacupuncture",
    "auricular": "auricular acupuncture",
    "acupressure": "acupressure",
    "moxibustion": "moxibustion",
    "dry_needling": "dry needling",
    "any": "acupuncture",
}

DIRECTION_LABEL = {
    "favours_acupuncture": "favours acupuncture",
    "favours_comparator": "favours the comparator",
    "no_difference": "no clear difference",
    "mixed": "mixed results",
    "not_applicable": "",
}

VERDICT_LABEL = {
    "supported": "evidence supports a benefit",
    "conflicting": "evidence is conflicting",
    "insufficient": "evidence is insufficient",
    "not_supported": "evidence does not support a benefit",
}

STATUS_LABEL = {
    "supported": "supported",
    "partly_supported": "partly supported",
    "contradicted": "contradicted by the evidence",
    "unverified": "could not be traced to a source (unverified)",
}

REC_DIRECTION = {
    "for": "recommends acupuncture",
    "against": "recommends against acupuncture",
    "conditional": "says acupuncture may be considered",
    "insufficient": "finds the evidence insufficient to recommend for or against acupuncture",
}

COVERAGE_DIRECTION = {
    "for": "covers acupuncture",
    "against": "does not cover acupuncture",
    "conditional": "covers acupuncture under conditions",
    "insufficient": "has made no coverage decision on acupuncture",
}

CERTAINTY_LABEL = {
    "high": "high certainty",
    "moderate": "moderate certainty",
    "low": "low certainty",
    "very_low": "very low certainty",
    "not_graded": "certainty not graded",
}


def outcome_label(outcome: str) -> str:
    return outcome.replace("_", " ")


def finding_stats(f: Finding) -> str:
    """``SMD 0.23 (95% CI 0.13 to 0.33); 29 studies, 17,922 participants; moderate certainty``.

    The certainty is given when the record is rated; an unrated record's certainty is said once
    per answer (:meth:`acupath.answer.voice.ClinicianVoice.not_rated`), not in every bullet."""
    parts: list[str] = []
    if f.measure == "categorical":
        parts.append(VERDICT_LABEL.get(f.verdict or "", f.verdict or ""))
    elif f.measure == "mean" and f.estimate is not None:
        # a change within one arm, not a difference between groups (issue 14: "-1; p 0.01")
        parts.append(f"change within the {arm_label(f)} arm {present.estimate(f)}")
        if f.comparator == "none" and f.comparator_detail:
            parts.append(f"other arm: {f.comparator_detail.strip()}")
    elif f.estimate is not None:
        measure = "" if f.measure in ("proportion", "count", "rate") else f"{f.measure} "
        parts.append(f"{measure}{present.estimate(f)}")
    shown_p = f.measure == "mean" and "p =" in (f.comparator_detail or "").lower()
    if f.p_value and not shown_p:
        between = f.measure == "mean" and "between" in (f.comparator_detail or "").lower()
        parts.append(f"between-arm p {f.p_value}" if between else f"p {f.p_value}")
    if f.i2 is not None:
        parts.append(f"I² {present.number(f.i2)}%")
    size = []
    if f.n_studies:
        size.append(f"{f.n_studies:,} studies" if f.n_studies != 1 else "one study")
    if f.n_participants:
        size.append(f"{f.n_participants:,} participants")
    if size:
        parts.append(", ".join(size))
    # an unrated record says nothing here: the answer says "not rated" once (issue 14)
    if f.certainty != "not_graded":
        parts.append(CERTAINTY_LABEL[f.certainty])
    return "; ".join(p for p in parts if p)


def arm_label(f: Finding) -> str:
    """The arm a single-arm result was measured in: its own description, else acupuncture."""
    detail = (f.comparator_detail or "").strip()
    if f.comparator != "none" and detail:
        return detail.split(";")[0].removesuffix(" arm")
    if f.comparator not in ("none", "any"):
        return COMPARATOR_LABEL.get(f.comparator, f.comparator)
    return "acupuncture"


def finding_heading(f: Finding) -> str:
    """``Electroacupuncture vs usual care, pain, week 12``."""
    who = INTERVENTION_LABEL.get(f.intervention, f.intervention)
    head = who[:1].upper() + who[1:]
    if f.comparator not in ("none", "any"):
        head += f" vs {COMPARATOR_LABEL.get(f.comparator, f.comparator)}"
    head += f", {outcome_label(f.outcome)}"
    if f.timepoint:
        head += f", {f.timepoint}"
    return head


def finding_sentence(f: Finding, marker: str, *, pooled: str = "") -> str:
    """One bullet for a finding: heading, the record's summary, its numbers, its direction.

    ``pooled`` names how a result pooled across conditions was obtained ("an IPD meta-analysis
    pooling ..."); such a result is labelled, never shown as specific to the condition. A
    single-arm change (measure ``mean``) is labelled as a change within one arm, so that it is
    not read as a difference between groups.
    """
    direction = DIRECTION_LABEL.get(f.direction, "")
    tail = f"; {direction}" if direction and f.measure != "mean" else ""
    scale = f" Scale: {f.scale}." if f.scale and f.measure not in ("categorical",) else ""
    label = (
        f" *(pooled across conditions: {pooled}; not specific to this condition)*" if pooled else ""
    )
    return (
        f"**{finding_heading(f)}:**{label} {f.summary.strip()} ({finding_stats(f)}{tail}).{scale} "
        f"{marker}"
    ).strip()


def recommendation_sentence(r: Recommendation, marker: str, *, coverage: bool = False) -> str:
    """``**NICE** (2016) recommends against acupuncture for ...: strong; evidence not stated.``"""
    quality = r.evidence_quality.replace("_", " ")
    strength = r.strength.replace("_", " ")
    uses = ""
    if r.conditions_of_use:
        uses = " Conditions of use: " + "; ".join(u.rstrip(".") for u in r.conditions_of_use) + "."
    verb = (COVERAGE_DIRECTION if coverage else REC_DIRECTION)[r.direction]
    return (
        f"**{r.body}** ({r.year}) {verb} for "
        f"{r.population[:1].lower() + r.population[1:]} (strength: {strength}; "
        f"evidence quality: {quality}).{uses} {marker}"
    )


def claim_sentence(c: Claim, marker: str) -> str:
    """A circulating claim, its status and the note that explains it."""
    note = " ".join(c.note.split())
    return f"*Claim:* {c.statement.strip()} **Status: {STATUS_LABEL[c.status]}.** {note} {marker}"


def protocol_title(p: Mapping[str, Any]) -> str:
    for key in ("name", "title", "label"):
        value = p.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return str(p.get("id", "protocol")).replace("_", " ")


def protocol_schedule(p: Mapping[str, Any]) -> str:
    """``2 a week for 3 weeks, then 1 a week for 4 weeks`` from a protocol's ``schedule``."""
    steps = p.get("schedule")
    parts: list[str] = []
    if isinstance(steps, list):
        for step in steps:
            if not isinstance(step, Mapping):
                continue
            weeks, per_week = step.get("weeks"), step.get("per_week")
            if isinstance(weeks, int | float) and isinstance(per_week, int | float):
                often, length = present.number(float(per_week)), present.number(float(weeks))
                parts.append(f"{often} a week for {length} weeks")
    return ", then ".join(parts)


def protocol_sentence(p: Mapping[str, Any], points: str, marker: str) -> str:
    """A trial protocol: why it was chosen, its schedule and dose fields as stored, its points."""
    parts: list[str] = []
    for key in ("rationale", "summary", "description", "style"):
        value = p.get(key)
        if isinstance(value, str) and value.strip():
            parts.append(" ".join(value.split()).rstrip(".") + ".")
            break
    dose: list[str] = []
    schedule = protocol_schedule(p)
    if schedule:
        dose.append(f"sessions {schedule}")
    for key, label in (
        ("technique", "technique"),
        ("sessions", "sessions"),
        ("frequency_per_week", "sessions per week"),
        ("weeks", "weeks"),
        ("retention_minutes", "minutes needle retention"),
        ("needles_per_session", "needles per session"),
        ("stimulation", "stimulation"),
    ):
        value = p.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float):
            dose.append(f"{present.number(float(value))} {label}")
        elif isinstance(value, str) and value.strip():
            dose.append(f"{label}: {value.strip()}")
    if dose:
        parts.append("Dose: " + "; ".join(dose) + ".")
    if points:
        parts.append(f"Points: {points}.")
    return f"**{protocol_title(p)}:** " + " ".join(parts) + f" {marker}"
