"""Wave 20 (issue 10), people: whose fact it is when the question sets one person's fact
against another's ("she's on Xarelto, I'm on nothing", "my aunt was the one with the
pacemaker, not him", "the one with the needle phobia? no, that's his brother", "her husband
... has haemophilia; Mrs K herself ...") and a number word inside a longer word ("they're
tension headaches") that is no age. Our own wordings (none is a benchmark question).
"""

from __future__ import annotations

import datetime

import pytest

from acupath.answer.ages import find_ages
from acupath.answer.context import extract

_TODAY = datetime.date(2026, 12, 4)


def _applied(question: str) -> set[str]:
    return extract(question).labels()


# 1. a relative's pronoun clause set against the asker's own denial ----------------------------


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "My dad and I both fancy acupuncture for our backs. He's on warfarin, I'm on nothing, "
            "52. Is it ok for me?",
            "medicine:warfarin",
        ),
        (
            "Me and my sister are both 30. She has lymphoedema in her right arm but I don't. "
            "Can I have needles in my arms?",
            "lymphedema:right_arm",
        ),
        (
            "My husband and I want to try acupuncture. He has a pacemaker, I don't - I just have "
            "a sore hip. Is it safe for me?",
            "device:pacemaker",
        ),
        (
            "My brother and me are going together. He takes apixaban but I take nothing. "
            "Can I have it for my neck?",
            "medicine:apixaban",
        ),
        (
            "Mum and I are booked in. She is on clopidogrel; I'm not on anything. "
            "Safe for me to have needles for my shoulder?",
            "medicine:clopidogrel",
        ),
        (
            "My wife and I both have knee pain. She's pregnant, I'm obviously not! Acupuncture "
            "ok for me?",
            "pregnant",
        ),
    ],
)
def test_the_relatives_contrasted_fact_is_set_aside(question: str, aside: str) -> None:
    assert aside not in _applied(question)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # the question asks about the relative: her fact stays
        (
            "My mum and I both want acupuncture. She's on xarelto, I'm on nothing. Is it safe "
            "for her?",
            "medicine:rivaroxaban",
        ),
        # no contrast of the asker's own: "I'm not sure" denies nothing
        (
            "My husband is on warfarin, I'm not sure it's safe. Can he have acupuncture?",
            "medicine:warfarin",
        ),
        # the asker has it too
        (
            "My wife and I both take apixaban. She has knee pain and I have it too. Ok for me?",
            "medicine:apixaban",
        ),
    ],
)
def test_a_fact_not_contrasted_stays(question: str, kept: str) -> None:
    assert kept in _applied(question)


# 2. "X was the one with it, not him" and "... no, that's his brother" ----------------------


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "Asking for my grandad, 79. My nan was the one with the pacemaker, not him. His knees "
            "hurt. Acupuncture ok?",
            "device:pacemaker",
        ),
        (
            "For my mother, 70. My uncle is the one on warfarin, not her. She has a stiff neck, "
            "is acupuncture ok for her?",
            "medicine:warfarin",
        ),
        (
            "My son is 15. He's the one with the pacemaker? No, that's his brother. My 15 year old "
            "has back pain from football. Ok for him?",
            "device:pacemaker",
        ),
        (
            "My daughter is 12 - she's the one on blood thinners. No sorry, that's her sister. "
            "She gets migraines, is acupuncture ok for her?",
            "class:anticoagulant",
        ),
        (
            "About my wife, 44. She has the needle phobia? No wait, that's my other daughter. My "
            "wife has neck pain. Acupuncture ok?",
            "needle_phobia",
        ),
    ],
)
def test_a_fact_said_to_be_someone_elses_is_set_aside(question: str, aside: str) -> None:
    assert aside not in _applied(question)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # the patient is the one with it
        (
            "My dad is the one with the pacemaker, not my mum. Is acupuncture ok for him?",
            "device:pacemaker",
        ),
        # same sex both sides: who "him" is cannot be told apart, so the fact stays
        (
            "Asking for my dad. My uncle was the one with the pacemaker, not him... actually "
            "he has one too. Ok for him?",
            "device:pacemaker",
        ),
        # "no" that corrects nothing of ownership
        (
            "He's the one with the pacemaker? No, he has never had one removed. Ok for him?",
            "device:pacemaker",
        ),
    ],
)
def test_the_patients_own_fact_stays(question: str, kept: str) -> None:
    assert kept in _applied(question)


# 3. a clinician's letter: "her husband ... has X; Mrs K herself ..." --------------------------


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "Re Mrs T (61): her husband, who drives her in, has haemophilia A. Mrs T herself has "
            "hip OA. Suitable?",
            "comorbidity:haemophilia",
        ),
        (
            "Mr B, 70. His wife has a pacemaker. Mr B himself: lumbar pain. Fit for acupuncture?",
            "device:pacemaker",
        ),
        (
            "Ms L (45). Her partner, who comes with her, is on warfarin. Ms L herself takes "
            "nothing. Acupuncture for neck pain?",
            "medicine:warfarin",
        ),
        (
            "Mrs P, 66. Her son has haemophilia B. Mrs P herself has knee OA. Ok?",
            "comorbidity:haemophilia",
        ),
        (
            "Mr D (58). His brother, who lives with him, has a pacemaker; Mr D himself has "
            "nothing fitted. Back pain, acupuncture?",
            "device:pacemaker",
        ),
    ],
)
def test_a_relatives_fact_in_a_letter_is_set_aside(question: str, aside: str) -> None:
    assert aside not in _applied(question)


def test_a_letter_without_herself_keeps_the_fact() -> None:
    # no "herself" said apart: the relation word may be the patient's own history
    assert "comorbidity:haemophilia" in _applied(
        "Mrs T (61) has haemophilia A. Her husband drives her in. Suitable?"
    )


# 4. a number word inside a longer word is no age -----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My son is 7, the GP says they're tension headaches. Ok for him?",
        "They're tense muscles mostly, she's 40. Acupuncture?",
        "Doctor thinks they're sixteenth-century remedies lol, I'm 33. Does it work?",
        "The kids' pains, they're tendon problems apparently. He's 9.",
        "He's tenacious about it. My boy is 11. Needles ok?",
    ],
)
def test_a_number_word_inside_a_word_is_no_age(question: str) -> None:
    ages = [a.value for a in find_ages(question, _TODAY)]
    assert 10 not in ages and 16 not in ages


def test_a_number_word_alone_is_still_an_age() -> None:
    assert 10 in [a.value for a in find_ages("My twins, they're ten, both get migraines.", _TODAY)]
    assert 16 in [a.value for a in find_ages("She's sixteen and has period pain.", _TODAY)]
