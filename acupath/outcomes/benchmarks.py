"""Benchmarks for a clinic's results, picked from the evidence base when the report is built.

Nothing here is a number: the benchmarks are findings of the knowledge base, chosen by what
they measure so that each stands beside the clinic figure it can be read against:

============================  ======================================  ====================
finding                       condition, outcome, measure             compared with
============================  ======================================  ====================
responder share               same condition, pain outcome,           clinic responder share
                              ``proportion``
within-arm change             same condition, pain outcome, ``mean``  clinic mean change
                              on a 0-10 scale
between-group difference      same condition, pain outcome,           context only (a clinic
                              ``MD`` / ``SMD``                        has no control group)
adverse events                no condition, outcome mentioning        clinic event shares
                              adverse events, ``proportion``/``rate``
============================  ======================================  ====================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding

CompareWith = Literal[
    "responder_rate", "mean_change", "between_group_difference", "effect_size",
    "adverse_event_share", "adverse_event_rate",
]  # fmt: skip

_ZERO_TEN = re.compile(r"\b0\s*(?:-|–|to)\s*10(?!\d)|\bNRS\b|\bBPI\b|\bPEG\b", re.IGNORECASE)
_SESSION_WORDS = re.compile(r"treatment|session|consultation", re.IGNORECASE)
_PER = re.compile(r"per\s+([\d,\s]+)\s*(treatments?|sessions?|patients?|consultations?)", re.I)


@dataclass(frozen=True)
class Benchmark:
    """A finding shown beside a clinic figure, with its citation."""

    finding: str
    source: str
    citation: str
    condition: str | None
    outcome: str
    measure: str
    scale: str | None
    unit: str | None
    estimate: float | None
    ci_lower: float | None
    ci_upper: float | None
    intervention: str
    comparator: str
    timepoint: str | None
    summary: str
    compare_with: CompareWith
    population: str | None
    arm: str
    """``acupuncture`` for a single-arm result of the acupuncture group, else ``<comparator> arm``
    for a control group's result, or ``between groups`` for a difference."""


def _is_pain(outcome: str) -> bool:
    return "pain" in outcome or "respon" in outcome


def _is_adverse(outcome: str) -> bool:
    return outcome.endswith("adverse_events") or "adverse_events_" in outcome


def counts_sessions(b: Benchmark) -> bool:
    """True when the benchmark's denominator is treatments/sessions, not patients."""
    text = f"{b.scale or ''} {b.unit or ''}"
    return bool(_SESSION_WORDS.search(text))


def _arm(f: Finding) -> str:
    if f.measure in ("MD", "SMD", "RR", "OR", "RD"):
        return "between groups"
    return "acupuncture" if f.comparator == "none" else f"{f.comparator} arm"


def _benchmark(base: EvidenceBase, f: Finding, compare_with: CompareWith) -> Benchmark:
    source = base.sources.get(f.source)
    return Benchmark(
        finding=f.id,
        source=f.source,
        citation=source.citation() if source else f.source,
        condition=f.condition,
        outcome=f.outcome,
        measure=f.measure,
        scale=f.scale,
        unit=f.unit,
        estimate=f.estimate,
        ci_lower=f.ci_lower,
        ci_upper=f.ci_upper,
        intervention=f.intervention,
        comparator=f.comparator,
        timepoint=f.timepoint,
        summary=f.summary,
        compare_with=compare_with,
        population=f.population,
        arm=_arm(f),
    )


def efficacy_benchmarks(base: EvidenceBase, condition: str) -> list[Benchmark]:
    """Pain findings for ``condition`` that a clinic's course results can be read against."""
    out: list[Benchmark] = []
    for f in base.findings.values():
        if f.condition != condition or not _is_pain(f.outcome) or f.estimate is None:
            continue
        if f.measure == "proportion":
            out.append(_benchmark(base, f, "responder_rate"))
        elif (
            f.measure == "mean"
            and f.scale
            and _ZERO_TEN.search(f.scale)
            and "change" in f.scale.lower()
        ):
            out.append(_benchmark(base, f, "mean_change"))
        elif f.measure == "MD" and f.scale and _ZERO_TEN.search(f.scale):
            out.append(_benchmark(base, f, "between_group_difference"))
        elif f.measure == "SMD":
            out.append(_benchmark(base, f, "effect_size"))
    return out


SPECIAL_POPULATIONS = re.compile(r"pregnan|child|paediatric|pediatric|neonat", re.IGNORECASE)
"""Populations whose adverse-event rates do not describe a general clinic (a pregnancy cohort,
children): :func:`safety_benchmarks` leaves them out unless asked for."""


def is_special_population(b: Benchmark) -> bool:
    """True when the benchmark's population is a special group (see SPECIAL_POPULATIONS)."""
    return bool(SPECIAL_POPULATIONS.search(f"{b.population or ''} {b.finding}"))


def safety_benchmarks(base: EvidenceBase, *, general: bool = True) -> list[Benchmark]:
    """Adverse-event findings across conditions (shares of patients or treatments, rates).

    With ``general`` (the default) findings in special populations (pregnant women, children)
    are left out: a general clinic's rates are read against general populations only.
    """
    out: list[Benchmark] = []
    for f in base.findings.values():
        if f.condition is not None or not _is_adverse(f.outcome) or f.estimate is None:
            continue
        if general and SPECIAL_POPULATIONS.search(f"{f.population or ''} {f.id}"):
            continue
        if f.measure == "proportion":
            out.append(_benchmark(base, f, "adverse_event_share"))
        elif f.measure == "rate":
            out.append(_benchmark(base, f, "adverse_event_rate"))
    return out


def per_unit(unit: str | None) -> tuple[float, str] | None:
    """Parse ``per 10,000 treatments`` as ``(10000.0, "session")``; ``None`` if not a rate."""
    if not unit:
        return None
    match = _PER.search(unit)
    if not match:
        return None
    scale = float(match.group(1).replace(",", "").replace(" ", ""))
    word = match.group(2).lower()
    return scale, ("patient" if word.startswith("patient") else "session")
