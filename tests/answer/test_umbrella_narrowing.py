"""An umbrella term ("neuropathy", "nerve pain", "chemo") qualified by words that name some of
its conditions is read as those conditions only; unqualified, it still covers them all."""

from __future__ import annotations

import pytest

from acupath.answer.understand import Understander
from acupath.evidence.loader import bundled_base

HIV = "hiv_neuropathy"
DIABETIC = "diabetic_peripheral_neuropathy"
CIPN = "chemotherapy_induced_peripheral_neuropathy"


@pytest.fixture(scope="module")
def understand() -> Understander:
    return Understander(bundled_base().conditions)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Acupuncture is effective for neuropathic pain in HIV.", {HIV}),
        ("is acupuncture any good for nerve pain in people with HIV", {HIV}),
        ("HIV patient with neuropathy: would needling help?", {HIV}),
        ("diabetic nerve pain - acupuncture?", {DIABETIC}),
        ("My diabetes has given me neuropathy in both feet. Will acupuncture help?", {DIABETIC}),
        ("neuropathy after chemo", {CIPN}),
        ("Can acupuncture ease nerve damage from chemotherapy?", {CIPN}),
        ("chemo left me with numb tingling fingers, neuropathy they say", {CIPN}),
    ],
)
def test_qualified_umbrella_is_narrowed(
    understand: Understander, question: str, expected: set[str]
) -> None:
    assert set(understand(question).conditions) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture help neuropathic pain?",
        "Is acupuncture good for chronic nerve pain?",
        "acupuncture for neuropathy",
    ],
)
def test_unqualified_umbrella_keeps_every_condition(
    understand: Understander, question: str
) -> None:
    found = set(understand(question).conditions)
    assert {HIV, DIABETIC, CIPN} <= found


def test_words_many_conditions_share_do_not_narrow(understand: Understander) -> None:
    # "pain" is in the names of many conditions and "needling" is the treatment: neither
    # qualifies a condition (CIPN's lay terms include "pins and needles")
    for question in ("Does needling help painful neuropathy?", "pain of neuropathy: acupuncture?"):
        assert {HIV, DIABETIC, CIPN} <= set(understand(question).conditions), question


@pytest.mark.parametrize(
    "question",
    [
        "What is the role of acupuncture in chronic pain management?",
        "acupuncture in chronic pain management alongside usual treatments",
    ],
)
def test_overlapping_umbrellas_are_one_reading(understand: Understander, question: str) -> None:
    # "chronic pain" and "pain management" share a word: two readings, not two qualifiers
    found = set(understand(question).conditions)
    assert {"cancer_pain", "chronic_low_back_pain", HIV} <= found
