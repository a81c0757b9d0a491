"""Mantel-Haenszel and Peto pooling of 2×2 tables, as metafor's ``rma.mh`` and ``rma.peto``.

RevMan's default for binary outcomes. For study i with events ``a`` (group 1) and ``c``
(group 2), non-events ``b`` and ``d``, group sizes ``n1 = a + b``, ``n2 = c + d`` and
``N = n1 + n2``, the fixed-effect estimates are:

* **MH odds ratio**: ``OR = Σ R_i / Σ S_i`` with ``R = a d/N`` and ``S = b c/N``; the variance
  of its log is Robins, Breslow & Greenland's (1986)::

      ½ [Σ P R / (ΣR)² + Σ (P S + Q R) / (ΣR ΣS) + Σ Q S / (ΣS)²],  P = (a+d)/N, Q = (b+c)/N

* **MH risk ratio**: ``RR = Σ a n2/N / Σ c n1/N``, variance of the log (Greenland & Robins
  1985) ``Σ (n1 n2 (a+c)/N² - a c/N) / (ΣR ΣS)``.
* **MH risk difference**: ``RD = Σ (a n2 - c n1)/N / Σ n1 n2/N`` with the variance of Sato,
  Greenland & Robins (1989), as metafor computes it.
* **Peto odds ratio** (Yusuf et al. 1985): ``log OR = Σ (a - E) / Σ V`` with ``E = (a+c) n1/N``
  and ``V = (a+c)(b+d) n1 n2 / (N² (N-1))``, variance ``1/ΣV``.

The sums run over the tables as given (no continuity correction: zero cells need none, and a
table without events adds nothing to the OR and RR sums). Heterogeneity is Cochran's Q around
the pooled estimate with inverse-variance weights of the study effect sizes computed as
``escalc`` does (1/2 added to the cells of tables with a zero cell; tables with no events or
only events in both groups left out, so ``q_df`` is one less than the number of informative
tables); for Peto, ``Q = Σ (a-E)²/V - (Σ(a-E))²/ΣV``. ``I² = max(0, (Q - df)/Q)``, ``H² = Q/df``.
Study weights are the MH weights (``S_i`` for OR, ``c n1/N`` for RR, ``n1 n2/N`` for RD) or
``V_i`` for Peto, in percent.

Random effects "as RevMan computes them" (:func:`mh_random`): the DerSimonian-Laird tau² from
the MH-based Q, then inverse-variance pooling of the study effects with ``1/(v + τ²)``
(Deeks, Higgins & Altman, RevMan's statistical methods).

**RevMan's zero cells** (``zero_cells="revman"``, used by ``acupath meta --revman``): RevMan 5
adds 1/2 to every cell of a table with a zero cell *before* the MH sums of the OR and RR (and
so in their weights, Q and the random-effects analysis), not only in the study's own effect
size (Cochrane Handbook 5.1 §9.4.4; R meta's ``metabin`` documents the same for RevMan 5 under
``MH.exact = FALSE``). metafor's ``rma.mh`` (the default here) uses the tables as given. The
golden test ``tests/meta/test_revman_random.py`` shows the difference against the numbers RevMan
5.2 saved in a Cochrane review (tau² up to 34% off on a sparse subgroup) and agreement to 1e-9
with the correction. Tables without events (or with only events) in both groups are left as
given: they add nothing to the OR sums. A table with only events in both groups still enters
the MH risk-ratio sums, as in metafor; RevMan calls such a study not estimable (no such table in
the golden data, so this edge is not checked against RevMan).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special

from acupath.errors import AnalysisError, InputError
from acupath.meta.lanes import FloatArray
from acupath.meta.pool import PooledEstimate, StudyWeight

MH_MEASURES = ("OR", "RR", "RD")
POOLING = ("MH", "PETO")
"""Fixed-effect pooling methods for 2×2 tables (``--method MH``, ``--method PETO``)."""


@dataclass(frozen=True)
class Tables:
    """2×2 tables: events and non-events in group 1 (``a``, ``b``) and group 2 (``c``, ``d``)."""

    a: FloatArray
    b: FloatArray
    c: FloatArray
    d: FloatArray

    @property
    def n1(self) -> FloatArray:
        return self.a + self.b

    @property
    def n2(self) -> FloatArray:
        return self.c + self.d

    @property
    def n(self) -> FloatArray:
        return self.a + self.b + self.c + self.d

    def take(self, idx: np.ndarray) -> Tables:
        return Tables(self.a[idx], self.b[idx], self.c[idx], self.d[idx])


@dataclass(frozen=True)
class TablePool:
    """A fixed-effect result for 2×2 tables (analysis scale: log for OR and RR)."""

    method: str  # "MH" or "PETO"
    measure: str
    estimate: float
    se: float
    statistic: float
    pval: float
    ci_lower: float
    ci_upper: float
    q: float
    q_df: int
    q_pval: float
    i2: float
    h2: float
    weights: FloatArray  # percent, one per table
    yi: FloatArray  # the study effect sizes behind Q (NaN where escalc leaves a table out)
    vi: FloatArray


def tables_from_columns(columns: dict[str, FloatArray]) -> Tables:
    """The tables from metafor's columns: ``ai, bi, ci, di`` or ``ai, n1i, ci, n2i``."""
    a = np.asarray(columns["ai"], dtype=float)
    c = np.asarray(columns["ci"], dtype=float)
    if "bi" in columns:
        b = np.asarray(columns["bi"], dtype=float)
        d = np.asarray(columns["di"], dtype=float)
    else:
        b = np.asarray(columns["n1i"], dtype=float) - a
        d = np.asarray(columns["n2i"], dtype=float) - c
    return Tables(a, b, c, d)


