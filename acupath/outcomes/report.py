"""A clinic's results by condition and technique, beside the published benchmarks.

Input: one :class:`CourseOutcome` per course (baseline and latest pain score of the course,
sessions given) and the adverse-event counts. For each condition x technique, each condition,
and the whole clinic:

- responders: share of evaluable courses with a >=30% reduction (IMMPACT moderate), >=50%
  (substantial) and >=2 points (Farrar), each with a Wilson 95% interval;
- mean change from baseline (latest - baseline; negative = less pain) with a t interval;
- a course is *evaluable* when it has a baseline and at least one later score.

Benchmarks are chosen from the evidence base by :mod:`acupath.outcomes.benchmarks`. A clinic's
before-after change is not a randomised comparison: it includes natural course, regression to
the mean and non-specific effects, so it is read against the *acupuncture arm* of trials (a
responder share, a within-arm change), and between-group differences are shown for context.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from acupath.evidence.loader import EvidenceBase
from acupath.outcomes import benchmarks as bm
from acupath.outcomes.response import EPS as _EPS
from acupath.outcomes.rules import response_rules
from acupath.outcomes.safety import AdverseEventRates
from acupath.outcomes.stats import Estimate, mean_ci, poisson_rate, wilson

SYNTHETIC_NOTICE = "SYNTHETIC DEMO DATA: these patients and results are invented."


@dataclass(frozen=True)
class CourseOutcome:
    """One course as the report needs it (plain data, from the store or elsewhere)."""

    plan_id: int
    patient_id: int
    condition: str
    technique: str
    baseline: float | None
    latest: float | None
    sessions: int


@dataclass(frozen=True)
class GroupResult:
    """Results of the courses in one group (``None`` in a key means "all")."""

    condition: str | None
    technique: str | None
    courses: int
    evaluable: int
    moderate: Estimate
    substantial: Estimate
    two_point: Estimate
    mean_change: Estimate
    mean_baseline: float | None
    mean_sessions: float | None


@dataclass(frozen=True)
class SafetyComparison:
    """The clinic's adverse-event figure in the unit of one benchmark."""

    benchmark: bm.Benchmark
    clinic_value: float | None
    clinic_ci_lower: float | None
    clinic_ci_upper: float | None
    basis: str


