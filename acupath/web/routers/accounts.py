"""Sign-in and sign-out pages, API tokens for scripts (issue, list, revoke), and ``/api/me``.

Every sign-in, refused sign-in, sign-out, token issued and token revoked is audited with the
clinic, the address, the outcome and the request id.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from acupath.errors import NotFound
from acupath.store import session_auth
from acupath.store.models import AuthSession, User
from acupath.web.deps import (
    MAX_ID,
    CsrfChecked,
    CurrentUser,
    NotSignedIn,
    OptionalUser,
    SessionDep,
    StateDep,
    client_address,
    current_auth,
    security_event,
)
from acupath.web.middleware import csrf_cookie
from acupath.web.pages import render
from acupath.web.security import SESSION_COOKIE, SESSION_MAX_AGE, new_csrf_token
from acupath.web.users import SignInResult, authenticate

router = APIRouter(tags=["accounts"])

LOCKED_MESSAGE = "Too many failed sign-ins: try again in 15 minutes."


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=1000)
    label: str | None = Field(default=None, max_length=80, pattern=r"^[^\x00-\x1f\x7f]*$")


class TokenOut(BaseModel):
    token: str
    token_type: str = "bearer"
    id: int
    expires_at: str


class TokenInfo(BaseModel):
    id: int
    kind: str
    username: str
    label: str | None
    created_at: str
    last_used_at: str
    expires_at: str
    address: str | None


class TokenList(BaseModel):
    tokens: list[TokenInfo]


class Revoked(BaseModel):
    id: int
    revoked: bool


class Me(BaseModel):
    username: str
    display_name: str
    role: str
    clinic_id: int


def _iso(value: dt.datetime) -> str:
    return session_auth.aware(value).isoformat(timespec="seconds")


def token_info(row: AuthSession, username: str) -> TokenInfo:
    return TokenInfo(
        id=row.id,
        kind=row.kind,
        username=username,
        label=row.label,
        created_at=_iso(row.created_at),
        last_used_at=_iso(row.last_used_at),
        expires_at=_iso(row.expires_at),
        address=row.address,
    )


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect would help phishing."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/patients"


def _sign_in(request: Request, app: StateDep, username: str, password: str) -> SignInResult:
    result = authenticate(
        engine=app.engine, username=username, password=password, address=client_address(request)
    )
    if result.user is None:
        security_event(
            request,
            actor=username[:80] or "?",
            action="sign_in",
            entity="user",
            outcome="denied" if result.reason == "locked" else "failed",
            detail={
                "reason": result.reason,
                "via": "api" if "/api/" in request.url.path else "page",
            },
        )
    return result


@router.get("/sign-in", include_in_schema=False)
def sign_in_page(request: Request, next: str | None = None) -> Response:
    return render(request, "sign_in.html", {"title": "Sign in", "next": _safe_next(next)})


@router.post("/sign-in", include_in_schema=False, dependencies=[CsrfChecked])
def sign_in(
    request: Request,
    app: StateDep,
    db: SessionDep,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "/patients",
) -> Response:
    result = _sign_in(request, app, username, password)
    if result.user is None:
        context = {
            "title": "Sign in",
            "next": _safe_next(next),
            "username": username,
            "error": LOCKED_MESSAGE
            if result.reason == "locked"
            else "Username or password not recognised.",
        }
        return render(request, "sign_in.html", context, status=401)
    user = db.get(User, result.user.id)
    assert user is not None
    row, secret = session_auth.open_sign_in(
        db=db, user=user, kind="session", address=client_address(request)
    )
    security_event(
        request,
        actor=user.username,
        action="sign_in",
        entity="user",
        entity_id=user.id,
        outcome="ok",
        clinic_id=user.clinic_id,
        detail={"session": row.id},
    )
    response = RedirectResponse(_safe_next(next), status_code=303)
    secure = request.url.scheme == "https"
    response.set_cookie(
        SESSION_COOKIE,
        app.signer.session(secret),
        max_age=SESSION_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )
    # A new CSRF token at sign-in: one planted before sign-in (fixation) stops working.
    response.headers.append("set-cookie", csrf_cookie(new_csrf_token(), secure=secure))
    return response


@router.post("/sign-out", include_in_schema=False, dependencies=[CsrfChecked])
def sign_out(request: Request, db: SessionDep, user: OptionalUser) -> Response:
    """End the session on the server too: the old cookie no longer opens anything."""
    row = current_auth(request)
    if user is not None and row is not None:
        session_auth.revoke(db=db, row=db.merge(row))
        security_event(
            request,
            actor=user.username,
            action="sign_out",
            entity="user",
            entity_id=user.id,
            outcome="ok",
            clinic_id=user.clinic_id,
            detail={"session": row.id},
        )
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post(
    "/api/tokens",
    response_model=TokenOut,
    responses={401: {"description": "Wrong credentials or too many failed sign-ins"}},
)
def api_token(request: Request, app: StateDep, db: SessionDep, body: Credentials) -> TokenOut:
    """Exchange a username and password for a bearer token (valid 90 days, until revoked, or
    until the password changes). Failed attempts count toward the sign-in lockout."""
    result = _sign_in(request, app, body.username, body.password)
    if result.user is None:
        locked = result.reason == "locked"
        raise NotSignedIn(
            "too many failed sign-ins; try again later" if locked else "wrong credentials"
        )
    user = db.get(User, result.user.id)
    assert user is not None
    row, secret = session_auth.open_sign_in(
        db=db, user=user, kind="token", label=body.label, address=client_address(request)
    )
    security_event(
        request,
        actor=user.username,
        action="token_create",
        entity="auth_session",
        entity_id=row.id,
        outcome="ok",
        clinic_id=user.clinic_id,
        detail={"label": body.label},
    )
    return TokenOut(token=app.signer.token(secret), id=row.id, expires_at=_iso(row.expires_at))


@router.get("/api/tokens", response_model=TokenList)
def api_tokens(db: SessionDep, user: CurrentUser) -> TokenList:
    """Your live sign-ins: API tokens and browser sessions (never their secrets)."""
    rows = session_auth.listed(db=db, user_id=user.id)
    return TokenList(tokens=[token_info(r, user.username) for r in rows])


@router.delete(
    "/api/tokens/{token_id}",
    response_model=Revoked,
    responses={404: {"description": "No such token of yours"}},
)
def api_revoke_token(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    token_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> Revoked:
    """Revoke one of your tokens or sessions (an admin: any of the clinic's)."""
    row = revoke_sign_in(request, db, user, token_id)
    return Revoked(id=row.id, revoked=True)


@router.get("/api/me", response_model=Me)
def api_me(user: CurrentUser) -> Me:
    """The user the token belongs to: name, role, clinic."""
    return Me(
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        clinic_id=user.clinic_id,
    )


def revoke_sign_in(request: Request, db: Session, user: User, token_id: int) -> AuthSession:
    """Revoke a token or browser sign-in: the user's own, or (for an admin) any in the clinic.

    Anything else is "not found", so the ids of other clinics' sign-ins are not revealed.
    """
    row = db.get(AuthSession, token_id)
    owner = db.get(User, row.user_id) if row is not None else None
    allowed = owner is not None and (
        owner.id == user.id or (user.role == "admin" and owner.clinic_id == user.clinic_id)
    )
    if row is None or owner is None or not allowed:
        raise NotFound(
            f"no token or sign-in {token_id} that you may revoke", field="token_id", value=token_id
        )
    session_auth.revoke(db=db, row=row)
    security_event(
        request,
        actor=user.username,
        action="token_revoke",
        entity="auth_session",
        entity_id=row.id,
        outcome="ok",
        clinic_id=user.clinic_id,
        detail={"owner": owner.username},
    )
    return row
