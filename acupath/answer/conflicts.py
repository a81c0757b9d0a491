"""Records that give different figures for one comparison, and what differs between them.

Part of the judge (:mod:`acupath.answer.judge`). Two numeric records on the same outcome and
measure *conflict* when their directions differ, their confidence intervals do not overlap, or
one estimate is at least twice the other (mean differences only on the same 0-10 or 0-100
scale). :func:`differences` names what differs (population pooled across conditions, control
or sham type, time point, analysis, outcome); a conflict with no difference is unexplained.
"""

from __future__ import annotations

from dataclasses import dataclass

from acupath.answer.importance import NUMERIC, scale_max
from acupath.evidence.schemas import Finding


@dataclass(frozen=True)
class Difference:
    """One way two records differ: ``kind`` is population, control, timepoint, analysis,
    outcome or source; ``a`` and ``b`` say what each record holds."""

    kind: str
    a: str
    b: str


@dataclass(frozen=True)
class Conflict:
    """Two records giving different figures for one comparison, and why they may differ."""

    a: Finding
    b: Finding
    differences: tuple[Difference, ...]

    @property
    def explained(self) -> bool:
        return bool(self.differences)


def _overlap(a: Finding, b: Finding) -> bool:
    if None in (a.ci_lower, a.ci_upper, b.ci_lower, b.ci_upper):
        return True
    assert a.ci_lower is not None and a.ci_upper is not None
    assert b.ci_lower is not None and b.ci_upper is not None
    return a.ci_lower <= b.ci_upper and b.ci_lower <= a.ci_upper


def conflicting(a: Finding, b: Finding) -> bool:
    """Whether two numeric records on one outcome and measure give clearly different figures."""
    if a.measure != b.measure or a.outcome != b.outcome or a.measure not in NUMERIC:
        return False
    if a.estimate is None or b.estimate is None or a.id == b.id:
        return False
    if a.direction != b.direction:
        return True
    if a.measure == "MD" and (scale_max(a) != scale_max(b) or scale_max(a) is None):
        return False  # mean differences on different or unknown scales are not comparable
    small, large = sorted((abs(a.estimate), abs(b.estimate)))
    return not _overlap(a, b) or (small > 0 and large >= 2 * small)


def differences(a: Finding, b: Finding, condition: str | None = None) -> tuple[Difference, ...]:
    """What differs between two records of one comparison (population, control, time point,
    analysis, outcome, source), each as stored in the records."""
    out: list[Difference] = []

    def pop(f: Finding) -> str:
        if condition is not None and f.condition != condition:
            return "pooled"
        return f.condition or "pooled"

    if pop(a) != pop(b):
        out.append(Difference("population", pop(a), pop(b)))
    if a.comparator != b.comparator:
        out.append(Difference("control", a.comparator, b.comparator))
    da, db = a.comparator_detail or "", b.comparator_detail or ""
    if da != db and (da or db):
        out.append(Difference("control", da, db))
    if (a.timepoint or "") != (b.timepoint or "") and a.timepoint and b.timepoint:
        out.append(Difference("timepoint", a.timepoint, b.timepoint))
    if a.provenance != b.provenance:
        out.append(Difference("analysis", a.provenance, b.provenance))
    elif a.source == b.source and a.population != b.population:
        out.append(Difference("analysis", a.population, b.population))
    if a.outcome != b.outcome:
        out.append(Difference("outcome", a.outcome, b.outcome))
    return tuple(out)
