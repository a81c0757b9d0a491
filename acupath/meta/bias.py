"""Small-study effects: Egger's regression test, the rank correlation test, trim and fill.

* :func:`regtest` — Egger's test as metafor's default ``regtest(fit)``: the meta-analytic model
  is refitted with the standard error as a moderator, ``y_i = b0 + b1 · sqrt(v_i) + u_i + e_i``
  (same tau² estimator and test), and the test of ``b1 = 0`` is reported; ``b0`` is the
  "limit estimate" for a study of infinite precision (Egger et al. 1997, BMJ 315:629;
  Sterne & Egger 2005).
* :func:`ranktest` — Begg & Mazumdar (1994, Biometrics 50:1088): Kendall's tau between the
  standardised deviates ``(y_i - μ̂_FE)/sqrt(v_i - 1/Σw)`` and the variances, with R's
  ``cor.test`` p-value (exact for fewer than 50 studies without ties, else normal).
* :func:`trimfill` — Duval & Tweedie (2000, Biometrics 56:455) with the L0 estimator of the
  number of missing studies, ``k0 = (4 S_r - k(k+1)) / (2k - 1)``, iterated as metafor does;
  the side is taken from the sign of Egger's slope when not given.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import stats

from acupath.errors import AnalysisError
from acupath.meta.fit import fit_lanes
from acupath.meta.lanes import FloatArray, Lanes
from acupath.meta.pool import PooledEstimate, as_arrays, pool


@dataclass(frozen=True)
class EggerTest:
    """Egger's regression test: the slope on the standard error and its test."""

    statistic: float  # z (or t for knha)
    pval: float
    slope: float
    limit_estimate: float
    df: float | None


@dataclass(frozen=True)
class RankTest:
    """Begg and Mazumdar's rank correlation test."""

    tau: float
    pval: float
    exact: bool


@dataclass(frozen=True)
class TrimFill:
    """Trim and fill: the number of filled studies, their side, and the re-pooled estimate."""

    k0: int
    side: Literal["left", "right"]
    filled_yi: tuple[float, ...]
    filled_vi: tuple[float, ...]
    result: PooledEstimate

    @property
    def estimate(self) -> float:
        return self.result.estimate


_SNAP = 1024 * float(np.finfo(float).eps)
"""Differences below this fraction of the effects' scale are rounding noise, not data: a
pooled estimate of identical effects differs from them in the last bits, and signs or ranks
of that noise must not count as asymmetry."""


def snap(resid: FloatArray, scale: float) -> FloatArray:
    """``resid`` with values within rounding noise of 0 (relative to ``scale``) set to 0."""
    return np.where(np.abs(resid) <= _SNAP * scale, 0.0, resid)


def equal_precision(v: FloatArray) -> bool:
    """True when every study has the same standard error (to 1e-10 relative): Egger's
    regression on the standard error has then no slope to estimate."""
    se = np.sqrt(v)
    return bool(np.ptp(se) <= 1e-10 * se.max())


EQUAL_SE = (
    "every study has the same standard error, so the regression on the standard error has no "
    "slope to estimate (metafor stops: the model matrix is not of full rank)"
)
EXACT_FIT = (
    "the regression line passes through every study exactly, so the Knapp-Hartung factor is 0 "
    "and the slope has no standard error to test it with"
)


def _egger_lanes(y: FloatArray, v: FloatArray) -> Lanes:
    X = np.stack([np.ones_like(y), np.sqrt(v)], axis=-1)[None, :, :]
    return Lanes(y[None, :], v[None, :], np.ones((1, y.size)), X)


def regtest(
    yi: Sequence[float] | FloatArray,
    vi: Sequence[float] | FloatArray,
    method: str = "REML",
    test: str = "z",
) -> EggerTest:
    """Egger's regression test for funnel plot asymmetry (needs at least 3 studies)."""
    y, v = as_arrays(yi, vi)
    if y.size < 3:
        raise AnalysisError(f"Egger's test needs at least 3 studies; got {y.size}")
    if equal_precision(v):
        raise AnalysisError(f"Egger's test is not defined: {EQUAL_SE}")
    fit = fit_lanes(_egger_lanes(y, v), method, test)
    if not fit.converged[0]:
        raise AnalysisError(f"the {method} fit for Egger's test did not converge")
    se = fit.se[0]
    if not (np.isfinite(se[1]) and se[1] > 0):
        raise AnalysisError(f"Egger's test is not defined: {EXACT_FIT}")
    pvals = fit.pvalues()[0]
    return EggerTest(
        statistic=float(fit.beta[0, 1] / se[1]),
        pval=float(pvals[1]),
        slope=float(fit.beta[0, 1]),
        limit_estimate=float(fit.beta[0, 0]),
        df=None if test == "z" else float(fit.df[0]),
    )


