"""Q-profile confidence interval for tau², as metafor's ``confint(rma_fit)``.

The generalised Q statistic ``Q(τ²) = Σ (y - Xb(τ²))² / (v + τ²)`` follows a chi-square
distribution on ``k - p`` degrees of freedom at the true tau², and decreases in tau². The
interval collects the tau² values not rejected (Viechtbauer 2007, Stat Med 26:37-52)::

    lower: Q(τ²) = χ²_{k-p, 1-α/2}     upper: Q(τ²) = χ²_{k-p, α/2}

searched on ``[0, max(100, 10 τ̂²)]``. When ``Q(0)`` is already below the upper critical value
the interval is ``[0, 0]`` ("null"), as metafor reports it. A bound beyond the top of the search
interval is *censored*: metafor prints the search limit there (marked ">"), which reads as a
number it is not; here the bound is NaN and flagged censored, and the report says it lies above
the limit. The roots are exact to rounding (R's ``uniroot`` with its default absolute tolerance
1.2e-4 leaves small bounds off by percents; the golden files ask metafor for ``tol = 1e-14``):
both bounds of every lane are searched together by safeguarded Newton steps (see
:func:`_q_roots`), with Brent's method (:func:`acupath.meta._zeroin.zeroin`, relative tolerance
:data:`acupath.meta._zeroin.QP_RTOL`) for any search the Newton steps leave open.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from acupath.meta._zeroin import QP_RTOL, zeroin
from acupath.meta.intercept import InterceptLanes
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
    sub = lanes if idx.size == d else lanes.take(idx)
    t_hat = tau2[idx]
    dfs = df[idx]
    t_min = np.minimum(0.0, t_hat)
    t_max = np.maximum(100.0, np.maximum(t_hat * 10.0, t_min * 10.0))
    # The critical values depend on the degrees of freedom only, which repeat across lanes.
    dfs_unique, dfs_at = np.unique(dfs, return_inverse=True)
    crit_u = stats.chi2.isf(alpha / 2, dfs_unique)[dfs_at]
    crit_l = stats.chi2.ppf(alpha / 2, dfs_unique)[dfs_at]
    fast = InterceptLanes(sub) if sub.X is None else None
    if fast is not None:
        q_max = fast.q_and_slope(t_max)[0]
        q_min = fast.q_and_slope(t_min)[0]
    else:
        q_max = q_statistic(sub, t_max)
        q_min = q_statistic(sub, t_min)
    lb = np.full(idx.size, np.nan)
    ub = np.full(idx.size, np.nan)
    # Upper bound: [0, 0] when Q(0) is already below the upper critical value ("null");
    # censored when Q at the search limit is still above it.
    null = q_min < crit_l
    lb[null] = t_min[null]
    ub[null] = t_min[null]
    ub_at_max = ~null & (q_max > crit_l)
    ub_search = ~null & ~ub_at_max
    # Lower bound: censored (both bounds) when Q at the search limit is above the lower
    # critical value; at the bottom of the search interval when Q there is below it.
    both_max = q_max > crit_u
    lb_at_min = ~both_max & (q_min < crit_u)
    lb[lb_at_min] = t_min[lb_at_min]
    lb_search = ~both_max & ~lb_at_min
    ub_search &= ~both_max
    # Both searches run as one set of problems: rows 0..n_l-1 the lower bounds, then the
    # upper bounds, each started at the estimate (inside the bracket [t_min, t_max]).
    lanes_l = np.flatnonzero(lb_search)
    lanes_u = np.flatnonzero(ub_search)
    rows = np.concatenate([lanes_l, lanes_u])
    if rows.size:
        target = np.concatenate([crit_u[lanes_l], crit_l[lanes_u]])
        roots = _q_roots(sub, fast, rows, target, t_min[rows], t_max[rows], t_hat[rows],
                         q_min[rows] - target, q_max[rows] - target)  # fmt: skip
        lb[lanes_l] = roots[: lanes_l.size]
        ub[lanes_u] = roots[lanes_l.size :]
    lb[both_max] = np.nan
    ub[both_max | ub_at_max] = np.nan
    lower[idx] = lb
    upper[idx] = ub
    lower_cens[idx] = both_max
    upper_cens[idx] = both_max | ub_at_max
    return Tau2Interval(lower, upper, lower_cens, upper_cens)


QP_NEWTON_MAXITER = 50
"""Newton steps per bound before the search falls back to Brent's method on its bracket."""

