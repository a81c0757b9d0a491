"""The clinician's safety box: the screen's decision first, then each rule that fired with its
sources, the exclusions in one line, and what the question says about the patient. The
patient's box is :mod:`.patient_safety`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from acupath.answer.context import PatientContext
from acupath.answer.models import Section
from acupath.answer.opening_refs import _Refs
from acupath.answer.opening_words import (
    ABSENT_LEAD,
    ASSUMED_LEAD,
    FLAG_WORDS,
    NOT_NOW_LEAD,
    PAST_FIELD_LEAD,
    POLICY_LEAD,
    SET_ASIDE_LEADS,
    TITLES,
    UNDERSTOOD_LEAD,
    UNUSABLE_LEAD,
    URGENCY_CLINICIAN,
    URGENCY_PATIENT,
    describe,
    kept_field,
)
from acupath.answer.patient_safety import fact_lines
from acupath.answer.safety import EXCLUSION_PREFIX, TECHNIQUE_NAMES, Safety


def case_lines(case: Mapping[str, Any], refs: _Refs | None) -> list[str]:
    """The safety box's lines for one supposed case (wave 9): the lead in bold, what the
    screen would decide and its first reason with that rule's sources, and the changes (a
    clinic policy's on a line of its own, as the box says the real ones)."""
    parts = case.get("parts") or {}

    def marker(cites: Any) -> str:
        if refs is None:
            return ""
        marks = [refs.marker(c["sources"], c["record"], c["kind"]) for c in cites]
        nums = sorted({int(n) for m in marks for n in re.findall(r"\d+", m)})
        return f" [{', '.join(str(n) for n in nums)}]" if nums else ""

    head = f"- **{case['lead']}:** {parts.get('decision', case['then'])}"
    reason = parts.get("reason", "")
    changes = parts.get("changes") or []
    if not parts:
        return [f"- **{case['lead']}:** {case['then']}"]
    if changes and not parts.get("changes_policy"):
        text = f"{head} {reason} Changes: {'; '.join(changes)}.".replace("  ", " ")
        return [text + marker([*parts["cites"], *parts["change_cites"]])]
    lines = [f"{head} {reason}".rstrip() + (marker(parts["cites"]) if reason else "")]
    if changes:
        lines.append(f"- {POLICY_LEAD} in that case: {'; '.join(changes)}.")
    return lines


def understood_lines(
    context: PatientContext, safety: Safety | None, audience: str, refs: _Refs | None = None
) -> list[str]:
    """What acupath read about the patient, what the question denies, and what it assumed."""
    shown = context.shown()
    applied = [describe(m) for m in shown if not m.negated and m.current]
    denied = [describe(m) for m in shown if m.negated]
    leads = (UNDERSTOOD_LEAD[audience], ABSENT_LEAD, ASSUMED_LEAD, UNUSABLE_LEAD)
    out = fact_lines(applied, denied, safety, leads)
    aside = [m for m in shown if not m.negated and m.status in SET_ASIDE_LEADS]
    later = [
        describe(m, short_status=True)
        for m in shown
        if not m.negated and not m.current and m.status not in SET_ASIDE_LEADS and not kept_field(m)
    ]
    fields = [describe(m, short_status=True) for m in shown if not m.negated and kept_field(m)]
    at = 1 if applied else 0
    cases = safety.supposed if safety is not None else ()
    for status, lead in SET_ASIDE_LEADS.items():
        # wave 8: someone else's, a topic, a supposition: each said as what it is
        # the lead says what they are: no "(supposed)" after each fact again
        facts = [
            describe(dataclasses.replace(m, hypothetical=False), status_words=False)
            for m in aside
            if m.status == status
        ]
        if facts:
            out.insert(at, f"- {lead}: " + "; ".join(dict.fromkeys(facts)) + ".")
            at += 1
    for case in cases:
        # wave 9: what the same screen would decide were the supposition true
        for line in case_lines(case, refs):
            out.insert(at, line)
            at += 1
    if fields:
        # a past radiotherapy's field is still screened: saying "not screened" would contradict
        # the excluded regions above
        out.insert(1 if applied else 0, f"- {PAST_FIELD_LEAD}: " + "; ".join(fields) + ".")
    if later:
        # a planned medicine is screened when it starts, not now; a past one not at all
        out.insert(1 if applied else 0, f"- {NOT_NOW_LEAD}: " + "; ".join(later) + ".")
        if any(m.status == "future" for m in shown if not m.negated) and not cases:
            out.insert(
                2 if applied else 1,
                "- If a planned medicine starts, screen again then: its precautions would apply.",
            )
    return out


def _names(items: Sequence[str]) -> str:
    return ", ".join(i.replace("_", " ") for i in items)


