"""acupath's engine against metafor: every number in tests/meta/golden/*.json.

The golden files come from ``make_golden.R`` (metafor and metadat versions recorded in each
file and in golden/README.md). Tolerance: 1e-6 relative (see ``conftest.RTOL``); the engine
follows metafor's algorithms step for step, so the observed differences are below 1e-9.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest

from acupath.errors import AnalysisError
from acupath.meta import (
    cumul,
    escalc,
    influence,
    leave1out,
    pool,
    pool_many,
    ranktest,
    regtest,
    subgroup,
    trimfill,
)
from acupath.meta.pool import RETRY_NOTE
from tests.meta.conftest import golden_cases, mismatches

CASES = dict(golden_cases())
IDS = sorted(CASES)

FIT_KEYS = [
    ("estimate", "estimate"),
    ("se", "se"),
    ("statistic", "zval"),
    ("pval", "pval"),
    ("ci_lower", "ci_lb"),
    ("ci_upper", "ci_ub"),
    ("tau2", "tau2"),
    ("i2", "I2"),
    ("h2", "H2"),
    ("q", "QE"),
    ("q_pval", "QEp"),
    ("pi_lower", "pi_lb"),
    ("pi_upper", "pi_ub"),
]


def effects(case: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        es = escalc(case["measure"], case["columns"])
    return es.yi, es.vi


def expected_tau2_ci(ref: dict[str, Any]) -> list[float | None]:
    """metafor's Q-profile bounds, with a bound beyond the search limit (sign ">") as None:
    acupath reports a censored bound as censored, not as the limit."""
    return [
        None if ref[f"tau2_ci_{end}_sign"] == ">" else ref[f"tau2_ci_{end}"] for end in ("lb", "ub")
    ]


def test_golden_suite_covers_the_issue() -> None:
    """At least 15 metadat datasets, every measure, estimator and test."""
    datasets = {cid.split("_")[0] for cid in IDS if not cid.startswith("synthetic")}
    assert len(datasets) >= 15
    assert {c["measure"] for c in CASES.values()} == {"MD", "SMD", "ROM", "RR", "OR", "RD", "GEN"}
    combos = {(f["method"], f["test"]) for c in CASES.values() for f in c["fits"]}
    methods = {"EE", "FE", "DL", "HE", "HS", "SJ", "PM", "ML", "REML", "EB"}
    assert combos == {(m, t) for m in methods for t in ("z", "knha")}


@pytest.mark.parametrize("cid", IDS)
def test_effect_sizes(cid: str) -> None:
    case = CASES[cid]
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        es = escalc(case["measure"], case["columns"])
    ref_y = case["escalc"]["yi"]
    dropped = [i - 1 for i in case["escalc"]["dropped"]]  # R counts from 1
    assert list(es.dropped) == dropped
    kept_y = [y for i, y in enumerate(ref_y) if i not in dropped]
    kept_v = [v for i, v in enumerate(case["escalc"]["vi"]) if i not in dropped]
    errors = mismatches("yi", list(es.yi), kept_y) + mismatches("vi", list(es.vi), kept_v)
    assert not errors, errors


@pytest.mark.parametrize("cid", IDS)
def test_pool(cid: str) -> None:
    case = CASES[cid]
    y, v = effects(case)
    errors: list[str] = []
    for ref in case["fits"]:
        where = f"{ref['method']}/{ref['test']}"
        if "error" in ref:
            with pytest.raises(AnalysisError):
                pool(y, v, ref["method"], ref["test"])
            continue
        res = pool(y, v, ref["method"], ref["test"])
        for ours, theirs in FIT_KEYS:
            errors += mismatches(f"{where} {ours}", [getattr(res, ours)], [ref[theirs]])
        errors += mismatches(f"{where} weights", list(res.weights), ref["weights"])
        if "tau2_ci_lb" in ref:
            errors += mismatches(
                f"{where} tau2 CI",
                [res.tau2_ci_lower, res.tau2_ci_upper],
                expected_tau2_ci(ref),
            )
            assert res.tau2_ci_lower_censored == (ref["tau2_ci_lb_sign"] == ">"), where
            assert res.tau2_ci_upper_censored == (ref["tau2_ci_ub_sign"] == ">"), where
        assert (RETRY_NOTE in res.notes) == ref["retried"], where
    assert not errors, errors


@pytest.mark.parametrize("method", ["EE", "DL", "HE", "HS", "SJ", "PM", "ML", "REML", "EB"])
@pytest.mark.parametrize("test", ["z", "knha"])
def test_pool_many_reproduces_metafor(method: str, test: str) -> None:
    """All golden meta-analyses fitted in one batch give metafor's numbers too."""
    data = [effects(CASES[cid]) for cid in IDS]
    res = pool_many(data, method, test, chunk_size=7)  # several chunks of mixed sizes
    errors: list[str] = []
    for i, cid in enumerate(IDS):
        ref = next(f for f in CASES[cid]["fits"] if f["method"] == method and f["test"] == test)
        for ours, theirs in FIT_KEYS:
            errors += mismatches(f"{cid} {ours}", [getattr(res, ours)[i]], [ref[theirs]])
        if "tau2_ci_lb" in ref:
            errors += mismatches(
                f"{cid} tau2 CI",
                [res.tau2_ci_lower[i], res.tau2_ci_upper[i]],
                expected_tau2_ci(ref),
            )
            assert res.tau2_ci_upper_censored[i] == (ref["tau2_ci_ub_sign"] == ">"), cid
    assert not errors, errors


