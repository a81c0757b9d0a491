"""`acupath points`: the table, a point's card, the JSON contract and exit codes."""

from __future__ import annotations

import json

import pytest

from acupath.cli import main


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["points", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_card_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "UB-23")
    point = doc["point"]
    assert doc["type"] == "body"
    assert point["code"] == "BL23"
    for key in (
        "code", "pinyin", "hanzi", "english", "names", "meridian", "regions", "midline",
        "depth", "depth_min_cun", "depth_max_cun", "angle", "location", "cautions", "sources",
    ):  # fmt: skip
        assert key in point
    assert point["regions"] == ["lower_back"]
    ids = [c["id"] for c in doc["cautions"]]
    assert ids == point["cautions"]
    for caution in doc["cautions"]:
        assert caution["citations"] and all(c["citation"] for c in caution["citations"])


def test_card_of_gb21_cites_chen2018(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "GB21")
    cited = {c["id"] for caution in doc["cautions"] for c in caution["citations"]}
    assert "chen2018" in cited


def test_ear_point_card(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "Point Zero")
    assert doc["type"] == "auricular"
    assert doc["point"]["code"] == "AUR-POINT-ZERO"
    assert "battlefield" in doc["point"]["protocols"]


def test_list_filters(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "--meridian", "SJ")
    assert doc["count"] == 23 and doc["points"][0]["code"] == "TE1"
    doc = run_json(capsys, "--region", "eye_region", "--caution", "eye")
    assert {p["code"] for p in doc["points"]} == {"BL1", "ST1", "EX-HN7"}
    doc = run_json(capsys, "--caution", "medulla")
    assert [p["code"] for p in doc["points"]] == ["GV15", "GV16"]
    doc = run_json(capsys, "--ear")
    assert doc["count"] == 9


def test_list_all_counts(capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys)
    codes = [p["code"] for p in doc["points"]]
    assert doc["count"] == len(codes) >= 361 + 14
    assert codes[:2] == ["LU1", "LU2"]


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["points", "GB21"]) == 0
    out = capsys.readouterr().out
    assert "Jianjing" in out and "17.4 mm" in out and "chen2018" in out
    assert main(["points", "--meridian", "GV"]) == 0
    assert "GV28" in capsys.readouterr().out


def test_unknown_code_exits_2_with_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["points", "Shenshuu"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown point 'Shenshuu'" in captured.err and "BL23" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    "args",
    [["--region", "belly"], ["--meridian", "XY"], ["--caution", "sunburn"]],
)
def test_bad_filters_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert main(["points", *args]) == 2
    assert "must be" in capsys.readouterr().err
