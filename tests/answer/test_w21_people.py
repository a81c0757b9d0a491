"""Wave 21 (issue 10), people: ages told by a life event or a birthday still to come ("I'm
ninety next month" is 89; "just collected my first state pension" is the UK state pension
age, 66) and the asker singled out by the last question when another person's facts come
before it. Our own wordings (none is a benchmark question)."""

from __future__ import annotations

import datetime

import pytest

from acupath.answer.ages import find_ages
from acupath.answer.context import extract

_TODAY = datetime.date(2026, 12, 4)


def _ages(question: str) -> list[int]:
    return [a.value for a in find_ages(question, _TODAY)]


# 1. an age told with a birthday still to come: one year less ------------------------------


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("I'm eighty next week and my shoulder is stiff. Is acupuncture ok?", 79),
        ("Mum is 70 next month, she has knee pain. Can she have needles?", 69),
        ("He's 18 on Saturday and has a sore back.", 17),
        ("I am 65 in two weeks' time. Neck pain for years.", 64),
        ("My dad will be 90 tomorrow and wants acupuncture for his hip.", 89),
        ("She'll be seventy-five next year, arthritic hands.", 74),
    ],
)
def test_birthday_to_come_is_one_year_less(question: str, age: int) -> None:
    assert age in _ages(question)
    assert age + 1 not in _ages(question)


@pytest.mark.parametrize(
    ("question", "age"),
    [
        # the time belongs to something else in the sentence: the age stays
        ("I'm 80, next month I have a hip op. Acupuncture before?", 80),
        ("Mum is 70 and next week she starts physio.", 70),
        ("He's 18 and on Saturday he hurt his back.", 18),
    ],
)
def test_a_later_time_of_something_else_keeps_the_age(question: str, age: int) -> None:
    assert age in _ages(question)


# 2. the UK state pension, just reached: 66 -----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I've just started drawing my state pension and my knees ache. Am I too old for needles?",
        "Got my first state pension payment last week - sciatica. Acupuncture ok?",
        "I've recently begun claiming my state pension. Neck pain. Is acupuncture safe?",
        "Mum just started getting her state pension and has a frozen shoulder.",
        "Having just reached state pension age, I'm wondering about acupuncture for my back.",
    ],
)
def test_state_pension_just_reached_is_66(question: str) -> None:
    assert 66 in _ages(question)
    assert "age_band:older_adult" in extract(question).labels()


@pytest.mark.parametrize(
    "question",
    [
        "I took my private pension at 55 and my back hurts. Acupuncture?",
        "I work in pensions and have neck pain. Is acupuncture safe?",
        "Worried about my state pension forecast - the stress gives me headaches. Acupuncture?",
        "My state pension is years away but my knees are already bad.",
    ],
)
def test_other_pensions_tell_no_age(question: str) -> None:
    assert 66 not in _ages(question)
