"""Rendering of server-side pages: one Jinja2 environment, the context every page gets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from acupath.web.security import SESSION_COOKIE

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["SITE"] = "acupath"


def _fmt(value: Any, digits: int = 2) -> str:
    """Round for display only (the JSON keeps full precision)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


templates.env.filters["fmt"] = _fmt


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status: int = 200
) -> Response:
    """Render template ``name`` with the page context (CSRF token, sign-in state)."""
    ctx: dict[str, Any] = {
        "csrf_token": getattr(request.state, "csrf", ""),
        "signed_in": SESSION_COOKIE in request.cookies,
        "path": request.url.path,
    }
    ctx.update(context or {})
    return templates.TemplateResponse(request, name, ctx, status_code=status)
