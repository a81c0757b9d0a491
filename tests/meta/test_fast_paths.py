"""The fast intercept-only paths of the batch engine against the general code and one-at-a-time
fits: Fisher scoring, step-halving, the Newton search of the Q-profile bounds and the blocks."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from acupath.meta import pool, pool_many
from acupath.meta.batch import CHUNK_CELLS, _chunks
from acupath.meta.confint import tau2_interval
from acupath.meta.intercept import BLOCK
from acupath.meta.lanes import Lanes, pad
from acupath.meta.tau2 import _halved, estimate


def batch(seed: int, n: int, kmax: int = 40) -> list[tuple[np.ndarray, np.ndarray]]:
    """Random meta-analyses with variances spread over four orders of magnitude, some with
    one variance far from the others, identical effects, or two studies."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        k = int(rng.integers(2, kmax + 1))
        v = 10.0 ** rng.uniform(-3.0, 1.0, k)
        y = rng.normal(rng.normal(0.2, 0.5), np.sqrt(v + rng.uniform(0.0, 0.5)))
        if i % 17 == 0:
            v[0] = 1e-8
            v[-1] = 1e4
        if i % 23 == 0:
            y[:] = 0.3
        out.append((y, v))
    return out


def with_intercept_column(lanes: Lanes) -> Lanes:
    """The same lanes with an explicit intercept column, which takes the general code."""
    return Lanes(lanes.y, lanes.v, lanes.mask, np.ones((*lanes.y.shape, 1)))


EXTREME = 17
"""Every 17th meta-analysis of :func:`batch` has variances 1e-8 and 1e4 side by side. At
tau² = 0 the first has weight 1e8, and tr PP is then a difference of terms of order 1e16 whose
value is of order 1e2: the order in which a row is summed (which depends on the padding width)
moves tau² in the 9th digit, in metafor as here. Those lanes are held to the project's metafor
tolerance (1e-6) instead of 1e-9."""


def relclose(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> bool:
    both_nan = np.isnan(a) & np.isnan(b)
    return bool(np.all(both_nan | (np.abs(a - b) <= atol + rtol * np.abs(b))))


def agree(a: np.ndarray, b: np.ndarray) -> bool:
    """1e-9 relative, 1e-6 on the ill-conditioned lanes (see :data:`EXTREME`)."""
    rtol = np.where(np.arange(a.size) % EXTREME == 0, 1e-6, 1e-9)
    both_nan = np.isnan(a) & np.isnan(b)
    return bool(np.all(both_nan | (np.abs(a - b) <= 1e-14 + rtol * np.abs(b))))


@pytest.mark.parametrize("method", ["REML", "ML", "EB"])
def test_fast_fisher_scoring_matches_the_general_code(method: str) -> None:
    lanes = pad(batch(1, 300))
    fast = estimate(lanes, method)
    general = estimate(with_intercept_column(lanes), method)
    assert np.array_equal(fast.converged, general.converged)
    assert np.array_equal(fast.iterations, general.iterations)
    assert agree(fast.tau2, general.tau2)


def test_newton_bounds_match_the_general_search() -> None:
    lanes = pad(batch(2, 300))
    tau2 = estimate(lanes, "REML").tau2
    fast = tau2_interval(lanes, tau2)
    general = tau2_interval(with_intercept_column(lanes), tau2)
    assert np.array_equal(fast.lower_censored, general.lower_censored)
    assert np.array_equal(fast.upper_censored, general.upper_censored)
    assert agree(fast.lower, general.lower)
    assert agree(fast.upper, general.upper)


def test_batch_matches_one_at_a_time_fits_across_blocks() -> None:
    """More lanes than one block holds, so the blocked kernels and their compaction run."""
    data = batch(3, BLOCK + 700, kmax=12)
    res = pool_many(data, "REML")
    for i in range(0, len(data), 97):
        one = pool(*data[i], "REML")
        for name in ("estimate", "se", "tau2", "tau2_ci_lower", "tau2_ci_upper", "i2", "q"):
            ours, theirs = getattr(res, name)[i], getattr(one, name)
            theirs = np.nan if theirs is None else theirs
            rtol = 1e-6 if i % EXTREME == 0 else 1e-8
            assert relclose(np.array([ours]), np.array([theirs]), rtol, 1e-12), (i, name)


def test_chunks_do_not_change_results() -> None:
    data = batch(4, 400)
    one = pool_many(data, "REML")
    chunked = pool_many(data, "REML", chunk_size=37)
    for name in ("tau2", "tau2_ci_lower", "tau2_ci_upper", "estimate"):
        assert agree(getattr(one, name), getattr(chunked, name)), name


def test_step_halving_jump_equals_halving_one_at_a_time() -> None:
    rng = np.random.default_rng(5)
    t = np.concatenate([np.zeros(50), 10.0 ** rng.uniform(-300, 2, 400), [5e-324, 1e-310]])
    adj = -(10.0 ** rng.uniform(-6, 300, t.size)) * rng.uniform(0.5, 2.0, t.size)
    adj[::7] *= -1.0  # some steps are positive and need no halving
    slow = adj.copy()
    neg = t + slow < 0.0
    while neg.any():
        slow = np.where(neg, slow / 2.0, slow)
        neg = t + slow < 0.0
    fast = _halved(t, adj)
    assert np.array_equal(t + fast, t + slow)
    assert np.array_equal(np.signbit(fast), np.signbit(slow))


def test_chunks_bound_the_padding() -> None:
    """A few very large meta-analyses do not pad thousands of small ones to their size."""
    sizes = np.sort(np.array([5] * 30_000 + [50] * 100 + [100_000] * 3 + [2_000_000]))
    chunks = _chunks(sizes, 20_000)
    assert chunks[0] == (0, 20_000)
    assert chunks[-1] == (sizes.size - 1, sizes.size)  # the largest alone
    assert all(a[1] == b[0] for a, b in itertools.pairwise(chunks))
    assert all(e - b == 1 or (e - b) * sizes[e - 1] <= CHUNK_CELLS for b, e in chunks)
    assert _chunks(np.arange(1, 51), 7)[:2] == [(0, 7), (7, 14)]
