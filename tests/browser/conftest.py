"""A live server on 127.0.0.1 (random port) and Debian's Chromium driven by Playwright.

Never ``playwright install``: the browser is /usr/bin/chromium from Debian (``.ci/browser.sh``).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from acupath.settings import Settings
from acupath.store import write_session
from acupath.web.app import create_app
from acupath.web.routers.patients import NewPatient, create_patient
from acupath.web.users import add_user

CHROMIUM = os.environ.get("ACUPATH_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "browser test password"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    folder = tmp_path_factory.mktemp("browser")
    app = create_app(Settings(environment="test", data_dir=folder, secret_key="browser-secret-1"))
    with write_session(app.state.acupath.engine) as db:
        add_user(db=db, username="ana", password=PASSWORD, clinic="Clinic A")
        ben = add_user(db=db, username="ben", password=PASSWORD, clinic="Clinic B")
        intake = {"age": 50, "conditions": [{"condition": "chronic_neck_pain"}]}
        other = create_patient(db, ben, NewPatient(reference="B-1", intake=intake)).id
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # wait for the socket, bounded (not a timing assertion)
        if server.started:
            break
        time.sleep(0.05)
    yield {
        "url": f"http://127.0.0.1:{port}",
        "other_patient": other,
        "engine": app.state.acupath.engine,
    }
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture()
def desktop(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def axe_script() -> str:
    """axe-core as shipped inside the axe-playwright-python wheel (nothing is downloaded)."""
    from axe_playwright_python.base import AXE_FILE_PATH

    return AXE_FILE_PATH.read_text(encoding="utf-8")


def serious_violations(page: Any) -> list[str]:
    """Run axe-core on the page; the violations of impact serious or critical, as text."""
    page.evaluate(axe_script())
    result = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


def overflow_px(page: Any) -> int:
    """How far the page is wider than the window (0 when there is no sideways scroll)."""
    width: int = page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - window.innerWidth"
    )
    return max(0, width)
