"""Size of an effect in the clinic's units and whether it is clinically important.

Part of the judge (:mod:`acupath.answer.judge`): pure functions over findings.

- A mean difference on a 0-10 or 0-100 scale keeps the record's units; its importance is judged
  against, in order, the record's own minimal clinically important difference (``MCID n`` in
  its scale), a threshold the same source prespecified, or the IMMPACT/Farrar threshold held in
  the base (about 2 points on a 0-10 pain scale, Farrar 2001; ten times that on 0-100).
- A standardised mean difference gets Cohen's word (below 0.2 very small, below 0.5 small,
  below 0.8 medium, else large; Cohen 1988) and no importance judgement, since no threshold in
  the base is on that scale.

References: Dworkin RH et al. J Pain 2008;9:105-121; Farrar JT et al. Pain 2001;94:149-158;
Cohen J. Statistical power analysis for the behavioral sciences, 1988.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding

Importance = Literal["yes", "no", "unknown"]
NUMERIC = frozenset({"SMD", "MD", "RR", "OR", "RD", "HR"})
_SMD_BANDS = ((0.2, "very small"), (0.5, "small"), (0.8, "medium"))
_MCID = re.compile(r"\bMCID\s*(\d+(?:\.\d+)?)", re.IGNORECASE)
_SCALE = re.compile(r"(?<![\d.])0\s*(?:-|–|to)\s*(100|10)(?![\d.])")


@dataclass(frozen=True)
class Threshold:
    """A clinically important difference and where it comes from."""

    value: float
    scale_max: int  # the top of the 0-N scale the value is on (10 or 100)
    record: Finding  # the record that holds the value (a threshold finding or the size record)
    own: bool  # True when the size record states its own MCID


@dataclass(frozen=True)
class Size:
    """The size of an effect in the clinic's units, as the size record holds it."""

    record: Finding
    measure: str
    estimate: float
    ci_lower: float | None
    ci_upper: float | None
    scale_max: int | None  # 10 or 100 for a mean difference on a 0-10 or 0-100 scale
    smd_word: str | None  # Cohen's band for a standardised mean difference


def scale_max(f: Finding) -> int | None:
    """10 or 100 when the record's scale is a 0-10 or 0-100 scale, else None."""
    m = _SCALE.search(f"{f.scale or ''} {f.unit or ''}")
    return int(m.group(1)) if m else None


def smd_word(value: float) -> str:
    """Cohen's word for the size of a standardised mean difference."""
    size = abs(value)
    for below, word in _SMD_BANDS:
        if size < below:
            return word
    return "large"


def size_of(f: Finding) -> Size | None:
    """The size of a numeric record, or None for a categorical one."""
    if f.measure not in NUMERIC or f.estimate is None:
        return None
    return Size(
        record=f,
        measure=f.measure,
        estimate=f.estimate,
        ci_lower=f.ci_lower,
        ci_upper=f.ci_upper,
        scale_max=scale_max(f) if f.measure == "MD" else None,
        smd_word=smd_word(f.estimate) if f.measure == "SMD" else None,
    )


def threshold_for(base: EvidenceBase, size: Size) -> Threshold | None:
    """The clinically important difference that applies to a mean difference (rule 5)."""
    f = size.record
    if size.measure != "MD" or size.scale_max is None:
        return None
    own = _MCID.search(f.scale or "")
    if own:
        return Threshold(float(own.group(1)), size.scale_max, f, own=True)
    for t in base.findings.values():  # a threshold the same source prespecified
        if (
            t.measure == "threshold"
            and t.source == f.source
            and t.estimate is not None
            and "point" in (t.unit or "")
            and scale_max(t) == size.scale_max
        ):
            return Threshold(t.estimate, size.scale_max, t, own=False)
    if f.outcome != "pain":
        return None
    general = sorted(
        (
            t
            for t in base.findings.values()
            if t.measure == "threshold"
            and t.condition is None
            and t.outcome == "clinically_important_change"
            and t.estimate is not None
            and "point" in (t.unit or "")
            and scale_max(t) == 10
        ),
        key=lambda t: t.id,
    )
    if not general:
        return None
    return Threshold(general[0].estimate or 0.0, 10, general[0], own=False)


def importance(size: Size, thr: Threshold | None) -> tuple[Importance, bool]:
    if thr is None or size.scale_max is None:
        return "unknown", False
    factor = size.scale_max / thr.scale_max
    bar = thr.value * factor
    magnitude = abs(size.estimate)
    far = max(abs(size.ci_lower or size.estimate), abs(size.ci_upper or size.estimate))
    return ("yes" if magnitude >= bar else "no"), far >= bar
