"""Advice at reviews: CMS NCD 30.3.3, NICE NG193 single course, clinic policy."""

from __future__ import annotations

import pytest

from acupath.errors import NotFound
from acupath.outcomes import advise, classify

CMS = "cms_ncd_30_3_3"


def _advise(**kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {
        "condition": "chronic_low_back_pain",
        "sessions_done": 12,
        "planned_sessions": 12,
        "review_after": 6,
        "sessions_last_year": 12,
        "response": classify(7, 3),
        "coverage": CMS,
    }
    args.update(kw)
    return advise(**args)  # type: ignore[arg-type]


def test_cms_stops_a_course_that_is_not_improving_at_12() -> None:
    a = _advise(response=classify(7, 6))
    assert a.decision == "stop"
    assert any(r.source == "cms2020_ncd3033" for r in a.reasons)


def test_cms_allows_eight_more_when_improving() -> None:
    a = _advise(planned_sessions=20)
    assert (a.decision, a.more_sessions_allowed, a.next_review) == ("continue", 8, 20)


def test_cms_yearly_limit_and_regression() -> None:
    assert _advise(sessions_done=20, planned_sessions=20, sessions_last_year=20).decision == "stop"
    a = _advise(sessions_done=3, response=classify(5, 7))
    assert a.decision == "stop" and "worse" in a.reasons[0].text


def test_between_reviews_continue() -> None:
    a = _advise(sessions_done=3, coverage=None)
    assert (a.decision, a.at_review, a.next_review) == ("continue", False, 6)


def test_no_follow_up_score_at_review() -> None:
    assert _advise(sessions_done=6, response=None).decision == "record_scores"


def test_nice_single_course_for_fibromyalgia() -> None:
    a = _advise(condition="fibromyalgia", coverage=None, planned_sessions=8, sessions_done=8)
    assert a.decision == "complete"
    assert any(r.source == "nice2021_ng193" for r in a.reasons)


def test_unknown_coverage_rule() -> None:
    with pytest.raises(NotFound, match="coverage rule"):
        _advise(coverage="medicaid_x")