def check_method_measure(method: str, measure: str) -> None:
    """MH needs OR, RR or RD; Peto needs OR. Anything else is an :class:`InputError`."""
    allowed = MH_MEASURES if method == "MH" else ("OR",)
    if measure not in allowed:
        raise InputError.invalid(
            "--measure",
            measure,
            f"one of {', '.join(allowed)} with --method {method} (2×2 tables)",
        )


def study_effects(measure: str, t: Tables) -> tuple[FloatArray, FloatArray]:
    """Study effect sizes as metafor's first stage computes them for Q: 1/2 added to the cells
    of tables with a zero cell, NaN for tables with no events (or only events) in both
    groups (``escalc(..., add = 1/2, to = "only0", drop00 = TRUE)``)."""
    double = ((t.a == 0) & (t.c == 0)) | ((t.b == 0) & (t.d == 0))
    zero = (t.a == 0) | (t.b == 0) | (t.c == 0) | (t.d == 0)
    add = np.where(zero, 0.5, 0.0)
    a, b, c, d = t.a + add, t.b + add, t.c + add, t.d + add
    n1, n2 = a + b, c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "OR":
            yi = np.log(a * d / (b * c))
            vi = 1 / a + 1 / b + 1 / c + 1 / d
        elif measure == "RR":
            yi = np.log(a / n1) - np.log(c / n2)
            vi = 1 / a - 1 / n1 + 1 / c - 1 / n2
        elif measure == "RD":
            p1, p2 = a / n1, c / n2
            yi = p1 - p2
            vi = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
        else:  # PETO
            n = n1 + n2
            xt, yt = a + c, b + d
            e = xt * n1 / n
            v = xt * yt * (n1 / n) * (n2 / n) / (n - 1)
            yi = (a - e) / v
            vi = 1 / v
    bad = double | ~np.isfinite(yi) | ~np.isfinite(vi)
    return np.where(bad, np.nan, yi), np.where(bad, np.nan, vi)


def _z(estimate: float, se: float, level: float) -> tuple[float, float, float, float]:
    crit = -float(special.ndtri((1.0 - level) / 2))
    stat = estimate / se if se > 0 else math.nan
    pval = 2.0 * float(special.ndtr(-abs(stat)))
    return stat, pval, estimate - crit * se, estimate + crit * se


