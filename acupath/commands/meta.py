"""``acupath meta``: pool a CSV of studies as metafor would, with tables, JSON and plots."""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acupath.commands._meta_options import MEASURES, METHODS, ZERO_CELL_TO  # help text only
from acupath.commands._output import console, print_json, table
from acupath.errors import InputError

if TYPE_CHECKING:
    from acupath.meta.csvio import StudyTable
    from acupath.meta.report import MetaReport

# The engine (NumPy, SciPy) is imported where a command runs, not here, so that
# ``acupath meta --help`` prints without it.

PROGRESS_FROM = 200
"""Show a progress bar (on stderr) when a file holds at least this many meta-analyses."""


def _num(x: float | None, digits: int = 4) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _p(x: float | None) -> str:
    if x is None:
        return "—"
    return "<0.0001" if x < 1e-4 else f"{x:.4f}"


def _print_report(report: MetaReport) -> None:
    from acupath.meta.effects import LOG_SCALE

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


def _print_doc(doc: dict[str, Any]) -> None:
    """Text output for meta-regression, subgroup and sensitivity documents."""
    out = console()
    if "coefficients" in doc:
        rows = [
            (c["name"], _num(c["estimate"]), _num(c["se"]), _num(c["zval"], 3), _p(c["pval"]),
             f"[{_num(c['ci_lower'])}, {_num(c['ci_upper'])}]")
            for c in doc["coefficients"]
        ]  # fmt: skip
        stat = "t" if doc["test"] != "z" else "z"
        out.print(table("Meta-regression", ["", "Estimate", "SE", stat, "p", "CI"], rows))
        qm = "F" if doc["test"] != "z" else "QM"
        out.print(
            f"{qm} = {doc['qm']:.3f} (df {doc['qm_df']}), p = {_p(doc['qm_pval'])}; "
            f"residual tau² = {_num(doc['tau2'])}; R² = "
            + ("—" if doc["r2"] is None else f"{doc['r2']:.1f}%")
            + f"; residual Q = {doc['q']:.2f} (df {doc['q_df']}), p = {_p(doc['q_pval'])}"
        )
    if "subgroups" in doc:
        rows = [
            (g["group"], g["k"], _num(g["estimate"]), f"[{_num(g['ci_lower'])}, "
             f"{_num(g['ci_upper'])}]", _num(g["tau2"]), f"{g['i2']:.1f}%")
            for g in doc["subgroups"]
        ]  # fmt: skip
        out.print(table("Subgroups", ["Subgroup", "k", "Estimate", "CI", "tau²", "I²"], rows))
        out.print(
            f"Test for subgroup differences: Q = {doc['q_between']:.3f} "
            f"(df {doc['df_between']}), p = {_p(doc['p_between'])}"
        )
    for key, first in (("leave1out", "omitted"), ("cumul", "added")):
        if key in doc:
            rows = [
                (r[first], _num(r["estimate"]), f"[{_num(r['ci_lower'])}, {_num(r['ci_upper'])}]",
                 _p(r["pval"]), _num(r["tau2"]), "—" if r["i2"] is None else f"{r['i2']:.1f}%")
                for r in doc[key]
            ]  # fmt: skip
            title = "Leave one out" if key == "leave1out" else "Cumulative"
            out.print(table(title, [first.title(), "Estimate", "CI", "p", "tau²", "I²"], rows))
    if "influence" in doc:
        infl = [
            (r["study"], _num(r["rstudent"], 3), _num(r["dffits"], 3), _num(r["cook_d"], 3),
             _num(r["hat"], 3), _num(r["dfbetas"], 3), "*" if r["influential"] else "")
            for r in doc["influence"]
        ]  # fmt: skip
        cols = ["Study", "rstudent", "DFFITS", "Cook's D", "hat", "DFBETAS", "influential"]
        out.print(table("Influence diagnostics", cols, infl))
    for note in doc["notes"]:
        out.print(f"note: {note}")


