"""Load test of the web app on loopback: evidence pages, ask, session recording.

Starts ``acupath serve`` (uvicorn, several workers) on 127.0.0.1 with a random port against a
throwaway SQLite file or the PostgreSQL URL given, then drives it with an asyncio httpx client,
or, with ``--client wrk``, drives the read scenarios with wrk (a C load generator that takes far
less of the shared CPU than a Python client; session recording always uses httpx, because every
acknowledged write is then counted in the database).
Bounded: at most ``--requests`` per scenario and ``--seconds`` per scenario. Prints one JSON
document: requests/s, p50 and p99 latency (ms), failures, and for session recording the count
of sessions found in the database afterwards (no lost writes).

    .venv/bin/python benchmarks/web/load.py [--database-url URL] [--workers 2] [--client wrk]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

import httpx
import yaml

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


QUESTIONS = Path(__file__).resolve().parents[1] / "ask" / "questions.yaml"
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        raise ValueError(f"unexpected wrk latency {text!r}")
    return float(match.group(1)) * _UNIT_MS[match.group(2)]


def _wrk(url: str, args: argparse.Namespace, lua: str | None = None) -> dict[str, Any]:
    """Run wrk against ``url`` for ``--seconds`` with ``--concurrency`` connections."""
    cmd = ["wrk", "-t1", f"-c{args.concurrency}", f"-d{int(args.seconds)}s", "--latency"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if lua:
            script.write(lua)
    if lua:
        cmd += ["-s", script.name]
    out = subprocess.run([*cmd, url], check=True, capture_output=True, text=True).stdout
    total = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", out).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failures = (int(non2xx.group(1)) if non2xx else 0) + (
        sum(int(x) for x in sock.groups()) if sock else 0
    )
    return {
        "client": "wrk",
        "requests": total,
        "failures": failures,
        "seconds": args.seconds,
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": _ms(re.search(r"\s50%\s+(\S+)", out).group(1)),  # type: ignore[union-attr]
        "p99_ms": _ms(re.search(r"\s99%\s+(\S+)", out).group(1)),  # type: ignore[union-attr]
    }


def _questions_lua() -> str:
    """A wrk script that asks the benchmark's questions in turn (benchmarks/ask)."""
    questions = [q["question"] for q in yaml.safe_load(QUESTIONS.read_text("utf-8"))]
    paths = ", ".join('"/api/ask?q=' + urllib.parse.quote_plus(q) + '"' for q in questions)
    return (
        f"local paths = {{{paths}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\nend\n"
    )


def _uncached_lua() -> str:
    """A wrk script whose every request is a question the app has not seen (a cache miss)."""
    question = urllib.parse.quote_plus("Does acupuncture help chronic low back pain? case")
    return (
        "local i = 0\nrequest = function()\n  i = i + 1\n"
        f'  return wrk.format(nil, "/api/ask?q={question}+" .. i .. "-" .. math.random(1e9))\n'
        "end\n"
    )


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

        out: dict[str, Any] = {}
        scenarios: list[tuple[str, Any]] = [("record_session", record)]
        if args.client == "wrk":
            for name, path, lua in (
                ("evidence_page", "/evidence/chronic_low_back_pain", None),
                ("evidence_api", "/api/evidence/findings?condition=chronic_low_back_pain", None),
                ("ask", "/api/ask?q=Does+acupuncture+help+chronic+low+back+pain%3F", None),
                ("ask_question_set", "/", _questions_lua()),
                ("ask_uncached", "/", _uncached_lua()),
            ):
                out[name] = _wrk(base + path, args, lua)
        else:
            scenarios = [
                ("evidence_page", evidence),
                ("evidence_api", evidence_api),
                ("ask", ask),
                *scenarios,
            ]
        for name, make in scenarios:
            await make(client, 0)  # warm-up (caches, connections), not counted
            out[name] = await _scenario(
                client,
                make,
                requests=args.requests,
                seconds=args.seconds,
                concurrency=args.concurrency,
            )
        return out


def _medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per scenario: the median of each figure over the runs; failures are summed."""
    out: dict[str, Any] = {}
    for name in runs[0]:
        rows = [run[name] for run in runs]
        out[name] = {
            "requests": sum(r["requests"] for r in rows),
            "failures": sum(r["failures"] for r in rows),
            **{
                key: round(statistics.median(r[key] for r in rows), 2)
                for key in ("requests_per_s", "p50_ms", "p99_ms")
            },
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--client", choices=("httpx", "wrk"), default="httpx")
    parser.add_argument("--repeat", type=int, default=1, help="runs; figures are medians")
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
        runs = [asyncio.run(_run(base, patient_id, args)) for _ in range(args.repeat)]
    finally:
        server.terminate()
        server.wait(timeout=20)
    stored = _count_sessions(env, patient_id)
    results = _medians(runs)
    # each run stores its warm-up session too; every acknowledged write must be in the database
    acknowledged = sum(
        r["record_session"]["requests"] - r["record_session"]["failures"] + 1 for r in runs
    )
    results["record_session"]["sessions_stored"] = stored
    results["record_session"]["lost_writes"] = acknowledged - stored
    doc = {
        "database": "postgresql" if args.database_url else "sqlite",
        "workers": args.workers,
        "client": args.client,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "concurrency": args.concurrency,
        "repeats": args.repeat,
        "note": "each figure is the median over the repeats",
        "results": results,
    }
    print(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
