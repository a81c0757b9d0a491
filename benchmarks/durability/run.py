"""Durability under kill -9: acknowledged vs stored writes, per run, on SQLite and PostgreSQL.

Each run starts a real ``acupath serve`` (the project's own command) on a fresh database, lets
``--writers`` threads post treatment sessions through the JSON API as fast as they can, kills
the server with SIGKILL right after the first acknowledgement that follows a random 3-6 s,
and then counts:

- acknowledged: sessions whose POST got 201 (the client saw success);
- stored: acknowledged sessions found in the database after the crash;
- lost: acknowledged but not stored (target: 0 in every run).

Throughput (acknowledged writes per second until the kill) is the cost side. ``--root`` runs
the server from another checkout (e.g. the code before commit-before-respond) for comparison;
that tree must accept ``ACUPATH_SECRET_KEY``.

    python -m benchmarks.durability.run --runs 5 --writers 8 [--backend sqlite] [--json out]

PostgreSQL needs ``ACUPATH_TEST_POSTGRES_URL`` (a database this benchmark may empty).
Traffic goes to 127.0.0.1 only; every loop is bounded by count and time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
VISIT = {"performed_on": "2026-04-01", "points": ["LI4", "ST36"], "pain_nrs": 4}
SETUP = """
import sys
from acupath.store import open_database, write_session, clinics, patients
from acupath.store.schemas import PatientIn, PlanIn
from acupath.web.users import add_user
import datetime as dt
engine = open_database(sys.argv[1])
with write_session(engine) as db:
    clinic = clinics.get_or_create(db=db, name=clinics.DEFAULT_CLINIC)
    p = patients.create(db=db, clinic_id=clinic.id, data=PatientIn(reference="B-1",
        intake={"age": 61, "conditions": [{"condition": "chronic_low_back_pain"}]}), actor="bench")
    patients.start_plan(db=db, patient=p, data=PlanIn(condition="chronic_low_back_pain",
        technique="manual", planned_sessions=10, started_on=dt.date(2026, 3, 2)), actor="bench")
    add_user(db=db, username="bench", password=sys.argv[2], role="clinician")
    print(p.id)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fresh_db(backend: str, folder: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'bench.db'}"
    url = os.environ.get("ACUPATH_TEST_POSTGRES_URL")
    if not url:
        raise SystemExit("set ACUPATH_TEST_POSTGRES_URL for the PostgreSQL leg")
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
        conn.execute(text("DROP FUNCTION IF EXISTS audit_log_append_only() CASCADE"))
    engine.dispose()
    return url


def one_run(backend: str, writers: int, root: Path, seed: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="acupath-durability-"))
    url = _fresh_db(backend, folder)
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "ACUPATH_DATABASE_URL": url,
        "ACUPATH_DATA_DIR": str(folder),
        "ACUPATH_ENVIRONMENT": "test",
        "ACUPATH_SECRET_KEY": "durability-benchmark-key-0123456789",
    }
    made = subprocess.run(
        [sys.executable, "-c", SETUP, url, PASSWORD],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    patient_id = int(made.stdout.strip().splitlines()[-1])
    port = _free_port()
    code = f"from acupath.cli import main; raise SystemExit(main(['serve', '--port', '{port}']))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            _, err = proc.communicate()
            raise SystemExit(f"server did not start: {err.decode()[-2000:]}")
        time.sleep(0.1)
    token = httpx.post(base + "/api/tokens", json={"username": "bench", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.json()['token']}"}
    httpx.post(f"{base}/api/patients/{patient_id}/sessions", json=VISIT, headers=headers)  # warm
    acked: list[int] = []
    errors = 0
    lock = threading.Lock()
    stop = threading.Event()
    armed = threading.Event()
    killed: list[float] = []

    def writer() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, headers=headers, timeout=10) as client:
            for _ in range(100_000):  # bounded; the kill ends it much sooner
                if stop.is_set():
                    return
                try:
                    r = client.post(f"/api/patients/{patient_id}/sessions", json=VISIT)
                except httpx.HTTPError:
                    return
                with lock:
                    if r.status_code == 201:
                        acked.append(int(r.json()["session_id"]))
                        if armed.is_set() and not stop.is_set():
                            stop.set()  # kill -9 right after this acknowledgement
                            os.kill(proc.pid, signal.SIGKILL)
                            killed.append(time.monotonic())
                    else:
                        errors += 1

    threads = [threading.Thread(target=writer) for _ in range(writers)]
    start = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(random.Random(seed).uniform(3.0, 6.0))
    armed.set()  # the next writer to get a 201 kills the server at once
    stop.wait(timeout=60)
    with lock:
        if not killed:  # nothing acknowledged for a minute: kill anyway
            stop.set()
            os.kill(proc.pid, signal.SIGKILL)
            killed.append(time.monotonic())
        killed_at = killed[0]
        acked_at_kill = len(acked)
    proc.communicate(timeout=30)
    for t in threads:
        t.join(timeout=30)
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        stored = set(conn.execute(text("SELECT id FROM treatment_sessions")).scalars())
        stored -= {min(stored)} if stored else set()  # the warm-up write
    engine.dispose()
    lost = sorted(set(acked) - stored)
    return {
        "backend": backend,
        "writers": writers,
        "acknowledged": len(acked),
        "acknowledged_before_kill": acked_at_kill,
        "stored": len(stored),
        "lost": len(lost),
        "lost_ids": lost[:20],
        "non_201": errors,
        "seconds": round(killed_at - start, 2),
        "writes_per_second": round(acked_at_kill / max(killed_at - start, 1e-9), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to run the server from")
    parser.add_argument("--json", type=Path, help="write the runs to this file")
    args = parser.parse_args(argv)
    if not 1 <= args.runs <= 100 or not 1 <= args.writers <= 64:
        parser.error("--runs 1..100, --writers 1..64")
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    results = []
    for backend in backends:
        for i in range(args.runs):
            row = one_run(backend, args.writers, args.root.resolve(), seed=i)
            results.append(row)
            print(
                f"{backend:<10} run {i + 1}: acknowledged {row['acknowledged']:>5}  "
                f"stored {row['stored']:>5}  lost {row['lost']}  "
                f"{row['writes_per_second']:>7} writes/s",
                flush=True,
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r["lost"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
