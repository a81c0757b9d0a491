"""Wave 14 (engineer "people"): ages told indirectly, and whose fact is it.

Ages from a date of birth or a milestone are counted against a fixed "today" (the grammar
takes ``today``), so these tests do not depend on the clock."""

from __future__ import annotations

import datetime

import pytest

from acupath.answer.ages import find_ages

TODAY = datetime.date(2026, 12, 4)


def _ages(text: str) -> list[int]:
    return [a.value for a in find_ages(text, today=TODAY)]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # dates of birth in the common formats (p11035, p11040)
        ("I was born in March 1950 and my lower back went two weeks ago", 76),
        ("DOB 02/1949. New-onset headaches over the past 6 weeks", 77),
        ("DOB 12/1949, knee OA", 77),  # the birthday is this month: the year's age
        ("D.O.B. 25/12/1950 - shoulder pain", 75),  # birthday still to come
        ("DOB: 03/04/1950, neck pain", 76),
        ("date of birth 1950-04-03, low back pain", 76),
        ("born on 3rd March 1952, hip pain", 74),
        ("born 14 November 1960, neck ache", 66),
        ("Born May 5, 1961. Tennis elbow", 65),
        ("born in '52, bad knees", 74),
        ("b. 1949, sciatica", 77),
        ("DOB 12/03/50 shoulder", 76),
        ("born in December 1955, back pain", 71),
        # milestone birthdays (p11037, p11039)
        ("Dad had his 80th birthday party on Saturday and danced all night", 80),
        ("She had her sweet sixteen last month and since then her jaw clicks", 16),
        ("Mum celebrated her 90th birthday last week, now her hip aches", 90),
        ("It's my 50th birthday next week and my back is killing me", 49),
        ("for her sixtieth birthday next month we booked a spa", 59),
        ("I hit the big 6-0 last month and my knees know it", 60),
        ("just turned the big four-oh and my neck is stiff", 40),
        ("Just turned 50 last month, shoulder pain", 50),
        ("my husband's 70th birthday was in June, he has knee OA", 70),
        # "in my Nth year" (p11219)
        ("I'm in my 70th year and my back aches", 69),
        ("Dad is in his eighty-fifth year, frail.", 84),
        ("she's in her 90th year.", 89),
    ],
)
def test_age_told_indirectly(text: str, age: int) -> None:
    assert _ages(text) == [age]


@pytest.mark.parametrize(
    "text",
    [
        "I'm in my 3rd year of university and stressed",
        "She is in her 20th year of nursing",
        "our 40th wedding anniversary is next week",
        "the baby is due to be born in March 2027",
        "I've had 16 sessions and the 20th session is next week",
        "the big 50 mg tablets make me sick",
        "turned 90 degrees and my back went",
        "it's her 4th round of chemo",
        "born at 32 weeks",
        "the lid turned 90 degrees",
        "he turned 18 months old last week and is teething",
    ],
)
def test_no_age_from_other_numbers(text: str) -> None:
    assert _ages(text) == []
