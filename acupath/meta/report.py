"""The full analysis behind ``acupath meta``: effect sizes, pooling and small-study tests.

:func:`analyse` turns a :class:`~acupath.meta.csvio.StudyTable` into a :class:`MetaReport`
whose :meth:`MetaReport.as_json` has exactly the keys of the JSON contract in DESIGN.md
(``k, measure, method, test, estimate, se, ci_lower, ci_upper, pval, tau2, tau2_ci_lower,
tau2_ci_upper, i2, h2, q, q_df, q_pval, pi_lower, pi_upper, egger_z, egger_pval,
trimfill_k0, trimfill_estimate, studies``) plus ``level``, ``notes`` and, for ratio measures,
a ``back_transformed`` block. Egger's test and trim and fill need 3 studies; with fewer their
keys are ``null``. :func:`analyse_many` handles a file with an ``analysis`` column.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from acupath.errors import AnalysisError, InputError
from acupath.meta.batch import pool_many
from acupath.meta.bias import (
    EQUAL_SE,
    EXACT_FIT,
    EggerTest,
    TrimFill,
    equal_precision,
    regtest,
    regtest_lanes,
    trimfill,
)
from acupath.meta.csvio import StudyTable
from acupath.meta.effects import LOG_SCALE, EffectSizes
from acupath.meta.lanes import FloatArray, pad
from acupath.meta.mh import (
    POOLING,
    as_pooled,
    check_method_measure,
    mh_random,
    pool_mh,
    tables_from_columns,
)
from acupath.meta.pool import PooledEstimate, censoring_note, convergence_message, pool
from acupath.meta.revman import i2_interval, prediction_interval, revman_smd


@dataclass(frozen=True)
class MetaReport:
    """One meta-analysis: effect sizes, the pooled result and the small-study tests."""

    measure: str
    effects: EffectSizes
    result: PooledEstimate
    egger: EggerTest | None
    trimfill: TrimFill | None
    notes: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict)  # added JSON blocks (never renames)

    def as_json(self) -> dict[str, Any]:
        """The JSON document of ``acupath meta --json``."""
        r = self.result
        doc: dict[str, Any] = {
            "k": r.k,
            "measure": self.measure,
            "method": r.method,
            "test": r.test,
            "level": r.level,
            "estimate": r.estimate,
            "se": r.se,
            "ci_lower": r.ci_lower,
            "ci_upper": r.ci_upper,
            "pval": r.pval,
            "tau2": r.tau2,
            "tau2_ci_lower": r.tau2_ci_lower,
            "tau2_ci_upper": r.tau2_ci_upper,
            "tau2_ci_lower_censored": r.tau2_ci_lower_censored,
            "tau2_ci_upper_censored": r.tau2_ci_upper_censored,
            "i2": r.i2,
            "h2": r.h2,
            "q": r.q,
            "q_df": r.q_df,
            "q_pval": r.q_pval,
            "pi_lower": r.pi_lower,
            "pi_upper": r.pi_upper,
            "egger_z": self.egger.statistic if self.egger else None,
            "egger_pval": self.egger.pval if self.egger else None,
            "trimfill_k0": self.trimfill.k0 if self.trimfill else None,
            "trimfill_estimate": self.trimfill.estimate if self.trimfill else None,
            "studies": [
                {"study": s.study, "yi": s.yi, "vi": s.vi, "weight": s.weight} for s in r.studies
            ],
            "notes": list(self.notes),
        }
        doc.update(self.extra)
        if self.measure in LOG_SCALE:
            doc["back_transformed"] = {
                key: (math.exp(value) if value is not None else None)
                for key, value in (
                    ("estimate", r.estimate),
                    ("ci_lower", r.ci_lower),
                    ("ci_upper", r.ci_upper),
                    ("pi_lower", r.pi_lower),
                    ("pi_upper", r.pi_upper),
                    ("trimfill_estimate", self.trimfill.estimate if self.trimfill else None),
                )
            }
        return doc


def analyse(
    table: StudyTable,
    method: str = "REML",
    test: str | None = None,
    *,
    level: float = 0.95,
    revman: bool = False,
) -> MetaReport:
    """Compute effect sizes, pool them and run Egger's test and trim and fill.

    ``method`` is a tau² estimator (:data:`acupath.meta.tau2.METHODS`) or, for 2×2 tables,
    ``MH`` (Mantel-Haenszel) or ``PETO`` (see :mod:`acupath.meta.mh`). ``revman`` applies
    RevMan's conventions (:mod:`acupath.meta.revman`): RevMan's SMD, Knapp–Hartung with the ad
    hoc correction, the prediction interval on k - 2 df and the Q-based I² with its interval.
    ``test`` left unset is ``adhoc`` in RevMan mode and ``z`` otherwise; set, it is used as given
    (``test="z"`` with ``revman`` gives the Wald intervals RevMan 5 wrote).
    """
    effects = table.effects()
    if revman and table.measure == "SMD":
        c = table.columns
        g, gv = revman_smd(c["m1i"], c["sd1i"], c["n1i"], c["m2i"], c["sd2i"], c["n2i"])
        effects = dataclasses.replace(effects, yi=g, vi=gv)
    if test is None:
        test = "adhoc" if revman and method not in POOLING else "z"
    labels = [table.labels[i] for i in effects.kept]
    if not labels:
        raise AnalysisError("no studies left to pool after dropping unusable rows")
    notes = [*table.warnings]
    if effects.dropped:
        which = ", ".join(f"{table.labels[i]} (row {table.rows[i]})" for i in effects.dropped)
        notes.append(
            f"dropped {len(effects.dropped)} studies with no events (or only events) in both "
            f"groups, which carry no information on the {table.measure}: {which}"
        )
    notes += [n for n in effects.notes if not n.startswith("dropped")]
    extra: dict[str, Any] = {}
    yi, vi = effects.yi, effects.vi
    if method in POOLING:
        result, yi, vi, extra = _pool_tables(table, effects, labels, method, test, level, revman)
        bias_method, bias_test = "EE", "z"
        notes.append(
            f"{'Mantel-Haenszel' if method == 'MH' else 'Peto'} fixed-effect pooling (tau² = 0); "
            "Egger's test and trim and fill use inverse-variance fixed-effect fits (EE) of the "
            "study effect sizes"
        )
        if revman and method == "MH" and table.measure in ("OR", "RR"):
            notes.append(
                "RevMan conventions: 1/2 added to every cell of tables with a zero cell in the "
                "Mantel-Haenszel sums, as RevMan 5 does (metafor's rma.mh uses the tables as given)"
            )
    else:
        result = pool(yi, vi, method, test, level=level, labels=labels)
        bias_method, bias_test = method, test
    if revman and method not in POOLING:
        result, more = _revman(result, level)
        extra.update(more)
        notes.append(
            "RevMan conventions: Knapp-Hartung with the ad hoc correction, prediction interval "
            "on k - 2 df, I² from Q (i2_metafor holds metafor's tau²-based I²)"
            + ("; RevMan's SMD (approximate Hedges correction)" if table.measure == "SMD" else "")
        )
    notes += result.notes
    egger = tf = None
    if result.k >= 3:
        try:
            egger = regtest(yi, vi, bias_method, bias_test)
        except AnalysisError as exc:
            notes.append(f"Egger's test not available: {exc}")
        try:
            tf = trimfill(yi, vi, bias_method, level=level)
        except AnalysisError as exc:
            notes.append(f"trim and fill not available: {exc}")
    else:
        notes.append("Egger's test and trim and fill need at least 3 studies")
    return MetaReport(table.measure, effects, result, egger, tf, tuple(notes), extra)


def _revman(result: PooledEstimate, level: float) -> tuple[PooledEstimate, dict[str, Any]]:
    """The pooled result with RevMan's I², H² and prediction interval, and the added keys."""
    i2, lo, hi = i2_interval(result.q, result.k, level)
    pi_lo, pi_hi = prediction_interval(result.estimate, result.se, result.tau2, result.k, level)
    extra = {
        "conventions": "revman",
        "i2_ci_lower": lo if math.isfinite(lo) else None,
        "i2_ci_upper": hi if math.isfinite(hi) else None,
        "i2_metafor": result.i2,
    }
    h2 = result.q / result.q_df if result.q_df > 0 else 1.0
    return dataclasses.replace(result, i2=i2, h2=h2, pi_lower=pi_lo, pi_upper=pi_hi), extra


