"""US Medicare coverage of acupuncture: National Coverage Determination 30.3.3 (2020).

NCD 30.3.3 covers acupuncture for chronic low back pain (cLBP), defined as pain that

* has lasted 12 weeks or longer,
* is nonspecific (no identifiable systemic cause: not metastatic, inflammatory, infectious ...),
* is not associated with surgery, and
* is not associated with pregnancy.

Up to 12 visits in 90 days are covered; 8 more for patients who are improving; no more than 20
treatments a year; treatment stops when the patient is not improving or is regressing. The
visit numbers are read from the course rule in ``acupath/data/outcomes/course_rules.yaml``
whose source is ``cms2020_ncd3033`` (the outcomes domain keeps them for continuation
decisions), so plan and tracking use the same figures. Provider requirements are stated with
the source. Other conditions fall outside the determination.
"""

from __future__ import annotations

from typing import Any

from acupath.care.intake import ConditionEntry, Intake
from acupath.errors import KnowledgeBaseError

NCD_SOURCE = "cms2020_ncd3033"
COVERED_CONDITION = "chronic_low_back_pain"
LBP_CONDITIONS = ("chronic_low_back_pain", "acute_low_back_pain")
MIN_WEEKS = 12
SYSTEMIC_CAUSES = ("metastatic", "malignancy", "inflammatory", "infectious")
NONSPECIFIC_CAUSES = ("nonspecific", "degenerative")

PROVIDERS = (
    "Physicians may furnish acupuncture under state law. Physician assistants, nurse "
    "practitioners, clinical nurse specialists and auxiliary personnel need a master's or "
    "doctoral degree in acupuncture or Oriental medicine from an ACAOM-accredited school and a "
    "current, full, unrestricted state acupuncture licence; auxiliary personnel work under the "
    "supervision 42 CFR 410.26 and 410.27 require."
)


def _ncd_rule() -> Any:
    from acupath.outcomes.rules import course_rules

    for rule in course_rules().values():
        if rule.source == NCD_SOURCE and rule.kind == "coverage_limit":
            return rule
    raise KnowledgeBaseError(
        f"no coverage_limit course rule cites {NCD_SOURCE!r}", file="outcomes/course_rules.yaml"
    )


def medicare_coverage(
    intake: Intake,
    condition: str,
    *,
    planned_sessions: int | None = None,
    planned_weeks: float | None = None,
) -> dict[str, Any]:
    """NCD 30.3.3 eligibility for one condition of an intake, and whether the plan fits it.

    ``eligible`` is True, False, or None when the intake lacks what the decision needs (the
    ``reasons`` then say what to document).
    """
    rule = _ncd_rule()
    limits = {
        "initial_visits": rule.initial_sessions,
        "initial_days": rule.initial_days,
        "additional_visits_if_improving": rule.additional_sessions,
        "max_per_year": rule.max_sessions_per_year,
        "stop_if_not_improving": rule.stop_if_not_improving,
    }
    out: dict[str, Any] = {
        "program": "US Medicare, National Coverage Determination 30.3.3 "
        "(acupuncture for chronic low back pain)",
        "source": NCD_SOURCE,
        "condition": condition,
        "limits": limits,
        "providers": PROVIDERS,
    }
    if condition not in LBP_CONDITIONS:
        out.update(
            applies=False,
            eligible=False,
            reasons=[
                "NCD 30.3.3 covers chronic low back pain only; this condition falls outside it."
            ],
            fits_plan=None,
        )
        return out

    entry: ConditionEntry = next(c for c in intake.conditions if c.condition == condition)
    reasons: list[str] = []
    eligible: bool | None = True
    if entry.duration_weeks is None:
        eligible = None
        reasons.append("Document how long the pain has lasted: it must be 12 weeks or longer.")
    elif entry.duration_weeks < MIN_WEEKS:
        eligible = False
        reasons.append(
            f"Pain has lasted {entry.duration_weeks:g} weeks; the NCD requires 12 weeks or longer."
        )
    cause = entry.cause
    if cause in SYSTEMIC_CAUSES:
        eligible = False
        reasons.append(f"The cause is recorded as {cause}: the NCD covers nonspecific pain only.")
    elif cause == "surgery":
        eligible = False
        reasons.append("Pain associated with surgery is outside the NCD.")
    elif cause == "pregnancy":
        eligible = False
        reasons.append("Pain associated with pregnancy is outside the NCD.")
    elif cause not in NONSPECIFIC_CAUSES:
        eligible = None if eligible is True else eligible
        reasons.append(
            "Document that the pain is nonspecific (no identifiable systemic cause); "
            f"the intake records the cause as {cause or 'not given'}."
        )
    if intake.is_pregnant and cause != "pregnancy":
        eligible = None if eligible is True else eligible
        reasons.append(
            "The patient is pregnant: record whether the back pain is associated with the "
            "pregnancy, which would put it outside the NCD."
        )
    if eligible is True:
        reasons.append(
            "Meets the NCD definition: 12 weeks or longer, nonspecific, not associated with "
            "surgery or pregnancy."
        )

    fits: bool | None = None
    if planned_sessions is not None and rule.initial_sessions is not None:
        in_window = planned_weeks is None or planned_weeks * 7 <= (rule.initial_days or 0)
        fits = planned_sessions <= rule.initial_sessions and in_window
        if fits:
            reasons.append(
                f"The planned {planned_sessions} sessions fit within the first "
                f"{rule.initial_sessions} visits in {rule.initial_days} days."
            )
        else:
            reasons.append(
                f"The planned {planned_sessions} sessions exceed the first {rule.initial_sessions} "
                f"visits in {rule.initial_days} days; further visits need documented improvement."
            )
    out.update(applies=True, eligible=eligible, reasons=reasons, fits_plan=fits)
    return out
