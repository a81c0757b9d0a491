"""Engine details not covered by the golden files: options, errors, batches, fallbacks."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from acupath.errors import AnalysisError, InputError
from acupath.meta import UnknownChoice, escalc, pool, pool_many
from acupath.meta._zeroin import zeroin
from acupath.meta.effects import DroppedStudyWarning, hedges_correction
from acupath.meta.pool import RETRY_NOTE
from acupath.meta.single import zeroin as zeroin_one


def test_hedges_correction_is_exact_and_does_not_overflow() -> None:
    m = np.array([2.0, 10.0, 50.0])
    direct = [math.gamma(x / 2) / (math.sqrt(x / 2) * math.gamma((x - 1) / 2)) for x in m]
    assert np.allclose(hedges_correction(m), direct, rtol=1e-13)
    big = hedges_correction(np.array([400.0, 5000.0]))  # Γ overflows above about 343
    assert np.all(np.isfinite(big)) and np.all(big < 1) and big[1] > 0.9998
    assert math.isnan(float(hedges_correction(1.0)))


def test_rom_correction_of_metafor_5() -> None:
    cols = {"m1i": [10.0], "sd1i": [4.0], "n1i": [20], "m2i": [8.0], "sd2i": [3.0], "n2i": [25]}
    plain = escalc("ROM", cols)
    corrected = escalc("ROM", cols, correct=True)
    assert plain.yi[0] == pytest.approx(math.log(10 / 8))
    shift = 0.5 * (16 / (20 * 100) - 9 / (25 * 64))
    assert corrected.yi[0] == pytest.approx(math.log(10 / 8) + shift)
    assert corrected.vi[0] == plain.vi[0]


def test_zero_cells_and_double_zero_studies() -> None:
    cols = {"ai": [0, 0, 3], "n1i": [10, 12, 20], "ci": [2, 0, 5], "n2i": [10, 12, 20]}
    with pytest.warns(DroppedStudyWarning, match="rows 2"):
        rr = escalc("RR", cols)
    assert rr.kept == (0, 2) and rr.dropped == (1,)
    # study 1 gets 1/2 in every cell: log((0.5/11) / (2.5/11))
    assert rr.yi[0] == pytest.approx(math.log(0.5 / 2.5))
    assert rr.vi[0] == pytest.approx(1 / 0.5 - 1 / 11 + 1 / 2.5 - 1 / 11)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rd = escalc("RD", cols)  # the risk difference keeps double-zero studies
    assert len(rd.yi) == 3 and rd.yi[1] == 0.0


def test_escalc_errors_name_the_column() -> None:
    with pytest.raises(InputError, match="n2i"):
        escalc("MD", {"m1i": [1], "sd1i": [1], "n1i": [5], "m2i": [1], "sd2i": [1]})
    with pytest.raises(InputError, match="sd2i must be a standard deviation >= 0"):
        escalc("MD", {"m1i": [1], "sd1i": [1], "n1i": [5], "m2i": [1], "sd2i": [-1], "n2i": [5]})


def test_unknown_choices_are_value_errors_with_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown method 'X'; choose one of: EE, FE, DL"):
        pool([0.1, 0.2], [0.1, 0.1], method="X")
    with pytest.raises(UnknownChoice, match="unknown test 'hksj'; choose one of: z, knha"):
        pool([0.1, 0.2], [0.1, 0.1], test="hksj")
    with pytest.raises(ValueError, match="unknown measure 'd'"):
        escalc("d", {"yi": [1], "vi": [1]})
    assert pool([0.1, 0.2], [0.1, 0.1], method="reml").method == "REML"


def test_pool_rejects_bad_input() -> None:
    with pytest.raises(InputError, match="vi must be a positive finite variance"):
        pool([0.1, 0.2], [0.1, 0.0])
    with pytest.raises(InputError, match="one variance per effect size"):
        pool([0.1, 0.2], [0.1])
    with pytest.raises(AnalysisError, match="at least one study"):
        pool([], [])
    with pytest.raises(InputError, match="one label per study"):
        pool([0.1, 0.2], [0.1, 0.1], labels=["a"])


def test_single_study() -> None:
    res = pool([0.3], [0.04], "REML", "knha")
    assert res.tau2 == 0 and res.se == pytest.approx(0.2) and res.df is None
    assert res.ci_lower == pytest.approx(0.3 - 1.959963984540054 * 0.2)
    assert res.q == 0 and res.i2 == 0 and res.tau2_ci_lower is None


def test_equal_effects_has_no_prediction_interval() -> None:
    res = pool([0.1, 0.4, 0.2], [0.01, 0.02, 0.03], "EE")
    assert res.pi_lower is None and res.tau2_ci_upper is None and res.tau2 == 0


def test_fisher_scoring_retry_is_flagged() -> None:
    rng = np.random.default_rng(1)
    y, v = rng.normal(0.3, 0.3, 30), rng.uniform(0.01, 0.3, 30)
    res = pool(y, v, "REML")  # full steps oscillate on these data, as in metafor
    assert RETRY_NOTE in res.notes
    assert pool(y, v, "DL").notes == ()


def test_zeroin_matches_r_uniroot() -> None:
    # R: uniroot(function(x) exp(x) - 5, c(0, 10))$root and x^3 - 2x - 5 on [0, 3]
    r_roots = [1.6094457409993774, 2.0945758308493767]
    f1 = lambda x: math.exp(x) - 5  # noqa: E731
    f2 = lambda x: x**3 - 2 * x - 5  # noqa: E731
    assert zeroin_one(f1, 0.0, 10.0, f1(0.0), f1(10.0))[0] == r_roots[0]
    assert zeroin_one(f2, 0.0, 3.0, f2(0.0), f2(3.0))[0] == r_roots[1]
    lo, hi = np.array([0.0, 0.0]), np.array([10.0, 3.0])
    roots, ok = zeroin(
        lambda x, i: np.where(i == 0, np.exp(x) - 5, x**3 - 2 * x - 5),
        lo, hi, np.array([f1(0.0), f2(0.0)]), np.array([f1(10.0), f2(3.0)]),
    )  # fmt: skip
    assert list(roots) == r_roots and ok.all()


def test_pool_many_progress_and_failures() -> None:
    rng = np.random.default_rng(3)
    data = [(rng.normal(0, 0.3, k), rng.uniform(0.02, 0.2, k)) for k in rng.integers(2, 30, 50)]
    calls: list[tuple[int, int]] = []
    res = pool_many(data, "PM", chunk_size=16, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(16, 50), (32, 50), (48, 50), (50, 50)]
    assert len(res) == 50 and res.converged.all()
    row = res.row(3)
    assert row["q_df"] == len(data[3][0]) - 1 and row["method"] == "PM"
    with pytest.raises(InputError, match="vi"):
        pool_many([([0.1, 0.2], [0.1, -1.0])])
    with pytest.raises(AnalysisError, match="at least one"):
        pool_many([])


def test_pool_many_without_tau2_interval() -> None:
    data = [([0.1, 0.5, 0.3], [0.02, 0.03, 0.04])]
    res = pool_many(data, tau2_ci=False)
    assert math.isnan(res.tau2_ci_lower[0]) and not math.isnan(res.tau2[0])
