"""Ages written as a bare number (issue 10, wave 3): "my mum is 81", "Mrs K, 66,", "72F",
"M 45", "he's 9" set the age and its band; numbers that count, grade or measure something
("10 sessions", "grade 3", "INR 3", "20k platelets", "week 12") never do.

The wordings below were written before the grammar (acupath/answer/ages.py) and differ from the
benchmark's held-out questions."""

from __future__ import annotations

import random

import pytest

from acupath.answer.ages import find_ages
from acupath.answer.context import extract


def _ages(text: str) -> set[int]:
    return {m.value for m in find_ages(text)}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # a person word (or a title and a name) + copula, comma or bracket + number
        ("my nan is 88 and her hip aches", 88),
        ("My brother is 40, with a stiff neck", 40),
        ("my auntie's 71 now and has knee arthritis", 71),
        ("My grandad, 93, has back pain", 93),
        ("our daughter (11) gets headaches", 11),
        ("her son is 6 and has tummy pain", 6),
        ("my partner is 38 and has migraines", 38),
        ("My father just turned 65 - is acupuncture ok?", 65),
        ("my mom turns 70 next week, neck pain", 69),  # wave 12: the birthday is to come
        ("Mr Jones, 59, chronic low back pain", 59),
        ("Mrs O'Brien, 74, on warfarin", 74),
        ("Dr A, 47, shoulder pain", 47),
        ("Ms T. 30 with migraine", 30),
        ("I'm 45 and my back hurts", 45),
        ("i am 63, is acupuncture safe for me", 63),
        ("she's 17 and plays football", 17),
        ("he is 12 and has tension headaches", 12),
        ("The patient is 52.", 52),
        ("pt 77, knee OA", 77),
        ("My friend, who is 68, has neck pain", 68),
        ("My mums 80 and has sciatica", 80),
        ("my neighbour is nearly 90", 90),
        # sex letter + number, number + sex letter
        ("58F with fibromyalgia", 58),
        ("58 F, fibromyalgia", 58),
        ("33M neck pain", 33),
        ("M 71, hip OA", 71),
        ("F 26 with period pain", 26),
        ("F/48, low back pain", 48),
        ("48/F with knee pain", 48),
        ("Male, 50, headache", 50),
        ("woman, 35, migraine", 35),
        # number + age words
        ("a 4-year-old with abdominal pain", 4),
        ("an 89 year old woman", 89),
        ("seventy-two-year-old man", 72),
        ("aged sixty five, neck pain", 65),
        ("She is 60 years of age", 60),
        ("patient 64 y, migraine", 64),
        ("Age: 42. Low back pain.", 42),
        ("age 9, headaches", 9),
        ("a boy of 10 with headaches", 10),
        ("twelve-year-old girl with migraine", 12),
    ],
)
def test_bare_number_ages_are_read(text: str, age: int) -> None:
    assert age in _ages(text), f"{text!r}: {_ages(text)}"


@pytest.mark.parametrize(
    "text",
    [
        "10 sessions of acupuncture for 2 knees",
        "grade 3 knee osteoarthritis",
        "on warfarin, INR 3",
        "INR is 3.2",
        "20k platelets after chemo",
        "platelets 45, ANC 1.2",
        "week 12 of pregnancy",
        "she is 12 weeks pregnant",
        "I'm 34 weeks pregnant",
        "my mum is 2 weeks post-op",
        "he is 3 days after surgery",
        "my dad is 6 foot tall",
        "she is 5'4\"",
        "pain 7/10 for 6 months",
        "my son is 100% sure he wants needles",
        "back pain for 3 years",
        "she is 5 years out from her mastectomy",
        "stage 4 breast cancer",
        "day 10 of FOLFOX, cycle 3",
        "aspirin 75 mg daily",
        "temp 38.9 and neck pain",
        "lost 8 kg without trying",
        "my dad had 2 stents",
        "She has 2 kids and back pain",
        "Mrs K has had 3 falls",
        "NRS 8, PEG 6",
        "3 times a week for 4 weeks",
        "radiotherapy 60 Gy to the neck",
        "BMI 31",
        "pt had 12 treatments",
        "he was 2 hours late",
        "my wife is 1 of 4 sisters",
    ],
)
def test_numbers_that_are_not_ages_are_not_read(text: str) -> None:
    assert not _ages(text), f"{text!r}: {_ages(text)}"


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("my grandma is 84", "older_adult"),
        ("Mr P, 66, shoulder pain", "older_adult"),
        ("14F with migraine", "adolescent"),
        ("he's 7", "child"),
        ("M 30", "adult"),
    ],
)
def test_a_bare_age_sets_the_band(text: str, band: str) -> None:
    assert f"age_band:{band}" in extract(text).labels()


def test_ages_inside_a_longer_question_are_read_with_their_words() -> None:
    ctx = extract("My mum is 81, on warfarin with INR 2.5, and has had 10 sessions for her knee.")
    ages = [m for m in ctx.mentions if m.kind == "age"]
    assert [m.value for m in ages] == ["81"]
    assert "81" in ages[0].words
    assert "inr:2.5" in ctx.labels()


_NOT_AGE_TAILS = (
    "sessions", "weeks", "weeks pregnant", "months", "days", "mg", "kg", "times a week",
    "hours", "cycles", "years ago", "visits", "points", "needles", "%",
)  # fmt: skip
_PEOPLE = ("my mum", "her husband", "the patient", "my son", "Mrs K", "he", "she", "my friend")


def test_generated_counts_and_measures_are_never_ages() -> None:
    """Person + copula + number + a unit: the number measures something, it is not an age."""
    rng = random.Random(10)
    for _ in range(300):
        person = rng.choice(_PEOPLE)
        copula = rng.choice((" is", " has had", "'s", " was", ","))
        n = rng.randint(1, 99)
        tail = rng.choice(_NOT_AGE_TAILS)
        text = f"{person}{copula} {n} {tail} of back pain"
        assert not _ages(text), f"{text!r}: {_ages(text)}"


def test_generated_bare_ages_are_read() -> None:
    rng = random.Random(11)
    for _ in range(300):
        person = rng.choice(_PEOPLE)
        n = rng.randint(1, 110)
        form = rng.choice((f"{person} is {n} and", f"{person}, {n}, has", f"{person} ({n}) has"))
        text = f"{form} neck pain"
        assert n in _ages(text), f"{text!r}: {_ages(text)}"
