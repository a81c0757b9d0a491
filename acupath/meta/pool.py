"""Pool one meta-analysis: ``pool(yi, vi, method="REML", test="z")``.

The façade for the common case, a single meta-analysis without moderators; it runs the fast
one-dimensional path of :mod:`acupath.meta.single` (the same algorithms as
:mod:`acupath.meta.tau2`, :mod:`acupath.meta.fit` and :mod:`acupath.meta.confint`). It
returns a frozen :class:`PooledEstimate` holding every number metafor prints for ``rma(yi, vi)``
plus ``confint()`` (the Q-profile interval for tau²) and ``predict()`` (the prediction interval).

The prediction interval is ``μ̂ ± c · sqrt(SE(μ̂)² + τ̂²)`` with ``c`` the normal quantile for
``test="z"`` and the t quantile on ``k - 1`` df for ``test="knha"``, as metafor's ``predict``
(so it equals the confidence interval when τ̂² = 0); like metafor, equal-effects models have
none (``None``). Study weights are ``100 · w_i / Σw`` with
``w_i = 1/(v_i + τ̂²)``.

Example::

    >>> from acupath.meta import pool
    >>> res = pool([-0.9, -1.6, -1.4, -1.4, -0.2], [0.35, 0.21, 0.06, 0.01, 0.05], method="DL")
    >>> round(res.estimate, 4), round(res.i2, 1)
    (-1.0922, 84.3)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from acupath.errors import AnalysisError, InputError
from acupath.meta.fit import check_test
from acupath.meta.lanes import FloatArray
from acupath.meta.single import fit_one
from acupath.meta.tau2 import check_method

RETRY_NOTE = (
    "Fisher scoring for tau² oscillated with full steps; it was repeated with half steps, as "
    "metafor's rma(..., control = list(stepadj = 0.5, maxiter = 1000))"
)


@dataclass(frozen=True)
class StudyWeight:
    """One study as it enters the pooled estimate."""

    study: str
    yi: float
    vi: float
    weight: float  # percent


@dataclass(frozen=True)
class PooledEstimate:
    """The pooled result of one meta-analysis; names follow acupath's JSON contract.

    Estimates are on the analysis scale (log scale for RR, OR, ROM); ``i2`` and ``weights``
    are percentages; ``q_df`` is ``k - 1``; ``df`` is the t degrees of freedom for ``knha``
    (``None`` for ``z``).
    """

    k: int
    method: str
    test: str
    level: float
    estimate: float
    se: float
    statistic: float
    pval: float
    ci_lower: float
    ci_upper: float
    df: float | None
    tau2: float
    tau2_ci_lower: float | None
    tau2_ci_upper: float | None
    i2: float
    h2: float
    q: float
    q_df: int
    q_pval: float
    pi_lower: float | None
    pi_upper: float | None
    studies: tuple[StudyWeight, ...]
    notes: tuple[str, ...] = ()
    tau2_ci_lower_censored: bool = False
    tau2_ci_upper_censored: bool = False
    tau2_ci_limit: float | None = None  # top of the Q-profile search interval

    @property
    def tau(self) -> float:
        """Between-study standard deviation."""
        return float(np.sqrt(self.tau2))

    @property
    def weights(self) -> tuple[float, ...]:
        """Study weights in percent, in input order."""
        return tuple(s.weight for s in self.studies)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the contract's keys plus ``level``, ``df`` and ``statistic``."""
        out = asdict(self)
        out["studies"] = [asdict(s) for s in self.studies]
        return out


