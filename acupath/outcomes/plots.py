"""Charts: a patient's pain trajectory with the response thresholds; a clinic against benchmarks.

Each function returns a Matplotlib ``Figure`` (the web pages render it to SVG); :func:`save`
writes PNG or SVG by the file's suffix. Synthetic data carries its notice on the chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: files and web pages only

from matplotlib.figure import Figure

from acupath.errors import InputError
from acupath.outcomes.benchmarks import Benchmark
from acupath.outcomes.instruments import instrument
from acupath.outcomes.patient import CourseReport
from acupath.outcomes.report import SYNTHETIC_NOTICE, ClinicReport
from acupath.outcomes.rules import response_rules

FORMATS = (".png", ".svg")


def save(fig: Figure, path: Path | str) -> Path:
    """Write ``fig`` as PNG or SVG (chosen by the suffix of ``path``)."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise InputError.invalid("--plot", str(path), "a file name ending in .png or .svg")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    return path


def benchmark_level(b: Benchmark, baseline: float) -> tuple[float, str] | None:
    """Where a trial benchmark sits on a 0-10 pain chart that starts at ``baseline``.

    A within-arm change (``mean_change``) is drawn at ``baseline + change``; a between-group
    difference in points at ``baseline - benefit``, the extra relief over the trial's control
    (the sign read from the finding's scale text: "negative favours acupuncture" or "positive =
    ... acupuncture"). Standardised effects and responder shares have no place on this axis.
    """
    if b.estimate is None or not b.scale:
        return None
    scale = b.scale.lower()
    if "0-10" not in scale and "nrs" not in scale and "bpi" not in scale:
        return None
    if b.compare_with == "mean_change":
        return baseline + b.estimate, (
            f"trial benchmark: acupuncture arm changed {b.estimate:+.1f} points ({b.source})"
        )
    if b.compare_with == "between_group_difference":
        if "negative favours" in scale or "negative = " in scale:
            benefit = -b.estimate
        elif "positive" in scale:
            benefit = b.estimate
        else:
            return None
        vs = b.comparator.replace("_", " ")
        return baseline - benefit, (
            f"trial benchmark: {benefit:.1f} points more relief than {vs} ({b.source})"
        )
    return None


def trajectory_figure(
    course: CourseReport,
    *,
    synthetic: bool = False,
    benchmarks: Sequence[Benchmark] = (),
) -> Figure:
    """Pain scores of one course over time, with the response thresholds and trial benchmarks.

    The thresholds are drawn from the baseline: ``baseline * (1 - t/100)`` for each percent
    rule and ``baseline - t`` for each point rule; each benchmark as :func:`benchmark_level`
    places it (at most two, the first that fit). Every line is named in a legend below the
    chart, one line per entry, so labels never overlap whatever the levels.
    """
    fig = Figure(figsize=(6.4, 5.2))
    ax = fig.add_subplot()
    name = course.pain_instrument
    if name is None:
        ax.text(0.5, 0.5, "no pain scores recorded", ha="center", va="center")
        return fig
    traj = course.trajectories[name]
    first = traj.points[0].on
    days = [float((p.on - first).days) for p in traj.points]
    ax.plot(days, [p.score for p in traj.points], marker="o", color="#1f5f8b", linewidth=2.2,
            label="pain score")  # fmt: skip
    base = traj.points[0].score
    for rule in response_rules().values():
        if name not in rule.instruments:
            continue
        if rule.kind == "percent_reduction":
            level = base * (1 - rule.threshold / 100)
            label = f"{rule.threshold:g}% less pain than at the start ({rule.label})"
            style = "--"
        else:
            level = base - rule.threshold
            label = f"{rule.threshold:g} points less than at the start"
            style = ":"
        ax.axhline(level, linestyle=style, color="#57606a", linewidth=1.3, label=label)
    if name in ("nrs", "bpi_sf", "peg3"):
        placed = 0
        for b in benchmarks:
            spot = benchmark_level(b, base)
            if spot is None or placed >= 2:
                continue
            ax.axhline(spot[0], linestyle="-.", color=("#d95f02", "#7b3294")[placed],
                       linewidth=1.5, label=spot[1])  # fmt: skip
            placed += 1
    low, high = instrument(name).score_range
    ax.set_ylim(low - 0.3, high + 0.3)
    # Labels in a legend under the chart: one line each, so none can overlap another.
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.16), fontsize=9, frameon=False,
              handlelength=3)  # fmt: skip
    ax.set_ylabel(f"{instrument(name).abbreviation} (lower is better)")
    ax.set_title(f"Course {course.plan_id}: {course.condition.replace('_', ' ')}", loc="left",
                 fontsize=12)  # fmt: skip
    ax.set_xlabel(f"days since the first score ({first.isoformat()})")
    ax.grid(axis="y", color="#eeeeee")
    if synthetic:
        fig.suptitle(SYNTHETIC_NOTICE, color="#b00020", fontsize=8)
    return fig


