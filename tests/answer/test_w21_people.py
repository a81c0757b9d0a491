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
        ("I'll be eighty next week and my shoulder is stiff. Is acupuncture ok?", 79),
        ("Mum will be 70 next month, she has knee pain. Can she have needles?", 69),
        ("He'll be 18 on Saturday and has a sore back.", 17),
        ("I'm going to be 65 in two weeks' time. Neck pain for years.", 64),
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
        # the time belongs to something else in the sentence, or the age is told in the
        # present: the number stays
        ("I'm 80, next month I have a hip op. Acupuncture before?", 80),
        ("Mum is 70 and next week she starts physio.", 70),
        ("He's 18 and on Saturday he hurt his back.", 18),
        ("Dad's 90 next month and his back is sore.", 90),
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


# 3. the asker singled out by the last sentence: the "he" / "she" clauses are the relative's --


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "My wife and I are both keen on acupuncture. I'm 44 with shoulder pain. She's on "
            "rivaroxaban after a clot. Is it safe for me?",
            "class:anticoagulant",
        ),
        (
            "My son is off school. He has a fever and a cough. I've got tennis elbow - can I "
            "have acupuncture this week?",
            "red_flag:fever",
        ),
        (
            "My sister is staying with us. She has terrible back pain and is 32 weeks pregnant. "
            "I'm 28 with a migraine - is acupuncture ok for me?",
            "pregnant",
        ),
        (
            "My dad and I want to go together. He has a pacemaker and diabetes. I'm 50, just a "
            "sore knee. Is electroacupuncture ok for me?",
            "device:pacemaker",
        ),
        (
            "Asking for me and my partner. He has numbness between his legs since lifting "
            "something, I've told him to see a GP. I'm 41 with neck pain. Can I get acupuncture?",
            "red_flag:saddle_anesthesia",
        ),
        (
            "My mum is visiting. She is on warfarin and has a bad hip. Should I have acupuncture "
            "for my back?",
            "class:anticoagulant",
        ),
    ],
)
def test_asker_singled_out_sets_the_relatives_clauses_aside(question: str, aside: str) -> None:
    labels = extract(question).labels()
    assert aside not in labels
    assert not any(x.startswith("sex:") for x in labels)  # "she", "him" are the relative's


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # the relative is asked about, or both are, or no relative is named: every fact stays
        ("My daughter is poorly. She has a fever. Should I still bring her for acupuncture?",
         "red_flag:fever"),
        ("My husband is on warfarin. He has a bad knee. Can I book him in for acupuncture?",
         "class:anticoagulant"),
        ("My wife is on apixaban. She has neck pain. Is it safe for her, and can I have it too?",
         "class:anticoagulant"),
        ("My mum and I both have bad backs. She's on warfarin. Is it safe for us?",
         "class:anticoagulant"),
        ("She has saddle numbness after a fall. Should I treat?", "red_flag:saddle_anesthesia"),
        ("My brother has a pacemaker. Can he have it, and can I have it for my neck?",
         "device:pacemaker"),
    ],
)  # fmt: skip
def test_other_asks_keep_the_facts(question: str, kept: str) -> None:
    assert kept in extract(question).labels()


# 4. "one ... the other (Name) ...": a name after "the other" leaves the clause its own ------


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("My twin girls are 16. One is on warfarin for a clot, the other (Mia) is the one with "
         "period pain. Is acupuncture ok for Mia?", "class:anticoagulant"),
        ("Both my sons are 14 - one has a pacemaker, the other, Leo, is the one with back pain. "
         "Can the one with back pain have acupuncture?", "device:pacemaker"),
        ("I have two daughters, 17. One is pregnant, the other (Ruby) has knee pain. ok for the "
         "one with knee pain?", "pregnant"),
        ("The twins are 12: one has haemophilia, the other (Sam) has headaches. Acupuncture for "
         "the one with headaches?", "comorbidity:haemophilia"),
        ("My two nephews, 15: one takes clopidogrel, the other (Ben) is the one with a sore "
         "shoulder. Is it safe for Ben?", "class:antiplatelet"),
    ],
)  # fmt: skip
def test_the_other_named(question: str, aside: str) -> None:
    assert aside not in extract(question).labels()


@pytest.mark.parametrize(
    "question",
    [
        "My twins are 13: one has a pacemaker, the other (Josh) has knee pain. Is it ok for the "
        "one with the pacemaker?",
        "My twins are 13: one has a pacemaker, the other (Josh) has knee pain. Is it ok for both "
        "of them?",
    ],
)
def test_the_other_named_keeps_the_one_asked(question: str) -> None:
    assert "device:pacemaker" in extract(question).labels()


# 5. a numbered list of patients, the last sentence naming one by title and name ------------


@pytest.mark.parametrize(
    ("question", "kept", "aside"),
    [
        ("Clinic list: (1) Mr Ross, 58, on warfarin, neck pain; (2) Mrs Fox, 72, knee OA; (3) "
         "Ms Day, 30, 12 weeks pregnant. Anything to change for Mrs Fox?", "age:72",
         ["class:anticoagulant", "pregnant", "age:58"]),
        ("Two referrals: (1) Ms Green, 52, pacemaker, shoulder pain; (2) Mr Brown, 38, tennis "
         "elbow. Electroacupuncture ok for Mr Brown?", "age:38", ["device:pacemaker", "age:52"]),
        ("(1) Dr Shah, 61, on clopidogrel; (2) Mrs Kaur, 74, migraine. Any precautions for "
         "Mrs Kaur?", "age_band:older_adult", ["class:antiplatelet", "age:61"]),
        ("1) Mr Cole, 66, on apixaban; 2) Miss Ng, 24, 30 weeks pregnant; 3) Mr Ali, 41, LBP. "
         "Can we needle Mr Ali?", "age:41", ["class:anticoagulant", "pregnant"]),
        ("Today's patients: (1) Mrs Ward, 49, on rivaroxaban; (2) Mr Hart, 77, hip OA. Is "
         "acupuncture fine for Mr Hart?", "age:77", ["class:anticoagulant", "age:49"]),
    ],
)  # fmt: skip
def test_list_patient_named_in_the_ask(question: str, kept: str, aside: list[str]) -> None:
    labels = extract(question).labels()
    assert kept in labels
    assert not set(aside) & labels


@pytest.mark.parametrize(
    "question",
    [
        # the one named holds the fact, or the name opens no item: every fact stays
        "(1) Mr A, 60, on warfarin; (2) Mrs B, 71, knee OA. Any changes needed for Mr A?",
        "(1) Mr A, 60, on warfarin; (2) Mrs B, 71, on apixaban. Any changes needed for Mrs C?",
    ],
)
def test_list_patient_named_keeps_their_facts(question: str) -> None:
    assert "class:anticoagulant" in extract(question).labels()
