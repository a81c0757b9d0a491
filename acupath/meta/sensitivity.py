"""Sensitivity analyses: leave-one-out, cumulative, subgroups and influence diagnostics.

Each analysis refits the model on subsets of the studies with the same tau² estimator and test,
as metafor's ``leave1out``, ``cumul`` and ``influence`` do. The subsets are fitted together as
one batch (:class:`~acupath.meta.lanes.Lanes` with a mask per subset), so k refits cost about
as much as one.

Influence diagnostics (Viechtbauer & Cheung 2010, Res Synth Methods 1:112), for study i with
``h_i = w_i/Σw`` (hat value) and the fit without i (subscript ``(-i)``)::

    rstudent_i = (y_i - μ̂_(-i)) / sqrt(s²_(-i) (v_i + τ̂²_(-i)) + SE(μ̂_(-i))²)
    DFFITS_i   = (μ̂ - μ̂_(-i)) / sqrt(s²_(-i) h_i (τ̂²_(-i) + v_i))
    Cook's D_i = (μ̂ - μ̂_(-i))² / SE(μ̂)²
    COVRATIO_i = SE(μ̂_(-i))² / SE(μ̂)²
    DFBETAS_i  = (μ̂ - μ̂_(-i)) / sqrt(s²_(-i) / Σ_j 1/(v_j + τ̂²_(-i)))

where ``s²`` is 1 for the z-test and the Knapp–Hartung factor otherwise. A study is flagged
influential, as in metafor, if |DFFITS| > 3 sqrt(1/(k-1)), Cook's D exceeds the median of
χ²₁, the hat value exceeds 3/k, or |DFBETAS| > 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from acupath.errors import AnalysisError, InputError
from acupath.meta.fit import LaneSummary, fit_lanes, summarise_lanes
from acupath.meta.lanes import FloatArray, Lanes
from acupath.meta.pool import PooledEstimate, as_arrays, pool, study_labels


@dataclass(frozen=True)
class StudySeries:
    """One refit per study: without it (leave-one-out) or up to it (cumulative)."""

    labels: tuple[str, ...]
    fits: LaneSummary


@dataclass(frozen=True)
class Subgroups:
    """Separate fits per subgroup and the test for subgroup differences.

    ``q_between`` is the heterogeneity statistic among the subgroup estimates (weights
    ``1/SE²``) on ``df_between`` = groups - 1 degrees of freedom, as RevMan's test for subgroup
    differences and metafor's recipe ``rma(estimates, sei = ses, method = "FE")``.
    """

    groups: tuple[str, ...]
    results: tuple[PooledEstimate, ...]
    q_between: float
    df_between: int
    p_between: float


@dataclass(frozen=True)
class Influence:
    """Influence diagnostics per study (see the module docstring)."""

    labels: tuple[str, ...]
    rstudent: FloatArray
    dffits: FloatArray
    cook_d: FloatArray
    cov_r: FloatArray
    tau2_del: FloatArray
    q_del: FloatArray
    hat: FloatArray
    weight: FloatArray
    dfbetas: FloatArray
    influential: NDArray[np.bool_]


def _masked(y: FloatArray, v: FloatArray, mask: FloatArray) -> Lanes:
    d = mask.shape[0]
    return Lanes(np.tile(y, (d, 1)), np.tile(v, (d, 1)), mask)


def leave1out(
    yi: Sequence[float] | FloatArray,
    vi: Sequence[float] | FloatArray,
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
    labels: Sequence[str] | None = None,
) -> StudySeries:
    """Refit without each study in turn (needs at least 2 studies)."""
    y, v = as_arrays(yi, vi)
    if y.size < 2:
        raise AnalysisError(f"leave-one-out needs at least 2 studies; got {y.size}")
    mask = 1.0 - np.eye(y.size)
    fit = fit_lanes(_masked(y, v, mask), method, test)
    return StudySeries(tuple(study_labels(labels, y.size)), summarise_lanes(fit, level))


def cumul(
    yi: Sequence[float] | FloatArray,
    vi: Sequence[float] | FloatArray,
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
    labels: Sequence[str] | None = None,
) -> StudySeries:
    """Cumulative meta-analysis in the order given (sort the studies first, e.g. by year)."""
    y, v = as_arrays(yi, vi)
    mask = np.tril(np.ones((y.size, y.size)))
    fit = fit_lanes(_masked(y, v, mask), method, test)
    return StudySeries(tuple(study_labels(labels, y.size)), summarise_lanes(fit, level))


def subgroup(
    yi: Sequence[float] | FloatArray,
    vi: Sequence[float] | FloatArray,
    groups: Sequence[str],
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
) -> Subgroups:
    """Pool each subgroup separately (its own tau²) and test for subgroup differences."""
    y, v = as_arrays(yi, vi)
    g = [str(x) for x in groups]
    if len(g) != y.size:
        raise InputError.invalid("groups", f"{len(g)} labels", f"one group per study ({y.size})")
    names = list(dict.fromkeys(g))
    if len(names) < 2:
        raise AnalysisError(f"subgroup analysis needs at least 2 subgroups; got {len(names)}")
    labels = np.array(g)
    results = tuple(
        pool(y[labels == name], v[labels == name], method, test, level=level) for name in names
    )
    est = np.array([r.estimate for r in results])
    se = np.array([r.se for r in results])
    between = pool(est, se**2, "FE")
    return Subgroups(
        groups=tuple(names),
        results=results,
        q_between=between.q,
        df_between=len(names) - 1,
        p_between=between.q_pval,
    )


def influence(
    yi: Sequence[float] | FloatArray,
    vi: Sequence[float] | FloatArray,
    method: str = "REML",
    test: str = "z",
    *,
    labels: Sequence[str] | None = None,
) -> Influence:
    """Influence diagnostics for every study (needs at least 3 studies)."""
    y, v = as_arrays(yi, vi)
    k = y.size
    if k < 3:
        raise AnalysisError(f"influence diagnostics need at least 3 studies; got {k}")
    full = fit_lanes(Lanes(y[None, :], v[None, :], np.ones((1, k))), method, test)
    if not full.converged[0]:
        raise AnalysisError(f"the {method} fit did not converge")
    deleted = fit_lanes(_masked(y, v, 1.0 - np.eye(k)), method, test)
    ok = deleted.converged
    mu = full.beta[0, 0]
    vb = full.vb[0, 0, 0]
    w = full.weights[0]
    hat = w / w.sum()
    mu_del = np.where(ok, deleted.beta[:, 0], np.nan)
    vb_del = np.where(ok, deleted.vb[:, 0, 0], np.nan)
    s2w_del = deleted.s2w
    tau2_del = deleted.tau2
    diff = mu - mu_del
    with np.errstate(invalid="ignore", divide="ignore"):
        dffits = diff / np.sqrt(s2w_del * hat * (tau2_del + v))
        vb_all = 1.0 / (1.0 / (v[None, :] + tau2_del[:, None])).sum(axis=1)
        dfbetas = diff / np.sqrt(s2w_del * vb_all)
        cook = diff**2 / vb
        cov_r = vb_del / vb
        resid = y - mu_del
        resid = np.where(np.abs(resid) < 100 * np.finfo(float).eps, 0.0, resid)
        rstudent = resid / np.sqrt(v * s2w_del + vb_del + tau2_del * s2w_del)
        flagged = (
            (np.abs(dffits) > 3 * np.sqrt(1 / (k - 1)))
            | (stats.chi2.cdf(cook, 1) > 0.5)
            | (hat > 3 / k)
            | (np.abs(dfbetas) > 1)
        )
    return Influence(
        labels=tuple(study_labels(labels, k)),
        rstudent=rstudent,
        dffits=dffits,
        cook_d=cook,
        cov_r=cov_r,
        tau2_del=tau2_del,
        q_del=np.where(ok, deleted.q, np.nan),
        hat=hat,
        weight=100 * hat,
        dfbetas=dfbetas,
        influential=np.asarray(flagged & np.isfinite(dffits)),
    )
