"""Issue 17, defects 1-5: each with the data that reproduced it, and the boundedness property.

Reference values are metafor 3.8-1's (R 4.2.2), computed as noted beside each number.
"""

from __future__ import annotations

import contextlib
import json
import math
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import acupath.meta.bias as bias_module
import acupath.meta.single as single_module
from acupath.cli import main
from acupath.errors import AnalysisError, InputError
from acupath.meta import (
    cumul,
    influence,
    leave1out,
    pool,
    pool_many,
    ranktest,
    regtest,
    subgroup,
    trimfill,
)
from acupath.meta.bias import regtest_lanes
from acupath.meta.csvio import parse_csv
from acupath.meta.lanes import Lanes, pad
from acupath.meta.report import analyse, analyse_many

EXTREME_Y = [0.0, 1.0]
EXTREME_V = [1e-8, 1e4]


def gen_csv(y: Any, v: Any, column: str = "vi", groups: bool = False) -> str:
    """A GEN CSV of effects and variances (or standard errors), optionally in two analyses."""
    head = ("analysis," if groups else "") + f"yi,{column}\n"
    rows = [
        (f"x{i % 2}," if groups else "") + f"{float(a)!r},{float(b)!r}\n"
        for i, (a, b) in enumerate(zip(y, v, strict=True))
    ]
    return head + "".join(rows)


def quiet(fn: Callable[[], Any]) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn()


# -- defect 1: two-study analyses in a batch ----------------------------------------------------


