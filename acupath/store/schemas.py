"""What callers hand to the store: validated inputs for patients, courses, sessions and scores.

Every input is a frozen pydantic model that refuses unknown fields and out-of-range values
before anything touches the database; the service functions add the checks that need the
database (the patient exists, the course is this patient's).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from acupath.errors import InputError
from acupath.store.models import SEVERITIES, SEXES, SIDES, TECHNIQUES

M = TypeVar("M", bound=BaseModel)

Sex = Literal["female", "male", "other", "unknown"]
Technique = Literal["manual", "electro", "auricular", "acupressure", "moxibustion", "dry_needling"]
Side = Literal["left", "right", "bilateral", "midline"]
Severity = Literal["mild", "moderate", "severe"]
Instrument = Literal["nrs", "peg3", "bpi_sf", "pgic"]

assert set(SEXES) == set(Sex.__args__)  # type: ignore[attr-defined]
assert set(TECHNIQUES) == set(Technique.__args__)  # type: ignore[attr-defined]
assert set(SIDES) == set(Side.__args__)  # type: ignore[attr-defined]
assert set(SEVERITIES) == set(Severity.__args__)  # type: ignore[attr-defined]


class _In(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class PatientIn(_In):
    """A new patient. ``intake`` is validated as an :class:`acupath.care.intake.Intake`."""

    reference: str = Field(min_length=1, max_length=64)
    given_name: str | None = Field(default=None, max_length=100)
    family_name: str | None = Field(default=None, max_length=100)
    birth_date: dt.date | None = None
    sex: Sex = "unknown"
    synthetic: bool = False
    intake: dict[str, Any] | None = None
    consent: ConsentIn | None = None


class ConsentIn(_In):
    """Consent to treatment. A minor (or a patient who cannot consent) is consented by a guardian,
    whose name and relationship are then required (checked by the service, which knows the age).
    """

    given: bool
    on: dt.date | None = None
    by: Literal["patient", "guardian"] = "patient"
    guardian_name: str | None = Field(default=None, max_length=200)
    guardian_relationship: str | None = Field(default=None, max_length=100)


class ConditionIn(_In):
    """A condition under treatment; ``icd10`` defaults to the knowledge base's first code."""

    condition: str
    icd10: str | None = Field(default=None, max_length=16)
    duration_weeks: int | None = Field(default=None, ge=0, le=5200)
    cause: str | None = Field(default=None, max_length=200)
    status: Literal["active", "resolved"] = "active"
    noted_on: dt.date


class PlanIn(_In):
    """A course of treatment for one of the patient's conditions.

    ``detail`` is the JSON of the plan acupath proposed (``acupath plan --json``), when any.
    """

    condition: str
    technique: Technique
    planned_sessions: int = Field(ge=1, le=100)
    frequency_per_week: float | None = Field(default=None, gt=0, le=14)
    review_after: int | None = Field(default=None, ge=1, le=100)
    coverage: str | None = None
    started_on: dt.date
    ended_on: dt.date | None = None
    status: Literal["active", "completed", "stopped"] = "active"
    detail: dict[str, Any] | None = None


class PointIn(_In):
    """A point needled: any common spelling of its code, the side, depth, needles, stimulation.

    ``side`` left out means: ``midline`` for a point the atlas places on the midline (GV, CV),
    else ``bilateral``. A midline point given a side is refused by the service.
    """

    code: str = Field(min_length=1, max_length=32)
    side: Side | None = None
    depth: str | None = Field(default=None, max_length=40)
    needles: int | None = Field(default=None, ge=1, le=20)
    stimulation: str | None = Field(default=None, max_length=80)


class AdverseEventIn(_In):
    """An adverse event: what happened (a short kind such as ``bruising``), how severe, and the
    practitioner's note in their own words (``Minor bruising at BL40``)."""

    kind: str = Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")
    severity: Severity
    description: str | None = Field(default=None, max_length=2000)


class ResponseIn(_In):
    """A completed questionnaire: instrument, day, answers by item id."""

    instrument: Instrument
    answered_on: dt.date
    answers: dict[str, Any]


class SoapIn(_In):
    """A SOAP note: what the patient reports, what was found, the assessment, the plan."""

    subjective: str | None = Field(default=None, max_length=5000)
    objective: str | None = Field(default=None, max_length=5000)
    assessment: str | None = Field(default=None, max_length=5000)
    plan: str | None = Field(default=None, max_length=5000)


class SessionIn(_In):
    """One visit with its points, adverse events and the questionnaires filled in at it."""

    patient_id: int
    plan_id: int | None = None
    performed_on: dt.date
    practitioner: str | None = Field(default=None, max_length=200)
    technique: Technique | None = None
    stimulation: str | None = Field(default=None, max_length=200)
    retention_minutes: int | None = Field(default=None, ge=0, le=240)
    notes: str | None = Field(default=None, max_length=10_000)
    soap: SoapIn | None = None
    points: list[PointIn] = Field(default_factory=list)
    adverse_events: list[AdverseEventIn] = Field(default_factory=list)
    responses: list[ResponseIn] = Field(default_factory=list)


def parse(model: type[M], data: Any, *, location: str | None = None) -> M:
    """Validate ``data`` as ``model``; the first problem becomes one :class:`InputError`.

    The message names the field, says what is allowed and what was received:
    ``retention_minutes: input should be less than or equal to 240; got 300``.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or model.__name__
        allowed = str(err["msg"]).removeprefix("Value error, ")
        allowed = allowed[:1].lower() + allowed[1:]
        where = f"{location}: " if location else ""
        if err["type"] == "missing":
            raise InputError(
                f"{where}{field} is required", field=field, allowed="a value", location=location
            ) from None
        value = err.get("input")
        raise InputError(
            f"{where}{field}: {allowed}; got {value!r}",
            field=field,
            value=value,
            allowed=allowed,
            location=location,
        ) from None