def regtest_lanes(
    lanes: Lanes, method: str = "REML", test: str = "z"
) -> tuple[FloatArray, FloatArray]:
    """Egger's test for every lane of an intercept-only batch: (statistic, p-value) arrays.

    Lanes with fewer than 3 studies, studies of equal precision, a fit that did not converge
    or a slope without standard error get NaN for both (see :func:`regtest`).
    """
    se_i = np.sqrt(lanes.v)
    big = np.where(lanes.mask > 0, se_i, -np.inf).max(axis=1)
    small = np.where(lanes.mask > 0, se_i, np.inf).min(axis=1)
    usable = (lanes.k >= 3) & (big - small > 1e-10 * big)
    idx = np.flatnonzero(usable)
    stat = np.full(lanes.n_lanes, np.nan)
    pval = np.full(lanes.n_lanes, np.nan)
    if idx.size == 0:
        return stat, pval
    sub = lanes.take(idx)
    X = np.stack([sub.mask, np.sqrt(sub.v) * sub.mask], axis=-1)
    fit = fit_lanes(Lanes(sub.y, sub.v, sub.mask, X), method, test)
    se = fit.se[:, 1]
    with np.errstate(invalid="ignore", divide="ignore"):
        s = fit.beta[:, 1] / se
    p = fit.pvalues()[:, 1]
    bad = ~fit.converged | ~(np.isfinite(se) & (se > 0))
    stat[idx] = np.where(bad, np.nan, s)
    pval[idx] = np.where(bad, np.nan, p)
    return stat, pval


def ranktest(yi: Sequence[float] | FloatArray, vi: Sequence[float] | FloatArray) -> RankTest:
    """Rank correlation test for funnel plot asymmetry (Begg and Mazumdar 1994)."""
    y, v = as_arrays(yi, vi)
    if y.size < 3:
        raise AnalysisError(f"the rank correlation test needs at least 3 studies; got {y.size}")
    w = 1.0 / v
    theta = float((w * y).sum() / w.sum())
    resid = snap(y - theta, float(np.abs(y).max()))
    ystar = resid / np.sqrt(v - 1.0 / w.sum())
    if np.unique(ystar).size == 1 or np.unique(v).size == 1:
        which = "effects" if np.unique(ystar).size == 1 else "variances"
        raise AnalysisError(
            f"the rank correlation test is not defined: all {which} are equal, so Kendall's "
            "tau has no ranks to correlate (metafor reports NA)"
        )
    tau, pval, exact = kendall_test(ystar, v)
    return RankTest(tau=tau, pval=pval, exact=exact)


def kendall_test(x: FloatArray, y: FloatArray) -> tuple[float, float, bool]:
    """Kendall's tau-b and its two-sided p-value as metafor's ``ranktest`` gets it.

    metafor calls R's ``cor.test(method="kendall", exact=TRUE)``: the exact permutation
    distribution when there are no ties, else the normal approximation with the tie-corrected
    variance (no continuity correction). The exact distribution is computed in floating point
    as R does, which limits it to n ≤ 170 (n! overflows beyond); larger n uses the normal one.
    """
    n = x.size
    dx = np.sign(x[:, None] - x[None, :])
    dy = np.sign(y[:, None] - y[None, :])
    iu = np.triu_indices(n, 1)
    s = float((dx[iu] * dy[iu]).sum())
    t0 = n * (n - 1) / 2
    xt = _tie_sizes(x)
    yt = _tie_sizes(y)
    t1 = float((xt * (xt - 1)).sum() / 2)
    t2 = float((yt * (yt - 1)).sum() / 2)
    tau = s / math.sqrt((t0 - t1) * (t0 - t2))
    ties = min(np.unique(x).size, np.unique(y).size) < n
    if not ties and n <= 170:
        q = round((tau + 1) * n * (n - 1) / 4)
        upper = q > n * (n - 1) / 4  # R takes the tail the statistic lies in
        p = 1.0 - _pkendall(q - 1, n) if upper else _pkendall(q, n)
        return tau, min(2.0 * p, 1.0), True
    v0 = n * (n - 1) * (2 * n + 5)
    vt = float((xt * (xt - 1) * (2 * xt + 5)).sum())
    vu = float((yt * (yt - 1) * (2 * yt + 5)).sum())
    v1 = float((xt * (xt - 1)).sum() * (yt * (yt - 1)).sum())
    v2 = float((xt * (xt - 1) * (xt - 2)).sum() * (yt * (yt - 1) * (yt - 2)).sum())
    var_s = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2))
    z = tau * math.sqrt((t0 - t1) * (t0 - t2)) / math.sqrt(var_s)
    return tau, float(2 * min(stats.norm.cdf(z), stats.norm.sf(z))), False


