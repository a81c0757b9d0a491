"""Clinic report over a large clinic: 100,000 patients and 1,000,000 sessions.

Usage::

    python benchmarks/records/run.py --url sqlite:////tmp/acupath-bench.db
    python benchmarks/records/run.py --url postgresql://user@127.0.0.1:5432/bench

The data are synthetic and made with bulk inserts (SQLite ``executemany`` in one transaction,
PostgreSQL ``COPY``): one course per patient, ``--sessions`` sessions per course, one NRS score
per session plus a baseline, adverse events after about 7% of sessions, one point per session.
Then the clinic report (:func:`acupath.commands.report.build_clinic_report`: the course query,
the adverse-event counts and the comparison with the evidence base) is timed ``--repeat`` times;
the median and the first (cold) run are printed as JSON. ``--reuse`` skips generation when the
database already holds the benchmark clinic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, func, select, text

from acupath.commands.report import build_clinic_report
from acupath.store import open_database, write_session
from acupath.store.engine import is_sqlite, normalise_url
from acupath.store.models import Clinic, Patient, TreatmentSession

CLINIC = "Benchmark clinic (synthetic)"
CONDITIONS = (
    ("chronic_low_back_pain", "M54.5"),
    ("chronic_neck_pain", "M54.2"),
    ("knee_osteoarthritis", "M17"),
    ("tension_type_headache", "G44.2"),
    ("migraine", "G43"),
    ("fibromyalgia", "M79.7"),
)
TECHNIQUES = ("manual", "electro", "auricular")
START = dt.date(2025, 1, 6)
NOW = "2026-11-21 00:00:00+00"


def _rows(patients: int, per_patient: int, seed: int) -> dict[str, list[tuple[Any, ...]]]:
    rng = random.Random(seed)
    out: dict[str, list[tuple[Any, ...]]] = {
        k: []
        for k in (
            "patients",
            "patient_conditions",
            "plans",
            "treatment_sessions",
            "session_points",
            "adverse_events",
            "questionnaire_responses",
        )
    }
    sid = qid = aid = 0
    for p in range(1, patients + 1):
        cond, icd = CONDITIONS[p % len(CONDITIONS)]
        technique = TECHNIQUES[p % len(TECHNIQUES)]
        start = START + dt.timedelta(days=p % 300)
        out["patients"].append((p, 1, f"B{p:07d}", "unknown", True, NOW))
        out["patient_conditions"].append((p, p, cond, icd, "active", start))
        out["plans"].append((p, p, p, technique, per_patient, "completed", start, NOW))
        baseline = rng.randint(4, 9)
        qid += 1
        out["questionnaire_responses"].append(
            (qid, p, p, None, "nrs", start, json.dumps({"pain": baseline}), float(baseline), NOW)
        )
        drop = rng.uniform(-0.1, 0.7)
        for k in range(per_patient):
            sid += 1
            on = start + dt.timedelta(days=7 * k)
            out["treatment_sessions"].append((sid, p, p, on, technique, 20, NOW))
            out["session_points"].append((sid, sid, "LI4", "bilateral"))
            pain = max(0, min(10, round(baseline * (1 - drop * (k + 1) / per_patient))))
            qid += 1
            out["questionnaire_responses"].append(
                (qid, p, p, sid, "nrs", on, json.dumps({"pain": pain}), float(pain), NOW)
            )
            if rng.random() < 0.07:
                aid += 1
                out["adverse_events"].append((aid, sid, "bruising", "mild"))
    return out


COLUMNS = {
    "patients": "id, clinic_id, reference, sex, synthetic, created_at",
    "patient_conditions": "id, patient_id, condition, icd10, status, noted_on",
    "plans": "id, patient_id, patient_condition_id, technique, planned_sessions, status, "
    "started_on, created_at",
    "treatment_sessions": "id, patient_id, plan_id, performed_on, technique, retention_minutes, "
    "created_at",
    "session_points": "id, session_id, code, side",
    "adverse_events": "id, session_id, kind, severity",
    "questionnaire_responses": "id, patient_id, plan_id, session_id, instrument, answered_on, "
    "answers, score, created_at",
}


def _load_sqlite(engine: Engine, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cur = raw.cursor()
        cur.execute("BEGIN IMMEDIATE")
        for table, cols in COLUMNS.items():
            marks = ", ".join("?" * len(cols.split(",")))
            values: Iterator[tuple[Any, ...]] = (
                tuple(v.isoformat() if isinstance(v, dt.date) else v for v in r)
                for r in rows[table]
            )
            cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", values)
        cur.execute("COMMIT")
        cur.execute("ANALYZE")


def _load_postgres(engine: Engine, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    with engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        with raw.cursor() as cur:
            for table, cols in COLUMNS.items():
                with cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for r in rows[table]:
                        copy.write_row(r)
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        raw.commit()
    # Set the visibility map and statistics, as autovacuum would on a live database (without
    # it PostgreSQL cannot use index-only scans on freshly copied rows).
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


def generate(engine: Engine, patients: int, per_patient: int, seed: int) -> float:
    """Insert the benchmark clinic; return the seconds it took."""
    t0 = time.perf_counter()
    with write_session(engine) as db:
        db.add(Clinic(id=1, name=CLINIC, synthetic=True))
    rows = _rows(patients, per_patient, seed)
    if is_sqlite(engine):
        _load_sqlite(engine, rows)
    else:
        _load_postgres(engine, rows)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="sqlite:////tmp/acupath-bench.db")
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=10, help="sessions per patient")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args(argv)
    engine = open_database(args.url)
    with write_session(engine) as db:
        present = db.scalar(select(Clinic.id).where(Clinic.name == CLINIC))
    generation = None
    if present is None:
        generation = generate(engine, args.patients, args.sessions, args.seed)
    elif not args.reuse:
        print("benchmark clinic already present: use --reuse or a fresh database", file=sys.stderr)
        return 2
    with write_session(engine) as db:
        n_patients = db.scalar(select(func.count()).select_from(Patient))
        n_sessions = db.scalar(select(func.count()).select_from(TreatmentSession))
    times = []
    report = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        with write_session(engine) as db:
            report = build_clinic_report(db, CLINIC, "benchmark")
        times.append(time.perf_counter() - t0)
    assert report is not None
    print(
        json.dumps(
            {
                "backend": normalise_url(args.url).get_backend_name(),
                "patients": n_patients,
                "sessions": n_sessions,
                "generation_seconds": generation,
                "report_seconds_first": times[0],
                "report_seconds_median": statistics.median(times),
                "report_seconds_all": times,
                "courses_reported": report.overall.courses,
                "python": platform.python_version(),
                "machine": platform.machine(),
            },
            indent=2,
        )
    )
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