_EPS = float(np.finfo(float).eps)


def _q_roots(
    lanes: Lanes,
    fast: InterceptLanes | None,
    rows: NDArray[np.intp],
    target: FloatArray,
    lo: FloatArray,
    hi: FloatArray,
    start: FloatArray,
    f_lo: FloatArray,
    f_hi: FloatArray,
) -> FloatArray:
    """The tau² at which ``Q(τ²) = target`` for lane ``rows[i]`` of ``lanes``, for every i
    (``fast``: the same lanes for the intercept-only kernels, None with moderators).

    ``Q`` decreases in tau² and is convex (``(y - b)²/(v + τ²)`` is jointly convex in b and
    τ², and minimising over b keeps convexity), so on the bracket ``[lo, hi]`` (``Q - target``
    positive at ``lo``, negative at ``hi``) the root is unique. Each step is Newton's on
    ``1/Q`` (``τ² += (Q/c)(Q - c)/D`` with ``D = -dQ/dτ²``), which is exact when Q is
    proportional to ``1/(v̄ + τ²)`` and so converges in a few steps; when that step leaves the
    bracket it is Newton's on Q itself, and failing that bisection. The bracket shrinks with
    every evaluation. A search stops when its step is below ``1e-12`` relative to the root or
    below the rounding noise of Q (``16 ε Q/D``); the root is then exact to rounding, and as
    metafor's ``confint(..., control = list(tol = 1e-14))``. Searches still running after
    :data:`QP_NEWTON_MAXITER` steps finish with Brent's method (:func:`zeroin`) on their bracket.
    """
    n = rows.size
    x = np.clip(start, lo, hi)
    lo = lo.copy()
    hi = hi.copy()
    f_lo = f_lo.copy()
    f_hi = f_hi.copy()
    root = np.full(n, np.nan)
    if fast is not None:
        data = fast.select(rows)

        def q_and_slope(t: FloatArray, active: NDArray[np.intp]) -> tuple[FloatArray, FloatArray]:
            pos = data.hold(active)
            if pos is None:
                return data.q_and_slope(t)
            full = np.zeros(data.rows.size)
            full[pos] = t
            q, s = data.q_and_slope(full)
            return q[pos], s[pos]

    else:

        def q_and_slope(t: FloatArray, active: NDArray[np.intp]) -> tuple[FloatArray, FloatArray]:
            sub = lanes.take(rows[active])
            fit = sub.wls(sub.mask / (sub.v + t[:, None]))
            return fit.rss, fit.ypp_y

    active = np.arange(n)
    for _ in range(QP_NEWTON_MAXITER):
        xa = x[active]
        q, slope = q_and_slope(xa, active)
        c = target[active]
        f = q - c
        above = f > 0.0
        below = f < 0.0
        lo_a = np.where(above, xa, lo[active])
        hi_a = np.where(below, xa, hi[active])
        lo[active] = lo_a
        hi[active] = hi_a
        f_lo[active] = np.where(above, f, f_lo[active])
        f_hi[active] = np.where(below, f, f_hi[active])
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            newton_q = f / slope
            step = np.where(q > 0.0, (q / c) * newton_q, newton_q)
            new = xa + step
            out = ~((new > lo_a) & (new < hi_a))
            new = np.where(out, xa + newton_q, new)
            out = ~((new > lo_a) & (new < hi_a))
            new = np.where(out, 0.5 * (lo_a + hi_a), new)
            noise = 16.0 * _EPS * np.abs(q / slope)
            done = (f == 0.0) | (np.abs(new - xa) <= 1e-12 * np.abs(new) + noise)
        done &= np.isfinite(new)
        root[active[done]] = np.where(f == 0.0, xa, new)[done]
        x[active] = new
        active = active[~done]
        if active.size == 0:
            return root
    # Rare: fall back to Brent's method on the brackets found so far.
    part = lanes.take(rows[active])
    part_target = target[active]

    def f_general(t: FloatArray, lanes_idx: NDArray[np.intp]) -> FloatArray:
        return q_statistic(part.take(lanes_idx), t) - part_target[lanes_idx]

    root[active], _ = zeroin(
        f_general, lo[active], hi[active], f_lo[active], f_hi[active],
        tol=0.0, rtol=QP_RTOL, maxiter=1000,
    )  # fmt: skip
    return root