def _heterogeneity(q: float, df: int) -> tuple[float, float, float]:
    if df < 1:
        return 1.0, 0.0, 1.0
    q_pval = float(special.chdtrc(df, q))
    i2 = max(0.0, 100.0 * (q - df) / q) if q > 0 else 0.0
    return q_pval, i2, q / df


ZERO_CELLS = ("none", "revman")
"""How the MH sums treat tables with a zero cell: as given (metafor) or RevMan 5's 1/2."""


def revman_corrected(t: Tables) -> Tables:
    """The tables with 1/2 added to every cell of each table that has a zero cell and events
    in at least one group and non-events in at least one group (RevMan 5; module docstring)."""
    zero = (t.a == 0) | (t.b == 0) | (t.c == 0) | (t.d == 0)
    informative = ~(((t.a == 0) & (t.c == 0)) | ((t.b == 0) & (t.d == 0)))
    add = np.where(zero & informative, 0.5, 0.0)
    return Tables(t.a + add, t.b + add, t.c + add, t.d + add)


def pool_mh(
    measure: str,
    tables: Tables,
    *,
    level: float = 0.95,
    method: str = "MH",
    zero_cells: str = "none",
) -> TablePool:
    """Fixed-effect Mantel-Haenszel (OR, RR, RD) or Peto (OR) pooling; see the module
    docstring. ``zero_cells="revman"`` applies RevMan 5's 1/2 to the MH odds ratio and risk
    ratio. Raises :class:`AnalysisError` when the tables hold no information."""
    check_method_measure(method, measure)
    if zero_cells not in ZERO_CELLS:
        raise InputError.invalid("zero_cells", zero_cells, " or ".join(ZERO_CELLS))
    t = tables
    if zero_cells == "revman" and method == "MH" and measure in ("OR", "RR"):
        t = revman_corrected(tables)
    if t.a.size == 0:
        raise AnalysisError("a meta-analysis needs at least one study; got none")
    n1, n2, n = t.n1, t.n2, t.n
    yi, vi = study_effects("PETO" if method == "PETO" else measure, t)
    if method == "PETO":
        xt, yt = t.a + t.c, t.b + t.d
        e = xt * n1 / n
        v = xt * yt * (n1 / n) * (n2 / n) / (n - 1)
        sum_v = float(v.sum())
        if sum_v == 0:
            raise AnalysisError(
                "the Peto odds ratio needs at least one table with events and non-events"
            )
        o_e = t.a - e
        estimate = float(o_e.sum()) / sum_v
        se = math.sqrt(1.0 / sum_v)
        pos = v > 0
        q = max(0.0, float((o_e[pos] ** 2 / v[pos]).sum()) - float(o_e.sum()) ** 2 / sum_v)
        weights = v
    else:
        if measure == "OR":
            p, qq = (t.a + t.d) / n, (t.b + t.c) / n
            r_i, s_i = (t.a / n) * t.d, (t.b / n) * t.c
            r, s = float(r_i.sum()), float(s_i.sum())
            if r == 0 or s == 0:
                raise AnalysisError(_no_information("odds ratio"))
            estimate = math.log(r / s)
            se = math.sqrt(
                0.5
                * (
                    float((p * r_i).sum()) / r**2
                    + float((p * s_i + qq * r_i).sum()) / (r * s)
                    + float((qq * s_i).sum()) / s**2
                )
            )
            weights = s_i
        elif measure == "RR":
            r = float((t.a * (n2 / n)).sum())
            s = float((t.c * (n1 / n)).sum())
            if float(t.a.sum()) == 0 or float(t.c.sum()) == 0:
                raise AnalysisError(_no_information("risk ratio"))
            estimate = math.log(r / s)
            se = math.sqrt(
                float(((n1 / n) * (n2 / n) * (t.a + t.c) - (t.a / n) * t.c).sum()) / (r * s)
            )
            weights = (t.c / n) * n1
        else:  # RD
            w = n1 * (n2 / n)
            sw = float(w.sum())
            estimate = float((t.a * (n2 / n) - t.c * (n1 / n)).sum()) / sw
            num = (
                estimate
                * float(
                    (
                        t.c * (n1 / n) ** 2
                        - t.a * (n2 / n) ** 2
                        + (n1 / n) * (n2 / n) * (n2 - n1) / 2
                    ).sum()
                )
                + float((t.a * (n2 - t.c) / n + t.c * (n1 - t.a) / n).sum()) / 2
            )
            se = math.sqrt(num / sw**2) if num > 0 else 0.0
            weights = w
        ok = np.isfinite(yi)
        q = max(0.0, float(((yi[ok] - estimate) ** 2 / vi[ok]).sum()))
    df = int(np.isfinite(yi).sum()) - 1
    if df < 1:
        q = 0.0
    q_pval, i2, h2 = _heterogeneity(q, df)
    stat, pval, lo, hi = _z(estimate, se, level)
    total = float(weights.sum())
    return TablePool(
        method=method,
        measure=measure,
        estimate=estimate,
        se=se,
        statistic=stat,
        pval=pval,
        ci_lower=lo,
        ci_upper=hi,
        q=q,
        q_df=max(df, 0),
        q_pval=q_pval,
        i2=i2,
        h2=h2,
        weights=100.0 * weights / total if total > 0 else np.full(weights.size, np.nan),
        yi=yi,
        vi=vi,
    )


