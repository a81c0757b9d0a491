"""``acupath meta``: the JSON contract, plots, batches and exit code 2 for bad CSV files."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from acupath.cli import main
from acupath.meta import escalc, pool, regtest, trimfill

CONTRACT = {
    "k", "measure", "method", "test", "estimate", "se", "ci_lower", "ci_upper", "pval", "tau2",
    "tau2_ci_lower", "tau2_ci_upper", "i2", "h2", "q", "q_df", "q_pval", "pi_lower", "pi_upper",
    "egger_z", "egger_pval", "trimfill_k0", "trimfill_estimate", "studies",
}  # fmt: skip

# dat.bcg (metadat): BCG vaccine trials, with study labels.
BCG = """study,ai,bi,ci,di
Aronson,4,119,11,128
Ferguson & Simes,6,300,29,274
Rosenthal 1960,3,228,11,209
Hart & Sutherland,62,13536,248,12619
Frimodt-Moller,33,5036,47,5761
Stein & Aronson,180,1361,372,1079
Vandiviere,8,2537,10,619
TPT Madras,505,87886,499,87892
Coetzee & Berjak,29,7470,45,7232
Rosenthal 1961,17,1699,65,1600
Comstock 1974,186,50448,141,27197
Comstock & Webster,5,2493,3,2338
Comstock 1976,27,16886,29,17825
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["meta", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def bcg(tmp_path: Path) -> Path:
    path = tmp_path / "bcg.csv"
    path.write_text(BCG, encoding="utf-8")
    return path


def test_json_has_the_contract_keys_and_metafor_numbers(
    bcg: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(bcg), "--measure", "RR", "--method", "REML", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert set(doc) >= CONTRACT
    assert doc["k"] == 13 and doc["measure"] == "RR" and doc["method"] == "REML"
    # metafor 3.8-1: rma(escalc("RR", ...), method="REML") on dat.bcg
    assert doc["estimate"] == pytest.approx(-0.7145323483651015, rel=1e-6)
    assert doc["tau2"] == pytest.approx(0.3132433259808949, rel=1e-6)
    # the exact Q-profile bound: confint(fit, control = list(tol = 1e-14)); metafor's default
    # absolute uniroot tolerance gives 0.1196953 (issue 17, defect 4)
    assert doc["tau2_ci_lower"] == pytest.approx(0.11971836114126073, rel=1e-9)
    assert doc["i2"] == pytest.approx(92.22138607496555, rel=1e-6)
    assert doc["pi_lower"] == pytest.approx(-1.8666923466070688, rel=1e-6)
    assert doc["egger_z"] == pytest.approx(-0.8033291120701062, rel=1e-6)
    assert doc["trimfill_k0"] == 1
    assert doc["trimfill_estimate"] == pytest.approx(-0.6570828007603646, rel=1e-6)
    assert doc["q_df"] == 12
    assert [s["study"] for s in doc["studies"]][:2] == ["Aronson", "Ferguson & Simes"]
    assert set(doc["studies"][0]) == {"study", "yi", "vi", "weight"}
    assert sum(s["weight"] for s in doc["studies"]) == pytest.approx(100.0)
    assert doc["back_transformed"]["estimate"] == pytest.approx(math.exp(doc["estimate"]))


def test_json_agrees_with_the_library(bcg: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(bcg), "--measure", "OR", "--method", "DL", "--test", "knha",
                       "--json")  # fmt: skip
    assert code == 0
    doc = json.loads(out)
    rows = [line.split(",") for line in BCG.strip().splitlines()[1:]]
    cols = {n: [float(r[i + 1]) for r in rows] for i, n in enumerate(["ai", "bi", "ci", "di"])}
    es = escalc("OR", cols)
    res = pool(es.yi, es.vi, "DL", "knha")
    assert doc["estimate"] == res.estimate and doc["test"] == "knha"
    assert doc["egger_pval"] == regtest(es.yi, es.vi, "DL", "knha").pval
    assert doc["trimfill_k0"] == trimfill(es.yi, es.vi, "DL").k0


def test_table_output_and_plots(
    bcg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forest = tmp_path / "forest.png"
    funnel = tmp_path / "funnel.svg"
    code, out, _ = run(capsys, str(bcg), "--measure", "RR", "--forest", str(forest),
                       "--funnel", str(funnel))  # fmt: skip
    assert code == 0
    assert "Aronson" in out and "-0.7145" in out and "Trim and fill" in out
    assert forest.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert forest.stat().st_size > 20_000
    assert funnel.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_missing_values_are_dropped_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gen.csv"
    path.write_text("study,yi,vi\nA,0.1,0.04\nB,NA,0.05\nC,0.3,\nD,0.25,0.02\nE,0.4,0.03\n")
    code, out, _ = run(capsys, str(path), "--measure", "GEN", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["k"] == 3
    assert any("dropped 2 rows" in n and "rows 2, 3" in n for n in doc["notes"])


def test_double_zero_studies_are_dropped_for_ratios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "zero.csv"
    path.write_text("study,ai,n1i,ci,n2i\nA,2,20,5,20\nB,0,15,0,14\nC,1,30,4,30\nD,0,10,3,11\n")
    code, out, _ = run(capsys, str(path), "--measure", "RR", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["k"] == 3 and [s["study"] for s in doc["studies"]] == ["A", "C", "D"]
    assert any("B (row 2)" in n for n in doc["notes"])
    assert any("added 1/2" in n for n in doc["notes"])
    code, out, _ = run(capsys, str(path), "--measure", "RD", "--json")
    assert json.loads(out)["k"] == 4  # the risk difference keeps them


def test_two_studies_leave_bias_tests_null(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "two.csv"
    path.write_text("yi,sei\n0.2,0.1\n0.5,0.2\n")
    code, out, _ = run(capsys, str(path), "--measure", "GEN", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["k"] == 2
    assert doc["egger_z"] is None and doc["trimfill_k0"] is None


def test_batch_file_pools_each_analysis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["analysis,yi,vi"]
    for name, ys in (("a", [0.1, 0.3, 0.2, 0.5]), ("b", [-0.2, 0.1, 0.0])):
        lines += [f"{name},{y},0.04" for y in ys]
    path = tmp_path / "batch.csv"
    path.write_text("\n".join(lines) + "\n")
    code, out, _ = run(capsys, str(path), "--measure", "GEN", "--json")
    assert code == 0
    doc = json.loads(out)
    assert [a["analysis"] for a in doc["analyses"]] == ["a", "b"]
    one = pool([0.1, 0.3, 0.2, 0.5], [0.04] * 4)
    assert doc["analyses"][0]["estimate"] == pytest.approx(one.estimate, rel=1e-12)
    assert doc["analyses"][0]["tau2_ci_upper"] == pytest.approx(one.tau2_ci_upper, rel=1e-12)


BAD = [
    ("missing column", "study,m1i,sd1i,n1i,m2i,sd2i\nA,1,2,10,1,2\n", "SMD", "'n2i'"),
    ("negative variance", "yi,vi\n0.1,0.02\n0.2,-0.01\n", "GEN", "row 2"),
    ("zero standard error", "yi,sei\n0.1,0.2\n0.2,0\n", "GEN", "sei"),
    ("group of one", "m1i,sd1i,n1i,m2i,sd2i,n2i\n1,2,10,1,2,10\n1,2,1,1,2,10\n", "MD", "n1i"),
    ("non-numeric cell", "yi,vi\n0.1,0.02\nabc,0.03\n", "GEN", "'abc'"),
    ("negative SD", "m1i,sd1i,n1i,m2i,sd2i,n2i\n1,-2,10,1,2,10\n", "SMD", "sd1i"),
    ("events above n", "ai,n1i,ci,n2i\n12,10,3,10\n", "RR", "ai"),
    ("fractional count", "ai,bi,ci,di\n1.5,10,3,10\n", "OR", "ai"),
    ("ROM needs positive means", "m1i,sd1i,n1i,m2i,sd2i,n2i\n-1,2,10,1,2,10\n", "ROM", "m1i"),
]


@pytest.mark.parametrize(("name", "text", "measure", "needle"), BAD, ids=[b[0] for b in BAD])
def test_bad_csv_exits_2_naming_row_and_column(
    name: str, text: str, measure: str, needle: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = tmp_path / "bad.csv"
    path.write_text(text)
    code, out, err = run(capsys, str(path), "--measure", measure, "--json")
    assert code == 2, (name, out, err)
    assert out == ""
    assert needle in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    if name != "missing column":
        assert "row " in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--measure", "GEN", "--method", "XYZ"], "unknown method 'XYZ'; choose one of: EE, FE"),
        (["--measure", "GEN", "--test", "t"], "unknown test 't'; choose one of: z, knha"),
        (["--measure", "HR"], "unknown measure 'HR'; choose one of: MD, SMD"),
    ],
)
def test_unknown_options_exit_2(
    args: list[str], needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("yi,vi\n0.1,0.02\n0.2,0.03\n")
    code, _, err = run(capsys, str(path), *args)
    assert code == 2
    assert needle in err


def test_missing_file_and_bad_plot_name_exit_2(
    bcg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(tmp_path / "nope.csv"), "--measure", "GEN")
    assert code == 2 and "nope.csv" in err
    code, _, err = run(capsys, str(bcg), "--measure", "RR", "--forest", str(tmp_path / "f.jpg"))
    assert code == 2 and ".png" in err


def test_a_long_batch_runs_with_a_progress_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["analysis,yi,vi"]
    for i in range(250):
        lines += [f"a{i},{0.1 * (i % 7)},0.05", f"a{i},{0.02 * (i % 5)},0.04", f"a{i},0.3,0.06"]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n")
    code, out, _ = run(capsys, str(path), "--measure", "GEN", "--method", "PM", "--json")
    assert code == 0
    doc = json.loads(out)  # the progress bar went to stderr, stdout is one JSON document
    assert len(doc["analyses"]) == 250
    assert all(a["k"] == 3 and a["converged"] for a in doc["analyses"])
    code, out, _ = run(capsys, str(path), "--measure", "GEN")
    assert code == 0 and "250 meta-analyses" in out


def test_plots_are_refused_for_a_batch_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "batch.csv"
    path.write_text("analysis,yi,vi\na,0.1,0.04\na,0.2,0.05\nb,0.3,0.04\nb,0.1,0.02\n")
    code, _, err = run(capsys, str(path), "--measure", "GEN", "--forest", str(tmp_path / "f.png"))
    assert code == 2 and "analysis" in err and not (tmp_path / "f.png").exists()


def _many_rows(path: Path, n: int) -> Path:
    lines = ["study,yi,vi", *(f"S{i},{0.1 + (i % 7) / 100:.2f},0.0{1 + i % 5}" for i in range(n))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_too_many_rows_is_input_error_with_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: a huge CSV is refused at the row limit instead of being analysed for minutes."""
    big = _many_rows(tmp_path / "big.csv", 100_001)
    code, _, err = run(capsys, str(big), "--measure", "GEN", "--json")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "big.csv" in err and "100000 data rows" in err
    small = _many_rows(tmp_path / "small.csv", 12)
    code, _, err = run(capsys, str(small), "--measure", "GEN", "--max-rows", "10")
    assert code == 2 and "at most 10 data rows" in err
    monkeypatch.setenv("ACUPATH_META_MAX_ROWS", "11")
    code, _, err = run(capsys, str(small), "--measure", "GEN", "--json")
    assert code == 2 and "at most 11 data rows" in err
    code, out, _ = run(capsys, str(small), "--measure", "GEN", "--json", "--max-rows", "12")
    assert code == 0 and json.loads(out)["k"] == 12


def test_oversized_cell_is_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wide.csv"
    path.write_text('study,yi,vi\n"' + "x" * 200_000 + '",0.1,0.01\n', encoding="utf-8")
    code, _, err = run(capsys, str(path), "--measure", "GEN")
    assert code == 2 and "wide.csv" in err