def _parse_mods(mods: str | None) -> list[str]:
    if mods is None:
        return []
    names = [m.strip() for m in mods.split(",") if m.strip()]
    if not names:
        raise InputError.invalid("--mods", mods, "one or more column names separated by commas")
    return names


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
        test: Annotated[
            str | None,
            typer.Option(
                "--test",
                help="Inference: z (default), knha or adhoc (KH truncated at 1; the default "
                "with --revman).",
            ),
        ] = None,
        level: Annotated[
            float, typer.Option("--level", help="Confidence level of every interval.")
        ] = 0.95,
        mods: Annotated[
            str | None,
            typer.Option("--mods", help="Meta-regression on these columns: COL[,COL]."),
        ] = None,
        subgroup: Annotated[
            str | None,
            typer.Option("--subgroup", help="Pool each subgroup of this column; test differences."),
        ] = None,
        leave1out: Annotated[
            bool, typer.Option("--leave1out", help="Refit leaving out each study in turn.")
        ] = False,
        cumulative: Annotated[
            bool, typer.Option("--cumul", help="Cumulative meta-analysis in file order.")
        ] = False,
        influence: Annotated[
            bool, typer.Option("--influence", help="Influence diagnostics per study.")
        ] = False,
        add: Annotated[
            float, typer.Option("--add", help="Zero-cell correction added to 2x2 cells.")
        ] = 0.5,
        to: Annotated[
            str,
            typer.Option("--to", help=f"Tables that get --add: {', '.join(ZERO_CELL_TO)}."),
        ] = "only0",
        drop00: Annotated[
            bool | None,
            typer.Option(
                "--drop00/--keep00",
                help="Drop tables without events (or with only events) in both groups "
                "(default: for RR and OR).",
            ),
        ] = None,
        forest: Annotated[
            Path | None,
            typer.Option("--forest", help="Write a forest plot (.png/.svg/.pdf)."),
        ] = None,
        funnel: Annotated[
            Path | None, typer.Option("--funnel", help="Write a funnel plot (.png/.svg/.pdf).")
        ] = None,
        bubble: Annotated[
            Path | None,
            typer.Option("--bubble", help="With --mods: write the bubble plot (.png/.svg/.pdf)."),
        ] = None,
        revman: Annotated[
            bool,
            typer.Option(
                "--revman",
                help="RevMan's conventions: KH with the ad hoc correction, PI on k-2 df, "
                "Q-based I² with CI, RevMan's SMD (see docs/meta.md).",
            ),
        ] = False,
        json_out: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
        max_rows: Annotated[
            int | None,
            typer.Option(
                "--max-rows",
                help="Refuse a file with more data rows (default 100000 or ACUPATH_META_MAX_ROWS).",
            ),
        ] = None,
    ) -> None:
        """Pool the studies in FILE (random effects by default) as R's metafor would.

        Columns: m1i,sd1i,n1i,m2i,sd2i,n2i (MD, SMD, ROM); ai,bi,ci,di or ai,n1i,ci,n2i
        (RR, OR, RD); yi,vi or yi,sei (GEN); optional study labels in 'study'. A column
        'analysis' splits the file into separate meta-analyses pooled in one batch.
        """
        from acupath.meta.csvio import ZeroCell, read_csv
        from acupath.meta.fit import check_test
        from acupath.meta.mh import POOLING
        from acupath.meta.report import analyse
        from acupath.meta.tau2 import check_method

        measure_code = measure.upper()
        method_code = method.upper() if method.upper() in POOLING else check_method(method)
        if test is not None:
            check_test(test)
        if not 0 < level < 1:
            raise InputError.invalid("--level", level, "a number between 0 and 1 (e.g. 0.95)")
        mod_names = _parse_mods(mods)
        chosen = [
            name
            for name, on in (
                ("--mods", bool(mod_names)),
                ("--subgroup", subgroup is not None),
                ("--leave1out", leave1out),
                ("--cumul", cumulative),
                ("--influence", influence),
            )
            if on
        ]
        if len(chosen) > 1:
            raise InputError.invalid(
                " and ".join(chosen), "together", "one analysis at a time (pick one option)"
            )
        if bubble is not None and not mod_names:
            raise InputError.invalid("--bubble", str(bubble), "used together with --mods")
        if chosen and method_code in POOLING:
            raise InputError.invalid(
                "--method", method_code, f"a tau² estimator with {chosen[0]} (MH and PETO pool)"
            )
        extra = [*mod_names, *([subgroup] if subgroup else [])]
        data = read_csv(file, measure_code, extra=extra, row_limit=max_rows)
        data = dataclasses.replace(data, zero_cell=ZeroCell(add, to, drop00))
        if revman and (chosen or data.analyses is not None):
            raise InputError.invalid(
                "--revman",
                "with " + (chosen[0] if chosen else "an 'analysis' column"),
                "used with plain pooling of one meta-analysis",
            )
        if data.analyses is not None and (method_code in POOLING or chosen):
            raise InputError.invalid(
                "--method" if method_code in POOLING else chosen[0],
                method_code if method_code in POOLING else "with an 'analysis' column",
                "a tau² estimator and plain pooling for a file with an 'analysis' column "
                "(split the file to analyse one meta-analysis at a time)",
            )
        if data.analyses is not None:
            _run_many(data, method_code, test or "z", level, forest, funnel, json_out)
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # notes are reported in the output instead
            if chosen:
                doc = _run_other(data, chosen[0], mod_names, subgroup, method_code,
                                 test or "z", level, forest, funnel, bubble)  # fmt: skip
                if json_out:
                    print_json(doc)
                else:
                    _print_doc(doc)
                return
            report = analyse(data, method_code, test, level=level, revman=revman)
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


