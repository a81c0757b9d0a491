"""Q-profile confidence interval for tau², as metafor's ``confint(rma_fit)``.

The generalised Q statistic ``Q(τ²) = Σ (y - Xb(τ²))² / (v + τ²)`` follows a chi-square
distribution on ``k - p`` degrees of freedom at the true tau², and decreases in tau². The
interval collects the tau² values not rejected (Viechtbauer 2007, Stat Med 26:37-52)::

    lower: Q(τ²) = χ²_{k-p, 1-α/2}     upper: Q(τ²) = χ²_{k-p, α/2}

searched on ``[0, max(100, 10 τ̂²)]``. When ``Q(0)`` is already below the upper critical value
the interval is ``[0, 0]`` ("null"), as metafor reports it. A bound beyond the top of the search
interval is *censored*: metafor prints the search limit there (marked ">"), which reads as a
number it is not; here the bound is NaN and flagged censored, and the report says it lies above
the limit. The roots are found with Brent's method as R's ``uniroot`` runs it, but with a
relative tolerance (:data:`acupath.meta._zeroin.QP_RTOL`) instead of R's absolute 1.2e-4, which
leaves small bounds off by percents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from acupath.meta._zeroin import QP_RTOL, zeroin
from acupath.meta.lanes import FloatArray, Lanes
from acupath.meta.tau2 import q_statistic


@dataclass(frozen=True)
class Tau2Interval:
    """Lower and upper bounds per lane (NaN where no interval applies or a bound is censored)
    and whether each bound lies beyond the search limit."""

    lower: FloatArray
    upper: FloatArray
    lower_censored: NDArray[np.bool_]
    upper_censored: NDArray[np.bool_]


def tau2_interval(lanes: Lanes, tau2: FloatArray, level: float = 0.95) -> Tau2Interval:
    """Q-profile interval for tau² in every lane (see the module docstring).

    Lanes with ``k - p < 1`` or a tau² that is NaN (an equal-effects model, a failed fit)
    get NaN bounds.
    """
    d = lanes.n_lanes
    alpha = 1.0 - level
    df = lanes.k - lanes.p
    ok = (df >= 1) & np.isfinite(tau2)
    lower = np.full(d, np.nan)
    upper = np.full(d, np.nan)
    lower_cens = np.zeros(d, dtype=bool)
    upper_cens = np.zeros(d, dtype=bool)
    idx = np.flatnonzero(ok)
    if idx.size == 0:
        return Tau2Interval(lower, upper, lower_cens, upper_cens)
    sub = lanes.take(idx)
    t_hat = tau2[idx]
    dfs = df[idx]
    t_min = np.minimum(0.0, t_hat)
    t_max = np.maximum(100.0, np.maximum(t_hat * 10.0, t_min * 10.0))
    crit_u = stats.chi2.isf(alpha / 2, dfs)
    crit_l = stats.chi2.ppf(alpha / 2, dfs)
    q_max = q_statistic(sub, t_max)
    q_min = q_statistic(sub, t_min)
    lb = np.full(idx.size, np.nan)
    ub = np.full(idx.size, np.nan)

    def solve(rows: NDArray[np.bool_], crit: FloatArray) -> FloatArray:
        ridx = np.flatnonzero(rows)
        target = crit[ridx]
        part = sub.take(ridx)

        def general(x: FloatArray, lanes_idx: NDArray[np.intp]) -> FloatArray:
            return q_statistic(part.take(lanes_idx), x) - target[lanes_idx]

        f: Callable[[FloatArray, NDArray[np.intp]], FloatArray] = (
            _InterceptQ(part, target) if sub.X is None else general
        )
        root, _ = zeroin(
            f,
            t_min[ridx],
            t_max[ridx],
            q_min[ridx] - target,
            q_max[ridx] - target,
            tol=0.0,
            rtol=QP_RTOL,
            maxiter=1000,
        )
        return root

    # Upper bound.
    null = q_min < crit_l
    lb[null] = t_min[null]
    ub[null] = t_min[null]
    ub_at_max = ~null & (q_max > crit_l)
    ub[ub_at_max] = np.nan
    ub_search = ~null & ~ub_at_max
    if ub_search.any():
        ub[ub_search] = solve(ub_search, crit_l)
    # Lower bound.
    both_max = q_max > crit_u
    lb[both_max] = np.nan
    ub[both_max] = np.nan
    lb_at_min = ~both_max & (q_min < crit_u)
    lb[lb_at_min] = t_min[lb_at_min]
    lb_search = ~both_max & ~lb_at_min
    if lb_search.any():
        lb[lb_search] = solve(lb_search, crit_u)
    lower[idx] = lb
    upper[idx] = ub
    lower_cens[idx] = both_max
    upper_cens[idx] = both_max | ub_at_max
    return Tau2Interval(lower, upper, lower_cens, upper_cens)


class _InterceptQ:
    """``Q(τ²) - target`` for intercept-only lanes, as the root finder asks for it.

    Q is ``Σ w y² - (Σ w y)²/Σ w`` with ``w = 1/(v + τ²)`` on outcomes centred on their mean
    (Q does not depend on a shift of y; centring keeps the subtraction harmless), with padded
    entries given an infinite variance so that their weight is exactly 0. The root finder asks
    for fewer lanes as they converge; the arrays are compacted only when the lanes asked for
    are fewer than half of those held, and otherwise Q is computed for all lanes held and the
    ones asked for are picked out, which costs less than copying at every step.
    """

    def __init__(self, lanes: Lanes, target: FloatArray) -> None:
        c = lanes.centred()
        self.held = np.arange(lanes.n_lanes)
        self.v = np.where(lanes.mask > 0, lanes.v, np.inf)
        self.y = c.y
        self.y2 = c.y * c.y
        self.target = target

    def __call__(self, x: FloatArray, lanes: NDArray[np.intp]) -> FloatArray:
        if lanes.size < self.held.size // 2:
            pos = np.searchsorted(self.held, lanes)
            self.v, self.y, self.y2 = self.v[pos], self.y[pos], self.y2[pos]
            self.held = lanes
        if lanes.size == self.held.size:
            xs = x
            pick = None
        else:
            pick = np.searchsorted(self.held, lanes)
            xs = np.zeros(self.held.size)
            xs[pick] = x
        w = 1.0 / (self.v + xs[:, None])
        sw = w.sum(axis=1)
        wy = (w * self.y).sum(axis=1)
        q = (w * self.y2).sum(axis=1) - wy * wy / sw
        if pick is not None:
            q = q[pick]
        return np.asarray(q - self.target[lanes])
