"""``acupath meta``: pool a CSV of studies as metafor would, with tables, JSON and plots."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Annotated, Any

import typer

from acupath.commands._output import console, print_json, table
from acupath.errors import InputError
from acupath.meta.csvio import read_csv
from acupath.meta.effects import LOG_SCALE, MEASURES
from acupath.meta.fit import check_test
from acupath.meta.mh import POOLING
from acupath.meta.report import MetaReport, analyse, analyse_many
from acupath.meta.tau2 import METHODS, check_method

PROGRESS_FROM = 200
"""Show a progress bar (on stderr) when a file holds at least this many meta-analyses."""


def _num(x: float | None, digits: int = 4) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _p(x: float | None) -> str:
    if x is None:
        return "—"
    return "<0.0001" if x < 1e-4 else f"{x:.4f}"


def _print_report(report: MetaReport) -> None:
    doc = report.as_json()
    out = console()
    rows = [
        (s["study"], _num(s["yi"]), _num(s["vi"]), f"{s['weight']:.1f}%") for s in doc["studies"]
    ]
    out.print(table(f"{doc['measure']} by study", ["Study", "yi", "vi", "Weight"], rows))
    ratio = doc["measure"] in LOG_SCALE
    summary: list[tuple[str, str]] = [
        ("Studies (k)", str(doc["k"])),
        ("Model", f"{doc['method']}, test {doc['test']}"),
        (
            "Estimate [95% CI]",
            f"{_num(doc['estimate'])} [{_num(doc['ci_lower'])}, {_num(doc['ci_upper'])}]",
        ),
    ]
    if ratio:
        bt = doc["back_transformed"]
        summary.append(
            (
                "Ratio [95% CI]",
                f"{_num(bt['estimate'])} [{_num(bt['ci_lower'])}, {_num(bt['ci_upper'])}]",
            )
        )
    summary += [
        ("SE, p", f"{_num(doc['se'])}, p = {_p(doc['pval'])}"),
        ("Prediction interval", f"[{_num(doc['pi_lower'])}, {_num(doc['pi_upper'])}]"),
        (
            "tau² [95% CI]",
            f"{_num(doc['tau2'])} [{_num(doc['tau2_ci_lower'])}, {_num(doc['tau2_ci_upper'])}]",
        ),
        ("I², H²", f"{doc['i2']:.1f}%, {doc['h2']:.2f}"),
        ("Q (df), p", f"{doc['q']:.2f} ({doc['q_df']}), p = {_p(doc['q_pval'])}"),
        (
            "Egger's test",
            "—" if doc["egger_z"] is None else f"{doc['egger_z']:.3f}, p = {_p(doc['egger_pval'])}",
        ),
        (
            "Trim and fill (L0)",
            "—"
            if doc["trimfill_k0"] is None
            else f"{doc['trimfill_k0']} filled, estimate {_num(doc['trimfill_estimate'])}",
        ),
    ]
    out.print(table("Pooled result (analysis scale)", ["", "Value"], summary))
    for note in doc["notes"]:
        out.print(f"note: {note}")


def _print_many(doc: dict[str, Any]) -> None:
    rows = [
        (
            a["analysis"],
            a["k"],
            _num(a["estimate"]),
            _num(a["ci_lower"]),
            _num(a["ci_upper"]),
            _num(a["tau2"]),
            "—" if a["i2"] is None else f"{a['i2']:.1f}%",
            _p(a["pval"]),
        )
        for a in doc["analyses"]
    ]
    out = console()
    out.print(
        table(
            f"{len(rows)} meta-analyses ({doc['measure']}, {doc['method']}, test {doc['test']})",
            ["Analysis", "k", "Estimate", "CI lower", "CI upper", "tau²", "I²", "p"],
            rows,
        )
    )
    for note in doc["notes"]:
        out.print(f"note: {note}")


def register(app: typer.Typer) -> None:
    """Add the ``meta`` command."""

    @app.command("meta")
    def meta(
        file: Annotated[Path, typer.Argument(help="CSV with metafor's column names.")],
        measure: Annotated[
            str, typer.Option("--measure", help=f"Effect measure: {', '.join(MEASURES)}.")
        ],
        method: Annotated[
            str,
            typer.Option(
                "--method",
                help=f"tau² estimator: {', '.join(METHODS)}; or MH (Mantel-Haenszel: OR, RR, "
                "RD) or PETO (Peto odds ratio) for 2x2 tables.",
            ),
        ] = "REML",
        test: Annotated[str, typer.Option("--test", help="Inference: z or knha.")] = "z",
        forest: Annotated[
            Path | None, typer.Option("--forest", help="Write a forest plot (.png/.svg/.pdf).")
        ] = None,
        funnel: Annotated[
            Path | None, typer.Option("--funnel", help="Write a funnel plot (.png/.svg/.pdf).")
        ] = None,
        json_out: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
    ) -> None:
        """Pool the studies in FILE (random effects by default) as R's metafor would.

        Columns: m1i,sd1i,n1i,m2i,sd2i,n2i (MD, SMD, ROM); ai,bi,ci,di or ai,n1i,ci,n2i
        (RR, OR, RD); yi,vi or yi,sei (GEN); optional study labels in 'study'. A column
        'analysis' splits the file into separate meta-analyses pooled in one batch.
        """
        measure_code = measure.upper()
        method_code = method.upper() if method.upper() in POOLING else check_method(method)
        check_test(test)
        data = read_csv(file, measure_code)
        if data.analyses is not None and method_code in POOLING:
            raise InputError.invalid(
                "--method",
                method_code,
                "a tau² estimator for a file with an 'analysis' column (MH and PETO pool one "
                "meta-analysis at a time)",
            )
        if data.analyses is not None:
            n_groups = len(set(data.analyses))
            if forest is not None or funnel is not None:
                raise InputError.invalid(
                    "--forest/--funnel",
                    str(forest or funnel),
                    f"left out for a file with an 'analysis' column ({n_groups} analyses); "
                    "plot one analysis at a time",
                )
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if n_groups >= PROGRESS_FROM:
                    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

                    with Progress(
                        TextColumn("pooling"),
                        BarColumn(),
                        TextColumn("{task.completed}/{task.total}"),
                        TimeRemainingColumn(),
                        console=console_err(),
                        transient=True,
                    ) as bar:
                        task = bar.add_task("pool", total=n_groups)
                        doc = analyse_many(
                            data,
                            method_code,
                            test,
                            progress=lambda done, total: bar.update(task, completed=done),
                        )
                else:
                    doc = analyse_many(data, method_code, test)
            if json_out:
                print_json(doc)
            else:
                _print_many(doc)
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # notes are reported in the output instead
            report = analyse(data, method_code, test)
        if forest is not None or funnel is not None:
            from acupath.meta.plots import forest_plot, funnel_plot  # matplotlib: only to plot
        if forest is not None:
            forest_plot(report.result, forest, measure=measure_code)
        if funnel is not None:
            funnel_plot(report.result, funnel, measure=measure_code, trimfill=report.trimfill)
        if json_out:
            print_json(report.as_json())
        else:
            _print_report(report)


def console_err() -> Any:
    """A console on stderr, so that progress never mixes with the JSON on stdout."""
    from rich.console import Console

    return Console(stderr=True)