def safety_section(safety: Safety, context: PatientContext, refs: _Refs, audience: str) -> Section:
    """The safety box: decision first, then each rule that fired, with its sources."""
    lines: list[str] = []
    findings = list(safety.screen.findings)
    patient = audience == "patient"
    if safety.decision == "refer":
        urgency = safety.urgency or "soon"
        head = (URGENCY_PATIENT if patient else URGENCY_CLINICIAN)[urgency]
        flags = _names([FLAG_WORDS.get(f, f) for f in safety.red_flags])
        lines.append(f"**{head}** The question describes {flags}, a red flag for serious disease.")
        for f in findings:
            if f.action == "refer":
                marker = refs.marker(f.sources, f.rule, "screening_rule")
                advice = f" {f.advice}" if f.advice else ""
                lines.append(f"- {f.reason}{advice}{marker}")
        for flag in safety.extra_flags:
            marker = refs.marker(flag.sources, flag.id, "red_flag")
            lines.append(f"- {flag.reason} {flag.advice}{marker}")
        if urgency == "emergency":
            lines.append(
                "- No evidence on acupuncture's effects is shown here: it would not change what "
                "to do now."
            )
    elif safety.decision == "defer":
        lines.append(
            "**Acupuncture should wait for now.**"
            if patient
            else "**Defer needling for now** (the screen's decision for the patient described)."
        )
        for f in findings:
            if f.action == "defer":
                marker = refs.marker(f.sources, f.rule, "screening_rule")
                until = (
                    f" Until when: {f.advice}" if f.advice else " Screen again when this changes."
                )
                policy = " (clinic policy, not evidence)" if f.policy else ""
                lines.append(f"- {f.reason}{policy}{until}{marker}")
        lines += _policy_lines(safety, context)
    elif safety.decision == "proceed_with_modifications":
        lines.append(
            "**Acupuncture may be possible, with changes for you.**"
            if patient
            else "**Needling may go ahead with changes for this patient.**"
        )
    else:
        lines.append(
            "**Nothing you describe rules acupuncture out.** Tell your practitioner about your "
            "health and medicines."
            if patient
            else "**No screening rule stops or changes needling for the patient as described.**"
        )
    if safety.decision != "refer":
        for f in findings:
            if f.action in ("exclude", "modify"):
                marker = refs.marker(f.sources, f.rule, "screening_rule")
                changes = "; ".join(f.modifications)
                if f.policy:
                    # the clinic's way of doing it is policy: its figures cite no source
                    lines.append(f"- {f.reason}{marker}")
                    if changes:
                        lines.append(f"- {POLICY_LEAD} for this: {changes}.")
                else:
                    lines.append(
                        f"- {f.reason}" + (f" Changes: {changes}." if changes else "") + marker
                    )
        excluded = _exclusions(safety)
        if excluded:
            lines.append(f"- {EXCLUSION_PREFIX} {excluded}.")
        for f in findings:
            if f.action in ("caution", "info"):
                marker = refs.marker(f.sources, f.rule, "screening_rule")
                word = "Caution" if f.action == "caution" else "Note"
                lines.append(f"- {word}: {f.reason}{marker}")
        if safety.decision == "defer":
            pass
    lines += understood_lines(context, safety, audience, refs)
    title = TITLES[audience]["safety"]
    cited = tuple(dict.fromkeys(r.id for r in refs.refs if _cited_in(r.number, lines)))
    return Section(title, "\n".join(lines), cited)


def _cited_in(number: int, lines: Sequence[str]) -> bool:
    pattern = re.compile(r"\[(?:\d+, )*" + str(number) + r"(?:, \d+)*\]")
    return any(pattern.search(line) for line in lines)


def _exclusions(safety: Safety) -> str:
    parts = []
    if safety.excluded_points:
        parts.append("points " + ", ".join(safety.excluded_points))
    if safety.excluded_regions:
        parts.append("regions " + _names(safety.excluded_regions))
    if safety.excluded_techniques:
        parts.append(
            "techniques " + ", ".join(TECHNIQUE_NAMES.get(t, t) for t in safety.excluded_techniques)
        )
    return "; ".join(parts)


def _policy_lines(safety: Safety, context: PatientContext) -> list[str]:
    labs = {m.detail.get("lab") for m in context.applied if m.kind == "lab"}
    out = []
    policy: Mapping[str, Any] = safety.screen.policy or {}
    for pid, entry in policy.items():
        if any(pid.startswith(f"{lab}_") for lab in labs) and isinstance(entry, Mapping):
            out.append(
                f"- {POLICY_LEAD} `{pid}`: {entry.get('value'):g} {entry.get('unit', '')} "
                "(a default a clinic can change, not evidence)."
            )
    return out
