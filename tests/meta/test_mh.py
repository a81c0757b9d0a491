"""Mantel-Haenszel and Peto pooling against metafor's rma.mh and rma.peto (golden/mh_peto.json)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from acupath.errors import AnalysisError, InputError
from acupath.meta.mh import Tables, check_method_measure, mh_random, pool_mh
from tests.meta.conftest import GOLDEN_DIR, load, mismatches

DOC = load(GOLDEN_DIR / "mh_peto.json")
CASES = {case["id"]: case for case in DOC["cases"]}
RUNS = [(cid, key) for cid in sorted(CASES) for key in ("MH_OR", "MH_RR", "MH_RD", "PETO_OR")]

KEYS = [
    ("estimate", "estimate"),
    ("se", "se"),
    ("statistic", "zval"),
    ("pval", "pval"),
    ("ci_lower", "ci_lb"),
    ("ci_upper", "ci_ub"),
    ("q", "QE"),
    ("q_pval", "QEp"),
    ("i2", "I2"),
    ("h2", "H2"),
]


def tables(case: dict[str, Any]) -> Tables:
    cols = case["columns"]
    return Tables(*(np.asarray(cols[n], dtype=float) for n in ("ai", "bi", "ci", "di")))


def test_golden_covers_mh_and_peto() -> None:
    assert len(CASES) >= 12
    assert DOC["versions"]["metafor"] == "3.8.1"


@pytest.mark.parametrize(("cid", "key"), RUNS)
def test_matches_metafor(cid: str, key: str) -> None:
    ref = CASES[cid][key]
    method, measure = key.split("_")
    if "error" in ref:
        with pytest.raises(AnalysisError):
            pool_mh(measure, tables(CASES[cid]), method=method)
        return
    res = pool_mh(measure, tables(CASES[cid]), method=method)
    errors: list[str] = []
    for ours, theirs in KEYS:
        errors += mismatches(ours, [getattr(res, ours)], [ref[theirs]])
    assert res.q_df == ref["k_yi"] - 1
    errors += mismatches("weights", list(res.weights), ref["weights"])
    if "revman_random" in ref:
        rr = ref["revman_random"]
        rnd = mh_random(res)
        for ours, theirs in [*KEYS[:6], ("tau2", "tau2")]:
            errors += mismatches(f"random {ours}", [getattr(rnd, ours)], [rr[theirs]])
        errors += mismatches("random weights", list(rnd.weights), rr["weights"])
    assert not errors, errors


def test_measures_each_method_accepts() -> None:
    for measure in ("OR", "RR", "RD"):
        check_method_measure("MH", measure)
    check_method_measure("PETO", "OR")
    with pytest.raises(InputError, match="--measure"):
        check_method_measure("PETO", "RR")
    with pytest.raises(InputError, match="--measure"):
        check_method_measure("MH", "SMD")


def test_tables_without_events_are_an_analysis_error() -> None:
    empty = Tables(*(np.array(x, dtype=float) for x in ([0, 0], [10, 12], [0, 0], [9, 11])))
    for measure in ("OR", "RR"):
        with pytest.raises(AnalysisError, match="not defined"):
            pool_mh(measure, empty)
    with pytest.raises(AnalysisError, match="Peto"):
        pool_mh("OR", empty, method="PETO")


def test_command_line_mh_and_peto(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from acupath.cli import main

    case = CASES["bcg"]
    cols = case["columns"]
    rows = zip(cols["ai"], cols["bi"], cols["ci"], cols["di"], strict=True)
    path = tmp_path / "bcg.csv"
    path.write_text(
        "ai,bi,ci,di\n" + "".join(f"{a:g},{b:g},{c:g},{d:g}\n" for a, b, c, d in rows), "utf-8"
    )
    for method, key in (("MH", "MH_OR"), ("peto", "PETO_OR")):
        code = main(["meta", str(path), "--measure", "OR", "--method", method, "--json"])
        out, err = capsys.readouterr()
        assert code == 0, err
        doc = json.loads(out)
        ref = case[key]
        assert doc["method"] == method.upper() and doc["tau2"] == 0.0
        assert not mismatches("estimate", [doc["estimate"]], [ref["estimate"]])
        assert not mismatches("q", [doc["q"]], [ref["QE"]])
        assert not mismatches("weights", [s["weight"] for s in doc["studies"]], ref["weights"])
    assert main(["meta", str(path), "--measure", "OR", "--method", "MH", "--json"]) == 0
    random = json.loads(capsys.readouterr().out)["revman_random"]
    assert not mismatches(
        "revman random", [random["estimate"]], [case["MH_OR"]["revman_random"]["estimate"]]
    )
    code = main(["meta", str(path), "--measure", "RR", "--method", "PETO"])
    assert code == 2
    assert "--measure" in capsys.readouterr().err


def test_web_meta_page_pools_with_mh() -> None:
    """The web page's analysis (acupath/web/routers/meta.py) accepts MH and PETO too."""
    from acupath.web.routers.meta import _choices
    from acupath.web.routers.meta import run as web_run

    case = CASES["bcg"]
    cols = case["columns"]
    rows = zip(cols["ai"], cols["bi"], cols["ci"], cols["di"], strict=True)
    text = "ai,bi,ci,di\n" + "".join(f"{a:g},{b:g},{c:g},{d:g}\n" for a, b, c, d in rows)
    report = web_run(text, "RR", "mh", "z")
    assert report.result.method == "MH"
    assert not mismatches("estimate", [report.result.estimate], [case["MH_RR"]["estimate"]])
    assert {"MH", "PETO"} <= set(_choices()["methods"])
