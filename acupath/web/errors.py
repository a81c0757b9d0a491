"""The one error handler of the web app: acupath's exception tree mapped to status codes.

The status code comes from the exception class (see :mod:`acupath.errors`). Under ``/api/`` the
answer is ``{"ok": false, "errors": [...], "status": n}``; a page gets the error page with the
same message. A page that needs a signed-in user redirects to the sign-in page instead.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from acupath.errors import AcupathError, InputError
from acupath.web.deps import IdempotentReplay, NotSignedIn, is_api
from acupath.web.pages import render

log = logging.getLogger("acupath.web")

_TITLES = {
    400: "Input not accepted",
    401: "Sign in needed",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    422: "Cannot analyse this input",
    500: "Internal error",
}


class ErrorEntry(BaseModel):
    message: str
    field: str | None = None
    value: Any = None
    allowed: str | None = None
    location: str | None = None


class ErrorDocument(BaseModel):
    """Every error of the API has this shape."""

    ok: bool = False
    errors: list[ErrorEntry]
    status: int


def _doc(description: str) -> dict[str, Any]:
    return {"model": ErrorDocument, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _doc(
        "Well-formed, but refused by a rule of the domain (an unknown condition or point "
        "code, data that cannot be analysed, a control character, a reused idempotency "
        "key); the message names the field, the value and what is allowed"
    ),
    401: _doc("Not signed in, or the token is revoked or expired"),
    403: _doc("Signed in, but the role may not do this (or the form's CSRF token is stale)"),
    404: _doc("No such record, or one of another clinic"),
    413: _doc("The request body is over the size limit"),
    422: _doc("The request does not match this schema"),
}
"""Documented on every operation (``FastAPI(responses=...)``), so clients and schemathesis
know every status the API answers with."""


def error_document(status: int, errors: list[dict[str, Any]]) -> dict[str, Any]:
    """The API's error shape."""
    return {"ok": False, "errors": errors, "status": status}


def respond(request: Request, status: int, errors: list[dict[str, Any]]) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if is_api(request) or request.url.path == "/openapi.json":
        return JSONResponse(error_document(status, errors), status_code=status, headers=headers)
    return render(
        request,
        "error.html",
        {"status": status, "title": _TITLES.get(status, "Error"), "errors": errors},
        status=status,
    )


def _validation_errors(exc: RequestValidationError | ValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "form")]
        field = ".".join(loc) or None
        entry: dict[str, Any] = {"message": f"{field}: {err.get('msg')}" if field else err["msg"]}
        if field:
            entry["field"] = field
        value = err.get("input")
        if isinstance(value, str | int | float):
            entry["value"] = value
        out.append(entry)
    return out


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(AcupathError)
    async def acupath_error(request: Request, exc: AcupathError) -> Response:
        if isinstance(exc, NotSignedIn) and not is_api(request):
            target = quote(request.url.path, safe="/")
            return RedirectResponse(f"/sign-in?next={target}", status_code=303)
        if exc.status_code >= 500:
            log.error("internal error on %s: %s", request.url.path, exc)
        entry = exc.as_dict() if isinstance(exc, InputError) else {"message": exc.message}
        return respond(request, exc.status_code, [entry])

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, _validation_errors(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or API route at {request.url.path}"
        return respond(request, exc.status_code, [{"message": message}])

    @app.exception_handler(IdempotentReplay)
    async def replay(request: Request, exc: IdempotentReplay) -> Response:
        headers = {"Idempotent-Replayed": "true"}
        if exc.status in (301, 302, 303, 307, 308):
            # a form post's redirect: send the browser where the first answer did
            return Response(status_code=exc.status, headers={**headers, "Location": exc.body})
        return Response(
            exc.body, status_code=exc.status, media_type=exc.content_type, headers=headers
        )

    @app.exception_handler(ValidationError)
    async def model_error(request: Request, exc: ValidationError) -> Response:
        # A service built a model from the request's values and they did not validate: the
        # request is at fault (422), e.g. a sex outside the vocabulary.
        return respond(request, 422, _validation_errors(exc))

    @app.exception_handler(IntegrityError)
    async def integrity_error(request: Request, exc: IntegrityError) -> Response:
        # A value the database's own rules refuse (a CHECK vocabulary, a duplicate): the
        # request is at fault, not the server. Nothing was stored (the unit of work rolls back).
        log.warning("refused by the database on %s: %s", request.url.path, exc.orig)
        message = "the database refused a value: it is outside the allowed vocabulary or taken"
        return respond(request, 422, [{"message": message}])

    @app.exception_handler(DataError)
    async def data_error(request: Request, exc: DataError) -> Response:
        log.warning("data refused by the database on %s: %s", request.url.path, exc.orig)
        return respond(request, 422, [{"message": "a value is out of range or malformed"}])

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, 500, [{"message": f"internal error: {type(exc).__name__}"}])
