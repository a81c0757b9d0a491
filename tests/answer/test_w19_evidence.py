"""Wave 19 (evidence): facts asked in new ways and premises of new kinds."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.cited_studies import find_cited
from acupath.evidence.loader import bundled_base

# -- a study named by its design and its year, the author (if any) words away (p13126, h17142)


@pytest.mark.parametrize(
    ("question", "source"),
    [
        (
            "How big was the 2012 individual patient data meta-analysis on chronic pain?",
            "vickers2012",
        ),
        ("Tell me about the IPD meta-analysis of 2018 for chronic pain.", "vickers2018"),
        (
            "The Vickers individual-patient-data meta-analysis from 2012: what did it show?",
            "vickers2012",
        ),
        ("what sample size did the updated 2018 IPD analysis have", "vickers2018"),
        ("Was Vickers' patient-level meta-analysis published in 2018 positive?", "vickers2018"),
        ("In the individual patient data meta analysis (2012), how many trials?", "vickers2012"),
    ],
)
def test_a_study_named_by_design_and_year(question: str, source: str) -> None:
    found = {s for c in find_cited(question, bundled_base()) for s in c.sources}
    assert source in found


@pytest.mark.parametrize(
    "question",
    [
        "Is there any meta-analysis on acupuncture for back pain?",
        "I had a meta-analysis explained to me in 2012 but forgot it - what is one?",
        "Are individual patient data meta-analyses better than ordinary ones?",
    ],
)
def test_no_study_from_a_design_word_alone(question: str) -> None:
    found = {s for c in find_cited(question, bundled_base()) for s in c.sources}
    assert not found & {"vickers2012", "vickers2018"}


def test_the_design_and_year_answer_gives_the_pooled_count() -> None:
    md = ask("How many people did the 2018 individual patient data meta-analysis pool?").markdown
    assert "20,827" in md


# -- a time point told by a session is no dose question (p13152)


def _intents(question: str) -> tuple[str, ...]:
    return tuple(ask(question).understanding["intents"])


@pytest.mark.parametrize(
    "question",
    [
        "Breathlessness in cancer: any sham trial, and what happened right after the session?",
        "For hot flashes, was there a difference immediately after each session?",
        "Did knee osteoarthritis pain drop at the end of the session in the trials?",
        "Chronic neck pain - does it ease during sessions compared with sham?",
        "Is anxiety lower just after a single session of acupuncture?",
    ],
)
def test_a_session_time_point_is_not_a_dose_question(question: str) -> None:
    assert "dose" not in _intents(question)


@pytest.mark.parametrize(
    "question",
    [
        "How many sessions of acupuncture for knee osteoarthritis?",
        "For back pain, how often should I go, and does it hurt after the session?",
        "What session frequency did the migraine trials use?",
    ],
)
def test_a_dose_question_keeps_its_dose(question: str) -> None:
    assert "dose" in _intents(question)


def test_the_breathlessness_trial_is_shown() -> None:
    answer = ask(
        "Shortness of breath in cancer: a placebo-controlled trial? Effect after the session?"
    )
    assert "vickers2005_dyspnoea" in {r.id for r in answer.references}


# -- a study told by the UK where its record names England or Wales, by who took part (h17143)


@pytest.mark.parametrize(
    "question",
    [
        "A UK trial where migraine sufferers got acupuncture from their GP - what happened?",
        "What did the British headache study in general practice find a year on?",
        "the English trial of acupuncture for chronic headache in GP practices, was it positive?",
        "A UK study gave headache patients acupuncture through their GP: how big was the benefit?",
        "That British primary care headache trial, how many headache days were saved?",
    ],
)
def test_a_uk_headache_trial_in_general_practice_is_named(question: str) -> None:
    assert ask(question).references[0].id == "vickers2004_headache"


@pytest.mark.parametrize(
    "question",
    [
        "Is there a trial on headache?",
        "Does acupuncture help headache sufferers in the UK?",
    ],
)
def test_a_topic_or_a_place_alone_names_no_trial(question: str) -> None:
    from acupath.answer.cited_studies import find_described

    found = {s for c in find_described(question, bundled_base()) for s in c.sources}
    assert "vickers2004_headache" not in found


# -- an evidence question whose subject is the treatment in a setting, of no one (h17157)


def _box(question: str) -> dict | None:
    return ask(question).screen


@pytest.mark.parametrize(
    "question",
    [
        "Does having acupuncture during chemotherapy for breast cancer cut nausea? I read a trial",
        "can getting acupuncture on radiotherapy for throat cancer stop dry mouth. i saw a study",
        "Would adding acupuncture to radiotherapy for neck cancer ease dry mouth? I heard so",
        "Does receiving acupuncture in radiotherapy to the head and neck stop xerostomia? I saw 86",
        "Is having acupuncture during radiotherapy for head and neck cancer useful? I read it",
    ],
)
def test_a_setting_question_carries_no_patient_box(question: str) -> None:
    screen = _box(question)
    assert screen is None or screen.get("decision") in (None, "proceed")


@pytest.mark.parametrize(
    "question",
    [
        "Does having acupuncture during my radiotherapy for head and neck cancer stop dry mouth?",
        "I'm on radiotherapy for throat cancer - does having acupuncture now stop dry mouth?",
        "Can getting acupuncture during her radiotherapy to the neck help my mum's dry mouth?",
    ],
)
def test_a_person_in_the_setting_keeps_the_box(question: str) -> None:
    screen = _box(question)
    assert screen is not None and screen.get("decision") == "proceed_with_modifications"


# -- premises of new kinds: a mechanism or imaging study said to prove clinical benefit or qi
# (p13162, h17127); a guideline said to rank acupuncture first or strongly (p13165, h17133); a
# named trial said to show a large add-on effect it did not find (p13164)


def _corrected(question: str) -> bool:
    from acupath.answer.opening import TITLES

    titles = [s.title for s in ask(question).all_sections]
    title = TITLES["clinician"]["premise"]
    return title in titles and titles.index(title) <= 1


@pytest.mark.parametrize(
    "question",
    [
        "That PET imaging study showed opioid receptor changes, so acupuncture is an established "
        "clinical treatment for fibromyalgia, right?",
        "fMRI work proves it switches off pain centres, which is proof of benefit for back pain.",
        "Brain scans have proven that needling moves qi along the meridians. True?",
        "The endorphin research is scientifically established proof that acupuncture works "
        "for knee pain.",
        "Brain imaging proved that acupuncture unblocks energy channels - so it's a proven "
        "treatment for migraine?",
        "NICE says to try acupuncture first for migraine before any preventive tablets.",
        "The guidelines say you should try acupuncture first before medication for migraine.",
        "The ACR gives acupuncture a strong recommendation for knee osteoarthritis, correct?",
        "ACR strongly recommends acupuncture for hip osteoarthritis - putting that on a leaflet.",
        "NICE strongly recommends acupuncture for migraine, doesn't it?",
        "APEX showed acupuncture adds a lot on top of exercise for knee osteoarthritis.",
        "The APEX trial proved needling adds a great deal to physio for knee arthritis.",
    ],
)
def test_a_new_premise_kind_is_corrected(question: str) -> None:
    assert _corrected(question)


@pytest.mark.parametrize(
    "question",
    [
        "Have brain scans proven that acupuncture changes pain processing?",
        "What does NICE say about acupuncture for migraine?",
        "Does the ACR give acupuncture a strong recommendation for knee osteoarthritis?",
        "Did APEX show that acupuncture adds anything on top of exercise for knee pain?",
    ],
)
def test_a_question_about_the_same_is_no_premise(question: str) -> None:
    assert not _corrected(question)


@pytest.mark.parametrize(
    "question",
    [
        "Harris 2009 proved acupuncture works through opioid receptors, so it's proof of benefit.",
        "The Harris 2009 PET study showed opioid receptor binding, so it's an established "
        "treatment for fibromyalgia.",
    ],
)
def test_a_named_mechanism_study_answers_its_own_overreading(question: str) -> None:
    answer = ask(question)
    assert "harris2009" in {r.id for r in answer.references}
    assert "not a test of clinical benefit" in answer.markdown


@pytest.mark.parametrize(
    "question",
    [
        "Park 2014 systematic review: incidence of adverse events from acupuncture in pregnancy?",
        "Vickers 2012 meta-analysis: how many patients?",
    ],
)
def test_an_author_and_year_before_the_design_names_only_their_study(question: str) -> None:
    found = {s for c in find_cited(question, bundled_base()) for s in c.sources}
    assert "manyanga2014" not in found and "vickers2018" not in found
