"""The random-effects model fitted to a batch of meta-analyses, as metafor's ``rma.uni``.

Given tau² (see :mod:`acupath.meta.tau2`) the coefficients are weighted least squares with
``w = 1/(v + τ²)``::

    b = (X'WX)^-1 X'Wy,    Var(b) = s² (X'WX)^-1

with ``s² = 1`` for the Wald-type test (``test="z"``, normal quantiles) and, for the
Knapp–Hartung test (``test="knha"``, t quantiles on ``k - p`` degrees of freedom),
``s² = Σ w (y - Xb)² / (k - p)`` (Knapp & Hartung 2003; Hartung & Knapp 2001), not truncated
at 1, as metafor's ``knha``; ``test="adhoc"`` truncates it, ``s² = max(1, ...)``, the "ad hoc
correction" of Knapp & Hartung (2003) that RevMan applies, as metafor's ``test="adhoc"``.

Heterogeneity uses the fixed-effect weights ``w = 1/v``: ``Q = y'Py`` with ``k - p`` degrees of
freedom; ``I² = 100 τ²/(τ² + ṽ)`` and ``H² = (τ² + ṽ)/ṽ`` with the typical within-study variance
``ṽ = (k - p)/tr P`` (Higgins & Thompson 2002, eq. 9), so I² depends on the tau² estimator, as
metafor prints it. For the equal-effects model I² = max(0, 100 (Q - df)/Q) and H² = Q/df.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from acupath.meta._choices import choose
from acupath.meta.lanes import FloatArray, Lanes
from acupath.meta.tau2 import check_method, estimate

TESTS: tuple[str, ...] = ("z", "knha", "adhoc")
"""Inference for the coefficients: Wald-type z, or Knapp–Hartung with t on k - p df (``adhoc``:
with the factor truncated at 1)."""

_EPS = float(np.finfo(float).eps)


@dataclass(frozen=True)
class ModelFit:
    """One fitted model per lane: arrays with a leading lane axis."""

    method: str
    test: str
    k: FloatArray
    p: int
    tau2: FloatArray
    converged: NDArray[np.bool_]
    beta: FloatArray  # (D, p)
    vb: FloatArray  # (D, p, p), already scaled by s2w
    s2w: FloatArray
    q: FloatArray
    q_pval: FloatArray
    i2: FloatArray
    h2: FloatArray
    weights: FloatArray  # (D, k): 1/(v + tau2), masked
    retried: NDArray[np.bool_]  # Fisher scoring needed half steps (see tau2.RETRY_STEPADJ)

    @property
    def se(self) -> FloatArray:
        """Standard errors of the coefficients, shape ``(D, p)``."""
        return np.sqrt(np.diagonal(self.vb, axis1=1, axis2=2))

    @property
    def df(self) -> FloatArray:
        """t degrees of freedom (``k - p``) where the Knapp–Hartung test applies, else NaN.

        metafor falls back to the z-test for a single study, and so do we.
        """
        if self.test == "z":
            return np.full(self.k.shape, np.nan)
        return np.where(self.k > 1, self.k - self.p, np.nan)

    def critical(self, level: float = 0.95) -> FloatArray:
        """Two-sided critical value: the normal quantile, or t on ``k - p`` df for ``knha``."""
        alpha = 1.0 - level
        z = stats.norm.isf(alpha / 2)
        df = self.df
        with np.errstate(invalid="ignore"):
            t = stats.t.isf(alpha / 2, np.where(df > 0, df, 1.0))
        return np.asarray(np.where(np.isnan(df), z, np.where(df > 0, t, np.nan)))

    def pvalues(self) -> FloatArray:
        """Two-sided p-values of the coefficients, shape ``(D, p)``."""
        with np.errstate(divide="ignore", invalid="ignore"):
            z = np.abs(self.beta / self.se)
        df = self.df[:, None]
        with np.errstate(invalid="ignore"):
            pt = 2.0 * stats.t.sf(z, np.where(df > 0, df, 1.0))
        pn = 2.0 * stats.norm.sf(z)
        return np.asarray(np.where(np.isnan(df), pn, np.where(df > 0, pt, np.nan)))


def check_test(test: str) -> str:
    """Return ``test`` or raise ``UnknownChoice`` (a ``ValueError``) naming the choices."""
    return choose("test", test, TESTS)


def fit_lanes(lanes: Lanes, method: str = "REML", test: str = "z") -> ModelFit:
    """Fit the (mixed-effects) meta-analytic model to every lane. See the module docstring."""
    method = check_method(method)
    test = check_test(test)
    est = estimate(lanes, method)
    tau2 = est.tau2
    k = lanes.k
    p = lanes.p
    with np.errstate(divide="ignore", invalid="ignore"):
        fit = lanes.wls(lanes.mask / (lanes.v + np.nan_to_num(tau2)[:, None]))
        vb = fit.inv
        s2w = np.ones(lanes.n_lanes)
        if test in ("knha", "adhoc"):
            rss = fit.rss
            s2w = np.where(rss <= _EPS, 0.0, rss / (k - p))
            if test == "adhoc":
                s2w = np.maximum(1.0, s2w)
            s2w = np.where(k > 1, s2w, 1.0)  # a single study: z-test, as metafor
            vb = vb * s2w[:, None, None]
        # Heterogeneity from the fixed-effect weights, on centred outcomes as metafor does.
        fe = lanes.centred().wls(lanes.mask / lanes.v)
        df = k - p
        q = np.maximum(0.0, fe.rss)
        q = np.where(df > 0, q, 0.0)
        q_pval = np.where(df > 0, stats.chi2.sf(q, np.where(df > 0, df, 1.0)), 1.0)
        # tr P can round to 0 when one variance dwarfs the others: ṽ is then infinite and
        # I² = 0, H² = 1, the limits of the formulas.
        vt = np.where(fe.tr_p > 0, df / fe.tr_p, np.inf)
        if method in ("EE", "FE"):
            i2 = np.where(q > 0, np.maximum(0.0, 100.0 * (q - df) / q), 0.0)
            h2 = q / df
        else:
            i2 = np.where(np.isfinite(vt), 100.0 * tau2 / (vt + tau2), 0.0)
            h2 = tau2 / vt + 1.0
        i2 = np.where(df > 0, i2, 0.0)
        h2 = np.where(df > 0, h2, 1.0)
    tau2 = np.where(est.converged, tau2, np.nan)
    return ModelFit(
        method=method,
        test=test,
        k=k,
        p=p,
        tau2=tau2,
        converged=est.converged,
        beta=fit.beta,
        vb=vb,
        s2w=s2w,
        q=q,
        q_pval=q_pval,
        i2=i2,
        h2=h2,
        weights=fit.w,
        retried=est.retried if est.retried is not None else np.zeros(lanes.n_lanes, bool),
    )


@dataclass(frozen=True)
class LaneSummary:
    """The main numbers of an intercept-only fit per lane, NaN where the fit failed."""

    estimate: FloatArray
    se: FloatArray
    statistic: FloatArray
    pval: FloatArray
    ci_lower: FloatArray
    ci_upper: FloatArray
    tau2: FloatArray
    i2: FloatArray
    h2: FloatArray
    q: FloatArray
    q_pval: FloatArray


def summarise_lanes(fit: ModelFit, level: float = 0.95) -> LaneSummary:
    """Estimate, SE, test, CI and heterogeneity of the intercept in each lane."""
    bad = ~fit.converged
    est = np.where(bad, np.nan, fit.beta[:, 0])
    se = np.where(bad, np.nan, fit.se[:, 0])
    crit = fit.critical(level)
    with np.errstate(divide="ignore", invalid="ignore"):
        stat = est / se
    pval = np.where(bad, np.nan, fit.pvalues()[:, 0])

    def nan_bad(x: FloatArray) -> FloatArray:
        return np.where(bad, np.nan, x)

    return LaneSummary(
        estimate=est,
        se=se,
        statistic=stat,
        pval=pval,
        ci_lower=est - crit * se,
        ci_upper=est + crit * se,
        tau2=nan_bad(fit.tau2),
        i2=nan_bad(fit.i2),
        h2=nan_bad(fit.h2),
        q=nan_bad(fit.q),
        q_pval=nan_bad(fit.q_pval),
    )
