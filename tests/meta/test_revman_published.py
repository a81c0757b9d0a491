"""acupath against RevMan 5 itself: results RevMan computed, read in files RevMan wrote.

The figures and where each was read are in ``tests/meta/published/revman.json`` (R package
meta's ``Fleiss1993.rm5`` and ``Fleiss1993_CR.csv``, RevMan 5.0.23). Mantel-Haenszel odds
ratio and inverse-variance mean difference, both fixed-effect; the command line is checked on
the same data.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy import special

from acupath.cli import main
from acupath.meta import pool
from acupath.meta.mh import Tables, pool_mh
from tests.meta.conftest import load

DOC = load(Path(__file__).parent / "published" / "revman.json")
CASES = {c["id"]: c for c in DOC["cases"]}
Z = -float(special.ndtri(0.025))


def close(name: str, ours: float, theirs: float, tol: dict[str, float]) -> list[str]:
    """A message when ``ours`` is not within the case's tolerance of RevMan's ``theirs``."""
    if "rel" in tol:
        ok = math.isclose(ours, theirs, rel_tol=tol["rel"], abs_tol=1e-14)
    else:
        ok = abs(ours - theirs) <= tol["abs"]
    return [] if ok else [f"{name}: ours {ours!r}, RevMan {theirs!r}"]


def many(name: str, ours: Any, theirs: list[float], tol: dict[str, float]) -> list[str]:
    assert len(ours) == len(theirs), name
    out: list[str] = []
    for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        out += close(f"{name}[{i}]", float(a), b, tol)
    return out


def test_mantel_haenszel_odds_ratio_as_revman() -> None:
    case = CASES["fleiss1993_aspirin_MH_OR"]
    tol = case["tolerance"]
    a, n1 = np.array(case["events_1"], float), np.array(case["total_1"], float)
    c, n2 = np.array(case["events_2"], float), np.array(case["total_2"], float)
    res = pool_mh("OR", Tables(a, n1 - a, c, n2 - c))
    se = np.sqrt(res.vi)
    errors = many("study OR", np.exp(res.yi), case["study_or"], tol)
    errors += many("study SE", se, case["study_se"], tol)
    errors += many("study CI start", np.exp(res.yi - Z * se), case["study_ci_start"], tol)
    errors += many("study CI end", np.exp(res.yi + Z * se), case["study_ci_end"], tol)
    errors += many("weight", res.weights, case["study_weight"], tol)
    errors += close("OR", math.exp(res.estimate), case["effect_size"], tol)
    errors += close("CI start", math.exp(res.ci_lower), case["ci_start"], tol)
    errors += close("CI end", math.exp(res.ci_upper), case["ci_end"], tol)
    errors += close("Chi2", res.q, case["chi2"], tol)
    errors += close("I2", res.i2, case["i2"], tol)
    errors += close("Z", abs(res.statistic), case["z"], tol)
    errors += close("P(Z)", res.pval, case["p_z"], tol)
    errors += close("P(Chi2)", res.q_pval, case["p_chi2"], {"abs": tol["q_pval_abs"]})
    assert res.q_df == case["df"]
    assert not errors, errors


def test_inverse_variance_mean_difference_as_revman() -> None:
    case = CASES["fleiss1993_mental_health_IV_MD"]
    tol = case["tolerance"]
    m1, sd1, n1 = (np.array(case[k], float) for k in ("mean_1", "sd_1", "total_1"))
    m2, sd2, n2 = (np.array(case[k], float) for k in ("mean_2", "sd_2", "total_2"))
    # RevMan's MD and its variance: m1 - m2 and sd1²/n1 + sd2²/n2.
    yi, vi = m1 - m2, sd1**2 / n1 + sd2**2 / n2
    res = pool(yi, vi, "EE")
    se = np.sqrt(vi)
    errors = many("study MD", yi, case["study_md"], tol)
    errors += many("study SE", se, case["study_se"], tol)
    errors += many("study CI start", yi - Z * se, case["study_ci_start"], tol)
    errors += many("study CI end", yi + Z * se, case["study_ci_end"], tol)
    errors += many("weight", res.weights, case["study_weight"], tol)
    errors += close("MD", res.estimate, case["effect_size"], tol)
    errors += close("CI start", res.ci_lower, case["ci_start"], tol)
    errors += close("CI end", res.ci_upper, case["ci_end"], tol)
    errors += close("Chi2", res.q, case["chi2"], tol)
    errors += close("I2", res.i2, case["i2"], tol)
    errors += close("Z", abs(res.statistic), case["z"], tol)
    errors += close("P(Z)", res.pval, case["p_z"], tol)
    errors += close("P(Chi2)", res.q_pval, case["p_chi2"], {"abs": tol["q_pval_abs"]})
    assert res.k - 1 == case["df"] and res.tau2 == case["tau2"]
    assert not errors, errors


def test_command_line_gives_revmans_mantel_haenszel_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES["fleiss1993_aspirin_MH_OR"]
    tol = case["tolerance"]
    rows = zip(case["studies"], case["events_1"], case["total_1"], case["events_2"],
               case["total_2"], strict=True)  # fmt: skip
    path = tmp_path / "aspirin.csv"
    path.write_text(
        "study,ai,n1i,ci,n2i\n" + "".join(",".join(map(str, r)) + "\n" for r in rows),
        encoding="utf-8",
    )
    assert main(["meta", str(path), "--measure", "OR", "--method", "MH", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    errors = close("OR", math.exp(doc["estimate"]), case["effect_size"], tol)
    errors += close("CI start", math.exp(doc["ci_lower"]), case["ci_start"], tol)
    errors += close("CI end", math.exp(doc["ci_upper"]), case["ci_end"], tol)
    errors += close("Chi2", doc["q"], case["chi2"], tol)
    errors += close("I2", doc["i2"], case["i2"], tol)
    errors += many("weight", [s["weight"] for s in doc["studies"]], case["study_weight"], tol)
    assert [s["study"] for s in doc["studies"]] == case["studies"]
    assert doc["q_df"] == case["df"]
    assert not errors, errors
