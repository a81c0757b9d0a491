"""JSON documents of the analyses ``acupath meta`` runs beside plain pooling: meta-regression,
subgroups with the test for subgroup differences, leave-one-out, cumulative and influence.

Each function takes a :class:`~acupath.meta.csvio.StudyTable` (the CSV as read) and returns
plain data; the command line prints it, the web layer could serve it. Keys follow the JSON
contract of DESIGN.md (``acupath meta``) and add, never rename: a meta-regression keeps ``k,
measure, method, test, tau2`` (residual), ``tau2_ci_lower, tau2_ci_upper, i2, h2, q, q_df,
q_pval`` (residual heterogeneity) and ``studies``, and adds ``coefficients, qm, qm_df,
qm_pval, r2``.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

import numpy as np

from acupath.errors import AnalysisError
from acupath.meta.csvio import StudyTable
from acupath.meta.effects import EffectSizes
from acupath.meta.lanes import FloatArray
from acupath.meta.metareg import MetaRegression, metareg
from acupath.meta.pool import censoring_note
from acupath.meta.sensitivity import StudySeries, cumul, influence, leave1out, subgroup


def _num(x: Any) -> Any:
    """Floats as JSON numbers, NaN and infinities as null."""
    if isinstance(x, float | np.floating):
        return float(x) if math.isfinite(x) else None
    return x


def _effects(table: StudyTable) -> tuple[EffectSizes, list[str], list[str]]:
    effects = table.effects()
    labels = [table.labels[i] for i in effects.kept]
    if not labels:
        raise AnalysisError("no studies left to pool after dropping unusable rows")
    notes = [*table.warnings, *effects.notes]
    return effects, labels, notes


def regression(
    table: StudyTable,
    mods: list[str],
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
) -> tuple[dict[str, Any], MetaRegression]:
    """The meta-regression of the table's effect sizes on the columns ``mods``."""
    effects, labels, notes = _effects(table)
    kept = list(effects.kept)
    values = {name: [table.extra[name][i] for i in kept] for name in mods}
    reg = metareg(effects.yi, effects.vi, values, method, test, level=level, labels=labels)
    note = censoring_note(
        reg.tau2_ci_lower_censored, reg.tau2_ci_upper_censored, max(100.0, 10.0 * reg.tau2)
    )
    if note:
        notes.append(note)
    doc: dict[str, Any] = {
        "k": reg.k,
        "measure": table.measure,
        "method": reg.method,
        "test": reg.test,
        "level": level,
        "mods": mods,
        "coefficients": [
            {key: _num(value) for key, value in asdict(c).items()} for c in reg.coefficients
        ],
        "qm": _num(reg.qm),
        "qm_df": reg.qm_df,
        "qm_pval": _num(reg.qm_pval),
        "r2": reg.r2,
        "tau2": reg.tau2,
        "tau2_ci_lower": reg.tau2_ci_lower,
        "tau2_ci_upper": reg.tau2_ci_upper,
        "tau2_ci_lower_censored": reg.tau2_ci_lower_censored,
        "tau2_ci_upper_censored": reg.tau2_ci_upper_censored,
        "i2": reg.i2,
        "h2": reg.h2,
        "q": reg.q,
        "q_df": reg.q_df,
        "q_pval": reg.q_pval,
        "df": reg.df,
        "studies": [
            {"study": s, "yi": float(y), "vi": float(v), "weight": float(w)}
            for s, y, v, w in zip(reg.labels, reg.yi, reg.vi, reg.weights, strict=True)
        ],
        "notes": notes,
    }
    return doc, reg


def subgroups(
    table: StudyTable,
    column: str,
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
) -> dict[str, Any]:
    """Each subgroup pooled on its own (its own tau²), and the test for subgroup differences
    (Q between subgroup estimates, as RevMan and metafor's recipe)."""
    effects, labels, notes = _effects(table)
    groups = [table.extra[column][i] for i in effects.kept]
    res = subgroup(effects.yi, effects.vi, groups, method, test, level=level)
    names = np.array(groups)
    parts = []
    for name, r in zip(res.groups, res.results, strict=True):
        doc = r.as_dict()
        doc["group"] = name
        doc["studies"] = [
            {"study": lab, "yi": s.yi, "vi": s.vi, "weight": s.weight}
            for lab, s in zip(
                [labels[i] for i in np.flatnonzero(names == name)], r.studies, strict=True
            )
        ]
        parts.append({key: _num(value) for key, value in doc.items()})
    return {
        "measure": table.measure,
        "method": method,
        "test": test,
        "level": level,
        "subgroup_column": column,
        "subgroups": parts,
        "q_between": res.q_between,
        "df_between": res.df_between,
        "p_between": res.p_between,
        "notes": notes,
    }


def _series(series: StudySeries, key: str) -> list[dict[str, Any]]:
    f = series.fits
    rows = []
    for i, label in enumerate(series.labels):
        rows.append(
            {
                key: label,
                **{
                    name: _num(float(getattr(f, name)[i]))
                    for name in (
                        "estimate",
                        "se",
                        "pval",
                        "ci_lower",
                        "ci_upper",
                        "tau2",
                        "i2",
                        "h2",
                        "q",
                        "q_pval",
                    )
                },
            }
        )
    return rows


def sensitivity(
    table: StudyTable,
    which: str,
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
) -> dict[str, Any]:
    """``leave1out`` (each study left out in turn), ``cumul`` (studies added in file order)
    or ``influence`` (Viechtbauer and Cheung's diagnostics), as metafor's functions."""
    effects, labels, notes = _effects(table)
    y, v = effects.yi, effects.vi
    doc: dict[str, Any] = {
        "analysis": which,
        "measure": table.measure,
        "method": method,
        "test": test,
        "level": level,
    }
    if which == "leave1out":
        doc["leave1out"] = _series(
            leave1out(y, v, method, test, level=level, labels=labels), "omitted"
        )
    elif which == "cumul":
        doc["cumul"] = _series(cumul(y, v, method, test, level=level, labels=labels), "added")
    else:
        inf = influence(y, v, method, test, labels=labels)
        cols: dict[str, FloatArray] = {
            "rstudent": inf.rstudent,
            "dffits": inf.dffits,
            "cook_d": inf.cook_d,
            "cov_r": inf.cov_r,
            "tau2_del": inf.tau2_del,
            "q_del": inf.q_del,
            "hat": inf.hat,
            "weight": inf.weight,
            "dfbetas": inf.dfbetas,
        }
        doc["influence"] = [
            {
                "study": label,
                **{name: _num(float(col[i])) for name, col in cols.items()},
                "influential": bool(inf.influential[i]),
            }
            for i, label in enumerate(inf.labels)
        ]
    doc["notes"] = notes
    return doc
