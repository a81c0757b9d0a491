"""Admin pages and their JSON twins (admins only, their own clinic only):

- users and roles: change a role, disable or enable a user (disabling revokes every session
  and token at once);
- sign-ins: every live browser session and API token of the clinic, each revocable;
- the audit log, filtered by actor, action, outcome, patient and date, newest first.

Every change is audited. ``acupath db audit`` reads the same log from the command line.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.errors import InputError, NotFound
from acupath.store import audit, session_auth
from acupath.store.models import AUDIT_ACTIONS, AUDIT_OUTCOMES, User
from acupath.web.deps import MAX_ID, ROLES, Admin, CsrfChecked, SessionDep, security_event
from acupath.web.pages import render
from acupath.web.routers.accounts import TokenInfo, TokenList, revoke_sign_in, token_info
from acupath.web.users import set_active, set_role

router = APIRouter(tags=["admin"])

Role = Literal["admin", "clinician", "viewer"]
Action = Literal[AUDIT_ACTIONS]  # type: ignore[valid-type]
Outcome = Literal[AUDIT_OUTCOMES]  # type: ignore[valid-type]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


class UserInfo(BaseModel):
    id: int
    username: str
    display_name: str
    role: str
    active: bool


class UserList(BaseModel):
    users: list[UserInfo]


class UserChange(BaseModel):
    role: Role | None = None
    active: bool | None = None


class AuditRow(BaseModel):
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str | None
    patient_id: int | None
    clinic_id: int | None
    address: str | None
    outcome: str
    request_id: str | None
    detail: dict[str, Any] | None


class AuditPage(BaseModel):
    entries: list[AuditRow]
    next_before_id: int | None = Field(description="Pass as before_id for older rows.")


def _user_info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        active=user.active,
    )


def _clinic_users(db: Session, admin: User) -> list[User]:
    query = select(User).where(User.clinic_id == admin.clinic_id).order_by(User.username)
    return list(db.scalars(query))


def _clinic_user(db: Session, admin: User, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None or user.clinic_id != admin.clinic_id:
        raise NotFound(f"no user {user_id} in your clinic", field="user_id", value=user_id)
    return user


def change_user(
    request: Request, db: Session, admin: User, user: User, change: UserChange
) -> UserInfo:
    """Apply a role or active change (an admin cannot lock themself out)."""
    if user.id == admin.id and (change.active is False or change.role not in (None, "admin")):
        raise InputError.invalid("user_id", user.id, "another user (not your own account)")
    before = {"role": user.role, "active": user.active}
    if change.role is not None:
        set_role(db=db, user=user, role=change.role)
    if change.active is not None:
        set_active(db=db, user=user, active=change.active)
    security_event(
        request,
        actor=admin.username,
        action="user_update",
        entity="user",
        entity_id=user.id,
        outcome="ok",
        clinic_id=admin.clinic_id,
        detail={"user": user.username, "before": before, "after": change.model_dump()},
    )
    return _user_info(user)


def audit_page(
    db: Session,
    admin: User,
    *,
    actor: str | None,
    action: str | None,
    outcome: str | None,
    patient_id: int | None,
    since: dt.date | None,
    before_id: int | None,
    limit: int,
) -> AuditPage:
    rows = audit.entries(
        db=db,
        clinic_id=admin.clinic_id,
        actor=actor or None,
        action=action,
        outcome=outcome,
        patient_id=patient_id,
        since=dt.datetime(since.year, since.month, since.day, tzinfo=dt.UTC) if since else None,
        before_id=before_id,
        limit=limit,
    )
    entries = [AuditRow(**audit.entry_json(r)) for r in rows]
    return AuditPage(
        entries=entries, next_before_id=entries[-1].id if len(entries) == limit else None
    )


def _tokens(db: Session, admin: User) -> list[TokenInfo]:
    names = {u.id: u.username for u in _clinic_users(db, admin)}
    rows = session_auth.listed(db=db, clinic_id=admin.clinic_id)
    return [token_info(r, names.get(r.user_id, "?")) for r in rows]


# --- pages ------------------------------------------------------------------------------


@router.get("/admin", include_in_schema=False)
def admin_page(request: Request, db: SessionDep, admin: Admin) -> Response:
    context = {
        "title": "Admin",
        "view": "users",
        "users": _clinic_users(db, admin),
        "roles": [r for r in ROLES],
        "me": admin,
        "tokens": _tokens(db, admin),
    }
    return render(request, "admin.html", context)


@router.post("/admin/users/{user_id}", include_in_schema=False, dependencies=[CsrfChecked])
def admin_change_user(
    request: Request,
    db: SessionDep,
    admin: Admin,
    user_id: Id,
    role: Annotated[Role | None, Form()] = None,
    active: Annotated[Literal["yes", "no"] | None, Form()] = None,
) -> Response:
    user = _clinic_user(db, admin, user_id)
    flag = None if active is None else active == "yes"
    change_user(request, db, admin, user, UserChange(role=role, active=flag))
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/tokens/{token_id}/revoke", include_in_schema=False, dependencies=[CsrfChecked])
def admin_revoke(request: Request, db: SessionDep, admin: Admin, token_id: Id) -> Response:
    revoke_sign_in(request, db, admin, token_id)
    return RedirectResponse("/admin", status_code=303)


@router.get("/admin/audit", include_in_schema=False)
def admin_audit_page(
    request: Request,
    db: SessionDep,
    admin: Admin,
    actor: Annotated[str | None, Query(max_length=80)] = None,
    action: Annotated[Action | None, Query()] = None,
    outcome: Annotated[Outcome | None, Query()] = None,
    patient_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    since: dt.date | None = None,
    before_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> Response:
    page = audit_page(
        db,
        admin,
        actor=actor,
        action=action,
        outcome=outcome,
        patient_id=patient_id,
        since=since,
        before_id=before_id,
        limit=100,
    )
    filters = {
        "actor": actor or "",
        "action": action or "",
        "outcome": outcome or "",
        "patient_id": patient_id or "",
        "since": since.isoformat() if since else "",
    }
    context = {
        "title": "Audit log",
        "view": "audit",
        "page": page,
        "filters": filters,
        "actions": AUDIT_ACTIONS,
        "outcomes": AUDIT_OUTCOMES,
    }
    return render(request, "admin.html", context)


# --- API ----------------------------------------------------------------------------------


@router.get("/api/admin/users", response_model=UserList)
def api_users(db: SessionDep, admin: Admin) -> UserList:
    """The users of your clinic with their roles."""
    return UserList(users=[_user_info(u) for u in _clinic_users(db, admin)])


@router.post(
    "/api/admin/users/{user_id}",
    response_model=UserInfo,
    responses={404: {"description": "No such user in your clinic"}},
)
def api_change_user(
    request: Request, db: SessionDep, admin: Admin, user_id: Id, body: UserChange
) -> UserInfo:
    """Change a user's role, or disable (``active: false``) or enable them."""
    return change_user(request, db, admin, _clinic_user(db, admin, user_id), body)


@router.get("/api/admin/tokens", response_model=TokenList)
def api_clinic_tokens(db: SessionDep, admin: Admin) -> TokenList:
    """Every live session and token of your clinic (revoke with DELETE /api/tokens/{id})."""
    return TokenList(tokens=_tokens(db, admin))


@router.get("/api/admin/audit", response_model=AuditPage)
def api_audit(
    db: SessionDep,
    admin: Admin,
    actor: Annotated[str | None, Query(max_length=80)] = None,
    action: Annotated[Action | None, Query()] = None,
    outcome: Annotated[Outcome | None, Query()] = None,
    patient_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    since: dt.date | None = None,
    before_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AuditPage:
    """Your clinic's audit log, newest first, with filters."""
    return audit_page(
        db,
        admin,
        actor=actor,
        action=action,
        outcome=outcome,
        patient_id=patient_id,
        since=since,
        before_id=before_id,
        limit=limit,
    )
