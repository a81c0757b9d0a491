"""A trial is named as disagreeing with a verdict only when none of its results on that outcome
agrees with it: one null time point of a trial that found a benefit at another is not a null
trial."""

from __future__ import annotations

from acupath.answer.judge import judge
from acupath.evidence.loader import bundled_base


def _sources(condition: str, comparator: str) -> set[str]:
    return {f.source for f in judge(bundled_base(), condition, comparator).dissenting_trials}


def test_a_trial_with_results_both_ways_is_not_named_as_dissent() -> None:
    base = bundled_base()
    # Thomas 2006: no difference at 12 months, a benefit at 24 (usual care, low back pain);
    # Berman 2004: no difference in pain at 8 weeks, a benefit at 26 (sham, knee)
    for condition, comparator, source in (
        ("chronic_low_back_pain", "usual_care", "thomas2006_york"),
        ("knee_osteoarthritis", "sham", "berman2004"),
    ):
        verdict = judge(base, condition, comparator)
        mine = [f for f in verdict.records if f.source.startswith(source.split("_")[0])]
        assert {f.direction for f in mine} >= {"no_difference", "favours_acupuncture"}, source
        assert not any(f.source == mine[0].source for f in verdict.dissenting_trials), source


def test_null_trials_are_still_named() -> None:
    # Haake 2007 (GERAC) and Brinkhaus 2006 found no difference from sham on every pain result
    named = _sources("chronic_low_back_pain", "sham")
    assert any(s.startswith("haake2007") for s in named)
    assert any(s.startswith("hinman2014") for s in _sources("knee_osteoarthritis", "sham"))
