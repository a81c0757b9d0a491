"""``acupath points``: the acupoint atlas, as a table of points or one point's card."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from acupath.commands._output import console, print_json, table
from acupath.evidence.loader import bundled_sources
from acupath.points import (
    MERIDIAN_NAMES,
    AuricularPoint,
    Caution,
    Point,
    auricular_points,
    cautions_for,
    get_point,
    search_points,
)


def register(app: typer.Typer) -> None:
    """Add the ``points`` command."""
    app.command("points")(points)


def points(
    code: Annotated[
        str | None,
        typer.Argument(help="A point code or name (BL23, UB-23, Shenshu, EX-B2, AUR-SHENMEN)."),
    ] = None,
    meridian: Annotated[
        str | None, typer.Option("--meridian", "-m", help="LU, LI, ST ... CV, EX (UB, SJ, Liv ok).")
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", "-r", help="Body region, e.g. upper_back, chest.")
    ] = None,
    caution: Annotated[
        str | None,
        typer.Option("--caution", "-c", help="Caution kind (pregnancy, pneumothorax ...) or id."),
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", "-t", help="Text in a name or location.")
    ] = None,
    ear: Annotated[bool, typer.Option("--ear", help="List the auricular points instead.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """List points (filtered by meridian, region, caution or text) or show one point's card."""
    if code is not None:
        _card(get_point(code), as_json)
        return
    filters = {"meridian": meridian, "region": region, "caution": caution, "text": text}
    if ear:
        selected: tuple[Point | AuricularPoint, ...] = auricular_points()
    else:
        selected = search_points(meridian=meridian, region=region, caution=caution, text=text)
    if as_json:
        print_json(
            {
                "filters": filters | {"ear": ear},
                "count": len(selected),
                "points": [p.model_dump(mode="json") for p in selected],
            }
        )
        return
    if ear:
        rows: list[tuple[Any, ...]] = [
            (p.code, p.name, p.zone, ", ".join(p.protocols))
            for p in selected
            if isinstance(p, AuricularPoint)
        ]
        console().print(table("Auricular points", ["code", "name", "zone", "protocols"], rows))
        return
    rows = [
        (
            p.code,
            p.pinyin,
            ", ".join(p.regions),
            p.depth or "",
            p.angle or "",
            ", ".join(p.cautions),
        )
        for p in selected
        if isinstance(p, Point)
    ]
    title = f"Points ({len(rows)})"
    console().print(table(title, ["code", "pinyin", "regions", "depth", "angle", "cautions"], rows))


def _citations(caution: Caution) -> list[dict[str, Any]]:
    sources = bundled_sources()
    return [
        {"id": sid, "citation": sources[sid].citation(), "link": sources[sid].link()}
        for sid in caution.sources
    ]


def _card(point: Point | AuricularPoint, as_json: bool) -> None:
    cautions = cautions_for(point.code)
    if as_json:
        print_json(
            {
                "point": point.model_dump(mode="json"),
                "type": "auricular" if isinstance(point, AuricularPoint) else "body",
                "cautions": [
                    c.model_dump(mode="json") | {"citations": _citations(c)} for c in cautions
                ],
            }
        )
        return
    out = console()
    if isinstance(point, AuricularPoint):
        out.print(f"[bold]{point.code}[/bold]  {escape(point.name)}  (ear, {escape(point.zone)})")
        out.print(f"Protocols: {', '.join(point.protocols)}")
        if point.aliases:
            out.print(escape(f"Also: {', '.join(point.aliases)}"))
    else:
        hanzi = point.hanzi or ""
        out.print(f"[bold]{point.code}[/bold]  {point.pinyin} {hanzi}".rstrip())
        out.print(f"Meridian: {point.meridian} ({MERIDIAN_NAMES[point.meridian]})")
        if point.names:
            out.print(escape(f"Also: {', '.join(point.names)}"))
        side = "single (midline)" if point.midline else "bilateral"
        out.print(f"Regions: {', '.join(point.regions) or 'not fixed'}; {side}")
        needling = ", ".join(x for x in (point.depth, point.angle, point.needling_note) if x)
        out.print(escape(f"Needling: {needling or 'not stated in the checked source'}"))
    out.print(escape(f"Location: {point.location}"))
    if point.note:
        out.print(escape(f"Note: {point.note}"))
    if not cautions:
        out.print("Cautions: none recorded")
    for c in cautions:
        when = "" if c.applies == ("all",) else f" ({', '.join(c.applies)})"
        flag = "" if c.verified else " (unverified)"
        out.print(f"[bold]Caution {c.kind}{escape(when)}{flag}[/bold]: {escape(c.text)}")
        for cite in _citations(c):
            out.print(escape(f"    {cite['id']}: {cite['citation']} {cite['link']}"))