def _pool_tables(
    table: StudyTable,
    effects: EffectSizes,
    labels: list[str],
    method: str,
    test: str,
    level: float,
    revman: bool = False,
) -> tuple[PooledEstimate, FloatArray, FloatArray, dict[str, Any]]:
    """Mantel-Haenszel or Peto pooling of the table's 2×2 tables, with RevMan's random-effects
    analysis after MH as the added ``revman_random`` block. ``revman`` applies RevMan 5's 1/2
    to tables with a zero cell in the MH odds ratio and risk ratio (:mod:`acupath.meta.mh`)."""
    check_method_measure(method, table.measure)
    if test != "z":
        raise InputError.invalid("--test", test, f"z with --method {method} (a z-test)")
    fixed = pool_mh(
        table.measure,
        tables_from_columns(table.columns),
        level=level,
        method=method,
        zero_cells="revman" if revman else "none",
    )
    kept = np.asarray(effects.kept, dtype=int)
    yi, vi = effects.yi, effects.vi
    if method == "PETO":  # the studies' own Peto log odds ratios
        yi, vi = fixed.yi[kept], fixed.vi[kept]
    result = as_pooled(fixed, labels, yi, vi, effects.kept, level)
    extra: dict[str, Any] = {}
    if method == "MH":
        rnd = mh_random(fixed, level=level)
        extra["revman_random"] = {
            "method": "DL after MH (RevMan)",
            "tau2": rnd.tau2,
            "estimate": rnd.estimate,
            "se": rnd.se,
            "statistic": rnd.statistic,
            "pval": rnd.pval,
            "ci_lower": rnd.ci_lower,
            "ci_upper": rnd.ci_upper,
        }
    return result, yi, vi, extra


