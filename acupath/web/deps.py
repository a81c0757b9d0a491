"""Typed dependencies of the web app, declared once: settings, database session, current user.

``SessionDep`` is one unit of work per request (committed when the route returns, rolled back
when it raises). ``CurrentUser`` is the signed-in user: from the session cookie on pages, from
an ``Authorization: Bearer`` token on ``/api/`` routes. Clinic isolation lives in
:func:`clinic_patient` and nowhere else: every route that names a patient takes ``PatientDep``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from acupath.errors import AcupathError, PermissionDenied
from acupath.evidence.loader import EvidenceBase
from acupath.settings import Settings
from acupath.store import patients, write_session
from acupath.store.models import Patient, User
from acupath.web.answers import AnswerCache
from acupath.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    SESSION_COOKIE,
    Signer,
    SignInGuard,
    csrf_matches,
    fingerprint,
)

ROLES = ("admin", "clinician", "viewer")
"""Roles a person can hold (the store also has ``system`` for acupath's own writes)."""
CAN_WRITE = frozenset({"admin", "clinician"})


class NotSignedIn(AcupathError):
    """No valid session or token: 401 on the API, a redirect to the sign-in page on pages."""

    exit_code = 2
    status_code = 401


@dataclass(frozen=True)
class AppState:
    """What ``create_app`` puts on ``app.state.acupath``."""

    settings: Settings
    engine: Engine
    base: EvidenceBase
    signer: Signer
    guard: SignInGuard
    answers: AnswerCache = field(default_factory=lambda: AnswerCache(maxsize=1024))


def state(request: Request) -> AppState:
    app_state: AppState = request.app.state.acupath
    return app_state


StateDep = Annotated[AppState, Depends(state)]


def get_db(request: Request) -> Iterator[Session]:
    with write_session(state(request).engine) as db:
        yield db


SessionDep = Annotated[Session, Depends(get_db)]


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def optional_user(request: Request, db: SessionDep) -> User | None:
    """The signed-in user, or None. The API reads only bearer tokens; pages only the cookie."""
    signer = state(request).signer
    if is_api(request):
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        found = signer.read_token(token.strip()) if scheme.lower() == "bearer" else None
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        found = signer.read_session(cookie) if cookie else None
    if found is None:
        return None
    user_id, print_ = found
    user = db.get(User, user_id)
    if user is None or not user.active or fingerprint(user.password_hash) != print_:
        return None
    return user


OptionalUser = Annotated[User | None, Depends(optional_user)]


def current_user(user: OptionalUser) -> User:
    if user is None:
        raise NotSignedIn("sign in first (pages) or send Authorization: Bearer <token> (API)")
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def writer(user: CurrentUser) -> User:
    """A user who may change patient records (admin or clinician, not viewer)."""
    if user.role not in CAN_WRITE:
        raise PermissionDenied(f"role {user.role!r} may only read")
    return user


Writer = Annotated[User, Depends(writer)]


def admin(user: CurrentUser) -> User:
    if user.role != "admin":
        raise PermissionDenied("only an admin may do this")
    return user


Admin = Annotated[User, Depends(admin)]


def clinic_patient(patient_id: int, user: CurrentUser, db: SessionDep) -> Patient:
    """THE clinic-isolation check: the patient, if and only if it belongs to the user's clinic.

    A patient of another clinic answers exactly like a patient that does not exist (404), so
    ids of other clinics cannot even be probed. The read is written to the audit log.
    """
    return patients.get(db=db, clinic_id=user.clinic_id, patient_id=patient_id, actor=user.username)


PatientDep = Annotated[Patient, Depends(clinic_patient)]


async def check_csrf(request: Request) -> None:
    """Refuse a form post whose CSRF token does not match the visitor's cookie (403)."""
    form = await request.form()
    submitted = form.get(CSRF_FIELD)
    if not csrf_matches(
        request.cookies.get(CSRF_COOKIE), submitted if isinstance(submitted, str) else None
    ):
        raise PermissionDenied(
            "the form's CSRF token is missing or stale; reload the page and submit again"
        )


CsrfChecked = Depends(check_csrf)
