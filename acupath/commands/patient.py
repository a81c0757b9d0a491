"""``acupath patient add|list|show``: the patients of a clinic."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from acupath.commands._options import bounded
from acupath.commands._output import console, print_json, table
from acupath.commands._records import clinic_for_write, context, parse_date, transaction
from acupath.errors import InputError
from acupath.store import clinics, patients, records, sessions
from acupath.store.schemas import ConditionIn, PatientIn, PlanIn, ResponseIn, parse
from acupath.userfiles import read_user_data

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
ClinicOpt = Annotated[
    str | None, typer.Option("--clinic", help="Clinic name (default: the only clinic).")
]


def register(app: typer.Typer) -> None:
    """Add the ``patient`` command group."""
    group = typer.Typer(help="Patients: add, list, show.", no_args_is_help=True)
    group.command("add")(add)
    group.command("list")(list_)
    group.command("show")(show)
    app.add_typer(group, name="patient")


def _read_mapping(path: str, field: str) -> dict[str, Any]:
    data = read_user_data(path, field, "YAML or JSON file")
    if not isinstance(data, dict):
        raise InputError.invalid(field, path, "a file holding one mapping")
    return data


def add(
    reference: Annotated[str, typer.Option(help="The clinic's record number (unique).")],
    given_name: Annotated[str | None, typer.Option(help="Given name.")] = None,
    family_name: Annotated[str | None, typer.Option(help="Family name.")] = None,
    birth_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD.")] = None,
    sex: Annotated[str, typer.Option(help="female, male, other, unknown.")] = "unknown",
    intake: Annotated[str | None, typer.Option(help="Intake file (YAML/JSON).")] = None,
    condition: Annotated[
        str | None, typer.Option(help="Start a course for this condition id.")
    ] = None,
    technique: Annotated[str, typer.Option(help="Technique of the course.")] = "manual",
    sessions_planned: Annotated[
        int,
        typer.Option("--sessions", help="Sessions planned.", callback=bounded(what="a count")),
    ] = 10,
    review_after: Annotated[
        int | None,
        typer.Option(help="Review after this session.", callback=bounded(what="a session")),
    ] = None,
    coverage: Annotated[
        str | None, typer.Option(help="Coverage rule, e.g. cms_ncd_30_3_3.")
    ] = None,
    plan: Annotated[str | None, typer.Option(help="Plan JSON from `acupath plan --json`.")] = None,
    start: Annotated[str | None, typer.Option(help="Course start, YYYY-MM-DD (today).")] = None,
    baseline_nrs: Annotated[int | None, typer.Option(help="Baseline pain NRS 0-10.")] = None,
    clinic: ClinicOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a patient, optionally with a course of treatment and a baseline pain score."""
    ctx = context()
    started = parse_date("--start", start)
    intake_data = _read_mapping(intake, "--intake") if intake else None
    plan_data = _read_mapping(plan, "--plan") if plan else None
    data = parse(
        PatientIn,
        {
            "reference": reference,
            "given_name": given_name,
            "family_name": family_name,
            "birth_date": parse_date("--birth-date", birth_date) if birth_date else None,
            "sex": sex,
            "intake": intake_data,
        },
    )
    with transaction(ctx) as db:
        site = clinic_for_write(db, clinic)
        patient = patients.create(db=db, clinic_id=site.id, data=data, actor=ctx.actor)
        for entry in (intake_data or {}).get("conditions") or []:
            if isinstance(entry, dict):
                cond = parse(
                    ConditionIn,
                    {
                        "condition": entry.get("condition"),
                        "duration_weeks": entry.get("duration_weeks"),
                        "noted_on": started,
                    },
                )
                patients.add_condition(db=db, patient=patient, data=cond, actor=ctx.actor)
        course = None
        if condition or plan_data:
            fields = {
                "condition": condition or (plan_data or {}).get("condition"),
                "technique": (plan_data or {}).get("technique", technique),
                "planned_sessions": (plan_data or {}).get("sessions") or sessions_planned,
                "review_after": review_after,
                "coverage": coverage,
                "started_on": started,
                "detail": plan_data,
            }
            course = patients.start_plan(
                db=db, patient=patient, data=parse(PlanIn, fields), actor=ctx.actor
            )
        if baseline_nrs is not None:
            sessions.record_response(
                db=db,
                clinic_id=site.id,
                patient_id=patient.id,
                data=ResponseIn(
                    instrument="nrs", answered_on=started, answers={"pain": baseline_nrs}
                ),
                actor=ctx.actor,
                plan_id=course.id if course else None,
            )
        doc = {
            "patient": patient.id,
            "reference": patient.reference,
            "clinic": site.name,
            "course": course.id if course else None,
        }
    if as_json:
        print_json(doc)
    else:
        extra = f", course {doc['course']}" if doc["course"] else ""
        print(f"patient {doc['patient']} ({reference}) added to {doc['clinic']}{extra}")


