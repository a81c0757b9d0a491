"""``acupath evidence``: browse the knowledge base (conditions, findings, sources, claims)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from acupath.commands._output import console, print_json, table
from acupath.evidence import present, query
from acupath.evidence.loader import EvidenceBase, bundled_base
from acupath.evidence.schemas import Finding

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
ConditionOpt = Annotated[
    str | None, typer.Option("--condition", "-c", help="Condition id (see `evidence conditions`).")
]


def register(app: typer.Typer) -> None:
    """Add the ``evidence`` command group."""
    group = typer.Typer(help="Browse the evidence base.", no_args_is_help=True)
    group.command("conditions")(conditions)
    group.command("findings")(findings)
    group.command("sources")(sources)
    group.command("recommendations")(recommendations)
    group.command("claims")(claims)
    group.command("show")(show)
    app.add_typer(group, name="evidence")


def conditions(as_json: JsonOpt = False) -> None:
    """List the conditions: ICD-10 codes, number of findings, best certainty, search date."""
    base = bundled_base()
    profiles = {cid: query.condition_profile(base, cid) for cid in base.conditions}
    if as_json:
        print_json(
            {
                "conditions": [
                    c.model_dump(mode="json") | profiles[c.id].as_dict()
                    for c in base.conditions.values()
                ]
            }
        )
        return
    rows = [
        (
            c.id,
            c.name,
            ", ".join(c.icd10),
            profiles[c.id].n_findings,
            profiles[c.id].best_certainty.replace("_", " "),
            ", ".join(profiles[c.id].comparators) or "-",
            profiles[c.id].newest_evidence or "",
            profiles[c.id].searched or "",
        )
        for c in base.conditions.values()
    ]
    headers = ["id", "name", "ICD-10", "findings", "best certainty", "comparators"]
    headers += ["newest evidence", "searched"]
    console().print(table("Conditions", headers, rows))


def findings(
    condition: ConditionOpt = None,
    comparator: Annotated[
        str | None, typer.Option(help="sham, no_acupuncture, usual_care, waitlist, medication, ...")
    ] = None,
    outcome: Annotated[str | None, typer.Option(help="Outcome, e.g. pain, function.")] = None,
    source: Annotated[str | None, typer.Option(help="Source id, e.g. vickers2018.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List findings, filtered by condition, comparator, outcome or source."""
    base = bundled_base()
    flt = query.FindingFilter(condition, comparator, outcome, source)
    selected = query.select_findings(base, flt)
    if as_json:
        print_json(
            {
                "filters": {
                    "condition": condition,
                    "comparator": comparator,
                    "outcome": outcome,
                    "source": source,
                },
                "count": len(selected),
                "findings": [_finding_json(base, f) for f in selected],
            }
            | (
                {"condition_profile": query.condition_profile(base, condition).as_dict()}
                if condition
                else {}
            )
        )
        return
    rows = [
        (
            f.id,
            f.comparator,
            f.outcome,
            f.measure,
            present.estimate(f),
            f.n_studies or "",
            f.certainty,
            f.source,
        )
        for f in selected
    ]
    title = f"Findings ({len(selected)})" + (f" for {condition}" if condition else "")
    console().print(
        table(
            title,
            [
                "id",
                "comparator",
                "outcome",
                "measure",
                "estimate",
                "studies",
                "certainty",
                "source",
            ],
            rows,
        )
    )


def _finding_json(base: EvidenceBase, f: Finding) -> dict[str, Any]:
    record: dict[str, Any] = f.model_dump(mode="json")
    record["reference"] = query.reference(query.source(base, f.source))
    return record


def sources(as_json: JsonOpt = False) -> None:
    """List every source with its citation and link."""
    base = bundled_base()
    if as_json:
        print_json(
            {
                "sources": [
                    s.model_dump(mode="json") | {"citation": s.citation(), "link": s.link()}
                    for s in base.sources.values()
                ]
            }
        )
        return
    rows = [(s.id, s.kind, s.year, s.citation(), s.link()) for s in base.sources.values()]
    console().print(table("Sources", ["id", "kind", "year", "citation", "link"], rows))


def recommendations(condition: ConditionOpt = None, as_json: JsonOpt = False) -> None:
    """List guideline and coverage positions, for one condition or all."""
    base = bundled_base()
    recs = query.recommendations_for(base, condition)
    if as_json:
        print_json(
            {
                "recommendations": [
                    r.model_dump(mode="json")
                    | {"reference": query.reference(query.source(base, r.source))}
                    for r in recs
                ]
            }
        )
        return
    rows = [(r.id, r.body, r.year, r.condition, r.direction, r.strength) for r in recs]
    console().print(
        table("Recommendations", ["id", "body", "year", "condition", "direction", "strength"], rows)
    )


def claims(
    condition: ConditionOpt = None,
    status: Annotated[
        str | None,
        typer.Option(help="supported, partly_supported, contradicted or unverified."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """List circulating claims (those of the seed documents among them) and their status."""
    base = bundled_base()
    selected = query.claims(base, condition, status)
    if as_json:
        print_json(
            {
                "count": len(selected),
                "claims": [
                    c.model_dump(mode="json")
                    | {
                        "references": query.references(
                            base, query.sources_cited_by(base, "claim", c)
                        )
                    }
                    for c in selected
                ],
            }
        )
        return
    rows = [(c.id, c.origin, c.status, c.statement) for c in selected]
    console().print(table(f"Claims ({len(selected)})", ["id", "origin", "status", "claim"], rows))


def show(
    record_id: Annotated[str, typer.Argument(help="Any record id: finding, source, claim, ...")],
    as_json: JsonOpt = False,
) -> None:
    """Show one record in full, with the references it rests on."""
    base = bundled_base()
    kind, record = query.lookup(base, record_id)
    refs = query.references(base, query.sources_cited_by(base, kind, record))
    if as_json:
        print_json({"kind": kind, "record": record.model_dump(mode="json"), "references": refs})
        return
    out = console()
    out.print(f"[bold]{kind} {record.id}[/bold]")
    for key, value in record.model_dump(mode="json").items():
        if value in (None, [], "") or key == "id":
            continue
        out.print(f"  {key}: {value}")
    if refs:
        out.print("[bold]references[/bold]")
        for ref in refs:
            out.print(f"  [{ref['id']}] {ref['citation']} {ref['url']}")
