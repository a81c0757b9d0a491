"""One meta-analysis without moderators, on one-dimensional arrays: the fast path of ``pool``.

The batch code in :mod:`acupath.meta.tau2`, :mod:`acupath.meta.fit` and
:mod:`acupath.meta.confint` works on ``(D, k)`` arrays; for a single meta-analysis its per-call
overhead dominates. This module does the same computations, step for step (the same
estimators, starting values, stopping rules and root finder), on vectors and Python floats,
which makes one REML fit with its Q-profile interval several times faster. The test suite
checks both paths against metafor and against each other.

All formulas are documented in :mod:`acupath.meta.tau2`, :mod:`acupath.meta.fit` and
:mod:`acupath.meta.confint`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import special

from acupath.meta._zeroin import QP_RTOL, R_TOL
from acupath.meta.lanes import FloatArray
from acupath.meta.tau2 import MAXITER, RETRY_MAXITER, RETRY_STEPADJ, THRESHOLD

_EPS = float(np.finfo(float).eps)


@dataclass(frozen=True)
class SingleFit:
    """Everything ``pool`` reports, as floats (NaN where not defined)."""

    tau2: float
    converged: bool
    retried: bool
    estimate: float
    se: float
    statistic: float
    pval: float
    ci_lower: float
    ci_upper: float
    df: float  # NaN for the z-test
    i2: float
    h2: float
    q: float
    q_pval: float
    tau2_ci_lower: float
    tau2_ci_upper: float
    tau2_ci_lower_censored: bool  # the bound lies beyond the search limit (see tau2_interval)
    tau2_ci_upper_censored: bool
    pi_lower: float
    pi_upper: float
    weights: FloatArray  # 1/(v + tau2)


def zeroin(
    f: Callable[[float], float],
    a: float,
    b: float,
    fa: float,
    fb: float,
    tol: float = R_TOL,
    maxiter: int = 1000,
    rtol: float = 0.0,
) -> tuple[float, bool]:
    """R's ``R_zeroin2`` (Brent's method) for one root; see :mod:`acupath.meta._zeroin`."""
    if fa == 0.0:
        return a, True
    if fb == 0.0:
        return b, True
    c, fc = a, fa
    for _ in range(maxiter + 1):
        prev_step = b - a
        if abs(fc) < abs(fb):
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol_act = 2.0 * _EPS * abs(b) + (tol + rtol * abs(b)) / 2.0
        new_step = (c - b) / 2.0
        if abs(new_step) <= tol_act or fb == 0.0:
            return b, True
        if abs(prev_step) >= tol_act and abs(fa) > abs(fb):
            cb = c - b
            if a == c:
                t1 = fb / fa
                p = cb * t1
                q = 1.0 - t1
            else:
                q = fa / fc
                t1 = fb / fc
                t2 = fb / fa
                p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0))
                q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0)
            if p > 0.0:
                q = -q
            else:
                p = -p
            if p < (0.75 * cb * q - abs(tol_act * q) / 2.0) and p < abs(prev_step * q / 2.0):
                new_step = p / q
        if abs(new_step) < tol_act:
            new_step = tol_act if new_step > 0.0 else -tol_act
        a, fa = b, fb
        b += new_step
        fb = f(b)
        if (fb > 0.0 and fc > 0.0) or (fb < 0.0 and fc < 0.0):
            c, fc = a, fa
    return b, False


def _q(y: FloatArray, v: FloatArray, tau2: float) -> float:
    """Generalised Q: ``Σ w (y - ȳ_w)²`` with ``w = 1/(v + τ²)``."""
    w = 1.0 / (v + tau2)
    sw = w.sum()
    r = y - float(w @ y) / sw
    return float((w * r) @ r)


def _q_fast(yc: FloatArray, yc2: FloatArray, v: FloatArray, tau2: float) -> float:
    """Q as ``Σ w y² - (Σ w y)² / Σ w`` on outcomes centred on their mean (``yc``, with
    ``yc2 = yc²``): two fewer array passes than :func:`_q`, for the Q-profile search; centring
    keeps the cancellation harmless (Q does not depend on a shift of y)."""
    w = 1.0 / (v + tau2)
    wy = float(w @ yc)
    return float(w @ yc2) - wy * wy / float(w.sum())


def _hedges(yc: FloatArray, v: FloatArray) -> float:
    k = yc.size
    r = yc - yc.mean()
    return float((r @ r - (v.sum() - v.sum() / k)) / (k - 1))


def _score_step(yc: FloatArray, v: FloatArray, tau2: float, code: str) -> float:
    """One Fisher-scoring step for tau² (ML, REML or EB), NaN where it is not defined."""
    k = yc.size
    w = 1.0 / (v + tau2)
    sw = float(w.sum())
    r = yc - float(w @ yc) / sw
    wr = w * r
    if code == "REML":
        w2 = w * w
        sw2 = float(w2.sum())
        trp = sw - sw2 / sw
        trpp = sw2 - 2.0 * float(w2 @ w) / sw + (sw2 / sw) ** 2
        return _ratio(float(wr @ wr) - trp, trpp)
    if code == "ML":
        return _ratio(float(wr @ wr) - sw, float(w @ w))
    return _ratio(float(wr @ r) * k / (k - 1) - k, sw)  # EB


def _fisher(
    yc: FloatArray, v: FloatArray, code: str, stepadj: float, maxiter: int
) -> tuple[float, bool]:
    tau2 = _hedges(yc, v)
    tau2 = max(0.0, tau2) if math.isfinite(tau2) else 0.0
    it = 0
    while True:
        it += 1
        adj = _score_step(yc, v, tau2, code)
        # A step that is not a finite number (the information vanished in rounding, as with
        # variances 1e-8 and 1e4) is no step: tau² stays, as metafor ends up at tau² = 0 there.
        if not math.isfinite(adj):
            adj = 0.0
        adj *= stepadj
        while tau2 + adj < 0.0:
            adj /= 2.0
        old = tau2
        tau2 = tau2 + adj
        change = abs(old - tau2)
        if it > maxiter:
            return tau2, False
        if change <= THRESHOLD:
            break
    reml = code == "REML"
    if (
        code in ("ML", "REML")
        and tau2 > THRESHOLD
        and _loglik(yc, v, 0.0, reml) - _loglik(yc, v, tau2, reml) > R_TOL
    ):
        tau2 = 0.0
    return tau2, True


def _ratio(num: float, den: float) -> float:
    """``num / den``, NaN where the denominator is zero or the quotient not finite."""
    if den == 0.0 or not math.isfinite(den):
        return math.nan
    return num / den


def _loglik(y: FloatArray, v: FloatArray, tau2: float, reml: bool) -> float:
    k = y.size
    vt = v + tau2
    w = 1.0 / vt
    sw = float(w.sum())
    r = y - float(w @ y) / sw
    rss = float((w * r) @ r)
    logv = float(np.log(vt).sum())
    if reml:
        return -0.5 * (k - 1) * math.log(2 * math.pi) - 0.5 * logv - 0.5 * math.log(sw) - 0.5 * rss
    return -0.5 * k * math.log(2 * math.pi) - 0.5 * logv - 0.5 * rss


def _mad(y: FloatArray) -> float:
    med = float(np.median(y))
    return 1.4826 * float(np.median(np.abs(y - med)))


def estimate_tau2(y: FloatArray, v: FloatArray, code: str) -> tuple[float, bool, bool]:
    """tau², converged, retried — as :func:`acupath.meta.tau2.estimate` for one lane."""
    k = y.size
    if code in ("EE", "FE") or k <= 1:
        return 0.0, True, False
    yc = y - y.mean()
    converged, retried = True, False
    if code in ("HS", "DL", "SJ"):
        if code == "SJ":
            tau0 = float(yc @ yc) / k
            w = 1.0 / (v + tau0)
        else:
            w = 1.0 / v
        sw = float(w.sum())
        r = yc - float(w @ yc) / sw
        rss = float((w * r) @ r)
        if code == "HS":
            tau2 = (rss - k) / sw
        elif code == "DL":
            # tr P rounds to 0 when one variance dwarfs the others: no information, tau² = 0.
            trp = sw - float(w @ w) / sw
            tau2 = (rss - (k - 1)) / trp if trp > 0 else 0.0
        else:
            tau2 = tau0 * rss / (k - 1)
        if not math.isfinite(tau2):
            tau2 = 0.0
    elif code == "HE":
        tau2 = _hedges(yc, v)
    elif code == "PM":
        target = k - 1.0
        upper = max(100.0, 10.0 * _mad(y) ** 2)
        f_lower = _q(yc, v, 0.0) - target
        f_upper = _q(yc, v, upper) - target
        if f_lower < 0:
            tau2 = 0.0
        elif f_upper > 0:
            return math.nan, False, False
        else:
            tau2, converged = zeroin(lambda t: _q(yc, v, t) - target, 0.0, upper, f_lower, f_upper)
    else:
        tau2, converged = _fisher(yc, v, code, 1.0, MAXITER)
        if not converged:
            tau2, converged = _fisher(yc, v, code, RETRY_STEPADJ, RETRY_MAXITER)
            retried = True
    return max(0.0, tau2), converged, retried


def tau2_interval(
    y: FloatArray, v: FloatArray, tau2: float, level: float
) -> tuple[float, float, bool, bool]:
    """Q-profile interval, as :func:`acupath.meta.confint.tau2_interval` for one lane.

    Returns ``(lower, upper, lower_censored, upper_censored)``; a censored bound lies beyond
    the end of the search interval and is reported as NaN (see :mod:`acupath.meta.confint`).
    """
    k = y.size
    if k < 2 or not math.isfinite(tau2):
        return math.nan, math.nan, False, False
    alpha = 1.0 - level
    df = k - 1.0
    t_min = min(0.0, tau2)
    t_max = max(100.0, tau2 * 10.0, t_min * 10.0)
    crit_u = float(special.chdtri(df, alpha / 2))
    crit_l = float(special.chdtri(df, 1 - alpha / 2))
    yc = y - y.mean()
    yc2 = yc * yc
    q_max = _q_fast(yc, yc2, v, t_max)
    q_min = _q_fast(yc, yc2, v, t_min)

    def solve(crit: float) -> float:
        root, _ = zeroin(
            lambda t: _q_fast(yc, yc2, v, t) - crit,
            t_min,
            t_max,
            q_min - crit,
            q_max - crit,
            tol=0.0,
            rtol=QP_RTOL,
        )
        return root

    lb_cens = ub_cens = False
    if q_min < crit_l:
        lb = ub = t_min
    elif q_max > crit_l:
        ub, ub_cens = math.nan, True
    else:
        ub = solve(crit_l)
    if q_max > crit_u:
        lb = ub = math.nan
        lb_cens = ub_cens = True
    elif q_min < crit_u:
        lb = t_min
    else:
        lb = solve(crit_u)
    return lb, ub, lb_cens, ub_cens


def fit_one(y: FloatArray, v: FloatArray, code: str, test: str, level: float) -> SingleFit:
    """Fit one intercept-only model (``code`` and ``test`` already validated)."""
    k = y.size
    tau2, converged, retried = estimate_tau2(y, v, code)
    if not converged:
        tau2 = math.nan
    t = 0.0 if math.isnan(tau2) else tau2
    w = 1.0 / (v + t)
    sw = float(w.sum())
    est = float(w @ y) / sw
    vb = 1.0 / sw
    use_t = test in ("knha", "adhoc") and k > 1
    if use_t:
        r = y - est
        rss = float((w * r) @ r)
        s2w = 0.0 if rss <= _EPS else rss / (k - 1)
        vb *= max(1.0, s2w) if test == "adhoc" else s2w
    se = math.sqrt(vb)
    alpha = 1.0 - level
    stat = est / se if se > 0 else math.copysign(math.inf, est) if est else math.nan
    if use_t:
        df = k - 1.0
        crit = -float(special.stdtrit(df, alpha / 2))
        pval = 2.0 * float(special.stdtr(df, -abs(stat)))
    else:
        df = math.nan
        crit = -float(special.ndtri(alpha / 2))
        pval = 2.0 * float(special.ndtr(-abs(stat)))
    # Heterogeneity from the fixed-effect weights, on centred outcomes.
    if k > 1:
        w0 = 1.0 / v
        sw0 = float(w0.sum())
        yc = y - y.mean()
        r0 = yc - float(w0 @ yc) / sw0
        q = max(0.0, float((w0 * r0) @ r0))
        q_pval = float(special.chdtrc(k - 1.0, q))
        # tr P can round to 0 when one variance dwarfs the others (1e-8 and 1e4): ṽ is then
        # infinite and I² = 0, H² = 1, the limits of the formulas.
        trp0 = sw0 - float(w0 @ w0) / sw0
        vt = (k - 1) / trp0 if trp0 > 0 else math.inf
        if code in ("EE", "FE"):
            i2 = max(0.0, 100.0 * (q - (k - 1)) / q) if q > 0 else 0.0
            h2 = q / (k - 1)
        else:
            i2 = 100.0 * tau2 / (vt + tau2) if math.isfinite(vt) else 0.0
            h2 = tau2 / vt + 1.0
    else:
        q, q_pval, i2, h2 = 0.0, 1.0, 0.0, 1.0
    lb_cens = ub_cens = False
    if code in ("EE", "FE"):
        tau2_lb = tau2_ub = pi_lb = pi_ub = math.nan
    else:
        tau2_lb, tau2_ub, lb_cens, ub_cens = tau2_interval(y, v, tau2, level)
        half = crit * math.sqrt(vb + tau2)
        pi_lb, pi_ub = est - half, est + half
    if not converged:
        est = se = stat = pval = i2 = h2 = math.nan
    return SingleFit(
        tau2=tau2,
        converged=converged,
        retried=retried,
        estimate=est,
        se=se,
        statistic=stat,
        pval=pval,
        ci_lower=est - crit * se,
        ci_upper=est + crit * se,
        df=df,
        i2=i2,
        h2=h2,
        q=q,
        q_pval=q_pval,
        tau2_ci_lower=tau2_lb,
        tau2_ci_upper=tau2_ub,
        tau2_ci_lower_censored=lb_cens,
        tau2_ci_upper_censored=ub_cens,
        pi_lower=pi_lb,
        pi_upper=pi_ub,
        weights=w,
    )
