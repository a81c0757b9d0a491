"""Wave 18, engineer "evidence" (held-out part 15 misses): studies and general questions whose
facts belong to no patient, and facts asked about named studies.

Each class is asked in wordings of our own (not the benchmark's), with wordings that must NOT
trigger it: a person who is described keeps the cautious reading."""

from __future__ import annotations

import pytest

from acupath.answer import ask

_TREATMENT_KINDS = ("radiation:", "treatment:", "cancer:", "lymphedema:", "medicine:")


def _applied(question: str) -> set[str]:
    return set((ask(question).patient_context or {}).get("applied", []))


def _treatment_labels(question: str) -> set[str]:
    return {lab for lab in _applied(question) if lab.startswith(_TREATMENT_KINDS)}


# -- a study named by its author's possessive or surname and a study noun, the condition it
# studied inside the name ("Cassileth's lymphoedema pilot", h15121): the condition's words
# are the study's, not a patient's (the author word is what must not be a fact) -------------

SURNAME_STUDY = [
    "Cassileth's lymphoedema pilot: how many women took part?",
    "Smith's lymphedema study - what was the effect on arm swelling?",
    "The Deng tamoxifen hot flush trial: how many patients were randomised?",
    "Meng's radiotherapy dry mouth trial, what was the relative risk?",
    "Garcia's head and neck radiotherapy study: how many participants were enrolled?",
    "Lu's chemotherapy neutropenia pilot: what was the response rate?",
]


@pytest.mark.parametrize("question", SURNAME_STUDY)
def test_a_study_named_with_its_condition_is_no_patient(question: str) -> None:
    assert _treatment_labels(question) == set()


SURNAME_STUDY_BESIDE_A_PERSON = [
    "Cassileth's lymphoedema pilot - I have lymphoedema in my left arm, would it help me?",
    "On tamoxifen. The Deng hot flush trial: how many patients were randomised?",
    "Stroke 2018, on clopidogrel - does acupuncture help my shoulder?",
]


@pytest.mark.parametrize("question", SURNAME_STUDY_BESIDE_A_PERSON)
def test_a_person_beside_a_named_study_keeps_the_facts(question: str) -> None:
    assert _applied(question)


# -- acupuncture "during radiotherapy for X" asked about in general, for its effect (h15116):
# the treatment is the circumstance of the acupuncture asked about, no one's treatment ------

DURING_TREATMENT_IN_GENERAL = [
    "Does acupuncture given during radiotherapy for throat cancer reduce dry mouth afterwards?",
    "Does needling alongside chemotherapy for breast cancer cut nausea, and by how much?",
    "Would acupuncture during pelvic radiotherapy for cervical cancer lessen bowel problems?",
    "Is there less fatigue when acupuncture is given during chemo for lymphoma?",
    "How much does acupuncture during radiation for head and neck cancer reduce xerostomia at "
    "one year?",
    "Do patients who get acupuncture while on chemotherapy for bowel cancer have fewer "
    "hot flushes?",
]


@pytest.mark.parametrize("question", DURING_TREATMENT_IN_GENERAL)
def test_acupuncture_during_a_treatment_in_general_is_no_patient(question: str) -> None:
    assert _treatment_labels(question) == set()


DURING_TREATMENT_FOR_SOMEONE = [
    "Does having acupuncture during radiotherapy for my throat cancer mean less dry mouth?",
    "My wife is having acupuncture during her chemo for breast cancer - will it cut nausea?",
    "On radiotherapy for head and neck cancer. Does acupuncture during it mean less dry mouth?",
    "Is acupuncture during radiotherapy for head and neck cancer safe?",
]


@pytest.mark.parametrize("question", DURING_TREATMENT_FOR_SOMEONE)
def test_acupuncture_during_someones_treatment_keeps_the_facts(question: str) -> None:
    assert _treatment_labels(question)


# -- a study cited by its author's possessive and year ("Cherkin's 2009 back pain trial",
# h15105): the possessive ending is no part of the surname -------------------------------------


def _named(question: str) -> list[str]:
    return list(ask(question).understanding["statement"]["sources_named"])


POSSESSIVE_CITATIONS = [
    ("What did Haake's 2007 trial find for back pain?", "haake2007"),
    ("Vickers's 2018 update: how many patients did it pool?", "vickers2018"),
    ("In Brinkhaus' 2006 trial, did minimal needling do as well?", "brinkhaus2006"),
    ("Hinman's 2014 laser trial in knee pain: who came out ahead?", "hinman2014"),
    ("Cherkin’s 2009 study - how did usual care do at 8 weeks?", "cherkin2009"),
    ("Was Cassileth's 2013 pilot randomised?", "cassileth2013"),
]