def _batch_notes(entry: dict[str, Any], vi: Any, method: str) -> list[str]:
    """Why a batch entry has null fields, one sentence each."""
    notes = []
    if not entry["converged"]:
        notes.append(convergence_message(method, int(entry["k"])))
    if entry["egger_z"] is None:
        if entry["k"] < 3:
            notes.append("Egger's test needs at least 3 studies")
        elif equal_precision(np.asarray(vi)):
            notes.append(f"Egger's test is not defined: {EQUAL_SE}")
        elif entry["converged"]:
            notes.append(f"Egger's test is not defined: {EXACT_FIT}")
    note = censoring_note(
        bool(entry["tau2_ci_lower_censored"]),
        bool(entry["tau2_ci_upper_censored"]),
        max(100.0, 10.0 * entry["tau2"]) if entry["tau2"] is not None else None,
    )
    if note:
        notes.append(note)
    return notes


def analyse_many(
    table: StudyTable,
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Pool each ``analysis`` of the table separately (vectorised) and report them all.

    Each entry has the contract's keys except ``studies``; Egger's test is computed for every
    analysis, trim and fill (an iterative per-analysis procedure) is left ``null``.
    """
    if table.analyses is None:
        raise AnalysisError("the file has no 'analysis' column to split it by")
    effects = table.effects()
    names = [table.analyses[i] for i in effects.kept]
    order = list(dict.fromkeys(names))
    groups = np.array(names)
    data = [(effects.yi[groups == n], effects.vi[groups == n]) for n in order]
    res = pool_many(data, method, test, level=level, progress=progress, chunk_size=500)
    egger_z, egger_p = regtest_lanes(pad(data), method, test)
    rows = []
    for i, name in enumerate(order):
        row = res.row(i)
        entry: dict[str, Any] = {"analysis": name, "k": row["k"], "measure": table.measure}
        for key in (
            "method",
            "test",
            "estimate",
            "se",
            "ci_lower",
            "ci_upper",
            "pval",
            "tau2",
            "tau2_ci_lower",
            "tau2_ci_upper",
            "i2",
            "h2",
            "q",
            "q_df",
            "q_pval",
            "pi_lower",
            "pi_upper",
            "converged",
            "tau2_ci_lower_censored",
            "tau2_ci_upper_censored",
        ):
            entry[key] = row[key]
        entry["egger_z"] = float(egger_z[i]) if np.isfinite(egger_z[i]) else None
        entry["egger_pval"] = float(egger_p[i]) if np.isfinite(egger_p[i]) else None
        entry["trimfill_k0"] = None
        entry["trimfill_estimate"] = None
        entry["notes"] = _batch_notes(entry, data[i][1], method)
        rows.append(entry)
    return {
        "measure": table.measure,
        "method": res.method,
        "test": res.test,
        "level": level,
        "analyses": rows,
        "notes": [*table.warnings, *effects.notes],
    }