def clinic_figure(report: ClinicReport, names: Mapping[str, str] | None = None) -> Figure:
    """Responder share (>=30%) by condition with 95% CIs, beside the trials' responder shares.

    Benchmarks drawn are the acupuncture arms' responder shares in the evidence base for the
    same condition (filled diamonds) and control arms (open circles), each labelled with its
    source. ``names`` maps condition ids to the names shown.
    """
    names = names or {}
    groups = [g for g in report.by_condition if g.evaluable > 0]
    marks_of = {
        g.condition: [
            b for b in report.benchmarks.get(g.condition or "", ())
            if b.compare_with == "responder_rate" and b.estimate is not None
        ]
        for g in groups
    }  # fmt: skip
    # Each condition gets one row for the clinic and one thin row per trial arm below it, so
    # no marker or label can land on another condition's.
    rows: list[float] = []
    y = 0.0
    for g in groups:
        rows.append(y)
        y += 1.0 + 0.45 * len(marks_of[g.condition])
    fig = Figure(figsize=(7, 0.55 * max(y, 2) + 1.9))
    ax = fig.add_subplot()
    seen: set[str] = set()
    for g, row in zip(groups, rows, strict=True):
        est, lo, hi = g.moderate.estimate, g.moderate.ci_lower, g.moderate.ci_upper
        if est is None or lo is None or hi is None:
            continue
        ax.errorbar(
            est * 100, row, xerr=[[100 * (est - lo)], [100 * (hi - est)]], fmt="s",
            color="#1f5f8b", capsize=3,
            label=None if "clinic" in seen else "clinic: >=30% less pain (95% CI)",
        )  # fmt: skip
        seen.add("clinic")
        ax.annotate(
            f"{est * 100:.0f}%", (hi * 100, row), xytext=(5, 0), textcoords="offset points",
            va="center", fontsize=9, color="#1f5f8b",
        )  # fmt: skip
        for k, b in enumerate(marks_of[g.condition]):
            share = float(b.estimate or 0.0)
            arm = "acupuncture" if b.arm == "acupuncture" else "control"
            yb = row + 0.45 * (k + 1)
            ax.plot(
                share * 100, yb, "D" if arm == "acupuncture" else "o", color="#d95f02",
                markerfacecolor="#d95f02" if arm == "acupuncture" else "white",
                label=None if arm in seen else f"trial {arm} arm",
            )  # fmt: skip
            seen.add(arm)
            ax.annotate(f"{share * 100:.0f}% {b.arm.replace('_', ' ')} ({b.source})",
                        (share * 100, yb), xytext=(6, 0), textcoords="offset points",
                        va="center", fontsize=8, color="#8a3b00")  # fmt: skip
    ax.set_yticks(
        rows,
        [f"{names.get(g.condition or '', (g.condition or 'all').replace('_', ' '))}\n"
         f"(n={g.evaluable})" for g in groups],
    )  # fmt: skip
    ax.set_ylim(max(y, 1.0) - 0.4, -0.6)
    ax.set_xlim(0, 100)
    ax.set_xlabel("courses with at least 30% less pain (%)")
    ax.set_title(f"{report.clinic}: responders by condition", loc="left")
    ax.grid(axis="x", color="#eeeeee")
    if groups:
        ax.legend(loc="upper left", bbox_to_anchor=(0.0, -0.08 - 0.6 / max(y, 2)), ncol=2,
                  fontsize=10, frameon=False)  # fmt: skip
    if report.synthetic:
        fig.suptitle(SYNTHETIC_NOTICE, color="#b00020", fontsize=8)
    return fig
