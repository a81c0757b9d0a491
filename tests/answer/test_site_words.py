"""A body part named as a treatment site is not a complaint, and a symptom word is not a skin
lesion (both were misread after the wave-4 merge, caught by the earlier held-out parts)."""

from __future__ import annotations

import pytest

from acupath.answer import parse


@pytest.mark.parametrize(
    "question",
    [
        "had rads to my neck for throat cancer and my mouth is so dry. would acupuncture help",
        "radiotherapy to the neck finished in May; can acupuncture help the dry mouth?",
        "she had an ulcer on her knee last year, now it is healed. acupuncture for hot flushes?",
    ],
)
def test_a_treatment_site_is_not_a_pain_complaint(question: str) -> None:
    conditions = parse(question).question.conditions
    assert "chronic_neck_pain" not in conditions and "knee_osteoarthritis" not in conditions


def test_a_neck_complaint_is_still_read() -> None:
    assert "chronic_neck_pain" in parse("my neck hurts, can acupuncture help?").question.conditions


@pytest.mark.parametrize(
    "question",
    [
        "numb burning feet on paclitaxel. acupuncture?",
        "a burning pain down my leg since the op",
        "my hands burn at night after chemo",
    ],
)
def test_burning_pain_is_not_a_skin_lesion(question: str) -> None:
    kinds = {m.kind for m in parse(question).patient.mentions}
    assert "skin_lesion" not in kinds


def test_a_burn_injury_is_a_skin_lesion() -> None:
    mentions = parse("a burn wound on her left forearm, acupuncture for her neck?").patient.mentions
    assert "skin_lesion" in {m.kind for m in mentions}
