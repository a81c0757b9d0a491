"""Meta-regression against metafor's rma(yi, vi, mods = ~ ...) (golden/metareg.json)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from acupath.errors import AnalysisError, InputError
from acupath.meta.metareg import design_matrix, metareg
from tests.meta.conftest import GOLDEN_DIR, load, mismatches

DOC = load(GOLDEN_DIR / "metareg.json")
CASES = {case["id"]: case for case in DOC["cases"]}
RUNS = [(cid, f["method"], f["test"]) for cid in sorted(CASES) for f in CASES[cid]["fits"]]


def reference(cid: str, method: str, test: str) -> dict[str, Any]:
    return next(f for f in CASES[cid]["fits"] if f["method"] == method and f["test"] == test)


def test_golden_covers_meta_regression() -> None:
    assert len(CASES) >= 6
    assert {f["method"] for c in CASES.values() for f in c["fits"]} >= {"REML", "DL", "EE", "PM"}


@pytest.mark.parametrize(("cid", "method", "test"), RUNS)
def test_matches_metafor(cid: str, method: str, test: str) -> None:
    case = CASES[cid]
    ref = reference(cid, method, test)
    if "error" in ref:
        with pytest.raises(AnalysisError):
            metareg(case["yi"], case["vi"], case["mods"], method, test)
        return
    res = metareg(case["yi"], case["vi"], case["mods"], method, test)
    assert [c.name for c in res.coefficients] == ref["names"]
    errors: list[str] = []
    for ours, theirs in (
        ("estimate", "estimate"),
        ("se", "se"),
        ("zval", "zval"),
        ("pval", "pval"),
        ("ci_lower", "ci_lb"),
        ("ci_upper", "ci_ub"),
    ):
        errors += mismatches(ours, [getattr(c, ours) for c in res.coefficients], ref[theirs])
    for ours, theirs in (
        ("qm", "QM"),
        ("qm_pval", "QMp"),
        ("tau2", "tau2"),
        ("r2", "R2"),
        ("q", "QE"),
        ("q_pval", "QEp"),
        ("i2", "I2"),
        ("h2", "H2"),
    ):
        errors += mismatches(ours, [getattr(res, ours)], [ref[theirs]])
    if "tau2_ci_lb" in ref:
        expected = [
            None if ref[f"tau2_ci_{e}_sign"] == ">" else ref[f"tau2_ci_{e}"] for e in ("lb", "ub")
        ]
        errors += mismatches("tau2 CI", [res.tau2_ci_lower, res.tau2_ci_upper], expected)
    assert not errors, errors


def test_categorical_moderator_is_dummy_coded_against_the_first_level() -> None:
    X, names = design_matrix({"alloc": ["random", "alternate", "systematic", "random"]}, 4)
    assert names == ["intrcpt", "allocrandom", "allocsystematic"]
    assert X.tolist() == [[1, 1, 0], [1, 0, 0], [1, 0, 1], [1, 1, 0]]


def test_bad_moderators_are_named() -> None:
    y, v = [0.1, 0.3, 0.2, 0.5], [0.1, 0.2, 0.1, 0.3]
    with pytest.raises(InputError, match="varies between studies"):
        metareg(y, v, {"site": ["a", "a", "a", "a"]})
    with pytest.raises(AnalysisError, match="collinear"):
        metareg(y, v, {"x": [1, 2, 3, 4], "x2": [2, 4, 6, 8]})
    with pytest.raises(AnalysisError, match="needs more than 3 studies"):
        metareg(y[:3], v[:3], {"x": [1, 2, 3], "z": [0, 1, 1]})
    with pytest.raises(InputError, match="one value per study"):
        metareg(y, v, {"x": [1, 2]})


def test_one_moderator_reproduces_subgroup_free_pooling_when_it_is_constant_zero() -> None:
    """A moderator that is all zeros is collinear with nothing but adds no information: it is
    rejected rather than silently dropped."""
    with pytest.raises(AnalysisError):
        metareg([0.1, 0.3, 0.2, 0.5], [0.1, 0.2, 0.1, 0.3], {"x": np.zeros(4)})
