"""``acupath ask QUESTION`` and ``acupath check FILE``: cited answers and claim audits."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markdown import Markdown

from acupath.answer import AUDIENCES
from acupath.answer import ask as ask_question
from acupath.answer import check as check_text
from acupath.answer.audit import summary_counts
from acupath.commands._output import console, print_json, table
from acupath.errors import InputError

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


def check(
    file: Annotated[
        Path, typer.Argument(help="A text file: a clinic article, a leaflet, a letter.")
    ],
    as_json: JsonOpt = False,
) -> None:
    """Mark each factual claim of a text supported, partly supported, contradicted or unverified."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError.invalid("FILE", str(file), "an existing text file") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise InputError.invalid("FILE", str(file), "a UTF-8 text file") from None
    audit = check_text(text, source=str(file))
    if as_json:
        print_json(audit.as_dict())
        return
    rows = []
    for c in audit.claims:
        evidence = ", ".join(e["id"] for e in c.evidence)
        rows.append((c.status.replace("_", " "), c.text, evidence, c.note))
    out = console()
    out.print(table(f"Claims in {file.name}", ["status", "claim", "evidence", "note"], rows))
    out.print("  ".join(f"{k.replace('_', ' ')}: {n}" for k, n in summary_counts(audit)))
