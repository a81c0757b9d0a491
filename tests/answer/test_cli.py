"""``acupath ask`` and ``acupath check`` through the command line: JSON contract, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acupath.cli import main
from acupath.evidence.loader import EvidenceBase

ASK_KEYS = {
    "question",
    "audience",
    "answer_markdown",
    "sections",
    "references",
    "findings_used",
    "insufficient_evidence",
    "follow_ups",
}


@pytest.fixture()
def fixture_base(monkeypatch: pytest.MonkeyPatch, base: EvidenceBase) -> EvidenceBase:
    """Point the commands at the fixture knowledge base."""
    import acupath.answer as answer_pkg
    import acupath.answer.audit as audit_mod

    monkeypatch.setattr(answer_pkg, "bundled_base", lambda: base)
    monkeypatch.setattr(audit_mod, "bundled_base", lambda: base)
    return base


def test_ask_json_contract(fixture_base: EvidenceBase, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ask", "Does acupuncture help chronic low back pain?", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(out) >= ASK_KEYS
    assert out["audience"] == "clinician"
    assert all(set(s) == {"title", "text", "citations"} for s in out["sections"])
    assert all(
        {"id", "citation", "doi", "pmid", "url", "year"} <= set(r) for r in out["references"]
    )
    assert "alpha_sham_pain" in out["findings_used"]
    assert out["insufficient_evidence"] is False
    assert isinstance(out["follow_ups"], list) and 2 <= len(out["follow_ups"]) <= 3
    assert out["answer_markdown"].startswith("# ")


def test_ask_patient_json(fixture_base: EvidenceBase, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ask", "Will needles help my bad back?", "--audience", "patient", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["audience"] == "patient"
    assert out["reading_grade"] <= 8


def test_ask_renders_markdown(
    fixture_base: EvidenceBase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "Is acupuncture safe?"]) == 0
    out = capsys.readouterr().out
    assert "Bottom line" in out and "References" in out and "#" not in out.splitlines()[0]


def test_ask_out_of_scope(fixture_base: EvidenceBase, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "What is the capital of France?", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["out_of_scope"] and out["insufficient_evidence"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", "Is acupuncture safe?", "--audience", "child"], "audience must be one of"),
        (["ask", "   "], "question must be a non-empty question"),
        (["check", "/no/such/file.txt"], "FILE must be an existing text file"),
    ],
)
def test_bad_input_exits_2(
    fixture_base: EvidenceBase, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_check_json(
    fixture_base: EvidenceBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leaflet = tmp_path / "leaflet.txt"
    leaflet.write_text(
        "Against sham, acupuncture lowers chronic back pain by an SMD of 0.31.\n"
        "Acupuncture reduces back pain by 42 points in every patient.\n"
    )
    assert main(["check", str(leaflet), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["status"] for c in out["claims"]] == ["supported", "unverified"]
    assert all({"text", "status", "evidence", "note"} <= set(c) for c in out["claims"])


def test_check_table(
    fixture_base: EvidenceBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leaflet = tmp_path / "leaflet.txt"
    leaflet.write_text("Acupuncture reduces back pain by 42 points in every patient.\n")
    assert main(["check", str(leaflet)]) == 0
    assert "unverified: 1" in capsys.readouterr().out
