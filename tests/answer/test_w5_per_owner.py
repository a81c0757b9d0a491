"""Wave 5 "per": whose a fact is, one state per fact, and generic populations (issue 10;
probe 2 G5 and G6). Each rule is tested in several wordings, both directions."""

from __future__ import annotations

import pytest

from acupath.answer.context import OTHER_PERSON, TOPIC, extract
from acupath.answer.people import who_is_asked_about

# -- 1. a fact whose subject is another person is that person's ------------------------------

OTHERS = [
    (
        "I am having the pain in my lower back since many years. My wife she is pregnant "
        "7 month. Acupuncture is good for me?",
        "pregnant",
    ),
    ("my husband is on warfarin, I have knee OA", "class:anticoagulant"),
    ("My wife is pregnant. I have neck pain, can I have acupuncture?", "pregnant"),
    (
        "I've got sciatica and my partner takes apixaban. Would needling help me?",
        "class:anticoagulant",
    ),
    (
        "My mum has a pacemaker. I suffer from migraines, will acupuncture work for me?",
        "device:pacemaker",
    ),
    ("I get tension headaches; our daughter is 14 weeks pregnant. Is it ok for me?", "pregnant"),
    ("my dad is on clopidogrel and I have shoulder pain", "class:antiplatelet"),
]


@pytest.mark.parametrize(("question", "label"), OTHERS)
def test_another_persons_fact_is_not_the_askers(question: str, label: str) -> None:
    ctx = extract(question)
    assert label not in ctx.labels(), question
    assert any(m.status == OTHER_PERSON for m in ctx.mentions), question
    assert who_is_asked_about(question, ctx).is_asker


def test_another_persons_fact_is_shown_and_its_denial_denies_nothing() -> None:
    ctx = extract("My wife is not pregnant and my son is on warfarin. I have knee pain, help me?")
    assert "pregnant" not in ctx.negated_labels()
    assert "class:anticoagulant" not in ctx.labels()
    assert {m.kind for m in ctx.shown()} >= {"pregnant", "medicine"}
    assert not ctx.describes_patient


STILL_THEIRS = [
    ("my wife worries because my INR is 4 on warfarin; I have knee pain", "class:anticoagulant"),
    ("my wife is pregnant and has back pain, can she have acupuncture?", "pregnant"),
    ("My wife is 20 weeks pregnant with pelvic pain. Is acupuncture safe for her?", "pregnant"),
    (
        "my husband is on warfarin for AF, can he have acupuncture for his knee?",
        "class:anticoagulant",
    ),
    ("My mum is on apixaban, is acupuncture safe?", "class:anticoagulant"),
    ("my patient is on warfarin, I have read acupuncture may help her knee", "class:anticoagulant"),
    ("I'm pregnant and my husband has back pain, is acupuncture safe for me?", "pregnant"),
    ("I take rivaroxaban and my wife has a cold. Can I have needles?", "class:anticoagulant"),
]


@pytest.mark.parametrize(("question", "label"), STILL_THEIRS)
def test_the_patients_own_fact_stays(question: str, label: str) -> None:
    assert label in extract(question).labels(), question


@pytest.mark.parametrize(
    ("question", "relation"),
    [
        ("my wife is pregnant and has back pain, can she have acupuncture?", "wife"),
        ("My wife is 20 weeks pregnant with pelvic pain. Is acupuncture safe for her?", "wife"),
        ("my husband is on warfarin for AF, can he have acupuncture for his knee?", "husband"),
    ],
)
def test_the_relative_asked_about_is_the_patient(question: str, relation: str) -> None:
    ctx = extract(question)
    assert who_is_asked_about(question, ctx).relation == relation
    assert not any(m.status == OTHER_PERSON for m in ctx.mentions)


# -- 2. one state per fact -------------------------------------------------------------------

