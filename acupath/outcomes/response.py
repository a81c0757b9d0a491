"""Change from baseline, response category and trajectory of one patient's pain scores.

For a course with baseline score ``b`` and latest score ``x`` on a 0-10 pain scale::

    change            = x - b                 (negative = less pain)
    point_reduction   = b - x
    percent_reduction = 100 * (b - x) / b     (undefined when b = 0)

The category follows IMMPACT (Dworkin et al., J Pain 2008): a reduction of at least 30% is
moderately important, at least 50% substantial. The 2-point rule (Farrar et al., Pain 2001)
is reported beside it. The thresholds are read from ``response_rules.yaml``.

Example::

    >>> classify(8, 4).category
    'substantial'
    >>> classify(6, 4).two_point, classify(6, 4).category
    (True, 'moderate')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from acupath.errors import AnalysisError, InputError
from acupath.outcomes.instruments import instrument
from acupath.outcomes.rules import course_rules, response_rules

Category = Literal["substantial", "moderate", "none", "worse"]

# Rules comparing score values must allow for binary floating point (a PEG mean of 2/3).
_EPS = 1e-9
EPS = _EPS


@dataclass(frozen=True)
class Response:
    """How far the latest score moved from baseline, judged by the response rules."""

    baseline: float
    latest: float
    change: float
    point_reduction: float
    percent_reduction: float | None
    category: Category
    two_point: bool
    rules_met: tuple[str, ...]
    improving: bool
    regressing: bool


@dataclass(frozen=True)
class ScorePoint:
    """One score of a series: the day, the score, and the session it belongs to (if any)."""

    on: dt.date
    score: float
    session_id: int | None = None


@dataclass(frozen=True)
class Trajectory:
    """A series of scores on one instrument, with change from baseline at each point."""

    instrument: str
    points: tuple[ScorePoint, ...]
    changes: tuple[float, ...]
    response: Response | None


def classify(baseline: float, latest: float, instrument_id: str = "nrs") -> Response:
    """Judge the change from ``baseline`` to ``latest`` with every response rule for the instrument.

    ``improving`` is the clinic-policy reading used at reviews (rule ``improvement_policy``):
    at least one of its listed rules is met. ``regressing`` means the latest score is worse
    than baseline.
    """
    inst = instrument(instrument_id)
    covered = sorted({i for r in response_rules().values() for i in r.instruments})
    if instrument_id not in covered or inst.better != "lower":
        raise AnalysisError(
            f"response rules apply to the pain scores {', '.join(covered)}; "
            f"{inst.abbreviation} is not one of them"
        )
    low, high = inst.score_range
    for name, value in (("baseline", baseline), ("latest", latest)):
        if not low <= value <= high:
            raise InputError.invalid(
                f"{instrument_id} {name} score", value, f"a number from {low} to {high}"
            )
    points = baseline - latest
    percent = None if baseline == 0 else 100.0 * points / baseline
    met: list[str] = []
    category: Category = "worse" if latest > baseline else "none"
    percent_rules = []
    for rule in response_rules().values():
        if instrument_id not in rule.instruments:
            continue
        if rule.kind == "percent_reduction":
            percent_rules.append(rule)
            if percent is not None and percent >= rule.threshold - _EPS:
                met.append(rule.id)
        elif points >= rule.threshold - _EPS:
            met.append(rule.id)
    for rule in sorted(percent_rules, key=lambda r: -r.threshold):
        if rule.id in met and rule.label in ("substantial", "moderate"):
            category = "substantial" if rule.label == "substantial" else "moderate"
            break
    policy = course_rules().get("improvement_policy")
    wanted = set(policy.rules) if policy is not None else {"immpact_moderate"}
    return Response(
        baseline=baseline,
        latest=latest,
        change=latest - baseline,
        point_reduction=points,
        percent_reduction=percent,
        category=category,
        two_point="two_point" in met,
        rules_met=tuple(met),
        improving=bool(wanted & set(met)),
        regressing=latest > baseline,
    )


def trajectory(instrument_id: str, points: Sequence[ScorePoint]) -> Trajectory:
    """Order the scores by day (stable for same-day scores) and measure change from the first.

    The first score is the baseline; the response compares the last with it (``None`` with
    fewer than two scores).
    """
    ordered = tuple(sorted(points, key=lambda p: p.on))
    if not ordered:
        return Trajectory(instrument_id, (), (), None)
    base = ordered[0].score
    changes = tuple(p.score - base for p in ordered)
    response = classify(base, ordered[-1].score, instrument_id) if len(ordered) > 1 else None
    return Trajectory(instrument_id, ordered, changes, response)
