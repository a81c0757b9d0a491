"""The opening of an answer: safety for this patient, premise corrections, and what the answer
does not address, in clinician or patient words. Wording only: what to say was decided by the
screen (:mod:`.safety`) and the parse (:mod:`.parse`).

The opening comes before any efficacy content. A red flag opens with referral at its urgency
(emergency, urgent = same day, soon, routine) and, for an emergency, the answer stops there; a
deferral says why and until when; modifications name what is excluded, with sources; cautions
are listed. Each rule's sentence carries the markers of its sources, appended to the answer's
references.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from acupath.answer.context import Mention, PatientContext
from acupath.answer.models import Answer, RecordUse, Reference, Section
from acupath.answer.parse import Statement
from acupath.answer.patient_safety import fact_lines, patient_safety_section
from acupath.answer.people import who_is_asked_about
from acupath.answer.safety import EXCLUSION_PREFIX, TECHNIQUE_NAMES, Safety
from acupath.answer.screen_gaps import guard_unread
from acupath.evidence.loader import EvidenceBase

TITLES = {
    "clinician": {
        "safety": "Safety for this patient",
        "premise": "First, a correction",
        "scope": "What this answer does not cover",
    },
    "patient": {
        "safety": "Before anything else: safety",
        "premise": "First, a correction",
        "scope": "What this answer does not cover",
    },
}

URGENCY_CLINICIAN = {
    "emergency": "Refer now as an emergency (emergency department), before any acupuncture.",
    "urgent": "Refer for medical assessment today, before any acupuncture.",
    "soon": "Refer for medical assessment within days, before any acupuncture.",
    "routine": "Refer for medical assessment before starting acupuncture.",
}
URGENCY_PATIENT = {
    "emergency": "Please get emergency medical help now. Do not wait for acupuncture.",
    "urgent": "Please see a doctor today, before any acupuncture.",
    "soon": "Please see your doctor in the next few days, before starting acupuncture.",
    "routine": "Please see your doctor before starting acupuncture.",
}
FLAG_WORDS = {
    "saddle_anesthesia": "numbness in the saddle area",
    "bladder_dysfunction": "new bladder problems",
    "bowel_incontinence": "new loss of bowel control",
    "progressive_neurological_deficit": "progressive weakness or numbness",
    "fever": "fever",
    "unexplained_weight_loss": "unexplained weight loss",
    "history_of_cancer": "a history of cancer with back pain",
    "major_trauma": "recent major trauma",
    "minor_trauma_with_osteoporosis": "minor trauma with osteoporosis",
    "iv_drug_use": "injecting drug use",
    "immunosuppression": "immunosuppression",
    "recent_bacterial_infection": "a recent bacterial infection",
    "severe_night_pain": "severe pain at night",
    "pain_worse_supine": "pain worse lying down",
    "thunderclap_headache": "a sudden, severe (thunderclap) headache",
}


UNDERSTOOD_LEAD = {"clinician": "Patient as described", "patient": "What you told us"}
ABSENT_LEAD = "Stated as absent (not applied)"
POLICY_LEAD = "Clinic policy"
ASSUMED_LEAD = "Assumed for the screen"
UNUSABLE_LEAD = "Not usable"
PATIENT_LINE_LEADS = (
    *UNDERSTOOD_LEAD.values(),
    ABSENT_LEAD,
    POLICY_LEAD,
    ASSUMED_LEAD,
    UNUSABLE_LEAD,
    "What you said is not the case",  # the patient box's leads (data/answer/patient_safety.yaml)
    "We assumed",
)
"""Lines that state the patient's own figures or clinic policy, not evidence: they carry no
citation marker (their figures are traced to the question and the policy file)."""


CANCER_WORDS = {
    "active": "active cancer",
    "history": "cancer history",
    "on_treatment": "on cancer treatment",
    "any": "cancer",
}


class _Refs:
    """Numbers the opening's sources after (or among) the answer's existing references."""

    def __init__(self, answer: Answer, base: EvidenceBase) -> None:
        self.base = base
        self.refs: list[Reference] = list(answer.references)
        self.records: list[RecordUse] = list(answer.records_used)

    def marker(self, sources: Sequence[str], record: str, kind: str) -> str:
        nums: list[int] = []
        for sid in sources:
            if sid not in self.base.sources:
                continue
            use = RecordUse(record, kind, sid, None)
            if all((r.id, r.source) != (record, sid) for r in self.records):
                self.records.append(use)
            found = next((r for r in self.refs if r.id == sid), None)
            if found is None:
                src = self.base.sources[sid]
                found = Reference(
                    len(self.refs) + 1, sid, src.citation(), src.doi, src.pmid, src.link(),
                    src.year, src.checked, (use,),
                )  # fmt: skip
                self.refs.append(found)
            elif all(r.id != record for r in found.records):
                idx = self.refs.index(found)
                self.refs[idx] = dataclasses.replace(found, records=(*found.records, use))
                found = self.refs[idx]
            nums.append(found.number)
        nums = sorted(set(nums))
        return " [" + ", ".join(str(n) for n in nums) + "]" if nums else ""


def describe(m: Mention) -> str:
    """One fact as the opening lists it: the question's words, then what acupath read."""
    kind, value = m.kind, m.value
    if kind == "medicine":
        meaning = ", ".join(c.replace("_", " ") for c in m.detail.get("classes", ()))
    elif kind == "class":
        meaning = value.replace("_", " ")
    elif kind == "lab":
        lab, _, number = value.partition(":")
        unit = "" if lab == "inr" else " x 10^9/L"
        meaning = (
            f"{'ANC' if lab == 'anc' else lab.upper() if lab == 'inr' else lab} {number}{unit}"
        )
    elif kind == "lymphedema":
        meaning = "lymphoedema or at risk: " + ", ".join(
            limb.replace("_", " ") for limb in m.detail.get("limbs", ())
        )
    elif kind == "radiation":
        meaning = "radiotherapy" + (
            "" if value == "unspecified" else f" to {value.replace('_', ' ')}"
        )
    elif kind == "red_flag":
        meaning = "red flag: " + FLAG_WORDS.get(value, value.replace("_", " "))
    elif kind == "device":
        site = m.detail.get("site")
        meaning = value.replace("_", " ") + (f" ({site.replace('_', ' ')})" if site else "")
    elif kind == "pregnant":
        meaning = "pregnant"
    elif kind == "weeks":
        meaning = f"pregnant, {value} weeks of gestation"
    elif kind == "age":
        meaning = f"age {value}"
    elif kind == "age_band":
        meaning = value.replace("_", " ")
    elif kind == "cancer":
        meaning = CANCER_WORDS.get(value, value)
    else:
        meaning = value.replace("_", " ") if value != "yes" else kind.replace("_", " ")
    text = f"“{m.words.strip()}” ({meaning})"
    return text + (" (supposed)" if m.hypothetical else "")


