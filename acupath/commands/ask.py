"""``acupath ask QUESTION`` and ``acupath check FILE``: cited answers and claim audits."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from acupath.answer import AUDIENCES
from acupath.answer import ask as ask_question
from acupath.answer import check as check_text
from acupath.commands._output import console, print_json
from acupath.errors import InputError

if TYPE_CHECKING:
    from acupath.answer.audit import CheckReport

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


def register(app: typer.Typer) -> None:
    """Add the ``ask`` and ``check`` commands."""
    app.command("ask")(ask)
    app.command("check")(check)


def _semantic_embedder() -> object:
    from acupath.answer.semantic import bundled_embedder

    return bundled_embedder()


def ask(
    question: Annotated[str, typer.Argument(help="A clinical question, in any words.")],
    audience: Annotated[
        str, typer.Option("--audience", "-a", help="clinician (default) or patient.")
    ] = "clinician",
    semantic: Annotated[
        bool,
        typer.Option(
            "--semantic",
            help="Also rank by a local sentence-embedding model (needs acupath[semantic]).",
        ),
    ] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Print every section in full (by default: the bottom line and a brief answer).",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Answer a question from the evidence base, every figure cited and verified."""
    if audience not in AUDIENCES:
        raise InputError.invalid("audience", audience, "one of: " + ", ".join(AUDIENCES))
    embedder = _semantic_embedder() if semantic else None
    answer = ask_question(question, audience=audience, embedder=embedder)  # type: ignore[arg-type]
    if as_json:
        print_json(answer.as_dict())
        return
    out = console()
    out.print(Markdown(answer.markdown if full else answer.brief_markdown))
    if answer.reading_grade is not None:
        out.print(f"[dim]Reading grade: {answer.reading_grade:.1f}[/dim]")


STATUS_STYLES = {
    "supported": "black on green",
    "partly_supported": "black on yellow",
    "contradicted": "bold white on red",
    "unsupported": "bold white on magenta",
    "unverified": "black on bright_black",
}
"""Terminal colours of the claim verdicts (the web report uses the same five)."""


def highlighted(report: CheckReport) -> Text:
    """The checked text with each claim coloured by its verdict and followed by its number."""
    out = Text()
    cursor = 0
    for n, claim in enumerate(report.claims, start=1):
        if claim.end <= claim.start or claim.start < cursor:
            continue  # no exact span (a claim rebuilt from bullets): the table still lists it
        out.append(report.text[cursor : claim.start])
        out.append(report.text[claim.start : claim.end], style=STATUS_STYLES.get(claim.status, ""))
        out.append(f"[{n}]", style="dim")
        cursor = claim.end
    out.append(report.text[cursor:])
    return out


def check(
    file: Annotated[
        Path, typer.Argument(help="A text file: a clinic article, a leaflet, a letter.")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Judge each claim of a text on the evidence: supported, partly supported, contradicted,
    unsupported or unverified, with the deciding record."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError.invalid("FILE", str(file), "an existing text file") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise InputError.invalid("FILE", str(file), "a UTF-8 text file") from None
    from acupath.answer.audit import summary_counts

    report = check_text(text, source=str(file))
    if as_json:
        print_json(report.as_dict())
        return
    out = console()
    out.print(highlighted(report))
    out.print()
    legend = Text("  ").join(
        Text(f" {status.replace('_', ' ')} ", style=style)
        for status, style in STATUS_STYLES.items()
    )
    out.print(legend)
    claims = Table(title=f"Claims in {file.name}", title_justify="left")
    for name in ("#", "verdict", "claim", "deciding record", "why"):
        claims.add_column(name, overflow="fold")
    for n, c in enumerate(report.claims, start=1):
        status = Text(c.status.replace("_", " "), style=STATUS_STYLES.get(c.status, ""))
        claims.add_row(str(n), status, c.text, c.deciding or "", c.note)
    out.print(claims)
    out.print("  ".join(f"{k.replace('_', ' ')}: {n}" for k, n in summary_counts(report)))
