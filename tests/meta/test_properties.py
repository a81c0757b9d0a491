"""Properties that hold for any data (Hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from acupath.meta import pool, pool_many

effects = st.floats(min_value=-5, max_value=5, allow_nan=False, allow_infinity=False)
variances = st.floats(min_value=1e-3, max_value=4, allow_nan=False, allow_infinity=False)


@st.composite
def studies(draw: st.DrawFn, min_k: int = 2, max_k: int = 25) -> tuple[list[float], list[float]]:
    k = draw(st.integers(min_value=min_k, max_value=max_k))
    y = draw(st.lists(effects, min_size=k, max_size=k))
    v = draw(st.lists(variances, min_size=k, max_size=k))
    return y, v


METHODS = st.sampled_from(["EE", "DL", "HE", "HS", "SJ", "PM", "ML", "REML", "EB"])


@settings(max_examples=150, deadline=None)
@given(studies())
def test_common_effect_lies_within_the_study_estimates(
    data: tuple[list[float], list[float]],
) -> None:
    y, v = data
    res = pool(y, v, "EE")
    slack = 1e-12 * (1 + max(abs(x) for x in y))
    assert min(y) - slack <= res.estimate <= max(y) + slack


@settings(max_examples=150, deadline=None)
@given(studies(), METHODS)
def test_random_effects_estimate_also_lies_within_the_study_estimates(
    data: tuple[list[float], list[float]], method: str
) -> None:
    y, v = data
    res = pool(y, v, method)
    slack = 1e-9 * (1 + max(abs(x) for x in y))
    assert min(y) - slack <= res.estimate <= max(y) + slack
    assert res.tau2 >= 0


@settings(max_examples=150, deadline=None)
@given(studies(), METHODS, st.sampled_from(["z", "knha"]))
def test_i2_is_a_percentage_and_weights_sum_to_100(
    data: tuple[list[float], list[float]], method: str, test: str
) -> None:
    y, v = data
    res = pool(y, v, method, test)
    assert 0.0 <= res.i2 <= 100.0
    if method != "EE":  # for EE, H² = Q/df as in metafor, which falls below 1 when Q < df
        assert res.h2 >= 1.0 - 1e-12
    assert abs(sum(res.weights) - 100.0) < 1e-9
    assert all(w > 0 for w in res.weights)
    assert res.ci_lower <= res.estimate <= res.ci_upper
    if res.tau2_ci_lower is not None and res.tau2_ci_upper is not None:
        assert res.tau2_ci_lower <= res.tau2_ci_upper


@settings(max_examples=100, deadline=None)
@given(studies(min_k=3), METHODS, st.sampled_from(["z", "knha"]), st.randoms())
def test_study_order_does_not_matter(
    data: tuple[list[float], list[float]], method: str, test: str, rnd: object
) -> None:
    y, v = data
    perm = list(range(len(y)))
    rnd.shuffle(perm)  # type: ignore[attr-defined]
    a = pool(y, v, method, test)
    b = pool([y[i] for i in perm], [v[i] for i in perm], method, test)
    scale = 1 + abs(a.estimate)
    # Sums in a different order differ in the last bits; iterative estimators stop within
    # their threshold, so compare at 1e-6 (the golden tolerance).
    assert abs(a.estimate - b.estimate) <= 1e-6 * scale
    assert abs(a.tau2 - b.tau2) <= 1e-6 * (1 + a.tau2)
    assert abs(a.q - b.q) <= 1e-9 * (1 + a.q)
    assert np.allclose(sorted(a.weights), sorted(b.weights), rtol=1e-5, atol=1e-8)


@settings(max_examples=40, deadline=None)
@given(st.lists(studies(min_k=1, max_k=15), min_size=1, max_size=8), METHODS)
def test_pool_many_matches_one_at_a_time(
    batch: list[tuple[list[float], list[float]]], method: str
) -> None:
    many = pool_many(batch, method)
    for i, (y, v) in enumerate(batch):
        one = pool(y, v, method)
        for name in ("estimate", "se", "tau2", "i2", "q", "ci_lower", "pval"):
            a, b = getattr(one, name), float(getattr(many, name)[i])
            assert abs(a - b) <= 1e-9 * (1 + abs(a)), (name, a, b)
