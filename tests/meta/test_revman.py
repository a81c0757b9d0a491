"""RevMan mode against metafor's test="adhoc" and the RevMan formulas written out in R
(golden/revman.json from make_golden_revman.R); the CLI's --revman."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from acupath.cli import main
from acupath.meta import pool
from acupath.meta.revman import i2_interval, prediction_interval, revman_smd
from tests.meta.conftest import GOLDEN_DIR, load, mismatches

DOC = load(GOLDEN_DIR / "revman.json")
CASES = {c["id"]: c for c in DOC["cases"]}
RUNS = [(cid, f["method"]) for cid in sorted(CASES) for f in CASES[cid]["fits"]]


def ref_fit(cid: str, method: str) -> dict[str, Any]:
    return next(f for f in CASES[cid]["fits"] if f["method"] == method)


@pytest.mark.parametrize(("cid", "method"), RUNS)
def test_revman_conventions_match(cid: str, method: str) -> None:
    case = CASES[cid]
    ref = ref_fit(cid, method)
    if case["measure"] == "SMD":
        c = {k: np.asarray(v, dtype=float) for k, v in case["columns"].items()}
        g, gv = revman_smd(c["m1i"], c["sd1i"], c["n1i"], c["m2i"], c["sd2i"], c["n2i"])
        assert not mismatches("smd", list(g), case["yi"]) + mismatches("v", list(gv), case["vi"])
    res = pool(case["yi"], case["vi"], method, "adhoc")
    i2, lo, hi = i2_interval(res.q, res.k)
    pi = prediction_interval(res.estimate, res.se, res.tau2, res.k)
    errors = mismatches(
        "fit",
        [res.estimate, res.se, res.pval, res.ci_lower, res.ci_upper, res.tau2, *pi, i2, lo, hi],
        [ref[k] for k in ("estimate", "se", "pval", "ci_lb", "ci_ub", "tau2", "pi_lb", "pi_ub",
                          "I2", "I2_lb", "I2_ub")],
    )  # fmt: skip
    assert not errors, errors


def test_command_line_revman_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES["normand1999_SMD"]
    cols = case["columns"]
    names = ["m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"]
    rows = zip(*(cols[n] for n in names), strict=True)
    path = tmp_path / "normand.csv"
    path.write_text(
        ",".join(names) + "\n" + "".join(",".join(f"{x:g}" for x in r) + "\n" for r in rows),
        encoding="utf-8",
    )
    assert main(["meta", str(path), "--measure", "SMD", "--revman", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    ref = ref_fit("normand1999_SMD", "REML")
    assert doc["conventions"] == "revman" and doc["test"] == "adhoc"
    errors = mismatches(
        "doc",
        [doc["estimate"], doc["pi_lower"], doc["i2"], doc["i2_ci_lower"], doc["i2_metafor"]],
        [ref["estimate"], ref["pi_lb"], ref["I2"], ref["I2_lb"], ref["I2_metafor"]],
    )
    assert not errors, errors
    assert [s["yi"] for s in doc["studies"]] == pytest.approx(case["yi"], rel=1e-12)


def test_small_analyses_have_no_revman_interval() -> None:
    assert prediction_interval(0.1, 0.2, 0.05, 2) == (None, None)
    i2, lo, hi = i2_interval(5.0, 2)
    assert i2 == pytest.approx(80.0) and np.isnan(lo) and np.isnan(hi)
