"""Wave 22 (issue 10), details: leadless pacemakers, drugs spelt by syllables, class words in
quotes, an INR said as "my number" in words, pregnancy told by IVF or in another language
(our own wordings; none is a benchmark question).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    answer = ask(question)
    return list((answer.patient_context or {}).get("applied", []))


# leadless pacemakers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My husband had a Micra fitted in March. Can he have electroacupuncture for his knee?",
        "I've got an AVEIR leadless pacer. Is electro acupuncture safe for my back?",
        "She has a leadless pacemaker since her heart block. Can she have e-stim with needles?",
        "Dad's Medtronic Micra was put in last year. Acupuncture with electricity for his hip?",
        "I had an Abbott Aveir implanted through my groin. Electroacupuncture for neck pain ok?",
    ],
)
def test_leadless_pacemaker_by_brand_is_a_pacemaker(question: str) -> None:
    assert "device:pacemaker" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I read about micro needles for wrinkles. Acupuncture for my face?",
        "My brother sells Medtronic insulin sets. Can I have electroacupuncture for my knee?",
    ],
)
def test_no_pacemaker_without_one(question: str) -> None:
    assert "device:pacemaker" not in _applied(question)


# pregnancy told by IVF's beta test, or in another language ----------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Transfer was two weeks ago and my beta came back positive this morning! Acupuncture for "
        "my neck?",
        "Had a positive beta yesterday after our frozen embryo transfer. Can I still have "
        "acupuncture for migraines?",
        "Our FET was 10 days ago; the first beta was positive. Acupuncture for stress okay?",
        "Estoy embarazada, 20 weeks. Acupuncture for my sciatica?",
        "Je suis enceinte and my back is killing me. Is acupuncture safe?",
        "Meine Frau ist schwanger and has bad headaches. Can she have acupuncture?",
        "I am six months with baby and my hips hurt. Acupuncture is ok?",
        "She is 8 months with child and her ankles are swollen. Acupuncture?",
    ],
)
def test_pregnancy_by_beta_or_loan_word(question: str) -> None:
    applied = _applied(question)
    assert "pregnant" in applied
    assert not any(a.startswith("age:") for a in applied)


@pytest.mark.parametrize(
    "question",
    [
        "I'm on a beta blocker for my blood pressure. Acupuncture for my knee?",
        "My baby is seven months old and I have neck pain. Acupuncture?",
        "I've had back pain for six months with a baby to carry around. Acupuncture?",
    ],
)
def test_no_pregnancy_from_beta_blockers_or_a_baby(question: str) -> None:
    assert "pregnant" not in _applied(question)


# LMWH by a foreign brand, or injections told apart from their site ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "The hospital in Madrid sent me home with Hibor after my hip replacement. Acupuncture?",
        "I use Zibor syringes since my DVT. Can I have acupuncture for my shoulder?",
        "After my ankle surgery the nurse gave me injections, one a day in the stomach. Can I have "
        "acupuncture for my back?",
        "Since the op I do my jabs daily into my belly. Is acupuncture ok for my neck?",
        "He broke his hip and has shots every evening in the tummy now. Acupuncture for his knee?",
    ],
)
def test_lmwh_by_brand_or_daily_tummy_injections(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "After my operation I had a tummy ache every day in the stomach area. Acupuncture?",
        "I do my insulin injections after my op, one a day in the tummy. Acupuncture for my knee?",
    ],
)
def test_no_anticoagulant_from_a_tummy_ache_or_insulin(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


# medicine names spelt out by their syllables --------------------------------------------------


@pytest.mark.parametrize(
    ("question", "medicine"),
    [
        ("Grandad is on a-pix-a-ban for his AF, I think that's how you say it. Acupuncture?",
         "medicine:apixaban"),
        ("my mum takes da-bi-ga-tran after her stroke scare. can she have needles in her back?",
         "medicine:dabigatran"),
        ("He's on klo-pid-o-grel since the stent. Acupuncture for his shoulder?",
         "medicine:clopidogrel"),
        ("the doc put me on riv-a-rox-a-ban. will acupuncture make me bleed?",
         "medicine:rivaroxaban"),
        ("she has ee-docks-a-ban every morning. Needles ok for her knee?", "medicine:edoxaban"),
    ],
)  # fmt: skip
def test_medicine_spelt_by_syllables(question: str, medicine: str) -> None:
    assert medicine in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My mother-in-law is well-to-do and up-to-date with her jabs. Acupuncture for her knee?",
        "I was on a bus for a long time and then a train, my back hurts. Acupuncture?",
        "It's a run-of-the-mill back ache, a bit on and off. Acupuncture?",
    ],
)
def test_no_medicine_from_short_ordinary_words(question: str) -> None:
    assert not any(a.startswith(("medicine:", "class:")) for a in _applied(question))


# an INR told loosely: how high it is, then the value "-ish" -------------------------------------


@pytest.mark.parametrize(
    ("question", "inr"),
    [
        ("Warfarin clinic rang, my INR is way high, six-ish. Can I still have acupuncture?",
         "inr:6"),
        ("I'm on Coumadin and my number was really high, 5ish, this week. Acupuncture?", "inr:5"),
        ("On warfarin. My INR came back sky high - 7! Are needles ok?", "inr:7"),
        ("Mum's on warfarin; her reading is a bit high, 3.8. Acupuncture for her hip?",
         "inr:3.8"),
        ("Dad takes Marevan and the clinic said his number is too high, four-ish. Acupuncture?",
         "inr:4"),
    ],
)  # fmt: skip
def test_inr_told_loosely(question: str, inr: str) -> None:
    assert inr in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm on warfarin and my blood pressure is way high, 160ish. Acupuncture for my back?",
        "On warfarin; my pain is really high, 8 out of 10 most days. Acupuncture?",
        "My sugar reading is way high, 15ish, on warfarin too. Acupuncture?",
    ],
)
def test_no_inr_from_other_high_numbers(question: str) -> None:
    assert not any(a.startswith("inr:") for a in _applied(question))


# "the thinners" a patient is on ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I've been on 'the thinners' since my heart went out of rhythm. Acupuncture for my neck?",
        "Grandad is on the thinners after his stroke. Can he have acupuncture?",
        "She takes her thinners every night. Acupuncture for her knee?",
        "the hospital put me on thinners after the clot in my lung. needles ok?",
        "My thinners make me bruise easily. Would acupuncture be safe for my back?",
    ],
)
def test_the_thinners_are_blood_thinners(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I spilled paint thinners on my hand last week. Acupuncture for my wrist?",
        "I work with thinners and solvents in a garage. Acupuncture for my back?",
        "I'm not on the thinners any more. Acupuncture for my knee?",
    ],
)
def test_no_anticoagulant_from_paint_thinners(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


# a start a week or a fortnight after a weekday is no start soon --------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm due to start warfarin a fortnight on Monday after my heart op. Acupuncture tomorrow?",
        "He's going to start apixaban a week on Thursday. Acupuncture today for his back?",
        "Mum will begin rivaroxaban Thursday week. Her acupuncture is this afternoon. Ok?",
        "I'm set to start Eliquis a week Friday when I'm home. Acupuncture for my knee today?",
        "She is due to start edoxaban two weeks on Wednesday. Acupuncture for her neck now?",
    ],
)
def test_a_start_weeks_away_is_not_taken_now(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm due to start warfarin on Tuesday and my acupuncture is on Thursday. Is that ok?",
        "He will start apixaban tomorrow; acupuncture for his back is next week. Safe?",
    ],
)
def test_a_start_within_days_is_kept(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


# a pregnancy told to have lasted until a day, and a baby that came ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I was pregnant until the 2nd of June; the baby came at 37 weeks. Acupuncture for my back?",
        "She was pregnant till March and her daughter arrived early. Acupuncture for her wrists?",
        "My son came early at 33 weeks and is home now. Is acupuncture ok for my pelvis now?",
        "Now I've had him my hips ache all the time. Acupuncture safe at 34 weeks postpartum?",
        "I was pregnant up until last month, the twins arrived by c section. Acupuncture for my "
        "neck?",
    ],
)
def test_an_ended_pregnancy_is_no_pregnancy_now(question: str) -> None:
    applied = _applied(question)
    assert "pregnant" not in applied
    assert not any(a.startswith("weeks:") for a in applied)


@pytest.mark.parametrize(
    "question",
    [
        "I'm 30 weeks pregnant; my first baby came early at 36 weeks. Acupuncture for my back?",
        "I'm pregnant until the end of May, due date 30th. Acupuncture for my back?",
    ],
)
def test_a_pregnancy_now_is_kept_beside_an_earlier_birth(question: str) -> None:
    assert "pregnant" in _applied(question)