def _no_information(what: str) -> str:
    return (
        f"the Mantel-Haenszel {what} is not defined: no group has events (or every group has "
        "only events) in these tables"
    )


@dataclass(frozen=True)
class RandomMH:
    """RevMan's random-effects analysis after Mantel-Haenszel: DL tau² from the MH Q."""

    tau2: float
    estimate: float
    se: float
    statistic: float
    pval: float
    ci_lower: float
    ci_upper: float
    weights: FloatArray  # percent, over the studies with an effect size


def mh_random(fixed: TablePool, *, level: float = 0.95) -> RandomMH:
    """``τ² = max(0, (Q_MH - df) / (Σw - Σw²/Σw))`` with ``w = 1/v``, then inverse-variance
    pooling with ``1/(v + τ²)`` over the studies that have an effect size."""
    ok = np.isfinite(fixed.yi)
    y, v = fixed.yi[ok], fixed.vi[ok]
    w = 1.0 / v
    sw = float(w.sum())
    denom = sw - float((w * w).sum()) / sw
    tau2 = max(0.0, (fixed.q - fixed.q_df) / denom) if denom > 0 and fixed.q_df > 0 else 0.0
    ws = 1.0 / (v + tau2)
    est = float((ws * y).sum() / ws.sum())
    se = math.sqrt(1.0 / float(ws.sum()))
    stat, pval, lo, hi = _z(est, se, level)
    return RandomMH(tau2, est, se, stat, pval, lo, hi, 100.0 * ws / ws.sum())


def as_pooled(
    fixed: TablePool,
    labels: list[str],
    yi: FloatArray,
    vi: FloatArray,
    kept: tuple[int, ...],
    level: float,
) -> PooledEstimate:
    """The result as a :class:`~acupath.meta.pool.PooledEstimate` (the JSON contract): the
    studies ``escalc`` kept (positions ``kept`` among the tables), with their effect sizes
    ``yi, vi`` and their MH (or Peto) weights. A fixed-effect model: tau² is 0 and there is no
    interval for it nor a prediction interval."""
    return PooledEstimate(
        k=len(labels),
        method=fixed.method,
        test="z",
        level=level,
        estimate=fixed.estimate,
        se=fixed.se,
        statistic=fixed.statistic,
        pval=fixed.pval,
        ci_lower=fixed.ci_lower,
        ci_upper=fixed.ci_upper,
        df=None,
        tau2=0.0,
        tau2_ci_lower=None,
        tau2_ci_upper=None,
        i2=fixed.i2,
        h2=fixed.h2,
        q=fixed.q,
        q_df=fixed.q_df,
        q_pval=fixed.q_pval,
        pi_lower=None,
        pi_upper=None,
        studies=tuple(
            StudyWeight(label, float(y), float(v), float(fixed.weights[i]))
            for label, y, v, i in zip(labels, yi, vi, kept, strict=True)
        ),
    )
