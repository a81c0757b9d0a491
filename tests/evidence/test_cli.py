"""The ``acupath evidence`` command: JSON contract, filters, and exit codes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from acupath.cli import main
from acupath.evidence.loader import bundled_base


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_conditions_json_lists_every_condition(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "evidence", "conditions")
    ids = {c["id"] for c in doc["conditions"]}
    assert ids == set(bundled_base().conditions)
    assert all(c["icd10"] for c in doc["conditions"])


def test_findings_json_filters_by_condition(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "evidence", "findings", "--condition", "chronic_low_back_pain")
    assert doc["count"] == len(doc["findings"]) > 0
    for f in doc["findings"]:
        covered = [f["condition"], *f["related_conditions"]]
        assert "chronic_low_back_pain" in covered
        assert f["comparator"]
        assert f["reference"]["id"] == f["source"]
        assert f["reference"]["url"].startswith("http")
    with_ci = [f for f in doc["findings"] if f["ci_lower"] is not None]
    assert with_ci, "chronic low back pain findings should include estimates with CIs"
    for f in with_ci:
        assert f["ci_lower"] <= f["estimate"] <= f["ci_upper"]


def test_findings_filters_combine(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(
        capsys,
        "evidence",
        "findings",
        "--condition",
        "chronic_low_back_pain",
        "--comparator",
        "sham",
    )
    assert all(f["comparator"] == "sham" for f in doc["findings"])
    source = bundled_base().findings[doc["findings"][0]["id"]].source
    by_source = run_json(capsys, "evidence", "findings", "--source", source)
    assert by_source["count"] >= 1
    assert {f["source"] for f in by_source["findings"]} == {source}


def test_claims_json_shows_status_and_references(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "evidence", "claims")
    assert doc["count"] >= 30
    statuses = {c["status"] for c in doc["claims"]}
    assert statuses <= {"supported", "partly_supported", "contradicted", "unverified"}
    assert "contradicted" in statuses
    decided = [c for c in doc["claims"] if c["status"] != "unverified"]
    assert all(c["references"] for c in decided)


def test_sources_json_has_links(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "evidence", "sources")
    assert doc["sources"]
    assert all(s["link"].startswith("http") for s in doc["sources"])


def test_show_resolves_a_finding_to_its_reference(capsys: pytest.CaptureFixture[str]) -> None:
    finding = next(iter(bundled_base().findings.values()))
    doc = run_json(capsys, "evidence", "show", finding.id)
    assert doc["kind"] == "finding"
    assert doc["references"][0]["id"] == finding.source


def test_human_output_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "evidence", "findings", "--condition", "chronic_low_back_pain")
    assert code == 0
    assert "Findings" in out and "comparator" in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("evidence", "findings", "--condition", "gout"), "unknown condition 'gout'"),
        (("evidence", "findings", "--comparator", "placebo"), "comparator must be one of"),
        (("evidence", "findings", "--outcome", "happiness"), "unknown outcome 'happiness'"),
        (("evidence", "findings", "--source", "nobody1900"), "unknown source 'nobody1900'"),
        (("evidence", "claims", "--status", "true"), "status must be one of"),
        (("evidence", "show", "no_such_record"), "unknown record 'no_such_record'"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], needle: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "evidence", "findings", "--bogus")
    assert code == 2
    assert "No such option" in err
