"""``acupath report patient ID | clinic``: outcomes of one patient or of a whole clinic."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from acupath.commands._options import bounded
from acupath.commands._output import console, print_json, table
from acupath.commands._records import context, transaction
from acupath.errors import NotFound
from acupath.evidence.loader import bundled_base
from acupath.outcomes.patient import PatientReport, patient_report
from acupath.outcomes.report import ClinicReport, clinic_report
from acupath.outcomes.stats import Estimate
from acupath.store import audit, clinics, patients, queries

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
PlotOpt = Annotated[str | None, typer.Option("--plot", help="Write a chart (.png or .svg).")]
ClinicOpt = Annotated[
    str | None, typer.Option("--clinic", help="Clinic name (default: the only clinic).")
]


def register(app: typer.Typer) -> None:
    """Add the ``report`` command group."""
    group = typer.Typer(help="Outcome reports.", no_args_is_help=True)
    group.command("patient")(patient)
    group.command("clinic")(clinic)
    app.add_typer(group, name="report")


def build_patient_report(db: Any, clinic_id: int, patient_id: int, actor: str) -> PatientReport:
    """Read a patient's courses and judge them (the read is audited)."""
    row = patients.get(db=db, clinic_id=clinic_id, patient_id=patient_id, actor=actor)
    courses, last_year = queries.patient_courses(db=db, patient=row)
    return patient_report(
        patient_id=row.id,
        reference=row.reference,
        synthetic=row.synthetic,
        sessions_last_year=last_year,
        courses=courses,
    )


def build_clinic_report(db: Any, clinic_name: str | None, actor: str) -> ClinicReport:
    """Read a clinic's courses and adverse events and compare them with the benchmarks."""
    site = clinics.resolve(db=db, name=clinic_name)
    report = clinic_report(
        clinic=site.name,
        synthetic=site.synthetic,
        courses=queries.course_outcomes(db=db, clinic_id=site.id),
        adverse_events=queries.adverse_event_rates(db=db, clinic_id=site.id),
        base=bundled_base(),
    )
    audit.log(db=db, actor=actor, action="read", entity="clinic_report", entity_id=site.id)
    return report


def _pct(e: Estimate) -> str:
    if e.estimate is None:
        return "-"
    if e.ci_lower is None or e.ci_upper is None:
        return f"{100 * e.estimate:.0f}%"
    return f"{100 * e.estimate:.0f}% ({100 * e.ci_lower:.0f}-{100 * e.ci_upper:.0f})"


def _mean(e: Estimate) -> str:
    if e.estimate is None:
        return "-"
    if e.ci_lower is None or e.ci_upper is None:
        return f"{e.estimate:+.1f}"
    return f"{e.estimate:+.1f} ({e.ci_lower:+.1f} to {e.ci_upper:+.1f})"


def patient(
    patient_id: Annotated[
        int, typer.Argument(help="Patient id.", metavar="ID", callback=bounded())
    ],
    clinic_name: ClinicOpt = None,
    plot: PlotOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A patient's courses: pain trajectory, response, advice at review, adverse events."""
    ctx = context()
    with transaction(ctx) as db:
        site = clinics.of_patient(db=db, name=clinic_name, patient_id=patient_id)
        report = build_patient_report(db, site.id, patient_id, ctx.actor)
    if plot:
        from acupath.outcomes import plots

        if not report.courses:
            raise NotFound(f"patient {patient_id} has no course to plot")
        plots.save(plots.trajectory_figure(report.courses[-1], synthetic=report.synthetic), plot)
    if as_json:
        print_json(report.as_dict())
        return
    out = console()
    if report.notice:
        out.print(report.notice)
    out.print(
        f"Patient {report.patient_id} ({report.reference}); "
        f"{report.sessions_last_year} sessions in the last 12 months"
    )
    for c in report.courses:
        resp = c.response
        change = "-"
        if resp is not None:
            pct = "" if resp.percent_reduction is None else f", {resp.percent_reduction:.0f}%"
            change = f"{resp.baseline:g} -> {resp.latest:g} ({resp.change:+g}{pct})"
        out.print(
            table(
                f"Course {c.plan_id}: {c.condition}, {c.technique}, "
                f"{c.sessions}/{c.planned_sessions} sessions ({c.status})",
                ["pain series", "change from baseline", "response", "2-point", "advice"],
                [
                    (
                        c.pain_instrument or "-",
                        change,
                        resp.category if resp else "-",
                        ("yes" if resp.two_point else "no") if resp else "-",
                        c.advice.decision,
                    )
                ],
            )
        )
        for reason in c.advice.reasons:
            cite = f" [{reason.source}]" if reason.source else ""
            out.print(f"  - {reason.text}{cite}")
        out.print(f"  adverse events: {_pct(c.adverse_events)} of sessions")


def clinic(
    clinic_name: ClinicOpt = None,
    plot: PlotOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A clinic's results by condition and technique beside the trial benchmarks."""
    ctx = context()
    with transaction(ctx) as db:
        report = build_clinic_report(db, clinic_name, ctx.actor)
    if plot:
        from acupath.outcomes import plots

        plots.save(plots.clinic_figure(report), plot)
    if as_json:
        print_json(report.as_dict())
        return
    out = console()
    if report.notice:
        out.print(report.notice)
    cols = [
        "condition",
        "technique",
        "courses",
        "evaluable",
        ">=30%",
        ">=50%",
        ">=2 pts",
        "mean change (95% CI)",
    ]
    rows = [
        (
            g.condition or "all",
            g.technique or "all",
            g.courses,
            g.evaluable,
            _pct(g.moderate),
            _pct(g.substantial),
            _pct(g.two_point),
            _mean(g.mean_change),
        )
        for g in (*report.by_condition_technique, report.overall)
    ]
    out.print(table(f"{report.clinic}: pain response (NRS 0-10)", cols, rows))
    bench_rows = []
    for cond, items in report.benchmarks.items():
        for b in items:
            if b.compare_with not in ("responder_rate", "mean_change") or b.estimate is None:
                continue
            value = f"{100 * b.estimate:.0f}%" if b.measure == "proportion" else f"{b.estimate:+g}"
            bench_rows.append((cond, b.arm, b.compare_with, value, b.finding, b.source))
    out.print(
        table(
            "Trial benchmarks (same condition; responder definitions differ by trial)",
            ["condition", "arm", "compare with", "value", "finding", "source"],
            bench_rows,
        )
    )
    ae = report.adverse_events
    out.print(
        f"Adverse events: {ae.events} in {ae.sessions} sessions; "
        f"sessions with an event {_pct(ae.per_session)}, "
        f"patients with an event {_pct(ae.per_patient)}"
    )
    safety_rows = [
        (
            s.benchmark.finding,
            s.benchmark.measure,
            f"{s.benchmark.estimate:g}" + (f" {s.benchmark.unit}" if s.benchmark.unit else ""),
            "-" if s.clinic_value is None else f"{s.clinic_value:.4g}",
            s.basis,
        )
        for s in report.safety
    ]
    out.print(
        table(
            "Adverse events against the safety studies",
            ["finding", "measure", "benchmark", "clinic", "basis"],
            safety_rows,
        )
    )
    if report.missing_benchmarks:
        out.print("No benchmark in the evidence base: " + "; ".join(report.missing_benchmarks))
