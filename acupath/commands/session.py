"""``acupath session record``: store one visit with its points, adverse events and scores."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from acupath.commands._options import bounded
from acupath.commands._output import print_json
from acupath.commands._records import context, parse_date, transaction
from acupath.errors import InputError
from acupath.store import clinics, sessions
from acupath.store.schemas import SessionIn, parse

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


def register(app: typer.Typer) -> None:
    """Add the ``session`` command group."""
    group = typer.Typer(help="Treatment sessions.", no_args_is_help=True)
    group.command("record")(record)
    app.add_typer(group, name="session")


def parse_points(text: str | None) -> list[dict[str, str | None]]:
    """``"BL23:bilateral, LI4:left, GV20"`` -> point entries.

    A point without a side is bilateral, or midline when the atlas puts it on the midline
    (GV, CV); the store decides, so a midline point given a side is refused.
    """
    out: list[dict[str, str | None]] = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        code, _, side = part.partition(":")
        out.append({"code": code.strip(), "side": side.strip() or None})
    return out


def parse_events(values: list[str]) -> list[dict[str, str]]:
    """``["bruising:mild", "dizziness:moderate:felt faint after removal"]`` -> events."""
    out: list[dict[str, str]] = []
    for value in values:
        parts = value.split(":", 2)
        if len(parts) < 2:
            raise InputError.invalid(
                "--ae", value, "KIND:SEVERITY[:DESCRIPTION], e.g. bruising:mild"
            )
        event = {"kind": parts[0].strip(), "severity": parts[1].strip()}
        if len(parts) == 3:
            event["description"] = parts[2].strip()
        out.append(event)
    return out


def parse_score(value: str) -> tuple[str, dict[str, str]]:
    """``"bpi_sf:worst=8,least=2"`` -> ``("bpi_sf", {"worst": "8", "least": "2"})``."""
    instrument, _, items = value.partition(":")
    answers: dict[str, str] = {}
    for item in items.split(","):
        key, eq, val = item.partition("=")
        if not eq:
            raise InputError.invalid("--score", value, "INSTRUMENT:item=value,item=value")
        answers[key.strip()] = val.strip()
    return instrument.strip(), answers


def record(
    patient: Annotated[int, typer.Option(help="Patient id.", callback=bounded())],
    course: Annotated[
        int | None,
        typer.Option(help="Course id (default: latest active).", callback=bounded()),
    ] = None,
    date: Annotated[str | None, typer.Option(help="YYYY-MM-DD (today).")] = None,
    technique: Annotated[str | None, typer.Option(help="Default: the course's.")] = None,
    points: Annotated[
        str | None, typer.Option(help='Points with sides: "BL23:bilateral,LI4:left".')
    ] = None,
    retention: Annotated[
        int | None,
        typer.Option(help="Needle retention, minutes.", callback=bounded(0, what="minutes")),
    ] = None,
    stimulation: Annotated[str | None, typer.Option(help="e.g. manual de qi; EA 2/100 Hz.")] = None,
    practitioner: Annotated[str | None, typer.Option(help="Who treated.")] = None,
    ae: Annotated[
        list[str] | None, typer.Option("--ae", help="Adverse event KIND:SEVERITY[:TEXT].")
    ] = None,
    nrs: Annotated[int | None, typer.Option(help="Pain NRS 0-10.")] = None,
    peg: Annotated[str | None, typer.Option(help="PEG-3 as PAIN,ENJOYMENT,ACTIVITY.")] = None,
    pgic: Annotated[int | None, typer.Option(help="PGIC 1-7.")] = None,
    score: Annotated[
        list[str] | None, typer.Option(help="Any instrument: bpi_sf:worst=8,least=2,...")
    ] = None,
    notes: Annotated[str | None, typer.Option(help="Free text.")] = None,
    clinic: Annotated[str | None, typer.Option(help="Clinic name.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a session; every value is checked before anything is stored."""
    ctx = context()
    day = parse_date("--date", date)
    responses: list[dict[str, Any]] = []
    if nrs is not None:
        responses.append({"instrument": "nrs", "answered_on": day, "answers": {"pain": nrs}})
    if peg is not None:
        parts = [p.strip() for p in peg.split(",")]
        if len(parts) != 3:
            raise InputError.invalid("--peg", peg, "three numbers PAIN,ENJOYMENT,ACTIVITY")
        answers = dict(zip(("pain", "enjoyment", "activity"), parts, strict=True))
        responses.append({"instrument": "peg3", "answered_on": day, "answers": answers})
    if pgic is not None:
        responses.append({"instrument": "pgic", "answered_on": day, "answers": {"change": pgic}})
    for value in score or []:
        instrument, answers_s = parse_score(value)
        responses.append({"instrument": instrument, "answered_on": day, "answers": answers_s})
    data = parse(
        SessionIn,
        {
            "patient_id": patient,
            "plan_id": course,
            "performed_on": day,
            "practitioner": practitioner,
            "technique": technique,
            "stimulation": stimulation,
            "retention_minutes": retention,
            "notes": notes,
            "points": parse_points(points),
            "adverse_events": parse_events(ae or []),
            "responses": responses,
        },
    )
    with transaction(ctx) as db:
        site = clinics.of_patient(db=db, name=clinic, patient_id=patient)
        visit = sessions.record(db=db, clinic_id=site.id, data=data, actor=ctx.actor)
        doc: dict[str, Any] = {
            "session": visit.id,
            "patient": visit.patient_id,
            "course": visit.plan_id,
            "performed_on": visit.performed_on,
            "technique": visit.technique,
            "points": [
                {"code": p.code, "side": p.side, "depth": p.depth, "needles": p.needles}
                for p in visit.points
            ],
            "adverse_events": len(visit.adverse_events),
            "responses": len(responses),
        }
    if as_json:
        print_json(doc)
    else:
        pts = " ".join(p["code"] for p in doc["points"])
        print(f"session {doc['session']} recorded for patient {patient} ({pts or 'no points'})")
