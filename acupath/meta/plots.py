"""Forest and contour-enhanced funnel plots (matplotlib, PNG, SVG or PDF by file suffix).

The forest plot follows the layout reviewers know from Cochrane reviews (RevMan) and metafor:
study labels and optional arm data on the left; per study a square at the estimate, its area
proportional to the study's weight, with a line for its confidence interval; the weight and
"estimate [CI]" on the right; a diamond for the pooled estimate spanning its confidence
interval; the prediction interval as a bar below it; the heterogeneity statistics and the
test for the overall effect under the plot; "favours" labels on each side of the line of no
effect. Ratio measures (RR, OR, ROM) are drawn on a log axis with ratio tick labels.

The funnel plot shows each study's effect against its standard error (inverted axis) over the
contours of conventional significance (p = 0.10, 0.05, 0.01) around no effect (Peters et al.
2008, J Clin Epidemiol 61:991), with the pooled estimate and, optionally, studies added by
trim and fill as open circles.

Figures are built on matplotlib's object API with the Agg canvas: no pyplot state, no display.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.transforms import blended_transform_factory, offset_copy
from scipy import special

from acupath.errors import InputError
from acupath.meta.bias import TrimFill
from acupath.meta.effects import LOG_SCALE
from acupath.meta.pool import PooledEstimate

FORMATS = (".png", ".svg", ".pdf")

MEASURE_NAMES = {
    "MD": "Mean difference",
    "SMD": "Std. mean difference",
    "ROM": "Ratio of means",
    "RR": "Risk ratio",
    "OR": "Odds ratio",
    "RD": "Risk difference",
    "GEN": "Effect size",
}


def _check_path(path: Path | str) -> Path:
    out = Path(path)
    if out.suffix.lower() not in FORMATS:
        raise InputError.invalid(
            "plot file", str(out), f"a file name ending in {', '.join(FORMATS)}"
        )
    if not out.parent.exists():
        raise InputError.invalid("plot file", str(out), "a path in an existing folder")
    return out


def _save(fig: Figure, path: Path) -> None:
    FigureCanvasAgg(fig)
    fig.savefig(path, dpi=150, bbox_inches="tight")


def _pval(p: float) -> str:
    if not math.isfinite(p):
        return "P = n/a"
    return "P < 0.00001" if p < 1e-5 else f"P = {p:.2g}" if p < 0.001 else f"P = {p:.3f}"


def _method_label(result: PooledEstimate) -> str:
    model = "Common effect" if result.method in ("EE", "FE") else f"Random ({result.method})"
    ci = "95% CI" if abs(result.level - 0.95) < 1e-9 else f"{100 * result.level:g}% CI"
    test = ", Knapp–Hartung" if result.test in ("knha", "adhoc") else ""
    return f"IV, {model}{test}, {ci}"


def forest_plot(
    result: PooledEstimate,
    path: Path | str,
    *,
    measure: str = "GEN",
    arms: Mapping[str, Sequence[str]] | None = None,
    favours: tuple[str, str] = ("Favours acupuncture", "Favours control"),
    title: str | None = None,
    decimals: int = 2,
) -> Path:
    """Draw a forest plot of ``result`` into ``path`` (``.png``, ``.svg`` or ``.pdf``).

    ``arms`` adds left-hand columns (header → one text per study), for example
    ``{"Acupuncture": ["12/40", ...], "Sham": ["20/41", ...]}``. ``favours`` labels the left
    and right side of the line of no effect. Ratio measures are shown back-transformed.
    """
    out = _check_path(path)
    k = result.k
    log = measure in LOG_SCALE
    shown = (lambda x: math.exp(x)) if log else (lambda x: x)
    ys = np.arange(k, 0, -1, dtype=float)
    est = np.array([s.yi for s in result.studies])
    # Study intervals use the normal quantile, as in RevMan and metafor's forest().
    half = -special.ndtri((1 - result.level) / 2) * np.sqrt([s.vi for s in result.studies])
    lo, hi = est - half, est + half
    weights = np.array(result.weights)
    pi = (result.pi_lower, result.pi_upper)
    span = [*lo, *hi, result.ci_lower, result.ci_upper]
    if pi[0] is not None and pi[1] is not None:
        span += [pi[0], pi[1]]
    xmin, xmax = min(*span, 0.0), max(*span, 0.0)
    pad = 0.08 * (xmax - xmin or 1.0)
    xlim = (xmin - pad, xmax + pad)

    arm_cols = list(arms.items()) if arms else []
    for name, col in arm_cols:
        if len(col) != k:
            raise InputError.invalid(f"arms[{name!r}]", f"{len(col)} values", f"{k} values")

    def fmt_ci(e: float, a: float, b: float) -> str:
        return f"{shown(e):.{decimals}f} [{shown(a):.{decimals}f}, {shown(b):.{decimals}f}]"

    ci_texts = [fmt_ci(e, a, b) for e, a, b in zip(est, lo, hi, strict=True)]
    method_label = _method_label(result)
    # Column widths in inches from the longest text (about 0.068 in per character at 8.5 pt).
    char = 0.068
    label_w = char * max(12, *(len(s.study) for s in result.studies), 16) + 0.3
    arm_w = [
        char * max(*(len(line) for line in name.split("\n")), *(len(c) for c in col)) + 0.35
        for name, col in arm_cols
    ]
    plot_w, weight_w = 3.6, 0.8
    ci_w = char * max(len(method_label), *(len(t) for t in ci_texts)) + 0.4
    margin = 0.2
    fig_w = 2 * margin + label_w + sum(arm_w) + plot_w + weight_w + ci_w
    height = 0.32 * (k + 4) + 1.6
    fig = Figure(figsize=(fig_w, height))
    x_plot = margin + label_w + sum(arm_w)
    left = x_plot / fig_w
    width = plot_w / fig_w
    bottom = 1.2 / height
    ax = fig.add_axes((left, bottom, width, 1 - bottom - 0.6 / height))
    row = blended_transform_factory(fig.transFigure, ax.transData)
    ax.set_xlim(*xlim)
    ax.set_ylim(-2.2, k + 0.8)
    ax.axvline(0.0, color="black", lw=0.8)
    ax.axvline(result.estimate, color="0.5", lw=0.6, ls=(0, (3, 3)))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_yticks([])

    wmax = weights.max() if weights.size else 1.0
    for y, e, a, b, w in zip(ys, est, lo, hi, weights, strict=True):
        ax.plot([max(a, xlim[0]), min(b, xlim[1])], [y, y], color="black", lw=0.9)
        size = 4 + 10 * math.sqrt(w / wmax)
        ax.plot([e], [y], marker="s", ms=size, color="#1f4e79", mec="#1f4e79")
    diamond = Polygon(
        [
            (result.ci_lower, -0.3),
            (result.estimate, 0.0),
            (result.ci_upper, -0.3),
            (result.estimate, -0.6),
        ],
        closed=True,
        facecolor="black",
    )
    ax.add_patch(diamond)
    if pi[0] is not None and pi[1] is not None:
        ax.plot([pi[0], pi[1]], [-1.3, -1.3], color="#b03a2e", lw=3.5, solid_capstyle="butt")

    # Tick labels on the analysis scale, back-transformed for ratios.
    if log:
        candidates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]
        ticks = [math.log(t) for t in candidates if xlim[0] <= math.log(t) <= xlim[1]]
        ax.set_xticks(ticks)
        ax.set_xticklabels([f"{math.exp(t):g}" for t in ticks])
    ax.tick_params(axis="x", labelsize=8)
    below = offset_copy(ax.transAxes, fig=fig, y=-22, units="points")
    ax.text(0.0, 0.0, f"← {favours[0]}", transform=below, ha="left", va="top", fontsize=8)
    ax.text(1.0, 0.0, f"{favours[1]} →", transform=below, ha="right", va="top", fontsize=8)

    x_label = margin / fig_w
    x_arms = [
        (margin + label_w + sum(arm_w[:i]) + arm_w[i] / 2) / fig_w for i in range(len(arm_cols))
    ]
    x_weight = (x_plot + plot_w + weight_w) / fig_w
    x_ci = (x_plot + plot_w + weight_w + ci_w / 2) / fig_w
    top = k + 0.9
    head: dict[str, Any] = {"fontsize": 9, "fontweight": "bold", "va": "bottom"}
    ax.text(x_label, top, "Study", transform=row, ha="left", **head)
    for x, (name, _) in zip(x_arms, arm_cols, strict=True):
        ax.text(x, top, name, transform=row, ha="center", **head)
    ax.text(x_weight, top, "Weight", transform=row, ha="right", **head)
    ax.text(
        x_ci,
        top,
        f"{MEASURE_NAMES.get(measure, measure)}\n{_method_label(result)}",
        transform=row,
        ha="center",
        **head,
    )
    body: dict[str, Any] = {"fontsize": 8.5, "va": "center"}
    for i, (y, s) in enumerate(zip(ys, result.studies, strict=True)):
        ax.text(x_label, y, s.study, transform=row, ha="left", **body)
        for x, (_, col) in zip(x_arms, arm_cols, strict=True):
            ax.text(x, y, col[i], transform=row, ha="center", **body)
        ax.text(x_weight, y, f"{s.weight:.1f}%", transform=row, ha="right", **body)
        ax.text(x_ci, y, ci_texts[i], transform=row, ha="center", **body)
    bold: dict[str, Any] = {"fontsize": 8.5, "va": "center", "fontweight": "bold"}
    total = f"Total ({k} {'study' if k == 1 else 'studies'})"
    ax.text(x_label, -0.3, total, transform=row, ha="left", **bold)
    ax.text(x_weight, -0.3, "100.0%", transform=row, ha="right", **bold)
    ax.text(
        x_ci,
        -0.3,
        fmt_ci(result.estimate, result.ci_lower, result.ci_upper),
        transform=row,
        ha="center",
        **bold,
    )
    if pi[0] is not None and pi[1] is not None:
        ax.text(x_label, -1.3, "Prediction interval", transform=row, ha="left", **body)
        ax.text(
            x_ci,
            -1.3,
            f"[{shown(pi[0]):.{decimals}f}, {shown(pi[1]):.{decimals}f}]",
            transform=row,
            ha="center",
            **body,
        )
    het = (
        f"Heterogeneity: Tau² = {result.tau2:.{decimals}f}; Q = {result.q:.2f}, "
        f"df = {result.q_df} ({_pval(result.q_pval)}); I² = {result.i2:.0f}%"
    )
    stat = "t" if result.test != "z" else "Z"
    df = f"({result.df:g})" if result.df is not None else ""
    overall = (
        f"Test for overall effect: {stat}{df} = {abs(result.statistic):.2f} ({_pval(result.pval)})"
    )
    under = blended_transform_factory(fig.transFigure, ax.transAxes)
    fig.text(
        x_label,
        0.0,
        het,
        fontsize=8.5,
        ha="left",
        va="top",
        transform=offset_copy(under, fig=fig, y=-44, units="points"),
    )
    fig.text(
        x_label,
        0.0,
        overall,
        fontsize=8.5,
        ha="left",
        va="top",
        transform=offset_copy(under, fig=fig, y=-58, units="points"),
    )
    if title:
        fig.suptitle(title, x=x_label, ha="left", fontsize=11, fontweight="bold")
    _save(fig, out)
    return out


def funnel_plot(
    result: PooledEstimate,
    path: Path | str,
    *,
    measure: str = "GEN",
    trimfill: TrimFill | None = None,
    title: str | None = None,
) -> Path:
    """Draw a contour-enhanced funnel plot of ``result`` into ``path``."""
    out = _check_path(path)
    y = np.array([s.yi for s in result.studies])
    se = np.sqrt([s.vi for s in result.studies])
    filled_y = np.array(trimfill.filled_yi) if trimfill else np.empty(0)
    filled_se = np.sqrt(trimfill.filled_vi) if trimfill else np.empty(0)
    se_max = 1.05 * float(max(se.max(), filled_se.max() if filled_se.size else 0.0))
    fig = Figure(figsize=(8.0, 5.0))
    ax = fig.add_subplot(1, 1, 1)
    grid = np.linspace(0.0, se_max, 100)
    shades = [
        (2.5758293035489, "0.80", "0.05 > p > 0.01"),
        (1.959963984540054, "0.60", "0.10 > p > 0.05"),
        (1.6448536269514722, "white", "p > 0.10"),
    ]
    ax.set_facecolor("0.93")
    for z, color, label in shades:
        ax.fill_betweenx(grid, -z * grid, z * grid, color=color, label=label, lw=0)
    ax.axvline(0.0, color="0.3", lw=0.6)
    ax.axvline(result.estimate, color="black", lw=0.9, label="pooled estimate")
    ax.plot(result.estimate - 1.959963984540054 * grid, grid, color="black", lw=0.6, ls="--")
    ax.plot(result.estimate + 1.959963984540054 * grid, grid, color="black", lw=0.6, ls="--")
    ax.scatter(y, se, s=28, color="#1f4e79", zorder=3, label="studies")
    if filled_y.size:
        ax.scatter(
            filled_y,
            filled_se,
            s=28,
            facecolors="white",
            edgecolors="#1f4e79",
            zorder=3,
            label="filled (trim and fill)",
        )
    ax.set_ylim(se_max, 0.0)
    width = 1.1 * max(float(np.abs(np.concatenate([y, filled_y])).max()), 2.5758293035489 * se_max)
    ax.set_xlim(-width, width)
    ax.set_ylabel("Standard error")
    name = MEASURE_NAMES.get(measure, measure)
    ax.set_xlabel(f"{name} (log scale)" if measure in LOG_SCALE else name)
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        fontsize=7,
        frameon=False,
        title="Contours (two-sided p)\nshaded outside: p < 0.01",
        title_fontsize=7,
    )
    if title:
        ax.set_title(title, fontsize=10)
    _save(fig, out)
    return out
