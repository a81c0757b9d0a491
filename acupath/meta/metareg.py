"""Meta-regression: the mixed-effects model with moderators, as metafor's ``rma(mods = ~ ...)``.

``y_i = x_i'β + u_i + e_i`` with ``u_i ~ N(0, τ²)`` (residual heterogeneity) and
``e_i ~ N(0, v_i)``. tau² is estimated by the chosen estimator on the residuals of the design
(:mod:`acupath.meta.tau2` handles any design matrix), the coefficients by weighted least squares
with ``w = 1/(v + τ²)`` (:mod:`acupath.meta.fit`). Reported, as metafor prints them:

* per coefficient: estimate, SE, z (or t on ``k - p`` df for Knapp–Hartung), p, CI;
* the omnibus test of the moderators (all coefficients but the intercept):
  ``QM = b' V⁻¹ b`` on ``m = p - 1`` df, chi-square for the z-test; for ``knha`` the F statistic
  ``QM/m`` on ``(m, k - p)`` df;
* residual heterogeneity: tau² with its Q-profile interval, ``Q_E = Σ w (y - Xb_FE)²`` with
  ``w = 1/v`` on ``k - p`` df, I² and H² from the typical variance ``(k - p)/tr P``;
* ``R² = max(0, 100 (τ²_RE - τ²)/τ²_RE)``, the share of heterogeneity the moderators account
  for, with ``τ²_RE`` from the model without moderators (same estimator), 0 when
  ``τ²_RE = 0`` (Raudenbush 2009); for the equal-effects model, as metafor 3.8, the adjusted R²
  of the weighted regression of y on the moderators.

Moderators are numeric columns or, when a column holds text, categories: one 0/1 column per
level except the first in sorted order (the reference), named column + level as R names them
(``allocrandom``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from acupath.errors import AnalysisError, InputError
from acupath.meta.confint import tau2_interval
from acupath.meta.fit import check_test, fit_lanes
from acupath.meta.lanes import FloatArray, Lanes
from acupath.meta.pool import as_arrays, convergence_message, pool, study_labels
from acupath.meta.tau2 import check_method


@dataclass(frozen=True)
class Coefficient:
    """One model coefficient (JSON: ``name, estimate, se, zval, pval, ci_lower, ci_upper``)."""

    name: str
    estimate: float
    se: float
    zval: float  # t for knha
    pval: float
    ci_lower: float
    ci_upper: float


@dataclass(frozen=True)
class MetaRegression:
    """A fitted meta-regression (see the module docstring)."""

    k: int
    p: int
    method: str
    test: str
    level: float
    coefficients: tuple[Coefficient, ...]
    qm: float
    qm_df: int
    qm_pval: float
    tau2: float
    tau2_ci_lower: float | None
    tau2_ci_upper: float | None
    tau2_ci_lower_censored: bool
    tau2_ci_upper_censored: bool
    r2: float | None
    q: float
    q_df: int
    q_pval: float
    i2: float
    h2: float
    df: float | None  # t degrees of freedom (knha)
    labels: tuple[str, ...]
    yi: FloatArray
    vi: FloatArray
    X: FloatArray  # (k, p) design matrix
    vb: FloatArray  # (p, p) covariance of the coefficients
    weights: FloatArray  # percent


Moderators = Mapping[str, Sequence[float] | Sequence[str] | FloatArray]


def design_matrix(mods: Moderators, k: int) -> tuple[FloatArray, list[str]]:
    """The ``(k, p)`` design matrix with an intercept, and the coefficient names."""
    if not mods:
        raise InputError.invalid("--mods", "", "one or more moderator columns")
    cols = [np.ones(k)]
    names = ["intrcpt"]
    for name, values in mods.items():
        vals = list(values)
        if len(vals) != k:
            raise InputError.invalid(name, f"{len(vals)} values", f"one value per study ({k})")
        numeric = _as_numbers(vals)
        if numeric is not None:
            cols.append(numeric)
            names.append(name)
            continue
        levels = sorted({str(x) for x in vals})
        if len(levels) < 2:
            raise InputError.invalid(name, levels[0], "a moderator that varies between studies")
        for level in levels[1:]:
            cols.append(np.array([1.0 if str(x) == level else 0.0 for x in vals]))
            names.append(f"{name}{level}")
    return np.column_stack(cols), names


def _as_numbers(values: list[object]) -> FloatArray | None:
    try:
        out = np.array([float(str(x)) for x in values])
    except ValueError:
        return None
    return out if np.isfinite(out).all() else None


def metareg(
    yi: Sequence[float] | FloatArray,
    vi: Sequence[float] | FloatArray,
    mods: Moderators,
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
    labels: Sequence[str] | None = None,
) -> MetaRegression:
    """Fit the meta-regression of ``yi`` on the moderators ``mods`` (name -> one value per
    study). Raises :class:`InputError` for unusable moderators and :class:`AnalysisError`
    when the model cannot be fitted (collinear moderators, no more studies than
    coefficients, a tau² search that fails)."""
    method = check_method(method)
    test = check_test(test)
    y, v = as_arrays(yi, vi)
    k = y.size
    X, names = design_matrix(mods, k)
    p = X.shape[1]
    if k <= p:
        raise AnalysisError(
            f"meta-regression with {p} coefficients needs more than {p} studies; got {k}"
        )
    if np.linalg.matrix_rank(X) < p:
        raise AnalysisError(
            "the moderators are collinear (one is a combination of the others or constant): "
            f"{', '.join(names[1:])}"
        )
    lanes = Lanes(y[None, :], v[None, :], np.ones((1, k)), X[None, :, :])
    fit = fit_lanes(lanes, method, test)
    if not fit.converged[0]:
        raise AnalysisError(convergence_message(method, k))
    beta = fit.beta[0]
    vb = fit.vb[0]
    se = fit.se[0]
    crit = float(fit.critical(level)[0])
    pvals = fit.pvalues()[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        zval = beta / se
    coefs = tuple(
        Coefficient(
            names[j],
            float(beta[j]),
            float(se[j]),
            float(zval[j]),
            float(pvals[j]),
            float(beta[j] - crit * se[j]),
            float(beta[j] + crit * se[j]),
        )
        for j in range(p)
    )
    m = p - 1
    b = beta[1:]
    qm = float(b @ np.linalg.solve(vb[1:, 1:], b))
    if test != "z":  # knha, adhoc: the F test
        qm /= m
        qm_pval = float(stats.f.sf(qm, m, k - p))
    else:
        qm_pval = float(stats.chi2.sf(qm, m))
    tau2 = float(fit.tau2[0])
    ci_lo = ci_hi = None
    lo_cens = hi_cens = False
    if method not in ("EE", "FE"):
        ci = tau2_interval(lanes, fit.tau2, level)
        ci_lo = float(ci.lower[0]) if np.isfinite(ci.lower[0]) else None
        ci_hi = float(ci.upper[0]) if np.isfinite(ci.upper[0]) else None
        lo_cens, hi_cens = bool(ci.lower_censored[0]), bool(ci.upper_censored[0])
    r2 = _r2(y, v, X, method, tau2)
    w = fit.weights[0]
    df = None if test == "z" else float(k - p)
    return MetaRegression(
        k=k,
        p=p,
        method=method,
        test=test,
        level=level,
        coefficients=coefs,
        qm=qm,
        qm_df=m,
        qm_pval=qm_pval,
        tau2=tau2,
        tau2_ci_lower=ci_lo,
        tau2_ci_upper=ci_hi,
        tau2_ci_lower_censored=lo_cens,
        tau2_ci_upper_censored=hi_cens,
        r2=r2,
        q=float(fit.q[0]),
        q_df=k - p,
        q_pval=float(fit.q_pval[0]),
        i2=float(fit.i2[0]),
        h2=float(fit.h2[0]),
        df=df,
        labels=tuple(study_labels(labels, k)),
        yi=y,
        vi=v,
        X=X,
        vb=vb,
        weights=100.0 * w / w.sum(),
    )


def _r2(y: FloatArray, v: FloatArray, X: FloatArray, method: str, tau2: float) -> float | None:
    """R² as metafor 3.8 computes it: ``(τ²_RE - τ²)/τ²_RE`` (0 when ``τ²_RE = 0``) for
    random-effects models; for the equal-effects model the adjusted R² of the weighted
    regression of y on X (weights 1/v), as ``lm(yi ~ X, weights = 1/vi)``."""
    if method in ("EE", "FE"):
        if np.ptp(y) == 0:
            return 0.0
        w = 1.0 / v
        sw = np.sqrt(w)
        beta, *_ = np.linalg.lstsq(X * sw[:, None], y * sw, rcond=None)
        rss = float((w * (y - X @ beta) ** 2).sum())
        ybar = float((w * y).sum() / w.sum())
        tss = float((w * (y - ybar) ** 2).sum())
        k, p = X.shape
        adj = float(1.0 - (rss / tss) * (k - 1) / (k - p))
        return max(0.0, 100.0 * adj)
    try:
        tau2_re = pool(y, v, method).tau2
    except AnalysisError:
        return None  # the model without moderators cannot be fitted: metafor gives NA
    if tau2_re == 0:
        return 0.0
    return max(0.0, 100.0 * (tau2_re - tau2) / tau2_re)
