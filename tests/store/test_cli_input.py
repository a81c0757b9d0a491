"""Issue 12: ids and counts the database columns cannot hold are bad input on the command line
(exit 2, one line naming the option, the value and the range), on both backends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from acupath.cli import main

BIG = "99999999999"


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.setenv("ACUPATH_DATABASE_URL", db_url)
    monkeypatch.setenv("ACUPATH_USER", "tester")

    def run(*args: str) -> tuple[int, str]:
        code = main(list(args))
        return code, capsys.readouterr().err.strip()

    return run


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["session", "record", "--patient", BIG, "--nrs", "5"], "--patient"),
        (["session", "record", "--patient", "1", "--course", BIG], "--course"),
        (["session", "record", "--patient", "1", "--retention", BIG], "--retention"),
        (["session", "record", "--patient", "-3"], "--patient"),
        (["patient", "show", BIG], "PATIENT_ID"),
        (["patient", "list", "--offset", BIG], "--offset"),
        (["report", "patient", BIG], "ID"),
        (["export", "fhir", "--patient", BIG, "--out", "x.json"], "--patient"),
        (["db", "audit", "--patient", BIG], "--patient"),
        (["user", "revoke", BIG], "TOKEN_ID"),
    ],
)
def test_huge_ids_exit_2_with_one_line(cli: Any, args: list[str], name: str) -> None:
    code, err = cli(*args)
    assert code == 2, err
    assert len(err.splitlines()) == 1, err
    assert name in err
    assert "2147483647" in err


def test_patient_add_bad_intake_file_exits_2(cli: Any, tmp_path: Path) -> None:
    binary = tmp_path / "intake.yaml"
    binary.write_bytes(b"\x00\xff\xfe" * 50)
    code, err = cli("patient", "add", "--reference", "R-9", "--intake", str(binary))
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "--intake" in err and str(binary) in err