def test_batch_with_a_two_study_analysis_finishes(tmp_path: Path, capsys: Any) -> None:
    """REML scoring on the saturated Egger model (k = p = 2) used to step forever."""
    csv = tmp_path / "two.csv"
    csv.write_text(
        "analysis,study,yi,vi\npair,A,0.1,0.1\npair,B,0.5,0.2\n"
        "trio,C,0.1,0.1\ntrio,D,0.5,0.2\ntrio,E,0.3,0.05\n",
        encoding="utf-8",
    )
    code = main(["meta", str(csv), "--measure", "GEN", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    doc = json.loads(out)
    pair = doc["analyses"][0]
    assert pair["analysis"] == "pair" and pair["k"] == 2
    assert pair["egger_z"] is None and pair["egger_pval"] is None
    assert "Egger's test needs at least 3 studies" in pair["notes"]
    # metafor: rma(c(0.1, 0.5), c(0.1, 0.2)) gives tau2 = 0
    assert pair["tau2"] == 0.0
    assert doc["analyses"][1]["egger_z"] is not None


def test_egger_lanes_leave_saturated_lanes_out() -> None:
    lanes = pad([(np.array([0.1, 0.5]), np.array([0.1, 0.2]))])
    stat, pval = regtest_lanes(lanes, "REML")
    assert math.isnan(stat[0]) and math.isnan(pval[0])


# -- defect 2: extreme variance ratios ------------------------------------------------------------


@pytest.mark.parametrize("method", ["REML", "ML", "EB", "DL", "PM", "HS", "HE"])
def test_extreme_variance_ratio_gives_tau2_zero_as_metafor(method: str) -> None:
    """yi 0 and 1, vi 1e-8 and 1e4: ZeroDivisionError in pool, hangs elsewhere. metafor 3.8-1
    returns tau2 = 0, estimate 1e-12, SE 1e-4 for each of these estimators (with a warning)."""
    res = quiet(lambda: pool(EXTREME_Y, EXTREME_V, method))
    assert res.tau2 == 0.0
    assert res.estimate == pytest.approx(1e-12, rel=1e-6)
    assert res.se == pytest.approx(1e-4, rel=1e-6)
    assert res.i2 == 0.0
    many = quiet(lambda: pool_many([(EXTREME_Y, EXTREME_V)] * 3, method))
    assert list(many.tau2) == [0.0] * 3
    assert quiet(lambda: cumul(EXTREME_Y, EXTREME_V, method)).fits.tau2.tolist() == [0.0, 0.0]
    assert quiet(lambda: leave1out(EXTREME_Y, EXTREME_V, method)).fits.tau2.tolist() == [0.0] * 2


def test_extreme_variance_ratio_in_influence_and_the_command(tmp_path: Path, capsys: Any) -> None:
    inf = quiet(lambda: influence([0.0, 1.0, 0.5], [1e-8, 1e4, 1.0]))
    assert inf.tau2_del.shape == (3,)
    csv = tmp_path / "extreme.csv"
    csv.write_text("yi,vi\n0,1e-8\n1,1e4\n", encoding="utf-8")
    code = main(["meta", str(csv), "--measure", "GEN", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["tau2"] == 0.0


# -- defect 3: degenerate input reported as such ---------------------------------------------------

# HS on these nine studies: tau2 = 388.39 and both Q-profile bounds beyond the search limit
# 3883.9 (metafor 3.8-1: confint() prints ">3883.8846" for both, signs ">" ">").
CENSORED_Y = [25.73, -107.43, 143.14, 119.17, -6.89, -24.67, -198.2, 72.67, -163.9]
CENSORED_V = [888, 2.57e-8, 1.23, 2.27e-8, 3.37e-9, 1.54e-5, 5.18, 1.3e-10, 278]


def test_censored_q_profile_bounds_are_reported_as_censored() -> None:
    res = quiet(lambda: pool(CENSORED_Y, CENSORED_V, "HS"))
    assert res.tau2 == pytest.approx(388.38845842246707, rel=1e-9)
    assert res.tau2_ci_lower is None and res.tau2_ci_upper is None
    assert res.tau2_ci_lower_censored and res.tau2_ci_upper_censored
    assert res.tau2_ci_limit == pytest.approx(3883.8845842246707, rel=1e-9)
    assert any("censored" in note and "3883.88" in note for note in res.notes)
    many = quiet(lambda: pool_many([(CENSORED_Y, CENSORED_V)], "HS"))
    assert math.isnan(many.tau2_ci_lower[0]) and math.isnan(many.tau2_ci_upper[0])
    assert many.tau2_ci_lower_censored[0] and many.tau2_ci_upper_censored[0]


def test_censored_upper_bound_alone() -> None:
    """dat.normand1999 MD, DL: lower bound 292.918, upper beyond 2054.09 (metafor: ">")."""
    from tests.meta.conftest import golden_cases

    case = dict(golden_cases())["normand1999_MD"]
    fit = next(f for f in case["fits"] if f["method"] == "DL" and f["test"] == "z")
    assert fit["tau2_ci_ub_sign"] == ">"
    res = pool(case["escalc"]["yi"], case["escalc"]["vi"], "DL")
    assert res.tau2_ci_lower == pytest.approx(fit["tau2_ci_lb"], rel=1e-6)
    assert res.tau2_ci_upper is None and res.tau2_ci_upper_censored
    assert not res.tau2_ci_lower_censored


def test_egger_on_equal_standard_errors_says_why() -> None:
    y, v = [0.1, 0.5, 0.3, 0.9], [0.1] * 4
    for test in ("z", "knha"):
        with pytest.raises(AnalysisError, match="same standard error"):
            regtest(y, v, test=test)
    report = analyse(parse_csv("yi,vi\n0.1,0.1\n0.5,0.1\n0.3,0.1\n0.9,0.1\n", "GEN"))
    doc = report.as_json()
    assert doc["egger_z"] is None and doc["egger_pval"] is None
    assert any("same standard error" in n for n in doc["notes"])


def test_egger_under_knha_on_an_exact_fit_gives_neither_statistic_nor_p() -> None:
    """Effects exactly on a line in the standard error: the Knapp-Hartung factor is 0. Before,
    the JSON had egger_z null (infinite) beside egger_pval 0.0."""
    se = np.array([0.1, 0.2, 0.3])
    y, v = 1.0 + 2.0 * se, se**2
    with pytest.raises(AnalysisError, match="passes through every study exactly"):
        regtest(y, v, "REML", "knha")
    doc = analyse(parse_csv(gen_csv(y, se, "sei"), "GEN"), "REML", "knha").as_json()
    assert doc["egger_z"] is None and doc["egger_pval"] is None
    lanes = Lanes(y[None, :], v[None, :], np.ones((1, 3)))
    stat, pval = regtest_lanes(lanes, "REML", "knha")
    assert math.isnan(stat[0]) and math.isnan(pval[0])


def test_trimfill_on_identical_effects_finds_no_missing_studies() -> None:
    """Identical effects differ from their pooled estimate only by rounding; without snapping
    that noise to 0 the L0 estimator counted it (k0 = 11 reported, or no convergence)."""
    y = [0.3] * 12
    v = list(np.linspace(0.05, 0.5, 12))
    assert trimfill(y, v).k0 == 0
    # Noise of the size rounding leaves (a few ulps of 0.3), written out so that the test does
    # not depend on how a given NumPy build sums: snapped, it is no asymmetry at all ...
    noisy = [0.3 + 4e-15 * math.sin(1.7 * i) for i in range(12)]
    assert trimfill(noisy, v).k0 == 0
    # ... while the old behaviour, without the snap, counted it as missing studies (or did not
    # converge). With [0.3] * 12 alone, whether the old code failed depended on the NumPy build.
    with mock.patch.object(bias_module, "_SNAP", 0.0):
        try:
            k0 = trimfill(noisy, v).k0
        except AnalysisError:
            k0 = None
    assert k0 != 0


def test_trimfill_on_identical_studies_needs_a_side() -> None:
    with pytest.raises(AnalysisError, match="give the side"):
        trimfill([0.3] * 12, [0.1] * 12)
    assert trimfill([0.3] * 12, [0.1] * 12, side="left").k0 == 0


def test_rank_test_on_identical_effects_is_an_analysis_error() -> None:
    """metafor: Kendall's tau = NA, p = NA. Before: ZeroDivisionError."""
    with pytest.raises(AnalysisError, match="all effects are equal"):
        ranktest([0.3] * 5, [0.1, 0.2, 0.3, 0.4, 0.5])


# -- defect 4: relative tolerance of the Q-profile bounds -------------------------------------


def test_q_profile_bounds_are_exact_for_small_tau2() -> None:
    """dat.bcg, risk difference, REML: metafor's default tolerance gives a lower bound of
    0.0006985; the exact root (confint(fit, control = list(tol = 1e-14))) is 0.000684747."""
    from tests.meta.conftest import golden_cases

    case = dict(golden_cases())["bcg_RD"]
    y, v = case["escalc"]["yi"], case["escalc"]["vi"]
    res = pool(y, v, "REML")
    assert res.tau2_ci_lower == pytest.approx(0.0006847469562879619, rel=1e-8)
    assert res.tau2_ci_upper == pytest.approx(0.004375035524495802, rel=1e-8)
    many = pool_many([(y, v)], "REML")
    assert many.tau2_ci_lower[0] == pytest.approx(0.0006847469562879619, rel=1e-8)


# -- defect 5: the PM failure message ------------------------------------------------------------


def test_pm_failure_does_not_suggest_pm() -> None:
    with pytest.raises(AnalysisError) as info:
        pool([0, 0, 0, 1000], [1, 1, 1, 1], "PM")
    message = str(info.value)
    assert "try method REML or DL" in message
    assert "PM or" not in message and "or PM" not in message


# -- the property: every analysis on finite input ends, with a result or an InputError ---------

finite_effects = st.one_of(
    st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 1.0, 0.3]),
)
finite_variances = st.one_of(
    st.floats(min_value=1e-12, max_value=1e7, allow_nan=False, allow_infinity=False),
    st.sampled_from([1e-12, 1e-8, 1.0, 1e4, 1e7]),
)


@st.composite
def datasets(draw: st.DrawFn) -> tuple[list[float], list[float]]:
    k = draw(st.integers(min_value=1, max_value=12))
    if draw(st.booleans()):
        y = [draw(finite_effects)] * k  # identical effects
    else:
        y = draw(st.lists(finite_effects, min_size=k, max_size=k))
    if draw(st.booleans()):
        v = [draw(finite_variances)] * k  # equal precision
    else:
        v = draw(st.lists(finite_variances, min_size=k, max_size=k))
    return y, v


ITERATION_BOUND = 20_000
"""Fisher scoring stops after 100 + 1000 steps and each root search after 1000: a few
thousand evaluations at most, whatever the data."""


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return fn(*args, **kwargs)

        return counted


ANALYSES: dict[str, Callable[[list[float], list[float], str, str], Any]] = {
    "pool": lambda y, v, m, t: pool(y, v, m, t),
    "pool_many": lambda y, v, m, t: pool_many([(y, v), (y[:2], v[:2])], m, t),
    "leave1out": lambda y, v, m, t: leave1out(y, v, m, t),
    "cumul": lambda y, v, m, t: cumul(y, v, m, t),
    "influence": lambda y, v, m, t: influence(y, v, m, t),
    "regtest": lambda y, v, m, t: regtest(y, v, m, t),
    "ranktest": lambda y, v, m, t: ranktest(y, v),
    "trimfill": lambda y, v, m, t: trimfill(y, v, m),
    "subgroup": lambda y, v, m, t: subgroup(y, v, [f"g{i % 2}" for i in range(len(y))], m, t),
    "analyse": lambda y, v, m, t: analyse(parse_csv(gen_csv(y, v), "GEN"), m, t),
    "analyse_many": lambda y, v, m, t: analyse_many(
        parse_csv(gen_csv(y, v, groups=True), "GEN"), m, t
    ),
}  # fmt: skip


@settings(max_examples=120, deadline=None)
@given(
    datasets(),
    st.sampled_from(["EE", "DL", "HE", "HS", "SJ", "PM", "ML", "REML", "EB"]),
    st.sampled_from(["z", "knha"]),
    st.sampled_from(sorted(ANALYSES)),
)
def test_every_analysis_ends_with_a_result_or_an_input_error(
    data: tuple[list[float], list[float]], method: str, test: str, name: str
) -> None:
    y, v = data
    counter = Counter()
    with (
        mock.patch.object(Lanes, "wls", counter.wrap(Lanes.wls)),
        mock.patch.object(single_module, "_score_step", counter.wrap(single_module._score_step)),
        mock.patch.object(single_module, "_q", counter.wrap(single_module._q)),
        mock.patch.object(single_module, "_q_fast", counter.wrap(single_module._q_fast)),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        # AnalysisError is an InputError: a clear message, exit 2
        with contextlib.suppress(InputError):
            ANALYSES[name](y, v, method, test)
    assert counter.calls <= ITERATION_BOUND