@dataclass(frozen=True)
class ClinicReport:
    """Everything ``acupath report clinic`` shows."""

    clinic: str
    synthetic: bool
    notice: str | None
    instrument: str
    overall: GroupResult
    by_condition: tuple[GroupResult, ...]
    by_condition_technique: tuple[GroupResult, ...]
    benchmarks: Mapping[str, tuple[bm.Benchmark, ...]]
    adverse_events: AdverseEventRates
    safety: tuple[SafetyComparison, ...]
    missing_benchmarks: tuple[str, ...]
    rules: tuple[dict[str, Any], ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (full precision; round for display only)."""
        out = dataclasses.asdict(self)
        out["adverse_events"]["events_per_10000_sessions"] = (
            self.adverse_events.events_per_10000_sessions
        )
        return out


@dataclass(frozen=True)
class _Judged:
    """Per-course response flags, computed once for all courses (NumPy arrays)."""

    evaluable: np.ndarray
    moderate: np.ndarray
    substantial: np.ndarray
    two_point: np.ndarray
    change: np.ndarray
    baseline: np.ndarray
    sessions: np.ndarray


def _judge(rows: Sequence[CourseOutcome], instrument: str) -> _Judged:
    """Apply the response rules to every course at once.

    Same rules and tolerance as :func:`acupath.outcomes.response.classify` (a test checks that
    both agree): percent = 100 (b - x) / b for b > 0; points = b - x.
    """
    base = np.array([np.nan if r.baseline is None else r.baseline for r in rows], dtype=float)
    last = np.array([np.nan if r.latest is None else r.latest for r in rows], dtype=float)
    evaluable = ~np.isnan(base) & ~np.isnan(last)
    points = np.where(evaluable, base - last, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(evaluable & (base > 0), 100.0 * points / base, np.nan)
    met: dict[str, np.ndarray] = {}
    for rule in response_rules().values():
        if instrument not in rule.instruments:
            continue
        value = percent if rule.kind == "percent_reduction" else points
        met[rule.label] = evaluable & (np.nan_to_num(value, nan=-np.inf) >= rule.threshold - _EPS)
    none = np.zeros(len(rows), dtype=bool)
    substantial = met.get("substantial", none)
    return _Judged(
        evaluable=evaluable,
        moderate=met.get("moderate", none) | substantial,
        substantial=substantial,
        two_point=met.get("two_point", none),
        change=last - base,
        baseline=base,
        sessions=np.array([r.sessions for r in rows], dtype=float),
    )


def _group(
    condition: str | None, technique: str | None, j: _Judged, idx: np.ndarray
) -> GroupResult:
    ev = idx[j.evaluable[idx]]
    n = int(ev.size)
    return GroupResult(
        condition=condition,
        technique=technique,
        courses=int(idx.size),
        evaluable=n,
        moderate=wilson(int(j.moderate[ev].sum()), n),
        substantial=wilson(int(j.substantial[ev].sum()), n),
        two_point=wilson(int(j.two_point[ev].sum()), n),
        mean_change=mean_ci([float(v) for v in j.change[ev]]),
        mean_baseline=float(j.baseline[ev].mean()) if n else None,
        mean_sessions=float(j.sessions[idx].mean()) if idx.size else None,
    )


def _safety(base: EvidenceBase, ae: AdverseEventRates) -> tuple[SafetyComparison, ...]:
    """Put the clinic's adverse-event figure in each benchmark's unit.

    Only findings on adverse events in general are compared; serious events or events needing
    treatment are listed without a clinic figure, because a session record's severity
    (mild / moderate / severe) is not the same classification.
    """
    out: list[SafetyComparison] = []
    for b in bm.safety_benchmarks(base):
        if b.outcome != "adverse_events":
            out.append(SafetyComparison(b, None, None, None, "not recorded the same way"))
            continue
        per_session = bm.counts_sessions(b)
        if b.compare_with == "adverse_event_share":
            est = ae.per_session if per_session else ae.per_patient
            basis = (
                "sessions with an event / sessions"
                if per_session
                else "patients with an event / patients"
            )
            out.append(SafetyComparison(b, est.estimate, est.ci_lower, est.ci_upper, basis))
            continue
        per = bm.per_unit(b.unit)
        if per is None:
            out.append(SafetyComparison(b, None, None, None, f"unit {b.unit!r} not comparable"))
            continue
        scale, kind = per
        if kind == "session":
            est = poisson_rate(ae.events, ae.sessions)
            basis = f"events per {scale:g} sessions"
        else:
            est = ae.per_patient
            basis = f"patients with an event per {scale:g} patients"
        out.append(
            SafetyComparison(
                b,
                None if est.estimate is None else est.estimate * scale,
                None if est.ci_lower is None else est.ci_lower * scale,
                None if est.ci_upper is None else est.ci_upper * scale,
                basis,
            )
        )
    return tuple(out)


def clinic_report(
    *,
    clinic: str,
    synthetic: bool,
    courses: Iterable[CourseOutcome],
    adverse_events: AdverseEventRates,
    base: EvidenceBase,
    instrument: str = "nrs",
) -> ClinicReport:
    """Build the clinic report (see the module docstring)."""
    rows = list(courses)
    judged = _judge(rows, instrument)
    by_cond: dict[str, list[int]] = defaultdict(list)
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_cond[r.condition].append(i)
        by_pair[(r.condition, r.technique)].append(i)

    def group(condition: str | None, technique: str | None, members: list[int]) -> GroupResult:
        return _group(condition, technique, judged, np.array(members, dtype=np.intp))

    benchmarks = {c: tuple(bm.efficacy_benchmarks(base, c)) for c in sorted(by_cond)}
    safety = _safety(base, adverse_events)
    missing = [f"efficacy benchmark for {c}" for c, found in benchmarks.items() if not found]
    if not safety:
        missing.append("adverse-event benchmark (share or rate across conditions)")
    return ClinicReport(
        clinic=clinic,
        synthetic=synthetic,
        notice=SYNTHETIC_NOTICE if synthetic else None,
        instrument=instrument,
        overall=group(None, None, list(range(len(rows)))),
        by_condition=tuple(group(c, None, by_cond[c]) for c in sorted(by_cond)),
        by_condition_technique=tuple(group(c, t, by_pair[(c, t)]) for c, t in sorted(by_pair)),
        benchmarks=benchmarks,
        adverse_events=adverse_events,
        safety=safety,
        missing_benchmarks=tuple(missing),
        rules=tuple(
            {
                "id": r.id,
                "label": r.label,
                "threshold": r.threshold,
                "kind": r.kind,
                "source": r.source,
            }
            for r in response_rules().values()
        ),
    )