def _tie_sizes(x: FloatArray) -> FloatArray:
    _, counts = np.unique(x, return_counts=True)
    return counts[counts > 1].astype(float)


def _pkendall(q: int, n: int) -> float:
    """P(T <= q) for the number of inversions T of a random permutation of n items."""
    if q < 0:
        return 0.0
    if q >= n * (n - 1) // 2:
        return 1.0
    # Mahonian numbers: permutations of m items with j inversions, built up m = 2..n as
    # c_m(j) = c_{m-1}(j) + ... + c_{m-1}(j - m + 1), a moving sum done with cumulative sums.
    counts = np.ones(1)
    for m in range(2, n + 1):
        csum = np.concatenate([[0.0], np.cumsum(np.concatenate([counts, np.zeros(m - 1)]))])
        j = np.arange(counts.size + m - 1)
        counts = csum[j + 1] - csum[np.maximum(j + 1 - m, 0)]
    return float(counts[: q + 1].sum() / math.gamma(n + 1))


def trimfill(
    yi: Sequence[float] | FloatArray,
    vi: Sequence[float] | FloatArray,
    method: str = "REML",
    *,
    side: Literal["left", "right"] | None = None,
    maxiter: int = 100,
    level: float = 0.95,
) -> TrimFill:
    """Trim and fill with the L0 estimator; the filled analysis uses ``method`` and a z-test."""
    y0, v0 = as_arrays(yi, vi)
    k = y0.size
    if k < 3:
        raise AnalysisError(f"trim and fill needs at least 3 studies; got {k}")
    if side is None:
        if equal_precision(v0):
            raise AnalysisError(
                f"trim and fill cannot choose a side from Egger's slope: {EQUAL_SE}; "
                "give the side (left or right) explicitly"
            )
        egger = fit_lanes(_egger_lanes(y0, v0), method, "z")
        slope = float(egger.beta[0, 1])
        if not (egger.converged[0] and np.isfinite(slope)):
            raise AnalysisError(
                "trim and fill cannot choose a side: Egger's regression could not be fitted; "
                "give the side (left or right) explicitly"
            )
        side = "right" if slope < 0 else "left"
    y = -y0 if side == "right" else y0.copy()
    order = np.argsort(y, kind="stable")
    y = y[order]
    v = v0[order]
    scale = float(np.abs(y0).max())
    k0, k0_prev = 0, -1
    it = 0
    beta = 0.0
    while k0 != k0_prev:
        k0_prev = k0
        it += 1
        if it > maxiter:
            raise AnalysisError(
                "trim and fill did not converge (the number of missing studies "
                f"kept changing after {maxiter} iterations)"
            )
        beta = pool(y[: k - k0], v[: k - k0], method).estimate
        # Identical effects differ from their pooled estimate only by rounding; that noise
        # has signs and ranks, which must not count as missing studies.
        yc = snap(y - beta, scale)
        ranks = np.empty(k)
        ranks[np.argsort(np.abs(yc), kind="stable")] = np.arange(1, k + 1)
        signed = np.sign(yc) * ranks
        sr = float(signed[signed > 0].sum())
        k0_raw = (4 * sr - k * (k + 1)) / (2 * k - 1)
        k0 = max(0, round(k0_raw))
    if k0 > 0:
        yc = y - beta
        yc = -(yc - beta) if side == "right" else yc - beta
        filled_y = -yc[k - k0 :]
        filled_v = v[k - k0 :]
        result = pool(
            np.concatenate([y0, filled_y]), np.concatenate([v0, filled_v]), method, level=level
        )
    else:
        filled_y = np.empty(0)
        filled_v = np.empty(0)
        result = pool(y0, v0, method, level=level)
    return TrimFill(
        k0=k0,
        side=side,
        filled_yi=tuple(float(x) for x in filled_y),
        filled_vi=tuple(float(x) for x in filled_v),
        result=result,
    )
