"""Security headers and the CSRF cookie on every response, as a plain ASGI middleware.

Starlette's ``@app.middleware("http")`` wraps every request and response in extra objects and a
task; at a few milliseconds per page that overhead halved throughput in benchmarks/web. This
middleware only edits the response-start message, so it costs microseconds.

What it does, per HTTP request:

- puts the CSRF token in ``request.state.csrf`` (from the cookie, or a new one) for forms;
- adds :data:`~acupath.web.security.SECURITY_HEADERS` (a strict content security policy among
  them) unless the route set its own, and HSTS behind HTTPS;
- marks API and static responses ``Cache-Control: no-store``; on pages, sets the CSRF cookie
  (HttpOnly, SameSite=Lax, Secure behind HTTPS) when the request had none.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from acupath.web.security import CSRF_COOKIE, SECURITY_HEADERS, new_csrf_token

HSTS = "max-age=31536000"


def csrf_cookie(token: str, *, secure: bool) -> str:
    """The ``Set-Cookie`` value for the CSRF token."""
    value = f"{CSRF_COOKIE}={token}; HttpOnly; Path=/; SameSite=lax"
    return value + "; Secure" if secure else value


class SecurityMiddleware:
    """Wrap an ASGI app so that every HTTP response carries the security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = HTTPConnection(scope).cookies.get(CSRF_COOKIE)
        fresh = not token
        csrf: str = token or new_csrf_token()
        scope.setdefault("state", {})["csrf"] = csrf
        https = scope.get("scheme") == "https"
        path: str = scope["path"]
        no_store = path.startswith(("/api/", "/static/"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if https:
                    headers.setdefault("Strict-Transport-Security", HSTS)
                if no_store:
                    headers.setdefault("Cache-Control", "no-store")
                elif fresh:
                    headers.append("set-cookie", csrf_cookie(csrf, secure=https))
            await send(message)

        await self.app(scope, receive, send_with_headers)
