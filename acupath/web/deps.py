"""Typed dependencies of the web app, declared once: settings, database session, current user.

``SessionDep`` is one unit of work per request: committed by
:class:`acupath.web.middleware.SecurityMiddleware` *before* the response is sent (a status
below 400), rolled back otherwise; a failed commit answers 500. ``CurrentUser`` is the
signed-in user: from the session cookie on pages, from an ``Authorization: Bearer`` token on
``/api/`` routes, each checked against its server-side row (revoked, expired, idle, disabled
user: not signed in). Clinic isolation lives in :func:`clinic_patient` and nowhere else: every
route that names a patient takes ``PatientDep``; a refused probe is written to the audit log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from acupath.errors import AcupathError, InputError, NotFound, PermissionDenied
from acupath.evidence.loader import EvidenceBase
from acupath.settings import Settings
from acupath.store import audit, patients, session_auth, write_session
from acupath.store.models import AuthSession, IdempotencyKey, Patient, User
from acupath.web.answers import AnswerCache
from acupath.web.middleware import UOW_KEY, UnitOfWork
from acupath.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    SESSION_COOKIE,
    Signer,
    csrf_matches,
)

ROLES = ("admin", "clinician", "viewer")
"""Roles a person can hold (the store also has ``system`` for acupath's own writes)."""
CAN_WRITE = frozenset({"admin", "clinician"})
MAX_ID = 2**31 - 1
"""Row ids are 32-bit on both backends: a larger id is a 422, never an overflow (500)."""


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
    answers: AnswerCache = field(default_factory=lambda: AnswerCache(maxsize=1024))


def state(request: Request) -> AppState:
    app_state: AppState = request.app.state.acupath
    return app_state


StateDep = Annotated[AppState, Depends(state)]


def unit_of_work(request: Request) -> UnitOfWork | None:
    uow = request.scope.get("state", {}).get(UOW_KEY)
    return uow if isinstance(uow, UnitOfWork) else None


def get_db(request: Request) -> Iterator[Session]:
    """The request's session; the middleware commits it before the response starts."""
    engine = state(request).engine
    uow = unit_of_work(request)
    if uow is None:  # mounted without SecurityMiddleware: commit at teardown as before
        with write_session(engine) as db:
            yield db
        return
    yield uow.open(engine)


SessionDep = Annotated[Session, Depends(get_db)]


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def security_event(
    request: Request,
    *,
    actor: str,
    action: str,
    entity: str,
    outcome: str,
    entity_id: object = None,
    clinic_id: int | None = None,
    detail: dict[str, object] | None = None,
) -> None:
    """Audit a security event; it is stored even when the request itself fails."""
    fields = {
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "outcome": outcome,
        "clinic_id": clinic_id,
        "detail": detail,
    }
    uow = unit_of_work(request)
    engine = state(request).engine
    if uow is not None:
        uow.event(engine, **fields)
        return
    with write_session(engine) as db:
        audit.log(db=db, **fields)  # type: ignore[arg-type]


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def optional_user(request: Request, db: SessionDep) -> User | None:
    """The signed-in user, or None. The API reads only bearer tokens; pages only the cookie."""
    signer = state(request).signer
    if is_api(request):
        token = _bearer(request)
        secret = signer.read_token(token) if token else None
        kind: session_auth.Kind = "token"
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        secret = signer.read_session(cookie) if cookie else None
        kind = "session"
    if secret is None:
        return None
    row = session_auth.find(db=db, secret=secret, kind=kind)
    if row is None:
        return None
    user = db.get(User, row.user_id)
    if user is None:
        return None
    request.state.auth = row
    info = audit.REQUEST.get()
    if info is not None:
        info.clinic_id = user.clinic_id
    return user


def current_auth(request: Request) -> AuthSession | None:
    """The sign-in row the current request came with (after ``CurrentUser`` ran)."""
    row = getattr(request.state, "auth", None)
    return row if isinstance(row, AuthSession) else None


OptionalUser = Annotated[User | None, Depends(optional_user)]


def current_user(user: OptionalUser) -> User:
    if user is None:
        raise NotSignedIn("sign in first (pages) or send Authorization: Bearer <token> (API)")
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def writer(request: Request, user: CurrentUser) -> User:
    """A user who may change patient records (admin or clinician, not viewer)."""
    if user.role not in CAN_WRITE:
        security_event(
            request,
            actor=user.username,
            action="denied",
            entity="route",
            entity_id=f"{request.method} {request.url.path}"[:40],
            outcome="denied",
            clinic_id=user.clinic_id,
            detail={"reason": "role may only read", "role": user.role},
        )
        raise PermissionDenied(f"role {user.role!r} may only read")
    return user


Writer = Annotated[User, Depends(writer)]


def admin(request: Request, user: CurrentUser) -> User:
    if user.role != "admin":
        security_event(
            request,
            actor=user.username,
            action="denied",
            entity="route",
            entity_id=f"{request.method} {request.url.path}"[:40],
            outcome="denied",
            clinic_id=user.clinic_id,
            detail={"reason": "admin only", "role": user.role},
        )
        raise PermissionDenied("only an admin may do this")
    return user


Admin = Annotated[User, Depends(admin)]


PatientId = Annotated[int, Path(ge=1, le=MAX_ID, description="A patient id (1 to 2^31-1).")]


def clinic_patient(
    request: Request, patient_id: PatientId, user: CurrentUser, db: SessionDep
) -> Patient:
    """THE clinic-isolation check: the patient, if and only if it belongs to the user's clinic.

    A patient of another clinic answers exactly like a patient that does not exist (404), so
    ids of other clinics cannot even be probed; the refused probe is audited. The read is
    written to the audit log (committed before the response).
    """
    try:
        return patients.get(
            db=db, clinic_id=user.clinic_id, patient_id=patient_id, actor=user.username
        )
    except NotFound:
        security_event(
            request,
            actor=user.username,
            action="denied",
            entity="patient",
            entity_id=patient_id,
            outcome="denied",
            clinic_id=user.clinic_id,
            detail={"reason": "no such patient in this clinic"},
        )
        raise


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


_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""Control characters no text field needs: NUL and the other C0 controls except tab, line
feed and carriage return, DEL, and the bidirectional overrides (U+202A-E, U+2066-9) that make
a stored name or note display differently from what it is."""
MAX_DEPTH = 32


def _strings(value: object, path: str, depth: int = 0) -> Iterator[tuple[str, str]]:
    if depth > MAX_DEPTH:
        raise InputError.invalid(path or "body", "...", f"JSON nested at most {MAX_DEPTH} deep")
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield path or "body", str(key)
            yield from _strings(item, f"{path}.{key}" if path else str(key), depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]", depth + 1)


def _refuse_controls(pairs: Iterable[tuple[str, str]]) -> None:
    for where, text in pairs:
        found = _FORBIDDEN.search(text)
        if found:
            raise InputError.invalid(
                where,
                f"U+{ord(found.group()):04X} at position {found.start()}",
                "text without control characters (NUL, C0 controls, bidirectional overrides)",
            )


async def strict_text(request: Request) -> None:
    """Refuse control characters anywhere in the query, a JSON body or a form (422), so they
    are never stored, exported or logged; and JSON nested deeper than :data:`MAX_DEPTH`."""
    _refuse_controls((f"query.{k}", v) for k, v in request.query_params.multi_items())
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    kind = request.headers.get("content-type", "")
    if kind.startswith("application/json"):
        body = await request.body()
        if not body:
            return
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return  # FastAPI already answered 422 for a body it could not read
        _refuse_controls(_strings(data, ""))
    elif kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        _refuse_controls((k, v) for k, v in form.multi_items() if isinstance(v, str))


StrictText = Depends(strict_text)


_IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")


class IdempotentReplay(Exception):
    """A POST repeated with the same ``Idempotency-Key``: answer with the stored response."""

    def __init__(self, status: int, content_type: str | None, body: str) -> None:
        super().__init__(status)
        self.status = status
        self.content_type = content_type
        self.body = body


def idempotency(request: Request) -> None:
    """``Idempotency-Key`` on a signed-in POST: the first answer is stored with the change (one
    transaction) and a retry with the same key gets that answer again, changing nothing.
    The same key on another route is refused (422)."""
    key = request.headers.get("idempotency-key")
    if key is None or request.method != "POST":
        return
    if not _IDEMPOTENCY_KEY.match(key):
        raise InputError.invalid(
            "Idempotency-Key", key[:40], "1 to 200 visible ASCII characters (a UUID, say)"
        )
    uow = unit_of_work(request)
    if uow is None:
        return
    db = uow.open(state(request).engine)
    user = optional_user(request, db)
    if user is None:
        return  # the route's own sign-in check answers
    signature = f"POST {request.url.path}"[:400]
    found = db.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    )
    if found is not None:
        if found.request != signature:
            raise InputError.invalid(
                "Idempotency-Key", key[:40], f"a new key (this one was used for {found.request})"
            )
        raise IdempotentReplay(found.status, found.content_type, found.body)
    uow.idempotency = (user.id, key, signature)


Idempotent = Depends(idempotency)