@pytest.mark.parametrize("cid", IDS)
def test_egger_and_trimfill(cid: str) -> None:
    case = CASES[cid]
    y, v = effects(case)
    errors: list[str] = []
    for ref in case["fits"]:
        where = f"{ref['method']}/{ref['test']}"
        egger = ref.get("egger")
        if egger and "error" not in egger:
            e = regtest(y, v, ref["method"], ref["test"])
            errors += mismatches(
                f"{where} egger",
                [e.statistic, e.pval, e.limit_estimate],
                [egger["zval"], egger["pval"], egger["limit_estimate"]],
            )
        tf = ref.get("trimfill")
        if tf is None:
            continue
        if "error" in tf:
            # metafor's trim and fill stops when an inner REML/ML fit fails; acupath retries
            # that fit with half steps (see tau2.RETRY_STEPADJ) and can finish.
            if "Fisher scoring" not in tf["error"]:
                with pytest.raises(AnalysisError):
                    trimfill(y, v, ref["method"])
            continue
        res = trimfill(y, v, ref["method"])
        assert (res.k0, res.side) == (tf["k0"], tf["side"]), where
        errors += mismatches(
            f"{where} trimfill",
            [res.estimate, res.result.se, res.result.tau2, res.result.ci_lower],
            [tf["estimate"], tf["se"], tf["tau2"], tf["ci_lb"]],
        )
    assert not errors, errors


@pytest.mark.parametrize("cid", IDS)
def test_ranktest(cid: str) -> None:
    case = CASES[cid]
    y, v = effects(case)
    ref = case["ranktest"]
    res = ranktest(y, v)
    errors = mismatches("ranktest", [res.tau, res.pval], [ref["tau"], ref["pval"]])
    assert not errors, errors


SERIES_KEYS = [
    ("estimate", "estimate"),
    ("se", "se"),
    ("pval", "pval"),
    ("ci_lower", "ci_lb"),
    ("ci_upper", "ci_ub"),
    ("q", "Q"),
    ("q_pval", "Qp"),
    ("tau2", "tau2"),
    ("i2", "I2"),
    ("h2", "H2"),
]


@pytest.mark.parametrize("cid", IDS)
def test_leave1out_and_cumul(cid: str) -> None:
    case = CASES[cid]
    y, v = effects(case)
    errors: list[str] = []
    for ref in case["sensitivity"]:
        where = f"{ref['method']}/{ref['test']}"
        for name, fn in (("leave1out", leave1out), ("cumul", cumul)):
            fits = fn(y, v, ref["method"], ref["test"]).fits
            for ours, theirs in SERIES_KEYS:
                if ours == "tau2" and ref["method"] == "EE":
                    assert np.all(getattr(fits, ours) == 0.0)  # metafor leaves tau2 out
                    continue
                errors += mismatches(
                    f"{where} {name}.{ours}", list(getattr(fits, ours)), ref[name][theirs]
                )
    assert not errors, errors


@pytest.mark.parametrize("cid", IDS)
def test_influence(cid: str) -> None:
    case = CASES[cid]
    y, v = effects(case)
    errors: list[str] = []
    checked = 0
    for ref in case["influence"]:
        if "skipped" in ref:
            continue
        where = f"{ref['method']}/{ref['test']}"
        inf = influence(y, v, ref["method"], ref["test"])
        for ours, theirs in [
            ("rstudent", "rstudent"),
            ("dffits", "dffits"),
            ("cook_d", "cook_d"),
            ("cov_r", "cov_r"),
            ("tau2_del", "tau2_del"),
            ("q_del", "QE_del"),
            ("hat", "hat"),
            ("weight", "weight"),
            ("dfbetas", "dfbetas"),
        ]:
            errors += mismatches(f"{where} {ours}", list(getattr(inf, ours)), ref[theirs])
        assert list(inf.influential) == ref["influential"], where
        checked += 1
    assert checked or cid.startswith("synthetic")
    assert not errors, errors


SUBGROUP_IDS = [cid for cid in IDS if "subgroup" in CASES[cid]]


def test_subgroup_cases_exist() -> None:
    assert len(SUBGROUP_IDS) >= 2


@pytest.mark.parametrize("cid", SUBGROUP_IDS)
def test_subgroup(cid: str) -> None:
    case = CASES[cid]
    y, v = effects(case)
    errors: list[str] = []
    for ref in case["subgroup"]:
        res = subgroup(y, v, case["group"], ref["method"], ref["test"])
        assert list(res.groups) == [g["group"] for g in ref["groups"]]
        assert res.df_between == ref["df_between"]
        errors += mismatches(
            "between", [res.q_between, res.p_between], [ref["Q_between"], ref["p_between"]]
        )
        for r, g in zip(res.results, ref["groups"], strict=True):
            errors += mismatches(
                f"group {g['group']}",
                [r.estimate, r.se, r.ci_lower, r.ci_upper, r.tau2, r.i2, r.q],
                [g["estimate"], g["se"], g["ci_lb"], g["ci_ub"], g["tau2"], g["I2"], g["QE"]],
            )
    assert not errors, errors
