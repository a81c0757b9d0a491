"""The `acupath screen` and `acupath plan` commands: output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acupath.cli import main

ROOT = Path(__file__).resolve().parents[2]
VIGNETTES = ROOT / "tests" / "data" / "vignettes"
TYPICAL = VIGNETTES / "01_clbp_typical.yaml"


def write_intake(tmp_path: Path, text: str, name: str = "patient.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def intake_file(tmp_path: Path) -> Path:
    import yaml

    doc = yaml.safe_load(TYPICAL.read_text())
    return write_intake(tmp_path, yaml.safe_dump(doc["intake"]))


def test_screen_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["screen", str(intake_file(tmp_path)), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    doc = json.loads(out)
    assert doc["decision"] == "proceed"
    assert set(doc) >= {"decision", "findings", "excluded_points", "excluded_regions",
                        "excluded_techniques", "red_flags"}  # fmt: skip


def test_screen_text_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = intake_file(tmp_path)
    assert main(["screen", str(path)]) == 0
    assert "Decision: Proceed" in capsys.readouterr().out
    assert main(["screen", str(path), "--markdown"]) == 0
    assert capsys.readouterr().out.startswith("# acupath safety screen")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_plan_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code = main(["plan", str(intake_file(tmp_path)), "--format", fmt])
    out = capsys.readouterr().out
    assert code == 0
    if fmt == "json":
        doc = json.loads(out)
        assert doc["protocol_source"] == "cherkin2009"
        assert [p["code"] for p in doc["points"]] == ["BL23", "GV3", "ASHI", "BL40", "KI3"]
    else:
        assert "STRICTA" in out and "cherkin2009" in out and "Guidelines disagree" in out


def test_plan_json_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(intake_file(tmp_path)), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "planned"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["plan", "{p}", "--format", "pdf"], "--format"),
        (["plan", "{p}", "--condition", "migraine"], "--condition"),
        (["plan", "{p}", "--protocol", "nope"], "--protocol"),
        (["screen", "{missing}"], "PATIENT"),
        (["screen", "{p}", "--policy", "{missing}"], "policy"),
    ],
)
def test_bad_arguments_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    p = intake_file(tmp_path)
    filled = [a.format(p=p, missing=tmp_path / "missing.yaml") for a in args]
    assert main(filled) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err


def test_pain_14_exits_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_intake(tmp_path, "age: 50\npain_nrs: 14\nconditions: [{condition: migraine}]\n")
    assert main(["screen", str(path)]) == 2
    err = capsys.readouterr().err
    assert "pain_nrs must be an integer from 0 to 10; got 14" in err


def test_policy_option_changes_the_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    patient = write_intake(
        tmp_path, "age: 50\nconditions: [{condition: migraine}]\nlabs: {platelets: 30}\n"
    )
    policy = write_intake(tmp_path, "- {id: platelets_defer_below, value: 20}\n", "policy.yaml")
    assert main(["screen", str(patient), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["decision"] == "defer"
    assert main(["screen", str(patient), "--json", "--policy", str(policy)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["decision"] == "proceed_with_modifications"
    assert doc["policy"]["platelets_defer_below"]["origin"] == str(policy)


def test_refer_plan_prints_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_intake(
        tmp_path,
        "age: 50\nconditions: [{condition: chronic_low_back_pain}]\nred_flags: [fever]\n",
    )
    assert main(["plan", str(path)]) == 0
    out = capsys.readouterr().out
    assert "No treatment is planned" in out and "What to do instead" in out
