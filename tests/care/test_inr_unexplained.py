"""A raised INR defers needling whether or not an INR-monitored anticoagulant is recorded."""

from __future__ import annotations

import pytest

from acupath.care.intake import parse_intake
from acupath.care.screening import screen


def _screen(medications: list[str], inr: float) -> dict:  # type: ignore[type-arg]
    intake = {
        "age": 60,
        "medications": medications,
        "labs": {"inr": inr},
        "conditions": [{"condition": "knee_osteoarthritis"}],
    }
    return screen(parse_intake(intake)).as_dict()


@pytest.mark.parametrize("medications", [[], ["apixaban"], ["aspirin"], ["blood thinner"]])
def test_raised_inr_without_warfarin_defers(medications: list[str]) -> None:
    result = _screen(medications, 4.2)
    assert result["decision"] == "defer"
    rules = {f["rule"] for f in result["findings"]}
    assert "inr_above_policy_unexplained" in rules and "inr_above_policy" not in rules


def test_raised_inr_on_warfarin_keeps_its_own_rule() -> None:
    rules = {f["rule"] for f in _screen(["warfarin"], 4.2)["findings"]}
    assert "inr_above_policy" in rules and "inr_above_policy_unexplained" not in rules


@pytest.mark.parametrize("inr", [1.0, 2.5, 3.0])
def test_inr_at_or_below_the_policy_threshold_does_not_defer_for_itself(inr: float) -> None:
    rules = {f["rule"] for f in _screen([], inr)["findings"]}
    assert "inr_above_policy_unexplained" not in rules
