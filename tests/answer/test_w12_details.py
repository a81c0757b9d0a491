"""Wave 12 (details): a positive home test, a feared pregnancy, "turning N", a past "at age N".

Each behaviour has several phrasings, and wordings that must not trigger it."""

from __future__ import annotations

import pytest

from acupath.answer.ages import find_ages
from acupath.answer.context import extract


def _labels(text: str) -> set[str]:
    return set(extract(text).labels())


@pytest.mark.parametrize(
    "text",
    [
        "Two lines on the stick this morning!! Carpal tunnel session on friday",
        "got two pink lines on the test yesterday, neck pain",
        "the pregnancy stick showed 2 lines this morning, back pain",
        "a second line came up on the test! shoulder pain",
        "the test stick says pregnant, migraines",
    ],
)
def test_positive_home_test_is_pregnant(text: str) -> None:
    assert "pregnant" in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "two lines on my covid test this morning, back pain",
        "the ECG showed two lines of something, neck pain",
        "I read two lines of the study, is acupuncture good for back pain?",
        "only one line on the stick, so not pregnant. period pain",
        "two lines on the ovulation test, trying to plan, period pain",
    ],
)
def test_lines_that_are_no_pregnancy(text: str) -> None:
    assert "pregnant" not in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried I might be pregnant, neck pain",
        "I think I was pregnant when I started, I'm 8 weeks pregnant now",
        "scared I'm pregnant, period is late, back pain",
    ],
)
def test_feared_pregnancy_without_denial_stays(text: str) -> None:
    assert "pregnant" in _labels(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("turning 50 next year, type 2 diabetes, sore heel", 49),
        ("I'm turning 40 next month and my back hurts", 39),
        ("my dad turns 80 next week, knee OA", 79),
        ("my dad will turn 75 next month, neck pain", 74),
        ("Mum is about to turn 70, hip pain", 69),
        ("My father just turned 65 - is acupuncture ok?", 65),
        ("he turned 90 in June, back pain", 90),
    ],
)
def test_turning_an_age(text: str, age: int) -> None:
    assert [a.value for a in find_ages(text)] == [age]


@pytest.mark.parametrize(
    "text",
    [
        "I broke my leg at age 12, now my knee aches",
        "had my tonsils out at age 7, neck pain",
        "started smoking at age 15, back pain",
        "diagnosed with diabetes at age 40, sore feet",
        "at age 20 I had a car accident, neck pain since",
    ],
)
def test_at_age_in_the_past(text: str) -> None:
    assert find_ages(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "In hospital in August I was on a heparin drip for a few days for a suspected clot, which"
        " turned out not to be a clot, so they stopped it and I take nothing now. Shoulder pain",
        "In March I was on warfarin for about six weeks after my knee operation to prevent a clot,"
        " then they stopped it. Back pain",
        "Last year I was on apixaban for a few months for a small clot in my leg after a long"
        " flight, but the GP stopped it. Neck pain",
        "In May I was given a heparin infusion for two days for a suspected pulmonary embolism,"
        " which was ruled out, so the team stopped it. Knee pain",
        "Back in 2023 he was on rivaroxaban for three months for a clot after his surgery, and"
        " then the haematologist stopped it. Hip pain",
    ],
)
def test_anticoagulant_stopped_later_in_its_sentence(text: str) -> None:
    assert "class:anticoagulant" not in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "I am on a heparin drip now for a clot, shoulder pain",
        "I take apixaban for a clot I had in the spring and it was never stopped. neck pain",
        "on warfarin for atrial fibrillation, they stopped it yesterday for a dental extraction",
        "They put me on a heparin drip for a suspected clot on Monday, which turned out not to"
        " be one, so they stopped it this morning. Shoulder pain",
        "I was on apixaban and aspirin for a clot in my leg after a flight, but the GP stopped it",
        "I'm on apixaban for a clot in my leg after a long flight last month; the GP stopped my"
        " ibuprofen. Neck pain",
    ],
)
def test_anticoagulant_still_read(text: str) -> None:
    assert "class:anticoagulant" in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "I panicked I was pregnant but the test was negative. So I'm not pregnant. Period pain",
        "I was worried I was pregnant but I'm not pregnant, neck pain",
        "thought I might be pregnant but the test was negative, back pain",
        "I was scared I was pregnant, turns out I'm not pregnant. headaches",
        "was convinced I was pregnant but the test came back negative. knee pain",
    ],
)
def test_feared_pregnancy_denied(text: str) -> None:
    assert "pregnant" not in _labels(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Just a normal aching low back for 4 months at age 36. Acupuncture then?", 36),
        ("Is acupuncture safe at age 85 for knee pain?", 85),
        ("at age 72 my knees ache every morning", 72),
        ("neck pain at age 45, is that normal?", 45),
        ("I get migraines at the age of 29, should I try acupuncture?", 29),
    ],
)
def test_at_age_now(text: str, age: int) -> None:
    assert [a.value for a in find_ages(text)] == [age]
