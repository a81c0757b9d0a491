"""Body-part words alone ("my knees", "my back") name the conditions acupath holds for them,
and "back" after a verb is not the back ("the results came back")."""

from __future__ import annotations

import pytest

from acupath.answer.understand import Understander
from acupath.evidence.loader import bundled_base

BACK = {"chronic_low_back_pain", "acute_low_back_pain"}


@pytest.fixture(scope="module")
def understand() -> Understander:
    return Understander(bundled_base().conditions)


@pytest.mark.parametrize(
    "question",
    [
        "Her platelets came back at 140; acupuncture for her nausea?",
        "my bloods came back normal, can I try acupuncture for my knee",
        "I went back to work last week and my neck is stiff",
        "a few weeks back my shoulder started hurting",
        "the scan results have come back clear, is acupuncture worth it for my hip?",
        "she got back from hospital yesterday, acupuncture for her knees?",
    ],
)
def test_back_after_a_verb_is_not_the_back(understand: Understander, question: str) -> None:
    assert not BACK & set(understand(question).conditions), question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Will needles help my back?", BACK),
        ("acupuncture for my knees", {"knee_osteoarthritis"}),
        ("does it work for a bad knee", {"knee_osteoarthritis"}),
        ("my hip has been aching for a year", {"hip_osteoarthritis"}),
        ("can acupuncture fix my neck", {"chronic_neck_pain"}),
        ("sore shoulders from work", {"shoulder_pain"}),
        ("back pain since my scan came back clear", BACK),
    ],
)
def test_body_words_name_their_conditions(
    understand: Understander, question: str, expected: set[str]
) -> None:
    assert expected <= set(understand(question).conditions), question
