"""Wave 12 (general): questions about a named study, or about practitioners' or services'
handling of a group, that describe no patient carry no patient box; a person described beside
them keeps the box. An effect measure ("relative risk of urinary retention") names a red flag
as the topic of a research question.

Each behaviour has several phrasings, and wordings that must not trigger it."""

from __future__ import annotations

from functools import cache

import pytest

from acupath.answer import ask


@cache
def _applied(text: str) -> tuple[str, ...]:
    return tuple(sorted((ask(text).patient_context or {}).get("applied", [])))


@pytest.mark.parametrize(
    "text",
    [
        # a named study (author and year) asks of its trial population
        "Meng 2012: acupuncture during head and neck radiotherapy - relative risk of "
        "significant dry mouth at week 11?",
        "Shen 2000 JAMA: electroacupuncture for emesis during high-dose chemotherapy - median "
        "emesis episodes vs minimal needling?",
        "Carr 2015: does needling the so-called forbidden points in pregnancy cause preterm "
        "birth? What did the review of 15 studies find?",
        "Garcia et al. 2013 - acupuncture for hot flushes in women on tamoxifen: what was the "
        "effect size?",
        "In Lu 2009, how many patients on warfarin bled after needling?",
        # practitioners and services handling a group
        "TEACHING Q: HOW SHOULD ACUPUNCTURISTS HANDLE PATIENTS WITH PACEMAKERS OR ICDS WHEN "
        "USING ELECTROACUPUNCTURE? GENERAL.",
        "Given that acupuncture boosts natural killer cells and so shrinks tumours, should we "
        "offer it alongside chemo to improve survival?",
        "What platelet and neutrophil thresholds do oncology acupuncture services typically use "
        "before needling? Policy question, e.g. platelets under 50 or ANC under 1.0.",
        "How should practitioners adapt treatment for patients on warfarin?",
        "Should our clinic offer electroacupuncture to people with pacemakers?",
    ],
)
def test_no_patient_described(text: str) -> None:
    assert not [a for a in _applied(text) if a not in ("sex:female",)], _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a person described beside the study or the group keeps the box
        (
            "Meng 2012 looked at radiotherapy for head and neck cancer - I'm on it now, will "
            "acupuncture help my dry mouth?",
            "treatment:radiotherapy",
        ),
        (
            "Shen 2000 found less vomiting. My patient is on chemotherapy, worth trying?",
            "treatment:chemotherapy",
        ),
        (
            "Carr 2015 says the forbidden points are fine - she's pregnant, ok to needle LI4?",
            "pregnant",
        ),
        (
            "How should acupuncturists handle pacemakers? Mine went in last year.",
            "device:pacemaker",
        ),
        # a patient in a note of its own sentence beside a study
        ("On warfarin. Smith 2019 says bleeding is rare - fine to needle?", "class:anticoagulant"),
        ("Platelets 40 today. Oncology services use thresholds - ok to needle?", "platelets:40"),
        # a population with safety framing and no study or practitioner keeps the cautious box
        ("is it safe in pregnant women?", "pregnant"),
        (
            "people with pacemakers can't have it, can they? Mine went in last year",
            "device:pacemaker",
        ),
        # a patient's own care team is no service acting
        ("On warfarin, the clinic says acupuncture is fine for my back?", "class:anticoagulant"),
        ("On warfarin, the clinic says acupuncture is fine for back pain?", "class:anticoagulant"),
        (
            "Pacemaker fitted, the cardiology team says electroacupuncture is out - what else?",
            "device:pacemaker",
        ),
        # one patient beside "can we use" or a study
        (
            "Pacemaker patient with chronic low back pain - can we use electroacupuncture?",
            "device:pacemaker",
        ),
        (
            "Should we offer electroacupuncture to this client? She has a pacemaker.",
            "device:pacemaker",
        ),
        ("Warfarin patient, Lu 2009 found few bleeds - can we needle?", "class:anticoagulant"),
        # a dated history is no study
        ("Stroke 2018, on clopidogrel - acupuncture for shoulder pain?", "class:antiplatelet"),
        (
            "Stroke 2018, on clopidogrel. What does the evidence say for shoulder pain?",
            "class:antiplatelet",
        ),
        (
            "Lumpectomy 2019, now on tamoxifen: outcomes of acupuncture for hot flushes?",
            "class:hormone_therapy",
        ),
        # a month and year is no author
        (
            "March 2019: started chemotherapy, still on it. Acupuncture for nausea?",
            "treatment:chemotherapy",
        ),
    ],
)
def test_patient_kept(text: str, label: str) -> None:
    assert label in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "What is the relative risk of urinary retention after surgery with acupuncture "
        "versus without?",
        "What is the incidence of urinary retention after hip surgery with and without "
        "acupuncture?",
        "How often does urinary retention occur after surgery in acupuncture trials?",
        "Odds ratio for postoperative urinary retention with electroacupuncture?",
        "What proportion of patients had urinary retention after surgery with acupuncture?",
    ],
)
def test_effect_measure_flag_is_topic(text: str) -> None:
    assert not any(a.startswith("red_flag") for a in _applied(text)), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I can't pee since my surgery yesterday - will acupuncture help?",
        "Urinary retention since the operation this morning, can acupuncture help?",
        "My patient has urinary retention after surgery - what is the risk with needling?",
        "He has urinary retention since his op, risk of needling?",
        "Can't pass urine after surgery today, what's the risk?",
    ],
)
def test_flag_of_someone_stays(text: str) -> None:
    assert any(a.startswith("red_flag") for a in _applied(text)), _applied(text)
