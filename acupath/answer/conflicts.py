"""Records that give different figures for one comparison, and what differs between them.

Part of the judge (:mod:`acupath.answer.judge`). Two numeric records on the same outcome and
measure *conflict* when their directions differ, their confidence intervals do not overlap, or
one estimate is at least twice the other (mean differences only on the same 0-10 or 0-100
scale). Estimates and intervals are compared with each record's sign convention (``better``)
normalised, so that a benefit reads the same way in both. :func:`differences` names what
differs (population pooled across conditions, control or sham type, time point, analysis,
outcome); a conflict with no difference is unexplained.
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


_RATIOS = frozenset({"RR", "OR", "HR"})


def oriented(f: Finding, x: float) -> float:
    """``x`` (the estimate or a CI bound of ``f``) re-signed so that a larger value always
    favours acupuncture: records store their own convention in ``better`` (Manheimer 2010 gives
    SMD -0.28 with lower better, Vickers 2012 SMD 0.16 with higher better; both favour
    acupuncture). Differences flip sign; ratios are inverted (1/x)."""
    if f.better != "lower":
        return x
    if f.measure in _RATIOS:
        return 1 / x if x else x
    return -x


def oriented_ci(f: Finding) -> tuple[float, float] | None:
    """The confidence interval of ``f`` in the orientation of :func:`oriented`, low first."""
    if f.ci_lower is None or f.ci_upper is None:
        return None
    lo, hi = sorted((oriented(f, f.ci_lower), oriented(f, f.ci_upper)))
    return lo, hi


def _overlap(a: Finding, b: Finding) -> bool:
    ca, cb = oriented_ci(a), oriented_ci(b)
    if ca is None or cb is None:
        return True
    return ca[0] <= cb[1] and cb[0] <= ca[1]


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
    if a.better != b.better and a.measure in _RATIOS:
        small, large = sorted((abs(oriented(a, a.estimate)), abs(oriented(b, b.estimate))))
        return not _overlap(a, b) or (small > 0 and large >= 2 * small)
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
