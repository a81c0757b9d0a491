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


# 5. the asker's own "I'm N" beside a relative's age -----------------------------------------


@pytest.mark.parametrize(
    ("question", "kept", "aside"),
    [
        (
            "I'm 41, fit. My mother is 72 with a stiff neck. Is acupuncture ok for her?",
            "age:72",
            "age:41",
        ),
        ("I am 35 and my dad is 68, he has sciatica. Can he have acupuncture?", "age:68", "age:35"),
        (
            "Im 29. My nan is 90 and has a bad hip, would acupuncture be safe for her?",
            "age:90",
            "age:29",
        ),
        ("I'm 50; my son is 16 with back pain. Is it suitable for him?", "age:16", "age:50"),
        ("I'm 63 and my husband's 66. He has knee pain - can he try it?", "age:66", "age:63"),
    ],
)
def test_the_askers_age_is_set_aside_when_the_relative_is_asked_about(
    question: str, kept: str, aside: str
) -> None:
    labels = _applied(question)
    assert kept in labels and aside not in labels


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("My mum is 70. The acupuncture is for my own tennis elbow, I'm 36.", "age:36"),
        ("My nan's 88 with a pacemaker, I'm 33 with neck pain. Only me having it!", "age:33"),
        (
            "I'm 40 and my wife is 38. Her knees are sore but it's me with the bad back, "
            "ok for me?",
            "age:40",
        ),
        (
            "I'll bring my 5 year old along, no childcare. The needles are for my shoulder, "
            "I'm 31.",
            "age:31",
        ),
    ],
)
def test_the_askers_age_stays_when_the_question_is_theirs(question: str, kept: str) -> None:
    assert kept in _applied(question)


# 6. "one has X and one has Y ... ok for the one with X?" ------------------------------------


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "My two boys are 9: one has asthma and one has a pacemaker. Is acupuncture ok for the "
            "one with asthma?",
            "device:pacemaker",
        ),
        (
            "Twins, 14. One is on warfarin, the other has acne. Can the one with acne have "
            "acupuncture?",
            "medicine:warfarin",
        ),
        (
            "I have two daughters. One gets migraines, the other has a needle phobia. What about "
            "the one with migraines?",
            "needle_phobia",
        ),
        (
            "two patients: one has haemophilia and one has knee OA - treat the one with knee OA?",
            "comorbidity:haemophilia",
        ),
        (
            "my twins are 10, one has a pacemaker and one has eczema. acupuncture ok for the one "
            "who has eczema?",
            "device:pacemaker",
        ),
    ],
)
def test_the_other_ones_fact_is_set_aside(question: str, aside: str) -> None:
    assert aside not in _applied(question)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "My twins are 12, one has a needle phobia and one has migraines. Is acupuncture ok for "
            "the one with the needle phobia?",
            "needle_phobia",
        ),
        (
            "One has a pacemaker and one has migraines. Are they both ok for acupuncture?",
            "device:pacemaker",
        ),
        (
            "My sons: one has a pacemaker and one has back pain. Which one can have it?",
            "device:pacemaker",
        ),
    ],
)
def test_the_asked_ones_fact_stays(question: str, kept: str) -> None:
    assert kept in _applied(question)


def test_a_report_of_fine_for_her_asks_nothing() -> None:
    question = (
        "My friend has a pacemaker and says acupuncture was fine for her. I have no implants. "
        "Would it help my knee?"
    )
    assert "device:pacemaker" not in _applied(question)


# 7. the asker's own fact when the question asks about the relative -------------------------


@pytest.mark.parametrize(
    ("question", "kept", "aside"),
    [
        (
            "Two of us: my husband (on apixaban) and me (I'm 20 weeks pregnant). We'd both like "
            "acupuncture for our necks. Is it safe for him?",
            "medicine:apixaban",
            "pregnant",
        ),
        (
            "My mum has a bad hip; I have a pacemaker myself. Would acupuncture be ok for her?",
            "sex:female",
            "device:pacemaker",
        ),
        (
            "I'm on warfarin and my dad has sciatica. Can he have acupuncture?",
            "sex:male",
            "medicine:warfarin",
        ),
        (
            "My daughter (12 weeks pregnant) and me (I take clopidogrel) both have back pain. "
            "Is it safe for her?",
            "pregnant",
            "medicine:clopidogrel",
        ),
        (
            "I have a pacemaker, my wife has migraines. Is acupuncture fine for her?",
            "sex:female",
            "device:pacemaker",
        ),
    ],
)
def test_the_askers_fact_is_set_aside_when_the_relative_is_asked_about(
    question: str, kept: str, aside: str
) -> None:
    labels = _applied(question)
    assert kept in labels and aside not in labels


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "I think my wife has a pacemaker, not sure. Is acupuncture ok for her?",
            "device:pacemaker",
        ),
        (
            "I have a pacemaker and my wife has migraines. Is it safe for me and for her?",
            "device:pacemaker",
        ),
        (
            "I have a pacemaker. My wife says it was fine for her. Can I have it?",
            "device:pacemaker",
        ),
    ],
)
def test_the_fact_stays_when_the_asker_is_asked_about_or_the_relative_owns_it(
    question: str, kept: str
) -> None:
    assert kept in _applied(question)