def list_(
    clinic: ClinicOpt = None,
    limit: Annotated[
        int, typer.Option(help="At most this many.", callback=bounded(what="a count"))
    ] = 100,
    offset: Annotated[
        int, typer.Option(help="Skip this many.", callback=bounded(0, what="a count"))
    ] = 0,
    as_json: JsonOpt = False,
) -> None:
    """List the patients of a clinic."""
    ctx = context()
    with transaction(ctx) as db:
        site = clinics.resolve(db=db, name=clinic)
        rows = patients.list_patients(
            db=db, clinic_id=site.id, actor=ctx.actor, limit=limit, offset=offset
        )
        items: list[dict[str, Any]] = [
            {
                "id": p.id,
                "reference": p.reference,
                "name": " ".join(x for x in (p.given_name, p.family_name) if x) or None,
                "sex": p.sex,
                "birth_date": p.birth_date,
                "synthetic": p.synthetic,
                "conditions": [c.condition for c in p.conditions],
            }
            for p in rows
        ]
        total = clinics.patient_count(db=db, clinic_id=site.id)
        doc = {"clinic": site.name, "synthetic": site.synthetic, "total": total, "patients": items}
    if as_json:
        print_json(doc)
        return
    title = f"Patients of {site.name}" + (" (SYNTHETIC DEMO DATA)" if site.synthetic else "")
    out = [
        (i["id"], i["reference"], i["name"] or "", i["sex"], ", ".join(i["conditions"]))
        for i in items
    ]
    console().print(table(title, ["id", "reference", "name", "sex", "conditions"], out))
    print(f"{len(items)} of {total} shown")


def show(
    patient_id: Annotated[
        int, typer.Argument(help="Patient id (see `patient list`).", callback=bounded())
    ],
    clinic: ClinicOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show a patient's whole record: conditions, courses, sessions, questionnaires."""
    ctx = context()
    with transaction(ctx) as db:
        site = clinics.of_patient(db=db, name=clinic, patient_id=patient_id)
        record = records.load(db=db, clinic_id=site.id, patient_id=patient_id, actor=ctx.actor)
    doc = {"id": patient_id, "clinic": site.name} | record.model_dump(mode="json")
    if as_json:
        print_json(doc)
        return
    out = console()
    if record.synthetic:
        out.print("SYNTHETIC DEMO DATA: this patient is invented.")
    name = " ".join(x for x in (record.given_name, record.family_name) if x)
    out.print(f"Patient {patient_id} ({record.reference}) {name}, {record.sex}")
    out.print(
        table(
            "Courses",
            ["key", "condition", "technique", "planned", "status", "started"],
            [
                (p.key, p.condition, p.technique, p.planned_sessions, p.status, p.started_on)
                for p in record.plans
            ],
        )
    )
    out.print(
        table(
            "Sessions",
            ["date", "technique", "points", "retention", "adverse events"],
            [
                (
                    s.performed_on,
                    s.technique,
                    " ".join(f"{p.code}({p.side[0].upper()})" for p in s.points),
                    s.retention_minutes,
                    ", ".join(f"{e.kind} ({e.severity})" for e in s.adverse_events),
                )
                for s in record.sessions
            ],
        )
    )
    out.print(
        table(
            "Questionnaires",
            ["date", "instrument", "score", "answers"],
            [(q.answered_on, q.instrument, f"{q.score:g}", q.answers) for q in record.responses],
        )
    )
