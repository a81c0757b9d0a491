"""GRADE certainty of evidence for one pooled outcome: proposals a reviewer confirms.

GRADE rates a body of evidence per outcome: randomised trials start at *high*, observational
studies at *low*; each of five domains can rate it down by one level (serious) or two (very
serious) — three for imprecision (GRADE guidance 35) — ending at high, moderate, low or very
low (Guyatt et al. 2008, BMJ 336:924; Core GRADE, BMJ 2025).

Two domains are judgements the reviewer supplies (``risk_of_bias``, ``indirectness``: 0, 1 or
2 levels, with a reason). Three are proposed from the data by the explicit rules below, each
explained in one sentence; thresholds are on the analysis scale (log scale for ratios) around
the null value 0, with an optional minimal important difference ``mid`` (> 0):

* **Inconsistency** (Cochrane Handbook §10.10.2 for I² bands): not rated down when I² < 50% or
  the prediction interval stays on one side of the null; down one level when I² ≥ 50% and the
  prediction interval crosses the null; down two when, in addition, I² ≥ 75% and the
  prediction interval reaches an important effect (beyond ``mid``) on both sides.
* **Imprecision** (GRADE 35): down one level when the confidence interval crosses the null (or,
  with ``mid``, when it includes both no important effect and an important one); down two when
  it includes important benefit and important harm; at least one level when the number of
  participants is below the optimal information size (OIS, when both are given), two when
  below half of it.
* **Publication bias**: assessed only with 10 or more studies (fewer make the tests
  uninformative; Sterne et al. 2011, BMJ 343:d4002): down one level when Egger's test gives
  p < 0.10, the trim-and-fill estimate moving by more than a quarter of its distance from the
  null being mentioned in the reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from scipy import stats

from acupath.errors import InputError
from acupath.meta.bias import EggerTest, TrimFill
from acupath.meta.pool import PooledEstimate

LEVELS = ("very_low", "low", "moderate", "high")
Design = Literal["rct", "observational"]


@dataclass(frozen=True)
class DomainRating:
    """One GRADE domain: levels rated down (0 = not serious) and the reason in one sentence."""

    domain: str
    downgrade: int
    reason: str
    from_data: bool


@dataclass(frozen=True)
class Certainty:
    """The proposed certainty and how it was reached."""

    start: str
    level: str
    domains: tuple[DomainRating, ...]

    @property
    def downgrades(self) -> int:
        return sum(d.downgrade for d in self.domains)

    def explanation(self) -> str:
        """One sentence per domain that rates down, or a sentence saying none does."""
        parts = [f"{d.domain}: {d.reason}" for d in self.domains if d.downgrade]
        if not parts:
            return f"Not rated down in any domain; certainty stays {self.start}."
        return " ".join(parts)


def optimal_information_size_continuous(
    delta_sd: float, alpha: float = 0.05, power: float = 0.8
) -> int:
    """Participants a single two-arm trial would need to detect ``delta_sd`` (an SMD).

    ``2 · 2 (z_{1-α/2} + z_{1-β})² / δ²`` (both arms), rounded up.
    """
    if not delta_sd > 0:
        raise InputError.invalid("delta_sd", delta_sd, "a positive standardised difference")
    z = stats.norm.isf(alpha / 2) + stats.norm.isf(1 - power)
    return 2 * math.ceil(float(2 * z**2 / delta_sd**2))


def optimal_information_size_binary(
    control_risk: float, rrr: float = 0.25, alpha: float = 0.05, power: float = 0.8
) -> int:
    """Participants a two-arm trial needs to detect a relative risk reduction ``rrr``.

    Two-proportion sample size with pooled variance under the null, both arms, rounded up.
    """
    if not 0 < control_risk < 1 or not 0 < rrr < 1:
        raise InputError.invalid(
            "control_risk/rrr", (control_risk, rrr), "proportions strictly between 0 and 1"
        )
    p1 = control_risk
    p2 = control_risk * (1 - rrr)
    pbar = (p1 + p2) / 2
    za = stats.norm.isf(alpha / 2)
    zb = stats.norm.isf(1 - power)
    n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
    return 2 * math.ceil(float(n / (p1 - p2) ** 2))


def _judged(domain: str, levels: int, reason: str | None) -> DomainRating:
    if levels not in (0, 1, 2):
        raise InputError.invalid(domain.lower().replace(" ", "_"), levels, "0, 1 or 2 levels")
    if levels == 0:
        text = reason or "not serious, as judged by the reviewer."
    else:
        word = "serious" if levels == 1 else "very serious"
        text = f"rated down {levels} level{'s' if levels > 1 else ''} ({word}) by the reviewer"
        text += f": {reason}" if reason else "."
    return DomainRating(domain, levels, _sentence(text), from_data=False)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(".") else text + "."


def _fmt(x: float) -> str:
    return f"{x:.2f}"


def rate_inconsistency(result: PooledEstimate, mid: float | None = None) -> DomainRating:
    """Inconsistency from I² and the prediction interval (see the module docstring)."""
    if result.k < 2:
        return DomainRating("Inconsistency", 0, "A single study cannot be inconsistent.", True)
    i2 = result.i2
    lo, hi = result.pi_lower, result.pi_upper
    if lo is None or hi is None:  # equal-effects model: fall back on the confidence interval
        lo, hi = result.ci_lower, result.ci_upper
    crosses = lo < 0 < hi
    if i2 < 50 or not crosses:
        why = (
            f"I² is {i2:.0f}%"
            if i2 < 50
            else f"I² is {i2:.0f}% but the prediction interval ({_fmt(lo)} to {_fmt(hi)}) "
            "stays on one side of no effect"
        )
        return DomainRating("Inconsistency", 0, f"Not rated down: {why}.", True)
    both_important = mid is not None and lo < -mid and hi > mid
    if i2 >= 75 and both_important:
        return DomainRating(
            "Inconsistency",
            2,
            f"I² is {i2:.0f}% and the prediction interval ({_fmt(lo)} to {_fmt(hi)}) includes "
            "important effects in both directions.",
            True,
        )
    return DomainRating(
        "Inconsistency",
        1,
        f"I² is {i2:.0f}% and the prediction interval ({_fmt(lo)} to {_fmt(hi)}) crosses no "
        "effect, so the effect in a new setting may be absent.",
        True,
    )


def rate_imprecision(
    result: PooledEstimate,
    mid: float | None = None,
    participants: int | None = None,
    ois: int | None = None,
) -> DomainRating:
    """Imprecision from the confidence interval and the optimal information size."""
    lo, hi = result.ci_lower, result.ci_upper
    ci = f"the 95% CI ({_fmt(lo)} to {_fmt(hi)})"
    level, why = 0, f"{ci} excludes no effect"
    if mid is not None and lo < -mid and hi > mid:
        level, why = 2, f"{ci} includes important benefit and important harm (beyond ±{mid:g})"
    elif lo < 0 < hi:
        level, why = 1, f"{ci} crosses no effect"
    elif mid is not None and (abs(lo) < mid <= abs(hi) or abs(hi) < mid <= abs(lo)):
        level, why = 1, f"{ci} includes both trivial and important effects (MID {mid:g})"
    if participants is not None and ois is not None and participants < ois:
        ois_level = 2 if participants < ois / 2 else 1
        if ois_level > level:
            level = ois_level
            why = (
                f"{participants} participants fall short of the optimal information size of {ois}"
                + (", less than half of it" if ois_level == 2 else "")
            )
        else:
            why += f", and {participants} participants fall short of the OIS of {ois}"
    if level == 0:
        return DomainRating("Imprecision", 0, f"Not rated down: {why}.", True)
    return DomainRating("Imprecision", level, _sentence(why[0].upper() + why[1:]), True)


def rate_publication_bias(
    result: PooledEstimate, egger: EggerTest | None = None, trimfill: TrimFill | None = None
) -> DomainRating:
    """Publication bias from Egger's test (10 or more studies), with trim and fill as context."""
    if result.k < 10 or egger is None:
        why = (
            f"only {result.k} studies, too few for tests of funnel asymmetry"
            if result.k < 10
            else "no test of funnel asymmetry was supplied"
        )
        return DomainRating("Publication bias", 0, f"Not rated down on the data: {why}.", True)
    shift = ""
    if trimfill is not None and trimfill.k0 > 0:
        moved = abs(trimfill.estimate - result.estimate)
        if result.estimate != 0 and moved > abs(result.estimate) / 4:
            shift = (
                f"; trim and fill adds {trimfill.k0} studies and moves the estimate from "
                f"{_fmt(result.estimate)} to {_fmt(trimfill.estimate)}"
            )
    if egger.pval < 0.10:
        return DomainRating(
            "Publication bias",
            1,
            f"Egger's test suggests small-study effects (p = {egger.pval:.3f}){shift}.",
            True,
        )
    return DomainRating(
        "Publication bias",
        0,
        f"Not rated down: Egger's test p = {egger.pval:.2f}{shift}.",
        True,
    )


