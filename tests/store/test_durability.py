"""Nothing acknowledged is lost: a write is committed before its 2xx, on both backends.

- A real ``acupath serve`` process, writers posting sessions concurrently, killed with -9 right
  after an acknowledgement: every acknowledged session is stored, with its audit row.
- A commit that fails (an injected error; on SQLite a really full database) answers 5xx and
  stores nothing; a patient read whose audit row cannot be committed is not served.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, func, select, text

from acupath.settings import Settings
from acupath.store import open_database, write_session
from acupath.store.models import AuditEntry, TreatmentSession
from acupath.web.app import create_app
from acupath.web.users import add_user
from tests.store.helpers import add_patient

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
VISIT = {"performed_on": "2026-04-01", "points": ["LI4", "ST36"], "pain_nrs": 4}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _setup(engine: Engine) -> int:
    """A clinician of the default clinic and a patient with a course; returns the patient id."""
    _, patient_id, _ = add_patient(engine)
    with write_session(engine) as db:
        add_user(db=db, username="dee", password=PASSWORD, role="clinician")
    return patient_id


class Server:
    """``acupath serve`` in a subprocess (as ``make run`` starts it), on a free port."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.port = _free_port()
        env = {
            **os.environ,
            "ACUPATH_DATABASE_URL": url,
            "ACUPATH_DATA_DIR": str(data_dir),
            "ACUPATH_ENVIRONMENT": "test",
            "PYTHONPATH": str(ROOT),
        }
        env.pop("ACUPATH_SECRET_KEY", None)  # the server makes its own key file
        code = (
            "from acupath.cli import main; "
            f"raise SystemExit(main(['serve', '--port', '{self.port}']))"
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, self.proc.stderr.read() if self.proc.stderr else ""
            try:
                if httpx.get(self.base + "/api/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)


@pytest.fixture
def server_db(db_url: str, tmp_path: Path) -> Iterator[tuple[str, int]]:
    engine = open_database(db_url)
    patient_id = _setup(engine)
    engine.dispose()
    yield db_url, patient_id


def test_kill_9_right_after_acknowledged_writes_loses_none(
    server_db: tuple[str, int], tmp_path: Path
) -> None:
    url, patient_id = server_db
    server = Server(url, tmp_path / "data")
    try:
        r = httpx.post(server.base + "/api/tokens", json={"username": "dee", "password": PASSWORD})
        assert r.status_code == 200, r.text
        headers = {"Authorization": f"Bearer {r.json()['token']}"}
        acked: list[int] = []
        lock = threading.Lock()
        stop = threading.Event()

        def writer() -> None:
            with httpx.Client(base_url=server.base, headers=headers, timeout=10) as c:
                while not stop.is_set():
                    try:
                        resp = c.post(f"/api/patients/{patient_id}/sessions", json=VISIT)
                    except httpx.HTTPError:
                        return  # the server is gone
                    if resp.status_code == 201:
                        with lock:
                            acked.append(int(resp.json()["session_id"]))
                            if len(acked) >= 12 and not stop.is_set():
                                stop.set()
                                server.kill()  # right after an acknowledgement

        threads = [threading.Thread(target=writer) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert stop.is_set() and len(acked) >= 12
    finally:
        if server.proc.poll() is None:
            server.kill()
    engine = open_database(url, upgrade=False)
    try:
        with engine.connect() as conn:
            stored = set(conn.execute(select(TreatmentSession.id)).scalars())
            audited = set(
                conn.execute(
                    select(AuditEntry.entity_id).where(
                        AuditEntry.entity == "session", AuditEntry.action == "create"
                    )
                ).scalars()
            )
        lost = sorted(set(acked) - stored)
        assert not lost, f"acknowledged but lost: {lost}"
        assert {str(i) for i in acked} <= audited
    finally:
        engine.dispose()


def _client(engine: Engine, tmp_path: Path) -> TestClient:
    settings = Settings(environment="test", data_dir=tmp_path, secret_key="durability-secret-key")
    return TestClient(create_app(settings, engine=engine), raise_server_exceptions=False)


def _token(client: TestClient) -> dict[str, str]:
    r = client.post("/api/tokens", json={"username": "dee", "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _counts(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        sessions = conn.execute(select(func.count()).select_from(TreatmentSession)).scalar_one()
        audits = conn.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    return int(sessions), int(audits)


def test_injected_commit_failure_acknowledges_nothing(engine: Engine, tmp_path: Path) -> None:
    patient_id = _setup(engine)
    with _client(engine, tmp_path) as client:
        headers = _token(client)
        before = _counts(engine)

        def refuse(_conn: Any) -> None:
            raise OSError(28, "No space left on device (injected)")

        event.listen(engine, "commit", refuse)
        try:
            for _ in range(3):
                r = client.post(f"/api/patients/{patient_id}/sessions", json=VISIT, headers=headers)
                assert r.status_code >= 500, r.text
            r = client.get(f"/api/patients/{patient_id}", headers=headers)
            assert r.status_code >= 500  # the read's audit row could not be stored: no data
            assert "reference" not in r.text
        finally:
            event.remove(engine, "commit", refuse)
        assert _counts(engine) == before
        r = client.post(f"/api/patients/{patient_id}/sessions", json=VISIT, headers=headers)
        assert r.status_code == 201
        assert _counts(engine)[0] == before[0] + 1


def test_full_sqlite_database_acknowledges_nothing(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'full.db'}")
    patient_id = _setup(engine)
    with _client(engine, tmp_path) as client:
        headers = _token(client)
        before = _counts(engine)
        with engine.connect() as conn:
            pages = conn.execute(text("PRAGMA page_count")).scalar_one()

        def full(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count={pages}")  # the disk is full

        engine.dispose()
        event.listen(engine, "connect", full)
        try:
            stored = 0
            for i in range(20):
                body = {**VISIT, "notes": "x" * 4000 + str(i)}
                r = client.post(f"/api/patients/{patient_id}/sessions", json=body, headers=headers)
                stored += r.status_code == 201
            assert stored < 20  # the disk filled up ...
        finally:
            event.remove(engine, "connect", full)
            engine.dispose()
        # ... and exactly the acknowledged sessions are there.
        assert _counts(engine)[0] == before[0] + stored
    engine.dispose()
