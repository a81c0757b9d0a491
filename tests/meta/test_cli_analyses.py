"""``acupath meta`` options beyond plain pooling, checked against metafor's golden values:
--mods (with --bubble), --subgroup (with a subgroup forest plot), --leave1out, --cumul,
--influence, --level, and the zero-cell options --add/--to/--drop00."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from acupath.cli import main
from tests.meta.conftest import GOLDEN_DIR, load, mismatches

BCG = {c["id"]: c for c in load(GOLDEN_DIR / "bcg.json")["cases"]}["bcg_RR"]
METAREG = {c["id"]: c for c in load(GOLDEN_DIR / "metareg.json")["cases"]}


@pytest.fixture()
def bcg_csv(tmp_path: Path) -> Path:
    """dat.bcg with its moderators: absolute latitude, year and allocation."""
    reg = METAREG["bcg_ablat_year"]
    cols = BCG["columns"]
    alloc = BCG["group"]
    rows = [
        f"T{i + 1},{a:g},{b:g},{c:g},{d:g},{x:g},{y:g},{g}\n"
        for i, (a, b, c, d, x, y, g) in enumerate(
            zip(cols["ai"], cols["bi"], cols["ci"], cols["di"], reg["mods"]["ablat"],
                reg["mods"]["year"], alloc, strict=True)
        )
    ]  # fmt: skip
    path = tmp_path / "bcg.csv"
    path.write_text("study,ai,bi,ci,di,ablat,year,alloc\n" + "".join(rows), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code = main(["meta", *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return dict(json.loads(out))


def test_meta_regression_and_bubble_plot(
    bcg_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bubble = tmp_path / "bubble.png"
    doc = run(capsys, str(bcg_csv), "--measure", "RR", "--mods", "ablat,year",
              "--bubble", str(bubble))  # fmt: skip
    ref = next(f for f in METAREG["bcg_ablat_year"]["fits"] if f["method"] == "REML" and
               f["test"] == "z")  # fmt: skip
    assert [c["name"] for c in doc["coefficients"]] == ["intrcpt", "ablat", "year"]
    assert set(doc["coefficients"][0]) == {
        "name", "estimate", "se", "zval", "pval", "ci_lower", "ci_upper"
    }  # fmt: skip
    errors = mismatches("b", [c["estimate"] for c in doc["coefficients"]], ref["estimate"])
    errors += mismatches("qm", [doc["qm"], doc["qm_pval"], doc["r2"]], [ref["QM"], ref["QMp"],
                         ref["R2"]])  # fmt: skip
    errors += mismatches("tau2", [doc["tau2"], doc["q"]], [ref["tau2"], ref["QE"]])
    assert not errors, errors
    assert bubble.stat().st_size > 10_000


def test_categorical_moderator(bcg_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = run(capsys, str(bcg_csv), "--measure", "RR", "--mods", "alloc", "--test", "knha")
    ref = next(f for f in METAREG["bcg_alloc"]["fits"] if f["method"] == "REML" and
               f["test"] == "knha")  # fmt: skip
    assert [c["name"] for c in doc["coefficients"]] == ref["names"]
    assert not mismatches("p", [c["pval"] for c in doc["coefficients"]], ref["pval"])
    assert not mismatches("F", [doc["qm"]], [ref["QM"]])


def test_subgroups_with_the_test_for_differences_and_a_forest_plot(
    bcg_csv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forest = tmp_path / "subgroups.svg"
    doc = run(capsys, str(bcg_csv), "--measure", "RR", "--subgroup", "alloc",
              "--forest", str(forest))  # fmt: skip
    ref = next(s for s in BCG["subgroup"] if s["method"] == "REML" and s["test"] == "z")
    assert [g["group"] for g in doc["subgroups"]] == [g["group"] for g in ref["groups"]]
    errors = mismatches(
        "estimates", [g["estimate"] for g in doc["subgroups"]],
        [g["estimate"] for g in ref["groups"]],
    )  # fmt: skip
    errors += mismatches("Q between", [doc["q_between"], doc["p_between"]],
                         [ref["Q_between"], ref["p_between"]])  # fmt: skip
    assert not errors, errors
    assert doc["df_between"] == ref["df_between"]
    assert "Test for subgroup differences" in forest.read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["leave1out", "cumul"])
def test_leave_one_out_and_cumulative(
    which: str, bcg_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = run(capsys, str(bcg_csv), "--measure", "RR", f"--{which}", "--method", "DL",
              "--test", "knha")  # fmt: skip
    ref = next(s for s in BCG["sensitivity"] if s["method"] == "DL" and s["test"] == "knha")
    rows = doc[which]
    assert len(rows) == 13
    errors = mismatches("estimate", [r["estimate"] for r in rows], ref[which]["estimate"])
    errors += mismatches("ci", [r["ci_upper"] for r in rows], ref[which]["ci_ub"])
    errors += mismatches("tau2", [r["tau2"] for r in rows], ref[which]["tau2"])
    assert not errors, errors


def test_influence(bcg_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = run(capsys, str(bcg_csv), "--measure", "RR", "--influence")
    ref = next(s for s in BCG["influence"] if s["method"] == "REML" and s["test"] == "z")
    rows = doc["influence"]
    errors = mismatches("cook", [r["cook_d"] for r in rows], ref["cook_d"])
    errors += mismatches("dffits", [r["dffits"] for r in rows], ref["dffits"])
    assert not errors, errors
    assert [r["influential"] for r in rows] == ref["influential"]


def test_confidence_level(bcg_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wide = run(capsys, str(bcg_csv), "--measure", "RR", "--level", "0.99")
    usual = run(capsys, str(bcg_csv), "--measure", "RR")
    assert wide["level"] == 0.99
    assert wide["ci_lower"] < usual["ci_lower"] and wide["ci_upper"] > usual["ci_upper"]
    assert wide["estimate"] == usual["estimate"]
    assert main(["meta", str(bcg_csv), "--measure", "RR", "--level", "95"]) == 2
    assert "--level" in capsys.readouterr().err


def test_zero_cell_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """metafor 3.8-1: escalc("OR", ai=c(0,2,3), bi=c(10,8,7), ci=c(3,1,0), di=c(7,9,10),
    to="all") gives yi -2.2824, 0.6221, 2.2824; with to="none" only study 2 is left."""
    path = tmp_path / "zeros.csv"
    path.write_text("ai,bi,ci,di\n0,10,3,7\n2,8,1,9\n3,7,0,10\n", encoding="utf-8")
    doc = run(capsys, str(path), "--measure", "OR", "--to", "all", "--method", "EE")
    assert [round(s["yi"], 4) for s in doc["studies"]] == [-2.2824, 0.6221, 2.2824]
    doc = run(capsys, str(path), "--measure", "OR", "--to", "none", "--method", "EE")
    assert doc["k"] == 1 and round(doc["studies"][0]["yi"], 4) == 0.8109
    doc = run(capsys, str(path), "--measure", "OR", "--add", "0.25", "--to", "if0all")
    assert round(doc["studies"][1]["yi"], 4) == 0.7022
    assert main(["meta", str(path), "--measure", "OR", "--to", "some"]) == 2
    assert "to" in capsys.readouterr().err


def test_one_analysis_at_a_time(bcg_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meta", str(bcg_csv), "--measure", "RR", "--mods", "ablat", "--cumul"]) == 2
    assert "one analysis at a time" in capsys.readouterr().err
    assert main(["meta", str(bcg_csv), "--measure", "RR", "--mods", "nosuch"]) == 2
    assert "nosuch" in capsys.readouterr().err
    assert main(["meta", str(bcg_csv), "--measure", "RR", "--bubble", "x.png"]) == 2
