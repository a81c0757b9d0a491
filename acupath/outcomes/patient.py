"""One patient's courses: trajectories, change from baseline, response and advice at review.

The pain series that drives response and advice is the first available of NRS, BPI severity
and PEG-3 (in that order); every instrument's trajectory is reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from acupath.outcomes.continuation import Advice, advise
from acupath.outcomes.report import SYNTHETIC_NOTICE
from acupath.outcomes.response import Response, ScorePoint, Trajectory, trajectory
from acupath.outcomes.stats import Estimate, wilson

PAIN_SERIES_ORDER = ("nrs", "bpi_sf", "peg3")


@dataclass(frozen=True)
class CourseData:
    """What the store knows about one course (plain data)."""

    plan_id: int
    condition: str
    technique: str
    planned_sessions: int
    review_after: int | None
    coverage: str | None
    status: str
    started_on: dt.date
    sessions: int
    sessions_with_event: int
    scores: Mapping[str, Sequence[ScorePoint]]


@dataclass(frozen=True)
class CourseReport:
    """One course judged: trajectories, response on the pain series, advice, safety."""

    plan_id: int
    condition: str
    technique: str
    status: str
    started_on: dt.date
    sessions: int
    planned_sessions: int
    pain_instrument: str | None
    response: Response | None
    trajectories: Mapping[str, Trajectory]
    advice: Advice
    adverse_events: Estimate


@dataclass(frozen=True)
class PatientReport:
    """Everything ``acupath report patient`` shows."""

    patient_id: int
    reference: str
    synthetic: bool
    notice: str | None
    sessions_last_year: int
    courses: tuple[CourseReport, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return dataclasses.asdict(self)


def course_report(course: CourseData, *, sessions_last_year: int) -> CourseReport:
    """Judge one course (see the module docstring)."""
    trajectories = {
        name: trajectory(name, points) for name, points in sorted(course.scores.items()) if points
    }
    pain = next((name for name in PAIN_SERIES_ORDER if name in trajectories), None)
    response = trajectories[pain].response if pain else None
    advice = advise(
        condition=course.condition,
        sessions_done=course.sessions,
        planned_sessions=course.planned_sessions,
        review_after=course.review_after,
        sessions_last_year=sessions_last_year,
        response=response,
        coverage=course.coverage,
    )
    return CourseReport(
        plan_id=course.plan_id,
        condition=course.condition,
        technique=course.technique,
        status=course.status,
        started_on=course.started_on,
        sessions=course.sessions,
        planned_sessions=course.planned_sessions,
        pain_instrument=pain,
        response=response,
        trajectories=trajectories,
        advice=advice,
        adverse_events=wilson(course.sessions_with_event, course.sessions),
    )


def patient_report(
    *,
    patient_id: int,
    reference: str,
    synthetic: bool,
    sessions_last_year: int,
    courses: Sequence[CourseData],
) -> PatientReport:
    """The report of one patient, course by course."""
    return PatientReport(
        patient_id=patient_id,
        reference=reference,
        synthetic=synthetic,
        notice=SYNTHETIC_NOTICE if synthetic else None,
        sessions_last_year=sessions_last_year,
        courses=tuple(course_report(c, sessions_last_year=sessions_last_year) for c in courses),
    )
