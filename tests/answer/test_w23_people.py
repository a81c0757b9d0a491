"""Wave 23, people: several people in one message and the one to treat named by relation,
order, "the other one" or as the asker ("It's my dad with the back pain who wants
acupuncture", "Acupuncture for MUM please", "Referral for the younger sibling", "I'm the one
wanting acupuncture"); the asker's own words taken back for a relative ("I'm 30 weeks... oh
sorry, I meant my sister-in-law is"); a list's "Him:" label in the patient voice. Our own
wordings (none is a benchmark question)."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract
from acupath.answer.people import who_is_asked_about


def _labels(question: str) -> set[str]:
    return set(extract(question).labels())


def _who(question: str) -> str | None:
    return who_is_asked_about(question, extract(question)).relation


# 1. a relative named to treat: the other people's facts are theirs ---------------------------


@pytest.mark.parametrize(
    ("question", "gone", "kept"),
    [
        (
            "My dad is on apixaban, my mum takes nothing. It's my mum with the sore knee who "
            "wants acupuncture.",
            {"class:anticoagulant"},
            set(),
        ),
        (
            "Grandad has a pacemaker and Nan has nothing like that. Acupuncture for Nan please, "
            "her shoulder is bad.",
            {"device:pacemaker"},
            set(),
        ),
        (
            "My brother is on chemo, my sister isn't. It's my sister who wants acupuncture for "
            "her migraines. She's 34.",
            {"treatment:chemotherapy"},
            {"age:34"},
        ),
        (
            "Older son (16) has a needle phobia; younger son (12) is fine with needles. "
            "Referral for the younger son with headaches.",
            {"needle_phobia", "age:16"},
            {"age:12"},
        ),
        (
            "Looking after both parents. Dad 80 has a pacemaker; Mum 76 has nothing fitted, bad "
            "knee. Acupuncture for Mum please, what should I tell her?",
            {"device:pacemaker", "age:80"},
            {"age:76"},
        ),
        (
            "Mum 81 is on warfarin; Dad 84 takes nothing. Treatment is for Dad, for his back.",
            {"class:anticoagulant", "age:81"},
            {"age:84"},
        ),
        (
            "Two kids: the older one (15) has epilepsy, the younger one (11) is fine. "
            "Acupuncture for the younger one please, for tummy aches.",
            {"comorbidity:epilepsy", "age:15"},
            {"age:11"},
        ),
        (
            "My sister has a pacemaker and my brother doesn't. Acupuncture for my brother's "
            "shoulder?",
            {"device:pacemaker"},
            set(),
        ),
        (
            "I'm on warfarin and my dad has a pacemaker. It's my dad who wants acupuncture for "
            "his knee.",
            {"class:anticoagulant"},
            {"device:pacemaker"},
        ),
        (
            "It's my mum who needs acupuncture for her hip, she has a pacemaker; my husband is "
            "on warfarin.",
            {"class:anticoagulant"},
            {"device:pacemaker"},
        ),
        (
            "My wife is 20 weeks pregnant and my mum is 70. It's my mum who wants acupuncture "
            "for her hip.",
            {"pregnant", "weeks:20"},
            {"age:70"},
        ),
    ],
)
def test_a_relative_named_to_treat_keeps_only_their_facts(
    question: str, gone: set[str], kept: set[str]
) -> None:
    labels = _labels(question)
    assert not gone & labels
    assert kept <= labels


@pytest.mark.parametrize(
    ("question", "gone", "kept"),
    [
        (
            "My daughter is on warfarin, she's 30. I'm the one wanting acupuncture for my neck, "
            "I'm 55.",
            {"class:anticoagulant", "age:30"},
            {"age:55"},
        ),
        (
            "My brother has a pacemaker and my dad is on warfarin, but it's just me booking - "
            "41, no meds, bad knee. Anything for me to worry about?",
            {"device:pacemaker", "class:anticoagulant"},
            {"age:41"},
        ),
        (
            "My husband has a pacemaker. I'm the one who needs acupuncture, for my back.",
            {"device:pacemaker"},
            set(),
        ),
        (
            "my son has a needle phobia. it's me who wants acupuncture for my shoulder",
            {"needle_phobia"},
            set(),
        ),
    ],
)
def test_the_asker_named_to_treat_keeps_only_their_facts(
    question: str, gone: set[str], kept: set[str]
) -> None:
    labels = _labels(question)
    assert not gone & labels
    assert kept <= labels


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # one person with two facts
        (
            "It's my dad who wants acupuncture for his back; he's on warfarin and he's 74.",
            {"class:anticoagulant", "age:74"},
        ),
        ("My dad is 74 and on warfarin. Acupuncture for dad's back pain?", {"class:anticoagulant"}),
        # a parent's own and the child's facts, the child the patient
        (
            "My son is 12 and I worry because he has a pacemaker. Acupuncture for my son "
            "please, for headaches.",
            {"device:pacemaker", "age:12"},
        ),
        (
            "I'm his mum. It's my son who wants acupuncture for his headaches; he has a pacemaker.",
            {"device:pacemaker"},
        ),
        # both people asked for
        (
            "My mum is on warfarin and my dad has a pacemaker. Acupuncture for both of them?",
            {"class:anticoagulant", "device:pacemaker"},
        ),
        (
            "Mum is on warfarin and Dad has a pacemaker; they both want acupuncture for their "
            "knees. It's Dad who booked first.",
            {"class:anticoagulant", "device:pacemaker"},
        ),
        # the asker asking for themself as well
        (
            "It's my dad with the back pain who wants acupuncture, but my mum is on warfarin. "
            "Can I have it too? I have a pacemaker.",
            {"device:pacemaker"},
        ),
        # the asker named as the driver, and the last sentence asks about him
        (
            "My dad is 80 and on apixaban. I'm the one who takes him to acupuncture, is it "
            "safe for him?",
            {"age:80"},
        ),
        # "for my mum's sister": the sister is named, not the mum
        (
            "Acupuncture for my mum's sister please; she is on warfarin. My mum has a pacemaker.",
            {"class:anticoagulant"},
        ),
        # a cleft naming who has a fact, not who is treated
        (
            "It's my mum who is on warfarin, not my dad. Can she have acupuncture?",
            {"class:anticoagulant"},
        ),
    ],
)
def test_no_one_else_named_keeps_every_fact(question: str, kept: set[str]) -> None:
    assert kept <= _labels(question)


# 2. "the other one": the one named by their own clause's word --------------------------------


@pytest.mark.parametrize(
    ("question", "gone"),
    [
        (
            "Two girls, 14: one has a pacemaker, the other is sporty. It's the sporty one with "
            "knee pain. Acupuncture for her?",
            {"device:pacemaker"},
        ),
        (
            "My boys are 9 - one is on blood thinners, the other is healthy. It's the healthy "
            "one who gets the migraines.",
            {"class:anticoagulant"},
        ),
    ],
)
def test_the_one_named_by_their_clause(question: str, gone: set[str]) -> None:
    assert not gone & _labels(question)


def test_the_other_one_named_by_a_word_of_no_clause_keeps_every_fact() -> None:
    question = (
        "My twins are 8 - one has a pacemaker, the other is healthy. It's the tall one with "
        "headaches."
    )
    assert "device:pacemaker" in _labels(question)


# 3. the asker's words taken back for a relative ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "gone"),
    [
        (
            "I'm on warfarin - sorry, I mean my mum is. I have knee pain, can I have acupuncture?",
            {"class:anticoagulant"},
        ),
        (
            "I have a pacemaker... oops, I meant my husband has one. My back hurts, can I try "
            "acupuncture?",
            {"device:pacemaker"},
        ),
        (
            "I'm 24 weeks pregnant, sorry, I meant to say my sister is. Neck pain, acupuncture?",
            {"pregnant", "weeks:24"},
        ),
        (
            "I'm on chemo. Sorry, scratch that, my brother is on chemo. I have shoulder pain.",
            {"treatment:chemotherapy"},
        ),
    ],
)
def test_words_taken_back_for_a_relative_are_theirs(question: str, gone: set[str]) -> None:
    assert not gone & _labels(question)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("I'm on warfarin. Sorry, I meant to add: my mum is 80. Knee pain, acupuncture?",
         {"class:anticoagulant"}),
        ("Sorry to bother you, I'm on warfarin and my mum said to ask. Acupuncture for my back?",
         {"class:anticoagulant"}),
        ("I'm on warfarin, sorry, I mean apixaban. Acupuncture for my knee?",
         {"class:anticoagulant"}),
    ],
)  # fmt: skip
def test_no_relative_taking_the_words_keeps_them(question: str, kept: set[str]) -> None:
    assert kept <= _labels(question)


# 4. the patient voice names the person named ------------------------------------------------


@pytest.mark.parametrize(
    ("question", "relation"),
    [
        (
            "My mum's on apixaban, my dad isn't. It's my dad with the bad hip who wants "
            "acupuncture.",
            "father",
        ),
        (
            "Dad has a pacemaker; Mum has nothing fitted. Acupuncture for MUM please, for her "
            "knee.",
            "mother",
        ),
        (
            "I'm on warfarin myself, but it's my son who wants acupuncture for his back.",
            "son",
        ),
        (
            "Booking for me and my wife. Me: 60, nothing. Her: 58, on Eliquis, bad back. "
            "Anything we should know?",
            "wife",
        ),
        (
            "Booking for me and my husband. Me: 45, nothing else. Him: 50, on Xarelto, bad "
            "knees. Anything we should know?",
            "husband",
        ),
    ],
)
def test_the_patient_voice_names_the_person(question: str, relation: str) -> None:
    assert _who(question) == relation


@pytest.mark.parametrize(
    "question",
    [
        "My husband has a pacemaker. I'm the one who needs acupuncture, for my back.",
        "I'm on warfarin and my dad is 80. Can I have acupuncture for my neck?",
    ],
)
def test_the_asker_stays_the_asker(question: str) -> None:
    assert _who(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "Referral for grandmother (81) and granddaughter (16): the question regards the "
        "granddaughter. Migraine. Acupuncture?",
        "Acupuncture for my mum and my daughter (15): it is the daughter with migraine who asks.",
        "Appointment for Dad 80 & son 15 - the son has the headaches. Acupuncture?",
    ],
)
def test_a_referral_for_two_people_names_neither_alone(question: str) -> None:
    from acupath.answer.context import fold
    from acupath.answer.named_one import named_target

    assert named_target(fold(question)) is None
