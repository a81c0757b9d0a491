"""Sign-in and sign-out pages, API tokens for scripts, and ``/api/me``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from acupath.web.deps import CsrfChecked, CurrentUser, NotSignedIn, SessionDep, StateDep
from acupath.web.pages import render
from acupath.web.security import SESSION_COOKIE, SESSION_MAX_AGE
from acupath.web.users import authenticate

router = APIRouter(tags=["accounts"])


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=1000)


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect would help phishing."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/patients"


def _refused(request: Request, app: StateDep, username: str) -> str:
    if app.guard.locked(username):
        return "Too many failed sign-ins for this username: try again in 15 minutes."
    return "Username or password not recognised."


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
    next: Annotated[str, Form()] = "/patients",
) -> Response:
    user = authenticate(db=db, guard=app.guard, username=username, password=password)
    if user is None:
        context = {
            "title": "Sign in",
            "next": _safe_next(next),
            "username": username,
            "error": _refused(request, app, username),
        }
        return render(request, "sign_in.html", context, status=401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        app.signer.session(user.id, user.password_hash),
        max_age=SESSION_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


@router.post("/sign-out", include_in_schema=False, dependencies=[CsrfChecked])
def sign_out() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/api/tokens")
def api_token(app: StateDep, db: SessionDep, body: Credentials) -> dict[str, Any]:
    """Exchange a username and password for a bearer token (valid 90 days or until the
    password changes). Failed attempts count toward the sign-in lockout."""
    user = authenticate(db=db, guard=app.guard, username=body.username, password=body.password)
    if user is None:
        locked = app.guard.locked(body.username)
        message = "too many failed sign-ins; try again later" if locked else "wrong credentials"
        raise NotSignedIn(message)
    return {"token": app.signer.token(user.id, user.password_hash), "token_type": "bearer"}


@router.get("/api/me")
def api_me(user: CurrentUser) -> dict[str, Any]:
    """The user the token belongs to: name, role, clinic."""
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "clinic_id": user.clinic_id,
    }
