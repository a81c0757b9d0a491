"""One plain ASGI middleware: the unit of work of each request, request ids, a body size limit,
security headers and the CSRF cookie.

Starlette's ``@app.middleware("http")`` wraps every request and response in extra objects and a
task; at a few milliseconds per page that overhead halved throughput in benchmarks/web. This
middleware only edits the response-start message, so it costs microseconds.

What it does, per HTTP request:

- **Commit before responding.** The request's database session (``SessionDep``, see
  :class:`UnitOfWork`) is committed when the response is about to start, before a byte of it
  is sent: a status below 400 commits, anything else rolls back. A commit that fails turns the
  response into a 500, so nothing is acknowledged that is not durable. FastAPI's own teardown
  of yield dependencies runs *after* the response is sent, which is why this is done here.
  Security events (refused sign-ins, denied requests) are written even when the rest rolls back.
- gives the request an id (a well-formed ``X-Request-ID`` from the client, else a new one),
  sends it back, and hands it and the client address to the audit log
  (:data:`acupath.store.audit.REQUEST`);
- refuses a body over :data:`MAX_BODY_BYTES` with 413 before anything parses it (by
  ``Content-Length`` and by counting the bytes that arrive);
- puts the CSRF token in ``request.state.csrf`` (from the cookie, or a new one) for forms;
- adds :data:`~acupath.web.security.SECURITY_HEADERS` (a strict content security policy among
  them) unless the route set its own, and HSTS behind HTTPS;
- marks ``Cache-Control: no-store`` on every response to a signed-in request (cookie or token),
  on the API and on static files, so Back after sign-out shows no patient page; on pages, sets
  the CSRF cookie (HttpOnly, SameSite=Lax, Secure behind HTTPS) when the request had none.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import anyio
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from acupath.store import audit
from acupath.store.engine import session_factory
from acupath.store.models import IdempotencyKey
from acupath.web.security import (
    CSRF_COOKIE,
    NO_STORE,
    SECURITY_HEADERS,
    SESSION_COOKIE,
    new_csrf_token,
)

HSTS = "max-age=31536000"
MAX_BODY_BYTES = 10 * 1024 * 1024
"""10 MiB: a FHIR bundle of a whole clinic fits; a 50 MB body is refused unparsed."""
UOW_KEY = "acupath_uow"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")

log = logging.getLogger("acupath.web")


@dataclass
class UnitOfWork:
    """The database work of one request: one session, opened on first use, finished once."""

    engine: Engine | None = None
    session: Session | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    finished: bool = False
    idempotency: tuple[int, str, str] | None = None
    """(user id, key, request) of a POST sent with ``Idempotency-Key``: its answer is stored."""

    def open(self, engine: Engine) -> Session:
        if self.session is None:
            self.engine = engine
            self.session = session_factory(engine)()
        return self.session

    def event(self, engine: Engine, **fields: Any) -> None:
        """A security event: written whether the request succeeds or not."""
        self.engine = self.engine or engine
        self.events.append(fields)

    def finish(self, ok: bool, answer: tuple[int, str | None, bytes] | None = None) -> None:
        """Commit (``ok``) or roll back, then write any security events. Raises when the
        commit fails: the caller must then not acknowledge anything. ``answer`` (status,
        content type, body) is stored with the idempotency key in the same transaction."""
        if self.finished:
            return
        self.finished = True
        db = self.session
        if db is not None and ok:
            try:
                for fields in self.events:
                    audit.log(db=db, **fields)
                if answer is not None and self.idempotency is not None:
                    user_id, key, request = self.idempotency
                    db.add(
                        IdempotencyKey(
                            user_id=user_id,
                            key=key,
                            request=request,
                            status=answer[0],
                            content_type=answer[1],
                            body=answer[2].decode("utf-8", errors="replace"),
                        )
                    )
                db.commit()
                return
            except Exception:
                db.rollback()
                raise
        if db is not None:
            db.rollback()
        if self.events and self.engine is not None:
            with session_factory(self.engine)() as fresh, fresh.begin():
                for fields in self.events:
                    audit.log(db=fresh, **fields)

    def close(self) -> None:
        if self.session is not None:
            if not self.finished:
                self.session.rollback()
            self.session.close()


def csrf_cookie(token: str, *, secure: bool) -> str:
    """The ``Set-Cookie`` value for the CSRF token."""
    value = f"{CSRF_COOKIE}={token}; HttpOnly; Path=/; SameSite=lax"
    return value + "; Secure" if secure else value


def _error_body(status: int, message: str, api: bool) -> tuple[bytes, bytes]:
    doc = {"ok": False, "errors": [{"message": message}], "status": status}
    if api:
        return json.dumps(doc).encode(), b"application/json"
    page = f"<!doctype html><title>Error {status}</title><h1>Error {status}</h1><p>{message}</p>"
    return page.encode(), b"text/html; charset=utf-8"


class _TooLarge(Exception):
    pass


class SecurityMiddleware:
    """Wrap an ASGI app: unit of work, request id, body limit, security headers."""

    def __init__(self, app: ASGIApp, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        path: str = scope["path"]
        api = path.startswith("/api/")
        given_id = conn.headers.get("x-request-id", "")
        request_id = given_id if _REQUEST_ID.match(given_id) else uuid.uuid4().hex
        client = scope.get("client")
        info = audit.RequestInfo(request_id=request_id, address=client[0] if client else None)
        length = conn.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await self._plain(send, 413, f"the body is over {self.max_body} bytes", api, info)
            return

        token = conn.cookies.get(CSRF_COOKIE)
        fresh = not token
        csrf: str = token or new_csrf_token()
        state = scope.setdefault("state", {})
        state["csrf"] = csrf
        uow = UnitOfWork()
        state[UOW_KEY] = uow
        https = scope.get("scheme") == "https"
        signed_in = SESSION_COOKIE in conn.cookies or "authorization" in conn.headers
        no_store = signed_in or path.startswith(("/api/", "/static/", "/sign-in", "/admin"))
        received = 0
        too_large = False
        swallow = False
        held: list[Message] = []  # an idempotent answer is held until it is stored

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_large = True
                    raise _TooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal swallow
            if swallow:
                return
            if held or (
                message["type"] == "http.response.start"
                and uow.idempotency is not None
                and int(message["status"]) < 400
            ):
                held.append(message)
                if message["type"] != "http.response.body" or message.get("more_body"):
                    return
                start = held[0]
                body = b"".join(m.get("body", b"") for m in held[1:])
                started_headers = MutableHeaders(scope=start)
                kind = started_headers.get("content-type")
                status = int(start["status"])
                # a redirect is replayed by its target, an answer by its body
                stored = started_headers.get("location", "").encode() if status >= 300 else body
                answer = (status, kind, stored)
                try:
                    await anyio.to_thread.run_sync(uow.finish, True, answer)
                except Exception:
                    log.exception("commit failed on %s %s", scope["method"], path)
                    swallow = True
                    await self._plain(send, 500, "the change could not be stored", api, info)
                    return
                self._decorate(start, request_id, https, no_store, api, path, fresh, csrf)
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            if message["type"] == "http.response.start":
                status = int(message["status"])
                try:
                    await anyio.to_thread.run_sync(uow.finish, status < 400)
                except Exception:
                    log.exception("commit failed on %s %s", scope["method"], path)
                    swallow = True
                    await self._plain(send, 500, "the change could not be stored", api, info)
                    return
                self._decorate(message, request_id, https, no_store, api, path, fresh, csrf)
            await send(message)

        reset = audit.REQUEST.set(info)
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if too_large:
                # A chunked body has no length to check up front; when the app catches the
                # refusal while parsing (FastAPI answers 400), the client is told the real reason.
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await anyio.to_thread.run_sync(uow.finish, False)
                    await self._plain(
                        send, 413, f"the body is over {self.max_body} bytes", api, info
                    )
                return
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            await anyio.to_thread.run_sync(uow.finish, False)
            if not started:
                await self._plain(send, 413, f"the body is over {self.max_body} bytes", api, info)
        except BaseException:
            # an unexpected error: nothing of this request is stored (security events are)
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(uow.finish, False)
            raise
        finally:
            audit.REQUEST.reset(reset)
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(uow.close)

    @staticmethod
    def _decorate(
        message: Message,
        request_id: str,
        https: bool,
        no_store: bool,
        api: bool,
        path: str,
        fresh: bool,
        csrf: str,
    ) -> None:
        headers = MutableHeaders(scope=message)
        for name, value in SECURITY_HEADERS.items():
            headers.setdefault(name, value)
        headers["X-Request-ID"] = request_id
        if https:
            headers.setdefault("Strict-Transport-Security", HSTS)
        if no_store:
            headers["Cache-Control"] = NO_STORE
        if not api and not path.startswith("/static/") and fresh:
            headers.append("set-cookie", csrf_cookie(csrf, secure=https))

    @staticmethod
    async def _plain(
        send: Send, status: int, message: str, api: bool, info: audit.RequestInfo
    ) -> None:
        body, kind = _error_body(status, message, api)
        headers = [
            (b"content-type", kind),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", NO_STORE.encode()),
            (b"x-request-id", (info.request_id or "").encode()),
        ]
        headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