def grade(
    result: PooledEstimate,
    *,
    risk_of_bias: int,
    indirectness: int,
    risk_of_bias_reason: str | None = None,
    indirectness_reason: str | None = None,
    design: Design = "rct",
    mid: float | None = None,
    participants: int | None = None,
    ois: int | None = None,
    egger: EggerTest | None = None,
    trimfill: TrimFill | None = None,
) -> Certainty:
    """Propose a GRADE certainty for ``result`` (see the module docstring for the rules).

    ``mid`` is the minimal important difference on the analysis scale (for ratios, the log of
    the ratio: ``math.log(1.25)``); ``participants`` and ``ois`` enable the information-size
    check. Returns the start level, the final level and one rating per domain.
    """
    if design not in ("rct", "observational"):
        raise InputError.invalid("design", design, "'rct' or 'observational'")
    if mid is not None and not mid > 0:
        raise InputError.invalid("mid", mid, "a positive minimal important difference")
    domains = (
        _judged("Risk of bias", risk_of_bias, risk_of_bias_reason),
        rate_inconsistency(result, mid),
        _judged("Indirectness", indirectness, indirectness_reason),
        rate_imprecision(result, mid, participants, ois),
        rate_publication_bias(result, egger, trimfill),
    )
    start = 3 if design == "rct" else 1
    level = max(0, start - sum(d.downgrade for d in domains))
    return Certainty(start=LEVELS[start], level=LEVELS[level], domains=domains)