def _run_other(
    data: StudyTable,
    which: str,
    mods: list[str],
    subgroup: str | None,
    method: str,
    test: str,
    level: float,
    forest: Path | None,
    funnel: Path | None,
    bubble: Path | None,
) -> dict[str, Any]:
    """Meta-regression, subgroups or a sensitivity analysis (with their plots)."""
    from acupath.meta import analyses

    if funnel is not None:
        raise InputError.invalid("--funnel", str(funnel), "used with plain pooling only")
    if which == "--mods":
        if forest is not None:
            raise InputError.invalid("--forest", str(forest), "--bubble with --mods")
        doc, reg = analyses.regression(data, mods, method, test, level=level)
        if bubble is not None:
            from acupath.meta.plots_extra import bubble_plot

            bubble_plot(reg, bubble, measure=data.measure)
        return doc
    if which == "--subgroup":
        assert subgroup is not None
        doc = analyses.subgroups(data, subgroup, method, test, level=level)
        if forest is not None:
            from acupath.meta.plots_extra import subgroup_forest_plot
            from acupath.meta.sensitivity import subgroup as fit_subgroups

            effects = data.effects()
            groups = [data.extra[subgroup][i] for i in effects.kept]
            labels = [data.labels[i] for i in effects.kept]
            res = fit_subgroups(effects.yi, effects.vi, groups, method, test, level=level)
            per = [[lab for lab, g in zip(labels, groups, strict=True) if g == name]
                   for name in res.groups]  # fmt: skip
            subgroup_forest_plot(res, per, forest, measure=data.measure)
        return doc
    if forest is not None:
        raise InputError.invalid("--forest", str(forest), "used with plain pooling or --subgroup")
    return analyses.sensitivity(data, which.lstrip("-"), method, test, level=level)


def _run_many(
    data: StudyTable,
    method: str,
    test: str,
    level: float,
    forest: Path | None,
    funnel: Path | None,
    json_out: bool,
) -> None:
    """A file with an ``analysis`` column: every meta-analysis in one batch."""
    from acupath.meta.report import analyse_many

    assert data.analyses is not None
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
                    method,
                    test,
                    level=level,
                    progress=lambda done, total: bar.update(task, completed=done),
                )
        else:
            doc = analyse_many(data, method, test, level=level)
    if json_out:
        print_json(doc)
    else:
        _print_many(doc)


def console_err() -> Any:
    """A console on stderr, so that progress never mixes with the JSON on stdout."""
    from rich.console import Console

    return Console(stderr=True)
