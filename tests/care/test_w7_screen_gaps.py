"""Issue 10, wave 7: screen gaps the question writers found (written before the rules).

1. A suspected stroke (sudden face, arm or speech signs; NICE CG68) refers as an emergency
   whatever the pain complaint; before, only a headache or a joint complaint referred on a focal
   sign, and only the same day.
2. Chest pain that may be cardiac (NICE CG95) refers as an emergency; the intake had no way to
   say it, so a shoulder-pain patient with crushing chest pain proceeded.
3. Sciatica has the red flags of low back pain (it is lumbar radicular pain): a cancer history
   with sciatica refers within days, progressive weakness with it is a cauda equina emergency,
   immune suppression with it refers the same day.
"""

from __future__ import annotations

from typing import Any

import pytest

from acupath.care.intake import parse_intake
from acupath.care.screening import screen


def intake(condition: str = "shoulder_pain", **extra: Any) -> Any:
    data: dict[str, Any] = {"age": 61, "conditions": [{"condition": condition}]}
    data.update(extra)
    return parse_intake(data)


@pytest.mark.parametrize(
    "condition",
    ["shoulder_pain", "knee_osteoarthritis", "chronic_low_back_pain", "migraine", "fibromyalgia"],
)
@pytest.mark.parametrize(
    ("flag", "rule"),
    [
        ("suspected_stroke", "red_flag_suspected_stroke"),
        ("stroke_symptoms", "red_flag_suspected_stroke"),
        ("fast_positive", "red_flag_suspected_stroke"),
        ("cardiac_chest_pain", "red_flag_cardiac_chest_pain"),
        ("suspected_acs", "red_flag_cardiac_chest_pain"),
    ],
)
def test_stroke_and_cardiac_chest_pain_are_emergencies_for_any_complaint(
    condition: str, flag: str, rule: str
) -> None:
    result = screen(intake(condition, red_flags=[flag]))
    assert result.decision == "refer"
    assert result.urgency == "emergency"
    assert rule in {f.rule for f in result.findings}


def test_the_new_rules_cite_what_was_read() -> None:
    result = screen(intake(red_flags=["suspected_stroke", "cardiac_chest_pain"]))
    sources = {f.rule: set(f.sources) for f in result.findings}
    assert sources["red_flag_suspected_stroke"] == {"nice2008_cg68"}
    assert sources["red_flag_cardiac_chest_pain"] == {"nice2010_cg95"}


def test_a_focal_sign_alone_keeps_its_same_day_urgency() -> None:
    result = screen(intake(red_flags=["focal_neurological_deficit"]))
    assert (result.decision, result.urgency) == ("refer", "urgent")


def test_sciatica_after_cancer_refers_like_back_pain() -> None:
    cancer = {"type": "colorectal", "treatments": ["surgery", "chemotherapy"]}
    for condition in ("sciatica", "chronic_low_back_pain"):
        result = screen(intake(condition, cancer=cancer))
        assert (result.decision, result.urgency) == ("refer", "soon"), condition
        assert "back_pain_after_cancer" in {f.rule for f in result.findings}


def test_assessed_sciatica_after_cancer_is_a_caution() -> None:
    cancer = {"type": "colorectal", "treatments": ["surgery"]}
    result = screen(
        parse_intake(
            {
                "age": 61,
                "cancer": cancer,
                "conditions": [{"condition": "sciatica", "evaluated": True}],
            }
        )
    )
    assert result.decision != "refer"
    assert "back_pain_after_cancer_assessed" in {f.rule for f in result.findings}


def test_progressive_weakness_with_sciatica_is_a_cauda_equina_emergency() -> None:
    result = screen(intake("sciatica", red_flags=["progressive_neurological_deficit"]))
    assert (result.decision, result.urgency) == ("refer", "emergency")
    assert "red_flag_cauda_equina" in {f.rule for f in result.findings}


def test_immune_suppression_with_sciatica_refers_as_spinal_pain_does() -> None:
    result = screen(intake("sciatica", red_flags=["immunosuppression"]))
    assert (result.decision, result.urgency) == ("refer", "urgent")
    assert "red_flag_spinal_infection" in {f.rule for f in result.findings}


def test_sciatica_without_flags_still_proceeds() -> None:
    assert screen(intake("sciatica")).decision == "proceed"
