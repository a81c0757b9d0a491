"""Charts: a patient's pain trajectory with the response thresholds; a clinic against benchmarks.

Each function returns a Matplotlib ``Figure`` (the web pages render it to SVG); :func:`save`
writes PNG or SVG by the file's suffix. Synthetic data carries its notice on the chart.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: files and web pages only

from matplotlib.figure import Figure

from acupath.errors import InputError
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


def trajectory_figure(course: CourseReport, *, synthetic: bool = False) -> Figure:
    """Pain scores of one course over time, with lines at the response thresholds.

    The thresholds are drawn from the baseline: ``baseline * (1 - t/100)`` for each percent
    rule and ``baseline - t`` for each point rule.
    """
    fig = Figure(figsize=(7, 4))
    ax = fig.add_subplot()
    name = course.pain_instrument
    if name is None:
        ax.text(0.5, 0.5, "no pain scores recorded", ha="center", va="center")
        return fig
    traj = course.trajectories[name]
    first = traj.points[0].on
    days = [float((p.on - first).days) for p in traj.points]
    ax.plot(days, [p.score for p in traj.points], marker="o", color="#1f5f8b", label="score")
    base = traj.points[0].score
    styles = {"percent_reduction": "--", "point_reduction": ":"}
    for rule in response_rules().values():
        if name not in rule.instruments:
            continue
        if rule.kind == "percent_reduction":
            level = base * (1 - rule.threshold / 100)
            label = f"-{rule.threshold:g}% ({rule.label})"
        else:
            level = base - rule.threshold
            label = f"-{rule.threshold:g} points"
        ax.axhline(level, linestyle=styles[rule.kind], color="#888888", linewidth=1)
        ax.annotate(label, (days[0], level), fontsize=7, color="#555555", va="bottom")
    low, high = instrument(name).score_range
    ax.set_ylim(low - 0.3, high + 0.3)
    ax.set_ylabel(f"{instrument(name).abbreviation} (lower is better)")
    ax.set_title(f"Course {course.plan_id}: {course.condition.replace('_', ' ')}")
    ax.set_xlabel(f"days since baseline ({first.isoformat()})")
    if synthetic:
        fig.suptitle(SYNTHETIC_NOTICE, color="#b00020", fontsize=8)
    return fig


def clinic_figure(report: ClinicReport) -> Figure:
    """Responder share (>=30%) by condition with 95% CIs, beside the trials' responder shares.

    Benchmarks drawn are the acupuncture arms' responder shares in the evidence base for the
    same condition (diamonds) and control arms (open circles).
    """
    groups = [g for g in report.by_condition if g.evaluable > 0]
    fig = Figure(figsize=(8, 0.5 * max(len(groups), 2) + 1.5))
    ax = fig.add_subplot()
    for i, g in enumerate(groups):
        est, lo, hi = g.moderate.estimate, g.moderate.ci_lower, g.moderate.ci_upper
        if est is None or lo is None or hi is None:
            continue
        ax.errorbar(
            est * 100,
            i,
            xerr=[[100 * (est - lo)], [100 * (hi - est)]],
            fmt="s",
            color="#1f5f8b",
            capsize=3,
            label="clinic (>=30% reduction)" if i == 0 else None,
        )
        for b in report.benchmarks.get(g.condition or "", ()):
            if b.compare_with != "responder_rate" or b.estimate is None:
                continue
            marker = "D" if b.arm == "acupuncture" else "o"
            face = "#d95f02" if b.arm == "acupuncture" else "none"
            ax.plot(b.estimate * 100, i, marker, color="#d95f02", markerfacecolor=face)
    ax.set_yticks(range(len(groups)), [f"{g.condition} (n={g.evaluable})" for g in groups])
    ax.set_xlim(0, 100)
    ax.set_xlabel("responders, % of courses (trial arms: diamond acupuncture, circle control)")
    ax.set_title(f"{report.clinic}: responders by condition")
    if groups:
        ax.legend(loc="lower right", fontsize=7)
    if report.synthetic:
        fig.suptitle(SYNTHETIC_NOTICE, color="#b00020", fontsize=8)
    return fig