def describe_fact(fact: Mapping[str, Any]) -> str:
    """:func:`describe` for a fact of the JSON ``patient_context`` (the web page uses it)."""
    m = Mention(
        str(fact["kind"]),
        str(fact["value"]),
        str(fact["words"]),
        0,
        0,
        bool(fact.get("negated")),
        bool(fact.get("hypothetical")),
        dict(fact.get("detail") or {}),
    )
    return describe(m)


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
            "text": describe_fact(f),
            "negated": bool(f.get("negated")),
            "hypothetical": bool(f.get("hypothetical")),
        }
        for f in ctx.get("facts", ())
        if (f["kind"], f["value"], f["words"]) in shown
    ]
    screen = answer.get("screen") or {}
    return {
        "facts": facts,
        "safety": safety,
        "decision": screen.get("decision"),
        "urgency": screen.get("urgency"),
        "opening": opening,
        "brief": brief,
        "details": details,
    }


def understood_lines(context: PatientContext, safety: Safety | None, audience: str) -> list[str]:
    """What acupath read about the patient, what the question denies, and what it assumed."""
    shown = context.shown()
    applied = [describe(m) for m in shown if not m.negated]
    denied = [describe(m) for m in shown if m.negated]
    leads = (UNDERSTOOD_LEAD[audience], ABSENT_LEAD, ASSUMED_LEAD, UNUSABLE_LEAD)
    return fact_lines(applied, denied, safety, leads)


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
    lines += understood_lines(context, safety, audience)
    title = TITLES[audience]["safety"]
    cited = tuple(dict.fromkeys(r.id for r in refs.refs if _cited_in(r.number, lines)))
    return Section(title, "\n".join(lines), cited)


def _cited_in(number: int, lines: Sequence[str]) -> bool:
    import re

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


def premise_section(
    stmt: Statement, base: EvidenceBase, audience: str, sham_band: str | None
) -> Section | None:
    """The correction of a premise the evidence contradicts, or ``None``."""
    names = [base.conditions[c].name for c in stmt.conditions if c in base.conditions][:3]
    topic = ", ".join(names) if names else "the conditions it is used for"
    lines = []
    if audience == "patient":
        lines = _plain_premises(stmt.premises, topic, base, sham_band)
    for kind in stmt.premises if audience != "patient" else ():
        if kind == "cure":
            lines.append(
                f"**No: the evidence does not show that acupuncture cures {topic}.** The trials "
                "acupath holds measured relief of symptoms, not cure; how much relief is below."
            )
        elif kind == "tumour":
            symptoms = [
                c.name
                for c in base.conditions.values()
                if c.category in ("cancer_pain", "cancer_symptom")
            ][:8]
            lines.append(
                "**No: acupath holds no evidence that acupuncture shrinks tumours or treats "
                "cancer itself, so it should not be offered for that.** Its cancer records are "
                "about symptoms: " + ", ".join(symptoms) + "."
            )
        elif kind == "sham" and sham_band is not None and sham_band != "large":
            lines.append(
                "**No: against sham acupuncture the pooled differences acupath holds are at "
                f"most {sham_band} (figures below), so 'far better than sham' overstates the "
                "evidence.**"
            )
        elif kind == "harmless":
            lines.append(
                "**No treatment is free of risk:** serious adverse events after acupuncture are "
                "rare but reported (see the safety records below), and some patients need "
                "changes or referral first."
            )
    if not lines:
        return None
    return Section(TITLES[audience]["premise"], "\n".join(lines))


