"""The record commands end to end, on both backends, through ``acupath.cli.main``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from acupath.cli import main
from acupath.store import open_database, records, write_session
from acupath.store.demo import build_demo
from acupath.store.engine import normalise_url
from tests.store.helpers import counts


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.setenv("ACUPATH_DATABASE_URL", db_url)
    monkeypatch.setenv("ACUPATH_USER", "tester")

    def run(*args: str) -> tuple[int, Any, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        doc = json.loads(out) if "--json" in args and code == 0 else out
        return code, doc, err

    return run


def _counts(db_url: str) -> dict[str, int]:
    engine = create_engine(normalise_url(db_url))
    try:
        return counts(engine)
    finally:
        engine.dispose()


def test_patient_session_report_flow(cli: Any, tmp_path: Path) -> None:
    code, doc, _ = cli(
        "patient",
        "add",
        "--reference",
        "R-1",
        "--sex",
        "female",
        "--condition",
        "chronic_low_back_pain",
        "--sessions",
        "8",
        "--review-after",
        "4",
        "--start",
        "2026-02-02",
        "--baseline-nrs",
        "8",
        "--json",
    )
    assert code == 0
    pid = doc["patient"]
    for k, pain in enumerate([7, 6, 5, 4]):
        code, visit, err = cli(
            "session",
            "record",
            "--patient",
            str(pid),
            "--date",
            f"2026-02-{2 + 7 * k:02d}",
            "--points",
            "UB23:bilateral, Liv3:left",
            "--nrs",
            str(pain),
            "--retention",
            "20",
            "--json",
            *(["--ae", "bruising:mild"] if k == 0 else []),
        )
        assert code == 0, err
    assert [p["code"] for p in visit["points"]] == ["BL23", "LR3"]
    code, report, _ = cli(
        "report", "patient", str(pid), "--json", "--plot", str(tmp_path / "p.svg")
    )
    assert code == 0 and (tmp_path / "p.svg").stat().st_size > 0
    course = report["courses"][0]
    assert course["response"]["category"] == "substantial"  # 8 -> 4
    assert course["advice"]["decision"] == "continue"  # review at 4: improving
    code, clinic, _ = cli("report", "clinic", "--json")
    assert code == 0 and clinic["overall"]["evaluable"] == 1
    code, listing, _ = cli("patient", "list", "--json")
    assert listing["total"] == 1
    code, shown, _ = cli("patient", "show", str(pid), "--json")
    assert len(shown["sessions"]) == 4 and len(shown["responses"]) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--nrs", "14"], "nrs.pain must be an integer from 0 to 10; got 14"),
        (["--points", "XX99"], "XX99"),
        (["--ae", "bruising"], "KIND:SEVERITY"),
        (["--ae", "bruising:awful"], "severity"),
        (["--date", "2026-13-01"], "YYYY-MM-DD"),
    ],
)
def test_bad_session_input_exits_2_and_changes_nothing(
    cli: Any, db_url: str, args: list[str], message: str
) -> None:
    code, doc, _ = cli(
        "patient",
        "add",
        "--reference",
        "R-2",
        "--condition",
        "migraine",
        "--start",
        "2026-01-01",
        "--json",
    )
    before = _counts(db_url)
    code, _, err = cli("session", "record", "--patient", str(doc["patient"]), *args)
    assert code == 2
    assert message in err and "Traceback" not in err and err.count("\n") == 1
    assert _counts(db_url) == before


def test_unknown_patient_and_condition(cli: Any) -> None:
    cli("patient", "add", "--reference", "R-3")
    code, _, err = cli("session", "record", "--patient", "999", "--technique", "manual")
    assert code == 2 and "unknown patient 999" in err
    code, _, err = cli("patient", "add", "--reference", "R-4", "--condition", "gout")
    assert code == 2 and "unknown condition 'gout'" in err


def test_demo_report_backup_restore_and_fhir(cli: Any, tmp_path: Path, db_url: str) -> None:
    code, demo, _ = cli("demo", "--patients", "25", "--json")
    assert code == 0 and demo["created"] and demo["synthetic"]
    code, again, _ = cli("demo", "--patients", "25", "--json")
    assert not again["created"] and again["sessions"] == demo["sessions"]
    code, report, _ = cli("report", "clinic", "--json", "--plot", str(tmp_path / "c.png"))
    assert code == 0 and report["synthetic"] and "SYNTHETIC" in report["notice"]
    assert report["overall"]["courses"] == 25
    code, text, _ = cli("report", "clinic")
    assert "SYNTHETIC DEMO DATA" in text
    assert cli("db", "backup", str(tmp_path / "b.bak"), "--json")[0] == 0
    saved = _counts(db_url)
    code, exported, _ = cli(
        "export", "fhir", "--patient", "1", "--out", str(tmp_path / "p.json"), "--json"
    )
    assert code == 0 and exported["synthetic"]
    code, imported, err = cli(
        "import", "fhir", str(tmp_path / "p.json"), "--clinic", "Imports", "--json"
    )
    assert code == 0, err
    assert imported["clinic"] == "Imports" and imported["sessions"] > 0
    assert cli("import", "fhir", str(tmp_path / "p.json"), "--clinic", "Imports")[0] == 2
    code, _, err = cli("report", "clinic")
    assert code == 2 and "--clinic" in err  # two clinics now: refuse to guess
    assert cli("db", "restore", str(tmp_path / "b.bak"))[0] == 0
    after = _counts(db_url)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in saved.items() if k != "audit_log"
    }
    from acupath.store.migrate import head

    assert cli("db", "upgrade", "--json")[1]["revision"] == head()


def test_demo_is_deterministic(tmp_path: Path) -> None:
    docs = []
    for name in ("a", "b"):
        engine = open_database(f"sqlite:///{tmp_path / name}.db")
        build_demo(engine, patients=12, seed=3)
        with write_session(engine) as db:
            docs.append(
                [
                    records.canonical(records.load(db=db, clinic_id=1, patient_id=i, actor="t"))
                    for i in range(1, 13)
                ]
            )
        engine.dispose()
    assert docs[0] == docs[1]
    assert all(d["synthetic"] for d in docs[0])
