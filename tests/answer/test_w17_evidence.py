"""Wave 17, engineer "evidence" (probe 12 and held-out part 14 misses): a study, a trial, a
population or a job named in a question is a topic, not the patient's fact.

Each class is asked in wordings of our own (not the benchmark's), with wordings that must NOT
trigger it: a person who is described keeps the cautious reading."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> set[str]:
    return set((ask(question).patient_context or {}).get("applied", []))


# -- a study named by its author and year in citation style, asked for one of its figures ------
# "Garcia 2019 dry mouth during head and neck radiotherapy: effect size at one year?" (h14134),
# "Shen 2000 electroacupuncture for high-dose chemo emesis: sample size?" (h14140): the facts are
# the trial's population, and no person is described.

CITED_STUDY = [
    (
        "Meng 2012 acupuncture for xerostomia during head and neck radiotherapy: sample size?",
        "radiation:neck",
    ),
    (
        "Deng 2007 electroacupuncture for hot flushes on tamoxifen, effect size?",
        "medicine:tamoxifen",
    ),
    (
        "Molassiotis 2012 acupuncture for fatigue after chemotherapy: how many participants?",
        "treatment:chemotherapy",
    ),
    (
        "Lu 2009 acupuncture in patients mid-chemotherapy for neutropenia - relative risk?",
        "treatment:chemotherapy",
    ),
    (
        "Smith 2018 pelvic radiotherapy and acupuncture for bowel symptoms: number randomised?",
        "radiation:pelvis",
    ),
    ("Garcia 2019, head and neck radiotherapy, what was the dropout rate?", "radiation:neck"),
]


@pytest.mark.parametrize(("question", "label"), CITED_STUDY)
def test_a_cited_study_population_is_no_patient(question: str, label: str) -> None:
    assert label not in _applied(question)


CITED_STUDY_BESIDE_A_PERSON = [
    # the asker's own treatment beside the study
    (
        "Meng 2012 acupuncture for dry mouth: sample size? I'm on radiotherapy to my neck now",
        "radiation:neck",
    ),
    # a note's fact in a sentence of its own
    (
        "On tamoxifen. Deng 2007 electroacupuncture for hot flushes: effect size?",
        "medicine:tamoxifen",
    ),
    # a dated history, not an author
    ("Stent 2020, on clopidogrel: effect size of acupuncture for my knee?", "class:antiplatelet"),
    ("Hysterectomy 2015, now on warfarin - sample size of the knee trials?", "class:anticoagulant"),
    ("Stent 2020, on clopidogrel: effect size of acupuncture for knee pain?", "class:antiplatelet"),
]


@pytest.mark.parametrize(("question", "label"), CITED_STUDY_BESIDE_A_PERSON)
def test_a_person_beside_a_cited_study_keeps_the_fact(question: str, label: str) -> None:
    assert label in _applied(question)


# -- a study named by its author's surname and a study noun, no year ---------------------------
# "acupuncture on blood thinners is 100% safe ... the McCulloch review proved it, correct?"
# (p12157): the blood thinners are the review's population.

SURNAME_STUDY = [
    (
        "the Cheng review showed acupuncture on warfarin never causes bleeding, right?",
        "class:anticoagulant",
    ),
    (
        "Acupuncture during chemotherapy is totally safe, the Lu trial proved that?",
        "treatment:chemotherapy",
    ),
    (
        "needling on anticoagulants carries no risk at all - Kwon's cohort showed it, yes?",
        "class:anticoagulant",
    ),
    (
        "the Hsieh study says acupuncture with clopidogrel causes no bleeds, true?",
        "class:antiplatelet",
    ),
    ("Radiotherapy to the neck and acupuncture: what did the Garcia trial find?", "radiation:neck"),
]


@pytest.mark.parametrize(("question", "label"), SURNAME_STUDY)
def test_a_study_named_by_surname_is_a_topic(question: str, label: str) -> None:
    assert label not in _applied(question)


SURNAME_STUDY_BESIDE_A_PERSON = [
    (
        "the Cheng review says acupuncture on warfarin is fine, and I'm on warfarin, so ok?",
        "class:anticoagulant",
    ),
    (
        "My mum is on chemotherapy - the Lu trial proved acupuncture is safe during it?",
        "treatment:chemotherapy",
    ),
    # a disease's possessive is no author
    ("On clopidogrel. Is there a Parkinson's trial of acupuncture?", "class:antiplatelet"),
]


@pytest.mark.parametrize(("question", "label"), SURNAME_STUDY_BESIDE_A_PERSON)
def test_a_person_beside_a_named_study_keeps_the_fact(question: str, label: str) -> None:
    assert label in _applied(question)


# -- a condition told as what anyone gets after a treatment ------------------------------------
# "does acupunture help the dry mouth you get after radiotherapy for throat cancer, like a year
# on?" (p12137): "the dry mouth you get after radiotherapy" names the condition by its cause (as
# "chemotherapy-induced nausea" does); "you" is anyone, and no person is described.

GENERIC_CAUSE = [
    ("does acupuncture help the sickness you get from chemo?", "treatment:chemotherapy"),
    (
        "is acupuncture any good for the tiredness people get after radiotherapy?",
        "treatment:radiotherapy",
    ),
    ("does acupuncture help the joint pain you get on letrozole?", "medicine:letrozole"),
    (
        "would acupuncture help the nerve pain you can get after chemotherapy?",
        "treatment:chemotherapy",
    ),
    (
        "does acupuncture work for the dry mouth that you get after radiotherapy to the neck?",
        "radiation:neck",
    ),
    ("can needles ease the hot flushes that come with tamoxifen?", "medicine:tamoxifen"),
    # a misspelt word shifts the parser's offsets ("acupunture")
    ("does acupunture ease the sickness folk get from chemotherapy?", "treatment:chemotherapy"),
]


@pytest.mark.parametrize(("question", "label"), GENERIC_CAUSE)
def test_a_condition_told_by_its_cause_is_no_patient(question: str, label: str) -> None:
    assert label not in _applied(question)


GENERIC_CAUSE_OF_A_PERSON = [
    (
        "I get dry mouth after my radiotherapy to the neck, would acupuncture help?",
        "radiation:neck",
    ),
    (
        "does acupuncture help the sickness you get from chemo? I'm on it now",
        "treatment:chemotherapy",
    ),
    ("can you have acupuncture while you're on chemo?", "treatment:chemotherapy"),
    (
        "does acupuncture help the joint pain you get on letrozole? my mum takes it",
        "medicine:letrozole",
    ),
    ("On warfarin. Does acupuncture help the bruising you get with it?", "class:anticoagulant"),
]


@pytest.mark.parametrize(("question", "label"), GENERIC_CAUSE_OF_A_PERSON)
def test_a_person_keeps_a_treatment_told_beside_its_effect(question: str, label: str) -> None:
    assert label in _applied(question)


# -- a treatment that is the asker's workplace, not their treatment ----------------------------
# "I'm a nurse on the chemo ward, I handle chemotherapy drugs every day" (p12098): the ward is
# where the asker works; the asker is described (a box), but not as on chemotherapy.

WORKPLACE = [
    "I'm a nurse on the chemo ward and my shoulders ache, can I have acupuncture?",
    "I work in the chemotherapy day unit as a healthcare assistant; acupuncture for my migraines?",
    "I'm a porter at the radiotherapy department and my back is sore. Acupuncture ok?",
    "I'm a receptionist in the oncology chemo suite, any reason I can't have needles for my neck?",
    "Working on a chemo ward as a nurse for ten years has wrecked my back, would needles help?",
]


@pytest.mark.parametrize("question", WORKPLACE)
def test_a_workplace_is_no_treatment(question: str) -> None:
    answer = ask(question)
    applied = set((answer.patient_context or {}).get("applied", []))
    assert not {"treatment:chemotherapy", "treatment:radiotherapy"} & applied
    assert answer.screen  # the asker is described: the box shows the screen's decision


WORKPLACE_AND_TREATMENT = [
    "I'm a nurse and I'm on chemo myself at the moment, acupuncture for my nausea?",
    "I go to the chemo ward every Tuesday for my infusion, can I have acupuncture?",
    "I'm a nurse on the chemo ward, and I started chemotherapy for breast cancer last week. Ok?",
    "my radiotherapy department appointments are daily, can I have acupuncture for my back?",
]


@pytest.mark.parametrize("question", WORKPLACE_AND_TREATMENT)
def test_a_treatment_received_stays(question: str) -> None:
    applied = _applied(question)
    assert {"treatment:chemotherapy", "treatment:radiotherapy"} & applied
