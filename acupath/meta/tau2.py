"""Estimators of the between-study variance tau², as metafor's ``rma.uni`` computes them.

All estimators work on a batch of meta-analyses at once (:class:`~acupath.meta.lanes.Lanes`);
``k`` is the number of studies, ``p`` the number of coefficients (1 without moderators),
``w = 1/v`` the inverse-variance weights, ``P`` the weighted residual-forming matrix and the
outcomes are centred first, as metafor does. Negative estimates are truncated to 0.

* ``EE``/``FE``: no heterogeneity, tau² = 0 (equal- or fixed-effects model).
* ``DL``: ``(y'Py - (k - p)) / tr P`` with ``w = 1/v`` (DerSimonian & Laird 1986).
* ``HE``: ``(RSS_OLS - tr(P_OLS V)) / (k - p)``, unweighted (Hedges 1983).
* ``HS``: ``(y'Py - k) / Σw`` with ``w = 1/v`` (Hunter & Schmidt 2004).
* ``SJ``: ``τ0² · y'Py / (k - p)`` with ``w = 1/(v + τ0²)``, ``τ0² = Σ(y - ȳ)²/k``
  (Sidik & Jonkman 2005).
* ``PM``: the root of ``y'P(τ²)y = k - p`` (Paule & Mandel 1982), by Brent's method as R's
  ``uniroot``.
* ``ML``: Fisher scoring, ``τ² += (y'PPy - Σw) / Σw²`` (Viechtbauer 2005).
* ``REML``: Fisher scoring, ``τ² += (y'PPy - tr P) / tr PP`` (Viechtbauer 2005).
* ``EB``: Fisher scoring, ``τ² += (y'Py · k/(k - p) - k) / Σw`` (Morris 1983).

Iterative estimators follow metafor 3.8 step for step so that results agree to far better than
its own convergence threshold: Fisher scoring starts at the (truncated) HE estimate, halves a
step that would make tau² negative, stops when tau² changes by less than 1e-5 and gives up after
100 steps; for ML and REML it then falls back to tau² = 0 when the likelihood there is higher
(metafor's ``ll0check``). Where Fisher scoring oscillates and fails (metafor stops with an
error), the search is repeated with half steps and up to 1000 iterations, which metafor's help
recommends and which reproduces ``rma(..., control = list(stepadj = 0.5, maxiter = 1000))``.
Paule–Mandel searches ``[0, max(100, 10·mad(y)²)]`` with R's
``uniroot`` tolerance (see :mod:`acupath.meta._zeroin`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from acupath.meta._choices import choose
from acupath.meta._zeroin import R_TOL, zeroin
from acupath.meta.intercept import InterceptLanes
from acupath.meta.lanes import FloatArray, Lanes

METHODS: tuple[str, ...] = ("EE", "FE", "DL", "HE", "HS", "SJ", "PM", "ML", "REML", "EB")
"""Every estimator code :func:`estimate` accepts (metafor's names)."""

THRESHOLD = 1e-5
"""metafor's ``control$threshold``: Fisher scoring stops when tau² changes by less."""

MAXITER = 100
"""metafor's ``control$maxiter`` for Fisher scoring."""


RETRY_STEPADJ = 0.5
RETRY_MAXITER = 1000
"""When Fisher scoring fails, retry as metafor's help advises: half steps, more iterations
(``rma(..., control = list(stepadj = 0.5, maxiter = 1000))``)."""


@dataclass(frozen=True)
class Tau2Estimate:
    """tau² per lane, whether its search converged, how many steps it took, and whether
    Fisher scoring needed the retry with half steps (see :data:`RETRY_STEPADJ`)."""

    tau2: FloatArray
    converged: NDArray[np.bool_]
    iterations: NDArray[np.intp]
    retried: NDArray[np.bool_] | None = None


def check_method(method: str) -> str:
    """Return the estimator code in upper case, or raise ``UnknownChoice`` (a ``ValueError``)."""
    code = method.upper() if isinstance(method, str) else method
    if code not in METHODS:
        choose("method", method, METHODS)
    return str(code)


def estimate(lanes: Lanes, method: str) -> Tau2Estimate:
    """Estimate tau² for every lane with ``method`` (one of :data:`METHODS`).

    Lanes with a single study get tau² = 0, as in metafor. Lanes whose iterative search fails
    get ``converged = False`` (metafor stops with an error there); their tau² is the last value.
    """
    code = check_method(method)
    d = lanes.n_lanes
    ones = np.ones(d, dtype=bool)
    zero_iter = np.zeros(d, dtype=np.intp)
    if code in ("EE", "FE"):
        return Tau2Estimate(np.zeros(d), ones, zero_iter)
    lanes_c = lanes.centred()
    k = lanes.k
    p = lanes.p
    with np.errstate(divide="ignore", invalid="ignore"):
        if code == "HS":
            fit = lanes_c.wls(lanes.mask / lanes.v)
            tau2 = (fit.rss - k) / fit.w.sum(axis=1)
            out = Tau2Estimate(tau2, ones, zero_iter)
        elif code == "DL":
            fit = lanes_c.wls(lanes.mask / lanes.v)
            out = Tau2Estimate((fit.rss - (k - p)) / fit.tr_p, ones, zero_iter)
        elif code == "HE":
            out = Tau2Estimate(_hedges(lanes_c), ones, zero_iter)
        elif code == "SJ":
            tau0 = (lanes_c.y**2).sum(axis=1) / k
            fit = lanes_c.wls(lanes.mask / (lanes.v + tau0[:, None]))
            out = Tau2Estimate(tau0 * fit.rss / (k - p), ones, zero_iter)
        elif code == "PM":
            out = _paule_mandel(lanes, lanes_c)
        else:
            out = _fisher_scoring(lanes_c, code)
            failed = np.flatnonzero(~out.converged)
            if failed.size:
                again = _fisher_scoring(lanes_c.take(failed), code, RETRY_STEPADJ, RETRY_MAXITER)
                tau2 = out.tau2.copy()
                converged = out.converged.copy()
                iterations = out.iterations.copy()
                tau2[failed] = again.tau2
                converged[failed] = again.converged
                iterations[failed] = again.iterations
                retried = np.zeros(d, dtype=bool)
                retried[failed] = True
                out = Tau2Estimate(tau2, converged, iterations, retried)
    tau2 = out.tau2
    if code in ("HS", "DL", "HE", "SJ"):
        # A closed form divides by a trace that rounding can make 0 when one variance dwarfs
        # the others (1e-8 beside 1e4); no information on tau² is left, so it is 0.
        tau2 = np.where(np.isfinite(tau2), tau2, 0.0)
    tau2 = np.maximum(0.0, tau2)
    single = k <= 1
    tau2 = np.where(single, 0.0, tau2)
    # More coefficients than studies allow (k <= p, e.g. Egger's test on 2 studies): nothing
    # is left to estimate tau² from; metafor stops there, and so does this lane.
    saturated = (k > 1) & (k <= p)
    tau2 = np.where(saturated, np.nan, tau2)
    retried = out.retried if out.retried is not None else np.zeros(d, dtype=bool)
    return Tau2Estimate(tau2, (out.converged | single) & ~saturated, out.iterations, retried)


def _hedges(lanes_c: Lanes) -> FloatArray:
    """Hedges' (HE) estimator: unweighted residual sum of squares minus its expectation."""
    fit = lanes_c.wls(lanes_c.mask)
    tr_pv = (lanes_c.mask * lanes_c.v).sum(axis=1) - fit.tr_inv(lanes_c.mask * lanes_c.v)
    return np.asarray((fit.rss - tr_pv) / (lanes_c.k - lanes_c.p))


def q_statistic(lanes: Lanes, tau2: FloatArray) -> FloatArray:
    """The generalised Q statistic ``y'P(τ²)y`` with weights ``1/(v + τ²)``, per lane."""
    return lanes.wls(lanes.mask / (lanes.v + tau2[:, None])).rss


def _mad(lanes: Lanes) -> FloatArray:
    """R's ``mad``: 1.4826 × the median absolute deviation from the median."""
    y = np.where(lanes.mask > 0, lanes.y, np.nan)
    med = np.nanmedian(y, axis=1)
    return np.asarray(1.4826 * np.nanmedian(np.abs(y - med[:, None]), axis=1))


def _paule_mandel(lanes: Lanes, lanes_c: Lanes) -> Tau2Estimate:
    """Paule–Mandel: the tau² at which the generalised Q equals its expectation ``k - p``."""
    d = lanes.n_lanes
    target = lanes.k - lanes.p
    upper = np.maximum(100.0, 10.0 * _mad(lanes) ** 2)
    f_lower = q_statistic(lanes_c, np.zeros(d)) - target
    f_upper = q_statistic(lanes_c, upper) - target
    tau2 = np.zeros(d)
    converged = np.ones(d, dtype=bool)
    # Q at tau² = 0 already below k - p: the estimate is 0. Q still above k - p at the upper
    # end: metafor stops ("tau2.max too low"), which we report as not converged.
    search = ~(f_lower < 0) & ~(f_upper > 0)
    too_low = ~(f_lower < 0) & (f_upper > 0)
    converged[too_low] = False
    tau2[too_low] = np.nan
    idx = np.flatnonzero(search & (lanes.k > 1))
    if idx.size:
        sub = lanes_c.take(idx)
        sub_target = target[idx]

        def f(x: FloatArray, lanes_idx: NDArray[np.intp]) -> FloatArray:
            return q_statistic(sub.take(lanes_idx), x) - sub_target[lanes_idx]

        root, ok = zeroin(f, np.zeros(idx.size), upper[idx], f_lower[idx], f_upper[idx])
        tau2[idx] = root
        converged[idx] = ok
    return Tau2Estimate(tau2, converged, np.zeros(d, dtype=np.intp))


def _fisher_scoring(
    lanes_c: Lanes, code: str, stepadj: float = 1.0, maxiter: int = MAXITER
) -> Tau2Estimate:
    """ML, REML or EB by Fisher scoring from the HE estimate, as metafor 3.8 iterates.

    ``stepadj`` scales every step and ``maxiter`` bounds the number of steps, as metafor's
    ``control`` arguments of the same names.
    """
    d = lanes_c.n_lanes
    k = lanes_c.k
    p = lanes_c.p
    tau2 = np.maximum(0.0, _hedges(lanes_c))
    tau2 = np.where(np.isfinite(tau2), tau2, 0.0)
    iterations = np.zeros(d, dtype=np.intp)
    converged = np.zeros(d, dtype=bool)
    failed = np.zeros(d, dtype=bool)
    active = np.flatnonzero(k > max(1, p))
    converged[k <= 1] = True
    # Without moderators the step is a few row sums (acupath.meta.intercept), computed on
    # lazily compacted arrays.
    fast = InterceptLanes(lanes_c, centre=False) if lanes_c.X is None else None
    # Every lane still searching has taken the same number of steps, so the step count is
    # one number; a lane's count is recorded when it leaves.
    step = 0
    while active.size:
        t = tau2[active]
        if fast is not None:
            pos = fast.hold(active)
            if pos is None:
                adj = fast.scoring_step(t, code, k[active])
            else:
                held = fast.rows
                adj = fast.scoring_step(tau2[held], code, k[held])[pos]
        else:
            adj = _general_step(lanes_c, active, t, code)
        # A step that is not a finite number (the information vanished in rounding, as with
        # variances 1e-8 and 1e4) is no step: tau² stays where it is, and step-halving below
        # always ends (a finite step halves to -0.0).
        adj = np.where(np.isfinite(adj), adj, 0.0)
        if stepadj != 1.0:
            adj *= stepadj
        adj = _halved(t, adj)
        new = t + adj
        tau2[active] = new
        step += 1
        if step > maxiter:
            # metafor gives up after maxiter steps, even where the last step was small.
            failed[active] = True
            iterations[active] = step
            break
        done = np.abs(t - new) <= THRESHOLD
        leaving = active[done]
        converged[leaving] = True
        iterations[leaving] = step
        active = active[~done]
    if code in ("ML", "REML"):
        tau2 = _ll0_check(lanes_c, tau2, converged, code == "REML")
    return Tau2Estimate(tau2, converged & ~failed, iterations)


def _halved(t: FloatArray, adj: FloatArray) -> FloatArray:
    """metafor's step-halving: halve ``adj`` until ``t + adj >= 0`` (tau² stays >= 0).

    Halving is exact in floating point, so the number of halvings can be taken from
    ``log2(-adj/t)`` and the last one or two found by halving; where tau² is already 0 every
    negative step halves down to -0.0 (after about 1,075 halvings, which are skipped).
    """
    neg = t + adj < 0.0
    if not neg.any():
        return adj
    at_zero = neg & (t <= 0.0)
    jump = neg & (t > 0.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        log_adj = np.log2(np.where(jump, -adj, 1.0))
        n = np.where(jump, np.floor(log_adj - np.log2(np.where(jump, t, 1.0))) - 1.0, 0.0)
        # Halving is exact only while the step stays a normal number (above 2^-1022):
        # jump no further than that, and let the loop below round through the subnormals
        # one halving at a time, as metafor's loop does.
        n = np.minimum(n, np.floor(log_adj) + 1021.0)
    n = np.clip(np.nan_to_num(n), 0.0, 2100.0).astype(np.intp)
    adj = np.where(jump, np.ldexp(adj, -n), np.where(at_zero, -0.0, adj))
    neg = t + adj < 0.0
    while neg.any():
        adj = np.where(neg, adj / 2.0, adj)
        neg = t + adj < 0.0
    return adj


def _general_step(lanes_c: Lanes, active: NDArray[np.intp], t: FloatArray, code: str) -> FloatArray:
    """One Fisher scoring step for the lanes ``active`` of a model with moderators."""
    sub = lanes_c if active.size == lanes_c.n_lanes else lanes_c.take(active)
    fit = sub.wls(sub.mask / (sub.v + t[:, None]))
    w = fit.w
    if code == "ML":
        return np.asarray((fit.ypp_y - w.sum(axis=1)) / (w**2).sum(axis=1))
    if code == "REML":
        return np.asarray((fit.ypp_y - fit.tr_p) / fit.tr_pp)
    ks = sub.k  # EB
    return np.asarray((fit.rss * ks / (ks - sub.p) - ks) / w.sum(axis=1))


def log_likelihood(lanes: Lanes, tau2: FloatArray, reml: bool) -> FloatArray:
    """The (restricted) log likelihood of the random-effects model at ``tau2``, per lane.

    ML: ``-k/2 log 2π - ½ Σ log(v + τ²) - ½ y'Py``; REML adds ``p/2 log 2π - ½ log det(X'WX)``
    (without metafor's constant ``½ log det(X'X)``, which cancels in comparisons).
    """
    k = lanes.k
    vt = lanes.v + tau2[:, None]
    fit = lanes.wls(lanes.mask / vt)
    logv = (lanes.mask * np.log(vt)).sum(axis=1)
    if reml:
        return np.asarray(
            -0.5 * (k - lanes.p) * np.log(2 * np.pi)
            - 0.5 * logv
            - 0.5 * fit.logdet_xtwx()
            - 0.5 * fit.rss
        )
    return np.asarray(-0.5 * k * np.log(2 * np.pi) - 0.5 * logv - 0.5 * fit.rss)


def _ll0_check(
    lanes_c: Lanes, tau2: FloatArray, converged: NDArray[np.bool_], reml: bool
) -> FloatArray:
    """metafor's ``ll0check``: if the likelihood at tau² = 0 beats the estimate, use 0.

    Fisher scoring can stop at a local maximum; metafor compares with tau² = 0 and switches
    when ``ll(0) - ll(τ̂²) > tol`` (R's ``uniroot`` tolerance) and ``τ̂² > 1e-5``.
    """
    idx = np.flatnonzero(converged & (lanes_c.k > 1) & (tau2 > THRESHOLD))
    if idx.size == 0:
        return tau2
    if lanes_c.X is None:
        fast = InterceptLanes(lanes_c, idx, centre=False)
        k = lanes_c.k[idx]
        ll0 = fast.log_likelihood(np.zeros(idx.size), k, reml)
        ll = fast.log_likelihood(tau2[idx], k, reml)
    else:
        sub = lanes_c.take(idx)
        ll0 = log_likelihood(sub, np.zeros(idx.size), reml)
        ll = log_likelihood(sub, tau2[idx], reml)
    out = tau2.copy()
    out[idx] = np.where(ll0 - ll > R_TOL, 0.0, tau2[idx])
    return out
