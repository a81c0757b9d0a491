"""Wave 5 (issue 10): ages given without an exact number, or in other forms."""

from __future__ import annotations

import datetime

import pytest

from acupath.answer.ages import find_ages
from acupath.answer.context import extract


def _ages(question: str) -> list[int]:
    return [int(m.value) for m in extract(question).applied if m.kind == "age"]


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("My nan is in her 80s and her neck has been stiff for years", 85),
        ("dad is in his late seventies with knee OA", 78),
        ("Mum, mid-sixties, low back pain for months", 65),
        ("my grandad turned 90 in june, hes on 2.5mg bisoprolol", 90),
        ("an octogenarian with hip pain: acupuncture?", 85),
        ("a nonagenarian lady with shoulder pain", 95),
        ("a 3-month-old with colic, can babies have acupuncture?", 0),
        ("our 18 months old daughter keeps crying", 1),
        ("my son, aged 9 and a half, gets headaches", 9),
        ("she is in her early 40s and pregnant", 42),
        ("a man in his thirties with neck pain", 35),
        ("my aunt is in her late teens", 18),
        ("patient (early 60s), chronic back pain", 62),
        ("a septuagenarian with knee OA", 75),
        ("grandma turns 100 in March, arthritis in her hands", 99),  # wave 12: still to come
    ],
)
def test_approximate_ages(question: str, age: int) -> None:
    assert _ages(question) == [age]


def test_birth_year_against_the_date_of_asking() -> None:
    ages = find_ages("born in 1950, knee pain", today=datetime.date(2026, 12, 3))
    assert [a.value for a in ages] == [76]
    ages = find_ages("b. 2019, recurrent tummy aches", today=datetime.date(2026, 1, 5))
    assert [a.value for a in ages] == [7]


@pytest.mark.parametrize(
    "question",
    [
        "in the 80s she had a hip operation",
        "a 6 week old knee injury",
        "the music of the late 70s helps me relax",
        "my mum turned the heating up in june and her knee hurt",
        "my mum takes 80 mg of aspirin",
        "my dad had 12 sessions for his back",
        "her platelets in the 80s on chemo",
        "year 10 of her treatment, neck pain",
        "INR three point four, mum's on warfarin",
    ],
)
def test_numbers_that_are_not_ages(question: str) -> None:
    assert _ages(question) == []


def test_age_band_follows_an_approximate_age() -> None:
    bands = {m.value for m in extract("dad is in his early 60s").applied if m.kind == "age_band"}
    assert bands == {"adult"}
    bands = {m.value for m in extract("dad is in his late 60s").applied if m.kind == "age_band"}
    assert bands == {"older_adult"}
