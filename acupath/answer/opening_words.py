"""The words of an answer's opening: section titles, referral heads by urgency, plain names
of red flags, the leads of the lines that state the patient's own facts, and how one fact is
described (:func:`describe`). Wording only; :mod:`.opening` assembles the opening.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from acupath.answer.context import Mention
from acupath.answer.timing import describe_status

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
    "thoracic_pain_with_cancer": "mid or upper back pain after a cancer",
    "thoracic_pain_after_osteoporotic_fall": (
        "mid or upper back pain after a fall with osteoporosis"
    ),
    "thoracic_pain_after_major_trauma": "mid or upper back pain after major trauma",
    "suspected_cauda_equina": "a suspected cauda equina syndrome",
    "major_trauma": "recent major trauma",
    "minor_trauma_with_osteoporosis": "minor trauma with osteoporosis",
    "iv_drug_use": "injecting drug use",
    "immunosuppression": "immunosuppression",
    "recent_bacterial_infection": "a recent bacterial infection",
    "severe_night_pain": "severe pain at night",
    "pain_worse_supine": "pain worse lying down",
    "thunderclap_headache": "a sudden, severe (thunderclap) headache",
    "new_headache_after_50": "a new headache after the age of fifty",
}


UNDERSTOOD_LEAD = {"clinician": "Patient as described", "patient": "What you told us"}
ABSENT_LEAD = "Stated as absent (not applied)"
POLICY_LEAD = "Clinic policy"
ASSUMED_LEAD = "Assumed for the screen"
UNUSABLE_LEAD = "Not usable"
NOT_NOW_LEAD = "Not current, so not screened"
PAST_FIELD_LEAD = "Past, but its field is still not needled"
"""Lead of a past radiotherapy course whose field is known: no treatment now, yet the skin it
irradiated stays out of needling (clinic policy, ``radiotherapy_field``), so "not screened"
would contradict the box."""
SET_ASIDE_LEADS = {
    "other_person": "Said of someone else, so not screened for this patient",
    "topic": "Named as the question's subject, not as this patient's, so not screened",
    "supposed": "Only supposed (not the case now), so not applied to the decision above",
}
"""Leads of the facts set aside for what they are, not for when (wave 8)."""
PATIENT_LINE_LEADS = (
    *UNDERSTOOD_LEAD.values(),
    ABSENT_LEAD,
    POLICY_LEAD,
    ASSUMED_LEAD,
    UNUSABLE_LEAD,
    NOT_NOW_LEAD,
    PAST_FIELD_LEAD,
    *SET_ASIDE_LEADS.values(),
    "Said about someone else, so not checked",
    "Asked about in general, so not checked",
    'Only a "what if", so not counted above',
    "What you said is not the case",  # the patient box's leads (data/answer/patient_safety.yaml)
    "We assumed",
    "Past or planned, so not checked now",
    "Had before, but needles still stay out of that skin",
    "If a new medicine is started",
    "If a planned medicine starts",
)
"""Lines that state the patient's own figures or clinic policy, not evidence: they carry no
citation marker (their figures are traced to the question and the policy file)."""


CANCER_WORDS = {
    "active": "active cancer",
    "history": "cancer history",
    "on_treatment": "on cancer treatment",
    "any": "cancer",
}


_ACRONYMS = {"doac": "DOAC", "nsaid": "NSAID", "ssri": "SSRI", "snri": "SNRI"}
_SHORT_STATUS = {"future": "planned", "past": "past", "topic": "the question's topic"}
STATUS_LABELS = {
    "future": "planned",
    "past": "past",
    "stopped_recently": "stopped days ago",
    "latest_value": "latest value",
    "earlier_value": "earlier value",
    "cautious_value": "cautious value",
    "set_aside_value": "set aside",
    "topic": "topic of the question",
    "other_person": "another person",
}
"""Badge words for a fact's status on the web page (the tooltip gives the full sentence)."""


def _class_name(c: str) -> str:
    return _ACRONYMS.get(c, c.replace("_", " "))


def kept_field(m: Mention) -> bool:
    """Whether a fact is a past radiotherapy course with a known field: not current, but its
    field is still screened (:meth:`PatientContext.labels` keeps ``radiation:<site>``)."""
    if m.kind != "radiation" or m.status != "past":
        return False
    return bool(m.detail.get("sites")) or m.value not in ("", "unspecified")


def describe(m: Mention, *, short_status: bool = False, status_words: bool = True) -> str:
    """One fact as the opening lists it: the question's words, then what acupath read.
    ``short_status`` gives a not-current fact one word of status ("planned", "past"), for the
    line whose lead already says it is not screened."""
    kind, value = m.kind, m.value
    if kind == "regimen":
        drugs = ", ".join(m.detail.get("drugs", ()))
        extra = ", ".join(m.detail.get("not_screened", ()))
        meaning = f"chemotherapy regimen: {drugs}" + (f"; not screened: {extra}" if extra else "")
    elif kind == "breastfeeding":
        meaning = "breastfeeding: no screening rule concerns it"
    elif kind == "postpartum":
        meaning = "after a birth: not a pregnancy, and no screening rule applies to it"
    elif kind == "medicine":
        meaning = ", ".join(_class_name(c) for c in m.detail.get("classes", ()))
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
    elif kind == "assessed":
        meaning = "already assessed and found clear"
    else:
        meaning = value.replace("_", " ") if value != "yes" else kind.replace("_", " ")
    if m.detail.get("months"):
        meaning += f", from {m.detail['months']} months x {m.detail['weeks_per_month']} weeks"
    elif m.detail.get("weeks_unknown"):
        meaning += f" ({m.detail['months']} months: {m.detail['weeks_unknown']})"
    if short_status and m.status in _SHORT_STATUS:
        return f"“{m.words.strip()}” ({meaning}; {_SHORT_STATUS[m.status]})"
    text = f"“{m.words.strip()}” ({meaning})"
    if m.status != "current" and status_words:
        text += f" ({describe_status(m.status)})"
    # the page shows a supposition as a badge; words say it only where no badge does
    return text + (" (supposed)" if m.hypothetical and status_words else "")


def describe_fact(fact: Mapping[str, Any], *, status_words: bool = True) -> str:
    """:func:`describe` for a fact of the JSON ``patient_context`` (the web page uses it, with
    the status as a badge instead of words)."""
    m = Mention(
        str(fact["kind"]),
        str(fact["value"]),
        str(fact["words"]),
        0,
        0,
        bool(fact.get("negated")),
        bool(fact.get("hypothetical")),
        dict(fact.get("detail") or {}),
        str(fact.get("status") or "current"),
    )
    return describe(m, status_words=status_words)
