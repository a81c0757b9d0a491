"""Advice at a planned review: continue the course, stop it, or close it as complete.

Reviews fall at the plan's ``review_after`` session, at the end of the planned course, and,
for a course under the Medicare rule for chronic low back pain (CMS NCD 30.3.3), at the 12th
visit. The rules come from ``course_rules.yaml``:

- CMS NCD 30.3.3: up to 12 visits in 90 days, 8 more only for patients who are improving, at
  most 20 a year, and treatment stops when the patient is not improving or is regressing;
- NICE NG193 (chronic primary pain): a single course, so a completed course is not renewed;
- ``improvement_policy`` (clinic policy, not evidence): "improving" means a 30% or 2-point
  reduction from baseline (see :func:`acupath.outcomes.response.classify`).

Example::

    >>> r = classify(7, 6)
    >>> advise(condition="chronic_low_back_pain", sessions_done=12, planned_sessions=12,
    ...        review_after=6, sessions_last_year=12, response=r,
    ...        coverage="cms_ncd_30_3_3").decision
    'stop'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from acupath.errors import InputError, NotFound
from acupath.outcomes.response import Response
from acupath.outcomes.rules import CourseRule, course_rules

Decision = Literal["continue", "stop", "complete", "record_scores"]


@dataclass(frozen=True)
class Reason:
    """One reason for the advice, with the rule and source it rests on."""

    text: str
    rule: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Advice:
    """The advice at this point of the course."""

    decision: Decision
    at_review: bool
    next_review: int | None
    sessions_done: int
    more_sessions_allowed: int | None
    reasons: tuple[Reason, ...]


def _rule(rule_id: str) -> CourseRule:
    rules = course_rules()
    try:
        return rules[rule_id]
    except KeyError:
        raise NotFound.unknown("coverage rule", rule_id, list(rules)) from None


def advise(
    *,
    condition: str,
    sessions_done: int,
    planned_sessions: int,
    review_after: int | None,
    sessions_last_year: int,
    response: Response | None,
    coverage: str | None = None,
) -> Advice:
    """Advice for a course after ``sessions_done`` sessions (see the module docstring)."""
    if sessions_done < 0:
        raise InputError.invalid("sessions_done", sessions_done, "a whole number >= 0")
    if planned_sessions < 1:
        raise InputError.invalid("planned_sessions", planned_sessions, "a whole number >= 1")
    cms = _rule(coverage) if coverage else None
    if cms is not None and cms.kind != "coverage_limit":
        cms = None
    nice = next(
        (
            r
            for r in course_rules().values()
            if r.kind == "single_course" and condition in r.conditions
        ),
        None,
    )
    reviews = {planned_sessions}
    if review_after:
        reviews.add(review_after)
    if cms is not None and cms.initial_sessions:
        reviews.add(cms.initial_sessions)
    upcoming = sorted(r for r in reviews if r > sessions_done)
    next_review = upcoming[0] if upcoming else None
    at_review = sessions_done in reviews or sessions_done >= planned_sessions
    reasons: list[Reason] = []
    more: int | None = None

    if cms is not None:
        cap = cms.max_sessions_per_year or 0
        more = max(0, cap - sessions_last_year)
        if sessions_last_year >= cap:
            reasons.append(
                Reason(
                    f"{sessions_last_year} sessions in the last 12 months reach the "
                    f"yearly limit of {cap}",
                    cms.id,
                    cms.source,
                )
            )
            return Advice("stop", at_review, None, sessions_done, 0, tuple(reasons))
        if response is not None and response.regressing:
            reasons.append(
                Reason(
                    "pain is worse than at baseline; the coverage rule stops "
                    "treatment that is regressing",
                    cms.id,
                    cms.source,
                )
            )
            return Advice("stop", at_review, None, sessions_done, more, tuple(reasons))

    if not at_review:
        reasons.append(Reason(f"next planned review at session {next_review}"))
        return Advice("continue", False, next_review, sessions_done, more, tuple(reasons))

    if response is None:
        reasons.append(
            Reason("no pain score after baseline in this course; record one before deciding")
        )
        return Advice("record_scores", True, next_review, sessions_done, more, tuple(reasons))

    policy = course_rules().get("improvement_policy")
    change = (
        f"{response.percent_reduction:.0f}% / {response.point_reduction:g} points"
        if response.percent_reduction is not None
        else f"{response.point_reduction:g} points"
    )
    if not response.improving:
        reasons.append(
            Reason(
                f"no clinically important reduction from baseline ({change})",
                policy.id if policy else None,
                None,
            )
        )
        if cms is not None and cms.stop_if_not_improving:
            reasons.append(
                Reason(
                    "the coverage rule stops treatment that is not improving", cms.id, cms.source
                )
            )
        return Advice("stop", True, None, sessions_done, more, tuple(reasons))

    reasons.append(
        Reason(
            f"clinically important reduction from baseline ({change})",
            policy.id if policy else None,
            None,
        )
    )
    if sessions_done >= planned_sessions:
        if nice is not None:
            reasons.append(
                Reason(
                    "the guideline recommends a single course for chronic primary "
                    "pain; a further course is outside it",
                    nice.id,
                    nice.source,
                )
            )
        else:
            reasons.append(Reason("planned course completed"))
        if cms is not None and cms.initial_sessions and sessions_done <= cms.initial_sessions:
            extra = min(cms.additional_sessions or 0, more or 0)
            reasons.append(
                Reason(
                    f"if continued, up to {extra} more sessions are covered for a "
                    "patient who is improving",
                    cms.id,
                    cms.source,
                )
            )
            more = extra
        return Advice("complete", True, None, sessions_done, more, tuple(reasons))
    if cms is not None and cms.initial_sessions and sessions_done == cms.initial_sessions:
        extra = min(cms.additional_sessions or 0, more or 0)
        reasons.append(
            Reason(f"improving: up to {extra} more sessions are covered", cms.id, cms.source)
        )
        more = extra
    return Advice("continue", True, next_review, sessions_done, more, tuple(reasons))
