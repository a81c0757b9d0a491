"""Clinics and users: the owners of patient records.

Every patient belongs to one clinic and every query of patient data names the clinic, so one
database can serve several clinics without their records mixing.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acupath.errors import InputError, NotFound
from acupath.store.models import Clinic, Patient, User

DEFAULT_CLINIC = "Default clinic"


def get_or_create(*, db: Session, name: str, synthetic: bool = False) -> Clinic:
    """The clinic called ``name``, created if missing (flushed, not committed)."""
    clinic = db.scalar(select(Clinic).where(Clinic.name == name))
    if clinic is None:
        clinic = Clinic(name=name, synthetic=synthetic)
        db.add(clinic)
        db.flush()
    return clinic


def get_by_name(*, db: Session, name: str) -> Clinic:
    """The clinic called ``name``, or :class:`NotFound` listing the clinics."""
    clinic = db.scalar(select(Clinic).where(Clinic.name == name))
    if clinic is None:
        raise NotFound.unknown("clinic", name, [c.name for c in list_all(db=db)])
    return clinic


def list_all(*, db: Session) -> list[Clinic]:
    """All clinics, oldest first."""
    return list(db.scalars(select(Clinic).order_by(Clinic.id)))


def resolve(*, db: Session, name: str | None) -> Clinic:
    """The clinic a command works on: the one named, or the only one there is.

    With several clinics and no name, refuse and list them rather than guess.
    """
    if name is not None:
        return get_by_name(db=db, name=name)
    clinics = list_all(db=db)
    if len(clinics) == 1:
        return clinics[0]
    if not clinics:
        raise NotFound("no clinic yet: add a patient (acupath patient add) or run acupath demo")
    names = ", ".join(c.name for c in clinics)
    raise InputError.invalid("--clinic", None, f"one of the clinics: {names}")


def patient_count(*, db: Session, clinic_id: int) -> int:
    """Number of patients of a clinic."""
    return int(
        db.scalar(select(func.count()).select_from(Patient).where(Patient.clinic_id == clinic_id))
        or 0
    )


def create_user(
    *, db: Session, clinic_id: int, username: str, display_name: str, role: str = "clinician"
) -> User:
    """Add a user of a clinic (flushed, not committed); a username is unique."""
    if db.scalar(select(User).where(User.username == username)) is not None:
        raise InputError.invalid("username", username, "a username not yet taken")
    user = User(clinic_id=clinic_id, username=username, display_name=display_name, role=role)
    db.add(user)
    db.flush()
    return user


def of_patient(*, db: Session, name: str | None, patient_id: int) -> Clinic:
    """The clinic named, or else the clinic the patient belongs to (for one-patient commands)."""
    if name is not None:
        return get_by_name(db=db, name=name)
    clinic = db.scalar(
        select(Clinic).join(Patient, Patient.clinic_id == Clinic.id).where(Patient.id == patient_id)
    )
    if clinic is None:
        raise NotFound(
            f"unknown patient {patient_id!r}; list them with acupath patient list",
            field="patient",
            value=patient_id,
        )
    return clinic