BOTH = [
    ("craniotomy with bone flap not replaced (L skull defect)", "comorbidity:skull_defect"),
    ("I have epilepsy but no seizures for 10 years", "comorbidity:epilepsy"),
    ("epileptic, no seizure in years, knee pain", "comorbidity:epilepsy"),
    ("on warfarin. Denies other anticoagulants apart from warfarin", "medicine:warfarin"),
    (
        "I have epilepsy, not had a seizure since 2015, can I have acupuncture?",
        "comorbidity:epilepsy",
    ),
    ("pt has a pacemaker; no pacemaker problems", "device:pacemaker"),
    ("Denies blood thinners. On apixaban for AF, knee pain", "class:anticoagulant"),
    ("no anticoagulants apart from warfarin", "class:anticoagulant"),
]


@pytest.mark.parametrize(("question", "label"), BOTH)
def test_a_fact_stated_and_denied_keeps_the_cautious_state_only(question: str, label: str) -> None:
    ctx = extract(question)
    if label not in ctx.labels():
        pytest.fail(f"{label} not applied for {question!r}: {ctx.as_dict()}")
    assert label not in ctx.negated_labels(), question
    same = [m for m in ctx.mentions if m.label == label]
    assert all(not m.negated for m in same), question


DENIED_ONLY = [
    ("no history of epilepsy, knee pain", "comorbidity:epilepsy"),
    ("I am not pregnant, back pain", "pregnant"),
    ("not on any blood thinners, neck pain", "class:anticoagulant"),
]


@pytest.mark.parametrize(("question", "label"), DENIED_ONLY)
def test_a_fact_only_denied_stays_denied(question: str, label: str) -> None:
    ctx = extract(question)
    assert label in ctx.negated_labels(), question
    assert label not in ctx.labels(), question


# -- 3. generic populations in research questions --------------------------------------------

POPULATIONS = [
    ("Does acupuncture help knee pain in older adults?", "age_band:older_adult"),
    ("is there research on acupuncture in children with migraine?", "age_band:child"),
    ("Is acupuncture effective for elderly people with chronic back pain?", "age_band:older_adult"),
    ("Can acupuncture help low back pain in pregnant women?", "pregnant"),
    (
        "evidence for acupuncture among older adults with knee osteoarthritis",
        "age_band:older_adult",
    ),
    ("any trials of acupuncture in the elderly with neck pain?", "age_band:older_adult"),
    ("What does research say about acupuncture for pelvic pain in pregnant women?", "pregnant"),
]


@pytest.mark.parametrize(("question", "label"), POPULATIONS)
def test_a_population_of_a_research_question_is_no_patient(question: str, label: str) -> None:
    ctx = extract(question)
    assert label not in ctx.labels(), question
    assert any(m.status == TOPIC for m in ctx.mentions), question


PERSONS = [
    ("my elderly mother has knee pain, can acupuncture help?", "age_band:older_adult"),
    ("a child of 8 with migraine, can acupuncture help?", "age_band:child"),
    ("I'm pregnant, can acupuncture help my back pain?", "pregnant"),
    ("is acupuncture ok for my elderly mother?", "age_band:older_adult"),
    ("is acupuncture safe in pregnant women?", "pregnant"),
    ("acupuncture for my child with migraine?", "age_band:child"),
    ("My wife is pregnant with back pain, is there evidence acupuncture helps her?", "pregnant"),
]


@pytest.mark.parametrize(("question", "label"), PERSONS)
def test_a_person_stays_the_patient(question: str, label: str) -> None:
    assert label in extract(question).labels(), question


NO_PATIENT = [
    "Does acupuncture help knee pain in older adults?",
    "Can acupuncture help weight loss in obese adults?",
    "is there research on acupuncture in children with migraine?",
    "Any RCTs of acupuncture for pelvic girdle pain in pregnant women?",
    "Is acupuncture effective for elderly people with chronic back pain?",
    "Acupuncture for fever in children - any RCTs?",
]


@pytest.mark.parametrize("question", NO_PATIENT)
def test_a_research_question_on_a_population_describes_no_patient(question: str) -> None:
    ctx = extract(question)
    assert not ctx.describes_patient, ctx.as_dict()
    assert not {"pregnant", "age_band:child", "age_band:older_adult"} & ctx.labels()
