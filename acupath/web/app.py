"""The acupath web application: ``create_app(settings)`` builds it; ``acupath serve`` runs it.

Pages for people and a JSON twin of each under ``/api/`` (datasette's rule), one error handler
(:mod:`acupath.web.errors`), security headers and the CSRF cookie on every response, routers by
domain (evidence, points, meta, ask, accounts, patients, dashboard).
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

import acupath
from acupath.evidence.loader import EvidenceBase, bundled_base
from acupath.settings import Settings, get_settings
from acupath.store import open_database
from acupath.store.engine import private_folder
from acupath.web import errors
from acupath.web.deps import AppState, Idempotent, StrictText
from acupath.web.middleware import SecurityMiddleware
from acupath.web.pages import HERE, render
from acupath.web.security import Signer

ROUTERS = (
    "evidence",
    "points",
    "meta",
    "ask",
    "check",
    "accounts",
    "patients",
    "dashboard",
    "admin",
)
"""Router modules under :mod:`acupath.web.routers`; one whose core is missing is skipped."""


def database(settings: Settings) -> Engine:
    """The migrated database of these settings (the SQLite folder is created 0700 when missing).

    With ``ACUPATH_MIGRATION_DATABASE_URL`` the schema is migrated as that (owner) role and
    the app connects as ``ACUPATH_DATABASE_URL``, which cannot rewrite the audit log.
    """
    url = settings.effective_database_url
    if not settings.database_url:
        private_folder(settings.data_dir)
    if settings.migration_database_url:
        owner = open_database(settings.migration_database_url)
        owner.dispose()
        return open_database(url, upgrade=False)
    return open_database(url)


def create_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    base: EvidenceBase | None = None,
) -> FastAPI:
    """Build the app. ``engine`` and ``base`` default to the settings' database and the bundle."""
    settings = settings or get_settings()
    app = FastAPI(
        title="acupath",
        version=getattr(acupath, "__version__", "0.1.0"),
        description="Evidence-grounded acupuncture for pain care: pages and a JSON API.",
        docs_url=None,  # Swagger UI loads from a CDN; /docs is served from our own template
        redoc_url=None,
        openapi_url="/openapi.json",
        dependencies=[StrictText, Idempotent],
        responses=errors.ERROR_RESPONSES,
    )
    app.state.acupath = AppState(
        settings=settings,
        engine=engine or database(settings),
        base=base or bundled_base(),
        signer=Signer(settings.signing_key()),
    )
    errors.install(app)

    app.add_middleware(SecurityMiddleware, max_body_bytes=settings.max_body_bytes)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        return render(request, "home.html", {"title": "acupath"})

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        schema = app.openapi()
        routes = [
            {"method": method.upper(), "path": path, "summary": op.get("summary", "")}
            for path, ops in schema["paths"].items()
            for method, op in ops.items()
        ]
        return render(request, "docs.html", {"title": "API", "routes": routes})

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness: the app is up and the evidence base is loaded."""
        base = app.state.acupath.base
        return {"ok": True, "findings": len(base.findings), "sources": len(base.sources)}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg")

    for name in ROUTERS:
        if importlib.util.find_spec(f"acupath.web.routers.{name}") is None:
            continue
        try:
            module = importlib.import_module(f"acupath.web.routers.{name}")
        except ModuleNotFoundError as exc:  # a core package still being built: pages absent
            if exc.name and exc.name.startswith("acupath.web"):
                raise
            app.state.missing = [*getattr(app.state, "missing", []), f"{name}: {exc}"]
            continue
        app.include_router(module.router)

    # Everything built so far (evidence base, atlas, templates, routes) lives as long as the
    # process; moving it out of the collector's reach keeps full collections from walking it
    # on every cycle, which showed up as 100+ ms tail latency on pages (benchmarks/web).
    gc.collect()
    gc.freeze()
    return app
