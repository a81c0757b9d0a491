"""Load test of the web app on loopback: evidence pages, ask, session recording.

Starts ``acupath serve`` (uvicorn, several workers) on 127.0.0.1 with a random port against a
throwaway SQLite file or the PostgreSQL URL given, then drives it with an asyncio httpx client.
Bounded: at most ``--requests`` per scenario and ``--seconds`` per scenario. Prints one JSON
document: requests/s, p50 and p99 latency (ms), failures, and for session recording the count
of sessions found in the database afterwards (no lost writes).

    .venv/bin/python benchmarks/web/load.py [--database-url URL] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

PASSWORD = "benchmark password 1"
SECRET = "benchmark-secret-key"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _setup(env: dict[str, str]) -> int:
    """Create the benchmark user and one patient with an active course; return the patient id."""
    code = (
        "from acupath.settings import get_settings\n"
        "from acupath.web.app import database\n"
        "from acupath.store import write_session\n"
        "from acupath.web.users import add_user\n"
        "from acupath.web.routers.patients import NewPatient, create_patient, start_plan\n"
        "engine = database(get_settings())\n"
        "with write_session(engine) as db:\n"
        f"    u = add_user(db=db, username='bench', password={PASSWORD!r}, clinic='Bench')\n"
        "    p = create_patient(db, u, NewPatient(reference='BENCH-1', intake={'age': 60,"
        " 'conditions': [{'condition': 'chronic_low_back_pain'}]}))\n"
        "    start_plan(db, u, p)\n"
        "    print(p.id)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    return int(out.stdout.split()[-1])


def _count_sessions(env: dict[str, str], patient_id: int) -> int:
    code = (
        "from sqlalchemy import select, func\n"
        "from acupath.settings import get_settings\n"
        "from acupath.web.app import database\n"
        "from acupath.store import write_session\n"
        "from acupath.store.models import TreatmentSession as T\n"
        "with write_session(database(get_settings())) as db:\n"
        f"    q = select(func.count()).select_from(T).where(T.patient_id == {patient_id})\n"
        "    print(db.scalar(q))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    return int(out.stdout.split()[-1])


async def _scenario(
    client: httpx.AsyncClient,
    make: Any,
    *,
    requests: int,
    seconds: float,
    concurrency: int,
) -> dict[str, Any]:
    latencies: list[float] = []
    failures = 0
    issued = 0
    start = time.perf_counter()

    async def worker() -> None:
        nonlocal failures, issued
        while issued < requests and time.perf_counter() - start < seconds:
            i = issued
            issued += 1
            t0 = time.perf_counter()
            try:
                r = await make(client, i)
                ok = r.status_code < 400
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - t0) * 1000)
            failures += 0 if ok else 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - start
    lat = sorted(latencies)
    return {
        "requests": len(lat),
        "failures": failures,
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(lat) / elapsed, 1),
        "p50_ms": round(statistics.median(lat), 1),
        "p99_ms": round(lat[min(len(lat) - 1, int(0.99 * len(lat)))], 1),
    }


async def _run(base: str, patient_id: int, args: argparse.Namespace) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=args.concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        r = await client.post("/api/tokens", json={"username": "bench", "password": PASSWORD})
        headers = {"Authorization": f"Bearer {r.json()['token']}"}
        day = dt.date.today()

        async def evidence(c: httpx.AsyncClient, i: int) -> httpx.Response:
            return await c.get("/evidence/chronic_low_back_pain")

        async def evidence_api(c: httpx.AsyncClient, i: int) -> httpx.Response:
            return await c.get("/api/evidence/findings?condition=chronic_low_back_pain")

        async def ask(c: httpx.AsyncClient, i: int) -> httpx.Response:
            return await c.get("/api/ask?q=Does+acupuncture+help+chronic+low+back+pain%3F")

        async def record(c: httpx.AsyncClient, i: int) -> httpx.Response:
            body = {"performed_on": day.isoformat(), "points": ["BL23"], "pain_nrs": i % 11}
            return await c.post(f"/api/patients/{patient_id}/sessions", json=body, headers=headers)

        out = {}
        for name, make in (
            ("evidence_page", evidence),
            ("evidence_api", evidence_api),
            ("ask", ask),
            ("record_session", record),
        ):
            await make(client, 0)  # warm-up (caches, connections), not counted
            out[name] = await _scenario(
                client,
                make,
                requests=args.requests,
                seconds=args.seconds,
                concurrency=args.concurrency,
            )
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="acupath-bench-")
    env = dict(os.environ, ACUPATH_DATA_DIR=folder, ACUPATH_SECRET_KEY=SECRET)
    env["ACUPATH_ENVIRONMENT"] = "test"
    if args.database_url:
        env["ACUPATH_DATABASE_URL"] = args.database_url
    patient_id = _setup(env)
    port = _port()
    acupath = str(Path(sys.executable).with_name("acupath"))
    cmd = [acupath, "serve", "--port", str(port), "--workers", str(args.workers)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        results = asyncio.run(_run(base, patient_id, args))
    finally:
        server.terminate()
        server.wait(timeout=20)
    stored = _count_sessions(env, patient_id)
    rec = results["record_session"]
    rec["sessions_stored"] = stored
    # the one warm-up session is stored too; every acknowledged write must be in the database
    rec["lost_writes"] = rec["requests"] - rec["failures"] + 1 - stored
    doc = {
        "database": "postgresql" if args.database_url else "sqlite",
        "workers": args.workers,
        "concurrency": args.concurrency,
        "results": results,
    }
    print(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
