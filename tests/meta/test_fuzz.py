"""The fuzz comparison with metafor (golden/fuzz.json, from make_golden_fuzz.R): random
datasets with variances from 1e-12 to 1e7, two-study analyses, ties, identical effects, equal
variances and the reproducing data of issue 17, every estimator, pool() and pool_many()."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest

from acupath.errors import AnalysisError
from acupath.meta import pool, pool_many
from acupath.meta.pool import RETRY_NOTE
from tests.meta.conftest import GOLDEN_DIR, load, mismatches

DOC = load(GOLDEN_DIR / "fuzz.json")
CASES = {case["id"]: case for case in DOC["cases"]}

KEYS = [
    ("estimate", "estimate"),
    ("se", "se"),
    ("pval", "pval"),
    ("ci_lower", "ci_lb"),
    ("ci_upper", "ci_ub"),
    ("tau2", "tau2"),
    ("pi_lower", "pi_lb"),
    ("pi_upper", "pi_ub"),
]
HETEROGENEITY = [("q", "QE"), ("q_pval", "QEp"), ("i2", "I2"), ("h2", "H2")]


def extreme(case: dict[str, Any]) -> bool:
    """Variances more than 1e10 apart: Q and tr P (behind I² and H²) lose digits to
    cancellation, and metafor (which forms P as a k×k matrix) loses more: on yi 0 and 1 with
    vi 1e-8 and 1e4 its Q is 1.0000415e-4 where the exact value is 1.0000000e-4 (ours)."""
    v = np.asarray(case["vi"])
    return bool(v.max() / v.min() > 1e10)


def expected_ci(ref: dict[str, Any]) -> list[float | None]:
    return [None if ref[f"tau2_ci_{e}_sign"] == ">" else ref[f"tau2_ci_{e}"] for e in ("lb", "ub")]


def test_fuzz_covers_the_edge_cases() -> None:
    kinds = {case["kind"] for case in CASES.values()}
    assert {"extreme ratio (issue 17)", "censored interval (issue 17)", "two studies"} <= kinds
    assert len(CASES) >= 40


@pytest.mark.parametrize("cid", sorted(CASES))
def test_pool_agrees_with_metafor(cid: str) -> None:
    case = CASES[cid]
    errors: list[str] = []
    for ref in case["fits"]:
        where = f"{case['kind']} {ref['method']}/{ref['test']}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if "error" in ref:
                with pytest.raises(AnalysisError):
                    pool(case["yi"], case["vi"], ref["method"], ref["test"])
                continue
            res = pool(case["yi"], case["vi"], ref["method"], ref["test"])
            many = pool_many([(case["yi"], case["vi"])], ref["method"], ref["test"])
        keys = KEYS if extreme(case) else KEYS + HETEROGENEITY
        for ours, theirs in keys:
            errors += mismatches(f"{where} {ours}", [getattr(res, ours)], [ref[theirs]])
            errors += mismatches(f"{where} many {ours}", [getattr(many, ours)[0]], [ref[theirs]])
        if "tau2_ci_lb" in ref:
            errors += mismatches(
                f"{where} tau2 CI", [res.tau2_ci_lower, res.tau2_ci_upper], expected_ci(ref)
            )
        assert (RETRY_NOTE in res.notes) == ref["retried"], where
    assert not errors, errors


def test_heterogeneity_with_extreme_variance_ratios_is_close() -> None:
    """Where variances span more than ten orders of magnitude, Q, I² and H² agree to 1e-3
    relative (or 1e-9 absolute), not 1e-6 (see :func:`extreme`)."""
    for case in CASES.values():
        if not extreme(case):
            continue
        for ref in case["fits"]:
            if "error" in ref:
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = pool(case["yi"], case["vi"], ref["method"], ref["test"])
            for ours, theirs in HETEROGENEITY:
                assert getattr(res, ours) == pytest.approx(ref[theirs], rel=1e-3, abs=1e-9), (
                    case["id"], ref["method"], ours,
                )  # fmt: skip