def _plain_premises(
    premises: Sequence[str], topic: str, base: EvidenceBase, sham_band: str | None
) -> list[str]:
    """The premise corrections in the patient's voice: short sentences, common words."""
    out = []
    for kind in premises:
        if kind == "cure":
            out.append(
                f"**No. Studies do not show that acupuncture cures {topic}.** They looked at "
                "whether pain and other symptoms got better. How much is shown below."
            )
        elif kind == "tumour":
            out.append(
                "**No. Nothing shows that acupuncture shrinks a tumour or treats the cancer "
                "itself, so it should not be used for that.** Studies look at the symptoms of "
                "cancer and its treatment, such as pain, sickness and tiredness."
            )
        elif kind == "sham" and sham_band is not None and sham_band != "large":
            out.append(
                "**No. In the studies, real acupuncture did better than fake (sham) "
                f"acupuncture, but not by far: the difference was {sham_band} at most.** The "
                "figures are below."
            )
        elif kind == "harmless":
            out.append(
                "**No treatment is free of risk.** Serious harm after acupuncture is rare, but it "
                "has happened (see the safety part below). Some people need changes, or a "
                "doctor's check, first."
            )
    return out


def named_section(
    stmt: Statement, answer: Answer, retrieval: Any, voice: Any, refs: _Refs
) -> Section | None:
    """What a trial or guideline the question names found, when the body does not cite it."""
    cited = {r.id for r in answer.references}
    wanted = [s for s in stmt.sources_named if s not in cited]
    if not wanted:
        return None
    from acupath.evidence.schemas import Finding, Recommendation

    index = retrieval.index
    conditions = set(stmt.conditions)
    lines: list[str] = []
    for sid in wanted:
        docs = [
            d
            for d in index.documents
            if sid in d.sources and isinstance(d.record, Finding | Recommendation)
        ]
        docs.sort(
            key=lambda d: (
                not (set(d.conditions) & conditions),
                -retrieval.score[index.position(d)],
            )
        )
        for d in docs[:3]:
            marker = refs.marker(d.sources, d.id, d.kind).strip()
            rec = d.record
            if isinstance(rec, Finding):
                lines.append("- " + voice.finding(rec, marker))
            else:
                lines.append(
                    "- " + voice.recommendation(rec, marker, coverage="coverage" in d.tags)
                )
    if not lines:
        return None
    title = "What the named study or guideline found"
    return Section(title, "\n".join(lines), tuple(dict.fromkeys(stmt.sources_named)))


def scope_section(stmt: Statement, audience: str) -> Section | None:
    if not stmt.not_understood:
        return None
    words = ", ".join(f"“{w}”" for w in stmt.not_understood)
    text = (
        f"This answer does not address {words}: acupath did not recognise it, or holds no "
        "records on it for this question. The rest of the question is answered below."
    )
    return Section(TITLES[audience]["scope"], text)


def with_opening(
    answer: Answer,
    stmt: Statement,
    safety: Safety | None,
    base: EvidenceBase,
    *,
    sham_band: str | None = None,
    retrieval: Any = None,
    voice: Any = None,
) -> Answer:
    """The answer with its opening sections first (and only those, for an emergency)."""
    audience = answer.audience
    emergency = safety is not None and safety.decision == "refer" and safety.urgency == "emergency"
    if emergency:
        # nothing of the evidence body is shown, so its references go too
        answer = dataclasses.replace(
            answer,
            sections=(),
            brief_sections=(),
            verdicts=(),
            references=(),
            records_used=(),
            findings_used=(),
            follow_ups=(),
        )
    refs = _Refs(answer, base)
    opening: list[Section] = []
    if safety is not None:
        if audience == "patient":
            who = who_is_asked_about(stmt.text, stmt.patient)
            title = TITLES["patient"]["safety"]
            opening.append(patient_safety_section(safety, stmt.patient, refs, title, who))
        else:
            opening.append(safety_section(safety, stmt.patient, refs, audience))
        opening[-1] = guard_unread(opening[-1], stmt.not_understood, audience)
    premise = premise_section(stmt, base, audience, sham_band)
    if premise is not None:
        opening.append(premise)
    scope = scope_section(stmt, audience)
    # an out-of-scope or no-evidence answer already says what it cannot answer
    said = answer.out_of_scope or bool(stmt.question.unknown_topic)
    if scope is not None and not emergency and not said:
        opening.append(scope)
    named = None
    if not emergency and retrieval is not None and voice is not None:
        named = named_section(stmt, answer, retrieval, voice, refs)
    if named is not None:
        opening.append(named)
    if not opening:
        return answer
    return dataclasses.replace(
        answer,
        # the opening is shown first in the brief and in the full answer (Answer.opening)
        opening=(*opening, *answer.opening),
        references=tuple(refs.refs),
        records_used=tuple(refs.records),
    )
