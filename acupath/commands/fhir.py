"""``acupath export fhir`` and ``acupath import fhir``: exchange a patient's record as FHIR R4."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from acupath.commands._options import bounded
from acupath.commands._output import print_json
from acupath.commands._records import clinic_for_write, context, transaction
from acupath.fhir import export_json, read_bundle_file
from acupath.store import clinics, records

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
ClinicOpt = Annotated[str | None, typer.Option("--clinic", help="Clinic name.")]


def register(app: typer.Typer) -> None:
    """Add ``export fhir`` and ``import fhir``."""
    export_group = typer.Typer(help="Export records.", no_args_is_help=True)
    export_group.command("fhir")(export_fhir)
    app.add_typer(export_group, name="export")
    import_group = typer.Typer(help="Import records.", no_args_is_help=True)
    import_group.command("fhir")(import_fhir)
    app.add_typer(import_group, name="import")


def export_fhir(
    patient: Annotated[int, typer.Option(help="Patient id.", callback=bounded())],
    out: Annotated[str, typer.Option(help="Bundle file to write (JSON).")],
    clinic: ClinicOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write a patient's whole record as a FHIR R4 Bundle."""
    ctx = context()
    with transaction(ctx) as db:
        site = clinics.of_patient(db=db, name=clinic, patient_id=patient)
        record = records.load(
            db=db, clinic_id=site.id, patient_id=patient, actor=ctx.actor, action="export"
        )
        text = export_json(record)
        target = Path(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text + "\n", encoding="utf-8")
    doc = {
        "patient": patient,
        "out": str(target),
        "entries": text.count('"fullUrl"'),
        "synthetic": record.synthetic,
    }
    if as_json:
        print_json(doc)
    else:
        print(f"patient {patient}: {doc['entries']} FHIR entries written to {target}")


def import_fhir(
    file: Annotated[str, typer.Argument(help="FHIR Bundle (JSON).", metavar="FILE")],
    clinic: ClinicOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Read a FHIR R4 Bundle as a new patient (the whole bundle, or nothing)."""
    ctx = context()
    record = read_bundle_file(file)
    with transaction(ctx) as db:
        site = clinic_for_write(db, clinic)
        patient = records.save(db=db, clinic_id=site.id, record=record, actor=ctx.actor)
        doc = {
            "patient": patient.id,
            "reference": patient.reference,
            "clinic": site.name,
            "sessions": len(record.sessions),
            "responses": len(record.responses),
        }
    if as_json:
        print_json(doc)
    else:
        print(f"imported {file} as patient {doc['patient']} ({doc['reference']}) in {site.name}")
