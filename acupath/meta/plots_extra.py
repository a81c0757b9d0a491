"""A subgroup forest plot and the meta-regression bubble plot (matplotlib, Agg canvas).

* :func:`subgroup_forest_plot`: the studies of each subgroup under its name, each subgroup's
  pooled estimate as a diamond with its heterogeneity, and under the plot the test for subgroup
  differences (Q between, df, p), the layout of RevMan's subgroup forest plots.
* :func:`bubble_plot`: each study's effect against a moderator, the point area proportional to
  its weight in the meta-regression, with the fitted line and its confidence band (the other
  moderators held at their weighted means), as metafor's ``regplot``.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from scipy import special

from acupath.errors import InputError
from acupath.meta.effects import LOG_SCALE
from acupath.meta.metareg import MetaRegression
from acupath.meta.plots import MEASURE_NAMES, _check_path
from acupath.meta.sensitivity import Subgroups


def _save(fig: Figure, path: Path) -> None:
    FigureCanvasAgg(fig)
    fig.savefig(path, dpi=150, bbox_inches="tight")


def _p(p: float) -> str:
    return "P < 0.00001" if p < 1e-5 else f"P = {p:.2g}" if p < 0.001 else f"P = {p:.3f}"


def subgroup_forest_plot(
    res: Subgroups, labels: list[list[str]], path: Path | str, *, measure: str = "GEN"
) -> Path:
    """Draw the subgroup forest plot of ``res``; ``labels`` are the study labels per subgroup."""
    out = _check_path(path)
    log = measure in LOG_SCALE
    shown = math.exp if log else (lambda x: x)
    rows: list[tuple[str, str, float, float, float, float]] = []  # kind, text, est, lo, hi, w
    for name, r, labs in zip(res.groups, res.results, labels, strict=True):
        rows.append(("head", name, math.nan, math.nan, math.nan, math.nan))
        z = -float(special.ndtri((1 - r.level) / 2))
        for lab, s in zip(labs, r.studies, strict=True):
            half = z * math.sqrt(s.vi)
            rows.append(("study", lab, s.yi, s.yi - half, s.yi + half, s.weight))
        rows.append(
            (
                "pooled",
                f"Subtotal (k = {r.k}); I² = {r.i2:.0f}%, Tau² = {r.tau2:.3g}",
                r.estimate,
                r.ci_lower,
                r.ci_upper,
                math.nan,
            )
        )
    n = len(rows)
    fig = Figure(figsize=(9.5, 0.3 * (n + 3) + 1.2))
    ax = fig.add_axes((0.45, 0.12, 0.38, 0.8))
    ax.set_ylim(0.0, n + 1.0)
    lows = [r[3] for r in rows if r[0] != "head"]
    highs = [r[4] for r in rows if r[0] != "head"]
    xmin, xmax = min(lows), max(highs)
    pad = 0.08 * (xmax - xmin or 1.0)
    ax.set_xlim(xmin - pad, xmax + pad)
    for i, (kind, text, est, lo, hi, weight) in enumerate(rows):
        y = n - i
        bold = "bold" if kind == "head" else "normal"
        axis = ax.get_yaxis_transform()
        ax.text(
            -0.02, y, text, transform=axis, ha="right", va="center", fontsize=8, fontweight=bold
        )
        if kind == "study":
            ax.plot([lo, hi], [y, y], color="black", lw=0.8)
            size = 3 + 9 * math.sqrt(max(weight, 0.0) / 100.0)
            ax.plot([est], [y], marker="s", color="#1f4e79", markersize=size, lw=0)
        elif kind == "pooled":
            ax.add_patch(
                Polygon(
                    [(lo, y), (est, y + 0.3), (hi, y), (est, y - 0.3)],
                    closed=True,
                    color="black",
                )
            )
        if kind != "head":
            ci = f"{shown(est):.2f} [{shown(lo):.2f}, {shown(hi):.2f}]"
            ax.text(1.02, y, ci, transform=axis, ha="left", va="center", fontsize=8)
    null = 0.0
    ax.axvline(null, color="0.4", lw=0.7)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    if log:
        ticks = ax.get_xticks()
        ax.set_xticks(ticks)
        ax.set_xticklabels([f"{math.exp(t):.2g}" for t in ticks])
    ax.set_xlim(xmin - pad, xmax + pad)
    name = MEASURE_NAMES.get(measure, measure)
    ax.set_xlabel(f"{name} (log scale)" if log else name, fontsize=8)
    fig.text(
        0.02,
        0.02,
        f"Test for subgroup differences: Chi² = {res.q_between:.2f}, df = {res.df_between} "
        f"({_p(res.p_between)})",
        fontsize=8.5,
    )
    _save(fig, out)
    return out


def bubble_plot(
    reg: MetaRegression, path: Path | str, *, moderator: str | None = None, measure: str = "GEN"
) -> Path:
    """Draw the bubble plot of ``reg`` against ``moderator`` (default: the first numeric
    moderator's coefficient)."""
    out = _check_path(path)
    names = [c.name for c in reg.coefficients]
    col = names.index(moderator) if moderator in names else (1 if moderator is None else -1)
    if col < 1:
        raise InputError.invalid("moderator", moderator, f"one of {', '.join(names[1:])}")
    x = reg.X[:, col]
    w = reg.weights / 100.0
    means = (reg.X * w[:, None]).sum(axis=0)
    grid = np.linspace(float(x.min()), float(x.max()), 100)
    Xg = np.tile(means, (grid.size, 1))
    Xg[:, col] = grid
    beta = np.array([c.estimate for c in reg.coefficients])
    fit = Xg @ beta
    var = np.einsum("ij,jk,ik->i", Xg, reg.vb, Xg)
    z = -float(special.ndtri((1 - reg.level) / 2))
    band = z * np.sqrt(np.maximum(var, 0.0))
    fig = Figure(figsize=(7.0, 5.0))
    ax = fig.add_subplot(1, 1, 1)
    ax.fill_between(grid, fit - band, fit + band, color="0.85", lw=0, label="confidence band")
    ax.plot(grid, fit, color="black", lw=1.0, label="fitted")
    ax.scatter(x, reg.yi, s=20 + 600 * w, facecolors="#9ecae1", edgecolors="#1f4e79", zorder=3)
    ax.axhline(0.0, color="0.5", lw=0.6, ls=":")
    ax.set_xlabel(names[col])
    name = MEASURE_NAMES.get(measure, measure)
    ax.set_ylabel(f"{name} (log scale)" if measure in LOG_SCALE else name)
    c = reg.coefficients[col]
    ax.set_title(
        f"slope {c.estimate:.3g} [{c.ci_lower:.3g}, {c.ci_upper:.3g}], {_p(c.pval)}; "
        f"R² = {reg.r2 if reg.r2 is not None else float('nan'):.0f}%",
        fontsize=9,
    )
    _save(fig, out)
    return out