def as_arrays(
    yi: Sequence[float] | FloatArray, vi: Sequence[float] | FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Check and convert one meta-analysis' effect sizes and variances."""
    y = np.asarray(yi, dtype=float).ravel()
    v = np.asarray(vi, dtype=float).ravel()
    if y.shape != v.shape:
        raise InputError.invalid(
            "vi", f"{v.size} values", f"one variance per effect size ({y.size})"
        )
    if y.size == 0:
        raise AnalysisError("a meta-analysis needs at least one study; got none")
    bad = np.flatnonzero(~np.isfinite(y))
    if bad.size:
        raise InputError.invalid("yi", y[bad[0]], "a finite number", location=f"study {bad[0] + 1}")
    bad = np.flatnonzero(~(np.isfinite(v) & (v > 0)))
    if bad.size:
        raise InputError.invalid(
            "vi", v[bad[0]], "a positive finite variance", location=f"study {bad[0] + 1}"
        )
    return y, v


def pool(
    yi: Sequence[float] | FloatArray,
    vi: Sequence[float] | FloatArray,
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
    labels: Sequence[str] | None = None,
) -> PooledEstimate:
    """Pool effect sizes ``yi`` with sampling variances ``vi``.

    Parameters
    ----------
    yi, vi
        Effect sizes on the analysis scale and their sampling variances (> 0).
    method
        tau² estimator: ``EE``/``FE`` (no heterogeneity), ``DL``, ``HE``, ``HS``, ``SJ``,
        ``PM``, ``ML``, ``REML`` (default) or ``EB``; see :mod:`acupath.meta.tau2`.
    test
        ``"z"`` (Wald-type, normal) or ``"knha"`` (Knapp–Hartung, t on k - 1 df).
    level
        Confidence level of the intervals.
    labels
        Study labels for the result (default ``Study 1`` ...).

    Raises
    ------
    UnknownChoice
        ``method`` or ``test`` not recognised (an :class:`InputError` and ``ValueError``).
    AnalysisError
        No studies, or an iterative tau² search that did not converge.
    """
    method = check_method(method)
    test = check_test(test)
    y, v = as_arrays(yi, vi)
    if not 0 < level < 1:
        raise InputError.invalid("level", level, "a number between 0 and 1")
    names = study_labels(labels, y.size)
    fit = fit_one(y, v, method, test, level)
    if not fit.converged:
        raise AnalysisError(convergence_message(method, y.size))
    weights = 100.0 * fit.weights / fit.weights.sum()
    notes = [RETRY_NOTE] if fit.retried else []
    limit = None
    if fit.tau2_ci_lower_censored or fit.tau2_ci_upper_censored:
        limit = max(100.0, 10.0 * fit.tau2)
        note = censoring_note(fit.tau2_ci_lower_censored, fit.tau2_ci_upper_censored, limit)
        if note:
            notes.append(note)
    studies = tuple(map(StudyWeight, names, y.tolist(), v.tolist(), weights.tolist()))
    return PooledEstimate(
        k=int(y.size),
        method=method,
        test=test,
        level=level,
        estimate=fit.estimate,
        se=fit.se,
        statistic=fit.statistic,
        pval=fit.pval,
        ci_lower=fit.ci_lower,
        ci_upper=fit.ci_upper,
        df=None if np.isnan(fit.df) else fit.df,
        tau2=fit.tau2,
        tau2_ci_lower=_opt(fit.tau2_ci_lower),
        tau2_ci_upper=_opt(fit.tau2_ci_upper),
        i2=fit.i2,
        h2=fit.h2,
        q=fit.q,
        q_df=int(y.size) - 1,
        q_pval=fit.q_pval,
        pi_lower=_opt(fit.pi_lower),
        pi_upper=_opt(fit.pi_upper),
        studies=studies,
        notes=tuple(notes),
        tau2_ci_lower_censored=fit.tau2_ci_lower_censored,
        tau2_ci_upper_censored=fit.tau2_ci_upper_censored,
        tau2_ci_limit=limit,
    )


def convergence_message(method: str, k: int) -> str:
    """Why the tau² search failed and which estimators to try instead (never ``method``)."""
    if method == "PM":
        why = (
            f"the PM estimate of tau² could not be found for these {k} studies (the generalised "
            "Q statistic stays above k - 1 over the whole search interval)"
        )
    else:
        why = f"the {method} estimate of tau² did not converge for these {k} studies"
    others = [m for m in ("REML", "DL", "PM") if m != method][:2]
    return f"{why}; try method {others[0]} or {others[1]}"


def censoring_note(lower: bool, upper: bool, limit: float | None) -> str | None:
    """The sentence that says a Q-profile bound lies beyond the search limit, or None."""
    if not (lower or upper) or limit is None:
        return None
    which = "both bounds" if lower and upper else "the upper bound"
    return (
        f"Q-profile interval for tau²: {which} lie above {limit:.6g}, the top of the search "
        "interval, so they are reported as censored (null), not as numbers"
    )


def study_labels(labels: Sequence[str] | None, k: int) -> list[str]:
    if labels is None:
        return [f"Study {i + 1}" for i in range(k)]
    names = [str(x) for x in labels]
    if len(names) != k:
        raise InputError.invalid("labels", f"{len(names)} labels", f"one label per study ({k})")
    return names


def _opt(x: float) -> float | None:
    return float(x) if np.isfinite(x) else None
