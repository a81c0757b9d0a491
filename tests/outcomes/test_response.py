"""Change from baseline and response categories (IMMPACT, 2-point rule)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acupath.errors import AnalysisError, InputError
from acupath.outcomes import ScorePoint, classify, trajectory


@pytest.mark.parametrize(
    ("baseline", "latest", "category", "two_point"),
    [
        (8, 4, "substantial", True),  # 50% exactly
        (10, 7, "moderate", True),  # 30% exactly
        (6, 4, "moderate", True),  # 33%, 2 points
        (3, 2, "moderate", False),  # 33% but 1 point
        (9, 7, "none", True),  # 22%, 2 points
        (5, 5, "none", False),
        (4, 6, "worse", False),
        (0, 0, "none", False),  # no percent from a zero baseline
    ],
)
def test_categories(baseline: int, latest: int, category: str, two_point: bool) -> None:
    r = classify(baseline, latest)
    assert (r.category, r.two_point) == (category, two_point)
    assert r.change == latest - baseline


def test_percent_and_policy() -> None:
    r = classify(7, 5)
    assert r.percent_reduction == pytest.approx(100 * 2 / 7)
    assert r.improving and not r.regressing
    assert classify(5, 6).regressing
    assert classify(0, 0).percent_reduction is None


def test_out_of_range_and_wrong_instrument() -> None:
    with pytest.raises(InputError, match="nrs baseline score must be a number from 0 to 10"):
        classify(11, 3)
    with pytest.raises(AnalysisError, match="PGIC is not one of them"):
        classify(4, 2, "pgic")


@given(st.integers(1, 10), st.integers(0, 10))
def test_substantial_implies_moderate(baseline: int, latest: int) -> None:
    r = classify(baseline, latest)
    if "immpact_substantial" in r.rules_met:
        assert "immpact_moderate" in r.rules_met
    if r.category in ("moderate", "substantial"):
        assert r.percent_reduction is not None and r.percent_reduction >= 30 - 1e-9


def test_trajectory_orders_and_measures_from_baseline() -> None:
    d = dt.date(2026, 1, 1)
    points = [
        ScorePoint(d + dt.timedelta(days=14), 4),
        ScorePoint(d, 8),
        ScorePoint(d + dt.timedelta(days=7), 6),
    ]
    t = trajectory("nrs", points)
    assert [p.score for p in t.points] == [8, 6, 4]
    assert t.changes == (0, -2, -4)
    assert t.response is not None and t.response.category == "substantial"
    assert trajectory("nrs", points[:1]).response is None