@pytest.mark.parametrize(("question", "source"), POSSESSIVE_CITATIONS)
def test_a_possessive_citation_names_its_source(question: str, source: str) -> None:
    assert source in _named(question)


NO_POSSESSIVE_CITATION = [
    "Parkinson's 2015 diagnosis, would acupuncture help the tremor?",
    "My mother's 2019 stroke left her shoulder stiff - can acupuncture help?",
]


@pytest.mark.parametrize("question", NO_POSSESSIVE_CITATION)
def test_a_possessive_that_is_no_author_names_nothing(question: str) -> None:
    assert _named(question) == []


# -- a guideline asked for what it says ("What exactly does NICE NG59 say ...", h15126): its own
# words, where its record's locator quotes them, stand beside the position ---------------------

GUIDELINE_WORDS = [
    "What does NICE say about acupuncture for sciatica?",
    "NG59's wording on acupuncture for back pain?",
    "Does NICE recommend acupuncture for chronic low back pain?",
    "What is the NICE guideline position on needling for lower back pain?",
    "What do UK guidelines say on acupuncture for acute low back pain?",
]


@pytest.mark.parametrize("question", GUIDELINE_WORDS)
def test_a_guideline_position_is_given_in_its_own_words(question: str) -> None:
    assert "Do not offer acupuncture" in ask(question).markdown


@pytest.mark.parametrize(
    "question",
    [
        "What does NICE say about acupuncture for migraine?",
        "Does NICE recommend acupuncture for knee osteoarthritis?",
    ],
)
def test_other_guidelines_quote_no_words_they_do_not_hold(question: str) -> None:
    assert "Do not offer acupuncture" not in ask(question).markdown


# -- the threshold of a clinically important change asked with no condition and no study named
# ("how big a drop on the 0 to 10 pain score counts as a real, noticeable improvement?",
# h15130): answered from the threshold records (Farrar 2001, Dworkin 2008), not out of scope ---

THRESHOLD_ASKED = [
    "What is the minimal clinically important difference on a 0-10 pain scale?",
    "Is there an MCID for pain scores?",
    "What change on a pain scale counts as a noticeable improvement to patients?",
    "How big a change in my pain number is a noticeable difference to patients?",
    "What's the minimal important difference for pain intensity ratings?",
]


@pytest.mark.parametrize("question", THRESHOLD_ASKED)
def test_a_threshold_asked_alone_is_answered_from_its_records(question: str) -> None:
    answer = ask(question)
    assert "farrar2001" in [r.id for r in answer.references]
    assert "2,724" in answer.markdown


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture give a noticeable improvement in knee arthritis?",
        "My knee pain has had a noticeable improvement since the needles, should I keep going?",
    ],
)
def test_a_noticeable_improvement_hoped_for_is_no_threshold_asked(question: str) -> None:
    assert "clinically_important_change" not in ask(question).understanding["outcomes"]


# -- a trial told by its country and its arms, one arm in lay words ("that big German trial on
# back pain ... real needles, fake needles and normal physio-and-pills treatment", h15103): an
# arm that gave drugs among other care is an arm of drugs, and what each arm did is answered --

ARMS_DESCRIBED = [
    "What did the German back pain trial with real needles, sham needles and drugs-and-physio "
    "care find?",
    "That German low back pain trial comparing acupuncture, fake acupuncture and drugs plus "
    "physiotherapy: results?",
    "The German back trial with real acupuncture, sham acupuncture and painkillers with "
    "exercise therapy - what did each group get?",
    "What happened in the German back pain trial that had verum, sham and medication arms?",
    "the big German trial for back pain with real needles vs fake needles vs pills and physio: "
    "what was found?",
]


@pytest.mark.parametrize("question", ARMS_DESCRIBED)
def test_a_trial_told_by_its_arms_gives_each_arm(question: str) -> None:
    answer = ask(question)
    assert _named(question) == ["haake2007"]
    assert "47.6%" in answer.markdown


@pytest.mark.parametrize(
    "question",
    [
        "What did the German back pain trial with minimal acupuncture and a waiting list find?",
        "the German back pain trial with fake needles and a waiting list - what happened?",
    ],
)
def test_a_trial_told_by_other_arms_is_not_gerac(question: str) -> None:
    assert _named(question) == ["brinkhaus2006"]


def test_a_medicine_after_a_general_during_question_keeps_its_reading() -> None:
    question = "Does acupuncture during chemo for breast cancer help nausea on warfarin?"
    assert "class:anticoagulant" in _applied(question)
