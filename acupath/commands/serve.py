"""``acupath serve``: run the web application (pages and JSON API) with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from acupath.errors import InputError


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command."""
    app.command("serve")(serve)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    demo: Annotated[
        bool, typer.Option("--demo", help="Add the demo clinic (synthetic patients) first.")
    ] = False,
    workers: Annotated[
        int, typer.Option(help="Worker processes (PostgreSQL for more than 1).")
    ] = 1,
    proxy_headers: Annotated[
        bool, typer.Option(help="Trust X-Forwarded-Proto from a reverse proxy (HTTPS).")
    ] = False,
) -> None:
    """Start the clinic web app on SQLite (or ACUPATH_DATABASE_URL) and print its address."""
    import uvicorn

    from acupath.settings import get_settings
    from acupath.web.app import create_app, database

    if not 0 < port < 65536:
        raise InputError.invalid("--port", port, "a port number from 1 to 65535")
    if workers < 1:
        raise InputError.invalid("--workers", workers, "at least 1")
    settings = get_settings()
    engine = database(settings)
    if demo:
        from acupath.web.demo import add_demo

        print(add_demo(engine))
    shown = f"[{host}]" if ":" in host else host
    print(f"acupath is serving on http://{shown}:{port}/  (Ctrl+C stops it)", flush=True)
    if workers == 1:
        app = create_app(settings, engine=engine)
        uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=proxy_headers)
    else:
        uvicorn.run(
            "acupath.web.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            proxy_headers=proxy_headers,
        )
