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
        ("I got a massage for my 50th birthday last week", 50),
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


# --- whose fact is it ------------------------------------------------------------------------

from acupath.answer.context import extract  # noqa: E402
from acupath.answer.people import who_is_asked_about  # noqa: E402


def _applied(text: str) -> set[str]:
    return {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    ("text", "mine", "theirs"),
    [
        # the asker says the question is for them (p11099, p11121)
        (
            "Two things. My wife is 16 weeks pregnant and has neck pain, but this question is for"
            " me: I'm on clopidogrel after a heart stent and I have tennis elbow. Can I have"
            " acupuncture, and what would they do differently for me?",
            {"medicine:clopidogrel"},
            {"pregnant", "weeks:16"},
        ),
        (
            "My mum is on warfarin and has a pacemaker, but I'm asking for myself - 35, healthy,"
            " tennis elbow from too much padel.",
            {"age:35"},
            {"medicine:warfarin", "device:pacemaker"},
        ),
        (
            "My husband is on apixaban. The question is about me though: I have plantar"
            " fasciitis, would they needle my heel?",
            set(),
            {"medicine:apixaban"},
        ),
        (
            "My dad has a pacemaker - I'm asking for myself, I have neck pain. What would they do?",
            set(),
            {"device:pacemaker"},
        ),
        (
            "My sister is pregnant but this one is for me, I have low back pain. Is it ok?",
            set(),
            {"pregnant"},
        ),
    ],
)
def test_the_asker_says_the_question_is_for_them(text, mine, theirs):
    applied = _applied(text)
    assert mine <= applied
    assert not theirs & applied


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # no explicit word that the question is for the asker: both people's facts stay
        (
            "My wife is 16 weeks pregnant and has neck pain and I have tennis elbow. What would"
            " they do for her?",
            {"pregnant"},
        ),
        (
            "My mum is on warfarin and has a pacemaker. I'm asking for myself and for her.",
            {"medicine:warfarin", "device:pacemaker"},
        ),
        (
            "My mum is on warfarin and has a pacemaker, I'm asking for her really.",
            {"medicine:warfarin", "device:pacemaker"},
        ),
    ],
)
def test_without_a_clear_word_both_peoples_facts_stay(text, kept):
    assert kept <= _applied(text)


@pytest.mark.parametrize(
    ("text", "mine", "theirs"),
    [
        # several numbered patients, one marked as the one asked about (p11105, p11110)
        (
            "Clinic list today - query only about bed 2: Mr A, 59, CLBP, on Xarelto and"
            " celecoxib. (Bed 1 is 26/40 pregnant, bed 3 has a pacemaker, both already"
            " screened.)",
            {"age:59", "medicine:rivaroxaban"},
            {"pregnant", "weeks:26", "device:pacemaker"},
        ),
        (
            "Pt 1 of 2: 45M, knee OA, nil meds - fine. Pt 2 of 2 (this query): 62F, knee OA, ITP,"
            " platelets 48 on last FBC, not on treatment. Needle?",
            {"age:62", "lab:platelets:48"},
            {"age:45"},
        ),
        (
            "Patient 1: 70F on warfarin, INR 2.5. Patient 2: 40M, neck pain. Asking about"
            " patient 2 only.",
            {"age:40"},
            {"medicine:warfarin", "age:70"},
        ),
        (
            "Bed 4 has a pacemaker. Bed 5 (this query): 66M, knee OA, on apixaban.",
            {"age:66", "medicine:apixaban"},
            {"device:pacemaker"},
        ),
        (
            "Case 1: 30F, 20 weeks pregnant. Case 2: 52M, LBP, on clopidogrel - question is"
            " about case 2.",
            {"age:52", "medicine:clopidogrel"},
            {"pregnant", "weeks:20", "age:30"},
        ),
    ],
)
def test_only_the_numbered_patient_asked_about(text, mine, theirs):
    applied = _applied(text)
    assert mine <= applied
    assert not theirs & applied


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # no patient marked as asked about: every patient's facts stay (the cautious reading)
        (
            "Bed 1 is 26/40 pregnant, bed 3 has a pacemaker, bed 2 is on Xarelto. Any issues?",
            {"pregnant", "device:pacemaker", "medicine:rivaroxaban"},
        ),
        (
            "Pt 1: 45M on warfarin. Pt 2: 62F, platelets 48. Needle?",
            {"medicine:warfarin", "lab:platelets:48"},
        ),
        ("pt 77, on warfarin, knee OA. Bed 2 of the ward.", {"medicine:warfarin", "age:77"}),
        ("Patient 45 on warfarin; patient 62 on apixaban.", {"age:45", "age:62"}),
        (
            "My daughter is 16 weeks pregnant. This is for me to pass on to her: is it safe?",
            {"pregnant"},
        ),
    ],
)
def test_numbered_patients_without_a_mark_keep_every_fact(text, kept):
    assert kept <= _applied(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the patient voice names the person asked about (p11055, p11100)
        (
            "Writing for my husband who's sat next to me. His shoulder has been sore for months."
            " Since twenty minutes ago he has crushing chest pain. Should we still go?",
            "your husband",
        ),
        ("Asking on behalf of my mum, she's sitting with me. Her knee is swollen.", "your mother"),
        (
            "Booking for me and my mum together. Me: 38, migraines, healthy. Mum: 71, hip"
            " arthritis, on apixaban. Is there anything the acupuncturist should know about HER?",
            "your mother",
        ),
        (
            "Me and my dad both want acupuncture. I have neck pain. Dad: 80, on warfarin. Is it"
            " safe for him?",
            "your father",
        ),
    ],
)
def test_the_person_asked_about_is_named(text, name):
    who = who_is_asked_about(text, extract(text))
    assert who.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Writing for my husband but it's my back that hurts, I have sciatica.",
        "Booking for me and my mum. I'm on warfarin, she has knee pain. Is it safe for me?",
        "My mum sat with me while I had acupuncture for my back, is bruising normal?",
    ],
)
def test_the_asker_stays_the_patient(text):
    assert who_is_asked_about(text, extract(text)).is_asker
