"""Confidence intervals for a clinic's results: proportions (Wilson) and means (t).

Wilson score interval for k events in n (Wilson 1927; Newcombe 1998 recommends it over the
Wald interval for small n or proportions near 0 or 1)::

    centre = (p + z²/2n) / (1 + z²/n)
    half   = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²)

Mean with a t interval: mean ± t(0.975, n-1) * sd / sqrt(n).

Event rate per exposure with the exact Poisson interval (Garwood 1936)::

    lower = chi2(0.025, 2k) / 2 / exposure,  upper = chi2(0.975, 2k + 2) / 2 / exposure
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy import stats as _stats


@dataclass(frozen=True)
class Estimate:
    """An estimate with its 95% confidence interval (``None`` bounds when n is too small)."""

    estimate: float | None
    ci_lower: float | None
    ci_upper: float | None
    n: int


def wilson(events: int, n: int, level: float = 0.95) -> Estimate:
    """Proportion ``events / n`` with its Wilson score interval."""
    if n <= 0:
        return Estimate(None, None, None, 0)
    if not 0 <= events <= n:
        raise ValueError(f"events must lie in [0, {n}]; got {events}")
    z = float(_stats.norm.ppf(0.5 + level / 2))
    p = events / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half), n)


def mean_ci(values: Sequence[float], level: float = 0.95) -> Estimate:
    """Mean of ``values`` with a t interval (no interval for fewer than two values)."""
    n = len(values)
    if n == 0:
        return Estimate(None, None, None, 0)
    mean = math.fsum(values) / n
    if n == 1:
        return Estimate(mean, None, None, 1)
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))
    half = float(_stats.t.ppf(0.5 + level / 2, n - 1)) * sd / math.sqrt(n)
    return Estimate(mean, mean - half, mean + half, n)


def poisson_rate(events: int, exposure: int, level: float = 0.95) -> Estimate:
    """Events per unit of exposure (per session, say) with the exact Poisson interval."""
    if exposure <= 0:
        return Estimate(None, None, None, 0)
    if events < 0:
        raise ValueError(f"events must be >= 0; got {events}")
    alpha = 1 - level
    lower = 0.0 if events == 0 else float(_stats.chi2.ppf(alpha / 2, 2 * events)) / 2
    upper = float(_stats.chi2.ppf(1 - alpha / 2, 2 * events + 2)) / 2
    return Estimate(events / exposure, lower / exposure, upper / exposure, exposure)
