"""Issue 12: CSV downloads escape cells a spreadsheet would run as a formula (OWASP: prefix a
single quote), while plain numbers, negative ones included, stay numbers."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from acupath.csvsafe import safe_cell
from acupath.web.routers.dashboard import csv_text
from acupath.web.routers.meta import results_csv


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x.example","click")', '\'=HYPERLINK("http://x.example","click")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-0.5", "-0.5"),
        ("+3", "+3"),
        ("-1e-4", "-1e-4"),
        ("Smith 2020", "Smith 2020"),
        ("", ""),
        (-0.5, -0.5),
        (12, 12),
        (None, None),
    ],
)
def test_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_meta_results_csv_escapes_study_labels(client: TestClient) -> None:
    data = '"=HYPERLINK(""http://evil.example"",""x"")",-0.50,0.02\n@cmd,0.10,0.03\nC,0.45,0.05\n'
    body = {"csv": "study,yi,vi\n" + data, "measure": "GEN"}
    r = client.post("/api/meta/results.csv", json=body)
    assert r.status_code == 200, r.text
    rows = _rows(r.text)
    labels = {row[0]: row for row in rows[1:4]}
    assert '\'=HYPERLINK("http://evil.example","x")' in labels
    assert "'@cmd" in labels
    assert float(labels['\'=HYPERLINK("http://evil.example","x")'][1]) == -0.5
    assert not any(cell.startswith(("=", "@", "+")) for row in rows for cell in row)


def test_results_csv_keeps_negative_numbers() -> None:
    doc = {"studies": [{"study": "-x", "yi": -0.5, "vi": 0.1, "weight": 50.0}], "estimate": -0.25}
    rows = _rows(results_csv(doc))
    assert rows[1] == ["'-x", "-0.5", "0.1", "50.0"]
    assert ["estimate", "-0.25"] in rows


def test_clinic_csv_escapes_names_and_keeps_numbers() -> None:
    est = SimpleNamespace(estimate=-2.5, ci_lower=-3.0, ci_upper=-1.0)
    group = SimpleNamespace(
        condition="c1", courses=3, evaluable=2, moderate=est, substantial=est, mean_change=est
    )
    report = SimpleNamespace(by_condition=[group], benchmarks={}, safety=[])
    base = SimpleNamespace(conditions={"c1": SimpleNamespace(name="=cmd|' /C calc'!A0")})
    rows = _rows(csv_text(report, base))
    assert rows[1][1] == "'=cmd|' /C calc'!A0"
    assert rows[1][4:9] == ["-2.5", "-3.0", "-1.0", "-2.5", "-2.5"]
