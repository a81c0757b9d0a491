"""Faults and load on both backends: concurrent writer processes, and a writer killed with -9.

After either, every acknowledged write must be there, whole (its points and score with it), and
the database must pass its integrity checks.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine, func, select

from acupath.store import open_database
from acupath.store.backup import integrity_ok
from acupath.store.models import QuestionnaireResponse, SessionPoint, TreatmentSession
from tests.store.helpers import add_patient

ROOT = Path(__file__).resolve().parents[2]


def _writer(url: str, patient_id: int, count: int, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store._writer", url, str(patient_id), str(count), tag],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_acknowledged(url: str, acked: set[int]) -> None:
    engine = open_database(url, upgrade=False)
    try:
        assert integrity_ok(engine)
        with engine.connect() as conn:
            stored = set(conn.execute(select(TreatmentSession.id)).scalars())
            assert acked <= stored, f"lost acknowledged writes: {sorted(acked - stored)[:10]}"
            # Each stored session is whole: two points and one score.
            points = dict(
                conn.execute(
                    select(SessionPoint.session_id, func.count()).group_by(SessionPoint.session_id)
                ).all()
            )
            scores = dict(
                conn.execute(
                    select(QuestionnaireResponse.session_id, func.count())
                    .where(QuestionnaireResponse.session_id.is_not(None))
                    .group_by(QuestionnaireResponse.session_id)
                ).all()
            )
            assert all(points.get(s) == 2 and scores.get(s) == 1 for s in stored)
    finally:
        engine.dispose()


def test_concurrent_writer_processes_lose_nothing(engine: Engine, db_url: str) -> None:
    _, patient_id, _ = add_patient(engine)
    engine.dispose()
    procs = [_writer(db_url, patient_id, 40, f"w{i}") for i in range(4)]
    acked: set[int] = set()
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        acked |= {int(line.split()[2]) for line in out.splitlines() if line.startswith("ack")}
    assert len(acked) == 160
    _check_acknowledged(db_url, acked)


def test_writer_killed_mid_load_loses_no_acknowledged_write(engine: Engine, db_url: str) -> None:
    _, patient_id, _ = add_patient(engine)
    engine.dispose()
    proc = _writer(db_url, patient_id, 100_000, "victim")
    acked: set[int] = set()
    assert proc.stdout is not None
    for line in proc.stdout:
        acked.add(int(line.split()[2]))
        if len(acked) >= 60:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    _check_acknowledged(db_url, acked)
    # The database takes new writes after the crash.
    again = _writer(db_url, patient_id, 3, "after")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    _check_acknowledged(db_url, acked | {int(x.split()[2]) for x in out.splitlines()})
