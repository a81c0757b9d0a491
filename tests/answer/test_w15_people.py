"""Wave 15 (engineer "people"): children told by their school stage, which of several
numbered patients is asked about, and general questions that name a population, not a patient."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract


def _applied(text: str) -> set[str]:
    return {m.label for m in extract(text).applied}


def _asked(text: str) -> set[str]:
    """The patient facts Ask screens (the study reading runs in ``ask``, after extraction)."""
    return set((ask(text).patient_context or {}).get("applied", []))


@pytest.mark.parametrize(
    "text",
    [
        # h12042 and other school stages of a young child (US/UK/AU words)
        "our daughter is starting kindergarten and has stomach migraines",
        "my son just started kindergarten and gets tummy aches",
        "my little girl is at nursery and has eczema, can acupuncture help",
        "he goes to preschool three days a week and wets the bed",
        "my boy started reception in September and has constipation",
        "our son starts kindy next year, he has hay fever",
        "my daughter is in grade 3 and has headaches",
        "my son is in 4th grade and gets migraines",
        "she's at primary school and has tummy pain",
        "my son is starting primary in September and has asthma",
        "our preschooler has a chronic cough",
    ],
)
def test_a_young_childs_school_stage_is_the_child_band(text: str) -> None:
    assert "age_band:child" in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "my son is in middle school and has knee pain",
        "my daughter is a high school freshman with back pain",
        "he's a sophomore in high school and plays football, his shoulder hurts",
        "our son, a middle schooler, has Osgood-Schlatter",
        "my daughter is starting high school and has period pain",
    ],
)
def test_a_secondary_school_stage_is_the_adolescent_band(text: str) -> None:
    assert "age_band:adolescent" in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I teach kindergarten and my back hurts",
        "I work in reception at a hotel and have neck pain",
        "I run a plant nursery and my wrists ache",
        "I'm a preschool teacher with shoulder pain",
        "I'm a nursery nurse with low back pain",
        "since primary school I have had migraines",
        "I was a high school freshman when my knee pain started, now I'm 40",
        "my kindergarten teacher used to say I had bad posture",
        "I drop my son at kindergarten and then go to acupuncture for my neck",
        "my patient is in reception now, 45, with neck pain",
        "I work in primary care and have a frozen shoulder",
    ],
)
def test_school_words_about_an_adult_are_no_child(text: str) -> None:
    applied = _applied(text)
    assert "age_band:child" not in applied, applied
    assert "age_band:adolescent" not in applied, applied


@pytest.mark.parametrize(
    ("text", "mine", "theirs"),
    [
        # patients told by ordinals, one marked as the one asked about (h12100)
        (
            "Two pts today. Asking about the 2nd only: 58M, chronic LBP 2 years, no red flags,"
            " meds amlodipine + atorvastatin. (1st pt had a pacemaker - already sorted.) Any"
            " precautions?",
            {"age:58"},
            {"device:pacemaker"},
        ),
        (
            "First patient: 30F, 20 weeks pregnant, already screened. Second patient (this"
            " query): 52M, LBP, on clopidogrel.",
            {"age:52", "medicine:clopidogrel"},
            {"pregnant", "weeks:20"},
        ),
        (
            "1st client is on warfarin. 2nd client: 40M, neck pain. Question is about the 2nd"
            " client.",
            {"age:40"},
            {"medicine:warfarin"},
        ),
        (
            "Asking about the first patient only: 66M, knee OA. The second patient has a"
            " pacemaker but that's sorted.",
            {"age:66"},
            {"device:pacemaker"},
        ),
        (
            "3 cases this morning. 1st case 70F on apixaban, 2nd case 25M post-op, 3rd case"
            " (this query): 45F, neck pain, nil meds.",
            {"age:45"},
            {"medicine:apixaban"},
        ),
    ],
)
def test_only_the_ordinal_patient_asked_about(text, mine, theirs):
    applied = _applied(text)
    assert mine <= applied, applied
    assert not theirs & applied, applied


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # no ordinal patient marked, or the marked one is the one with the fact: facts stay
        (
            "1st pt has a pacemaker, 2nd pt is on warfarin. Any precautions?",
            {"device:pacemaker", "medicine:warfarin"},
        ),
        (
            "Asking about the 1st pt: 70M with a pacemaker. 2nd pt is 40F, fine.",
            {"device:pacemaker"},
        ),
        (
            "My first patient today has a pacemaker - can I use electroacupuncture?",
            {"device:pacemaker"},
        ),
        (
            "I'm 20 weeks pregnant with my second baby, back pain. First pregnancy was fine.",
            {"pregnant"},
        ),
        (
            "First patient: 58M on warfarin. Second patient: 62F, knee OA. Needle?",
            {"medicine:warfarin"},
        ),
    ],
)
def test_ordinal_patients_without_a_mark_keep_every_fact(text, kept):
    applied = _applied(text)
    assert kept <= applied, applied


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # a question about what a study found names its population, no patient (h12170,
        # h12186, h12193)
        (
            "dry mouth after radiotherapy for head and neck cancer - does acupuncture during the"
            " radiation help a year later? what was the effect size",
            {"radiation:head", "cancer:any"},
        ),
        (
            "Sloan Kettering did a study on acupuncture for arm swelling after breast cancer -"
            " how many women and how much did the arm shrink?",
            {"cancer:any", "lymphedema:both_arm"},
        ),
        (
            "are the so called forbidden points in pregnancy actually dangerous? has anyone"
            " checked the trials",
            {"pregnant"},
        ),
        (
            "There was a trial of acupuncture for hot flushes in women on tamoxifen - what were"
            " the results?",
            {"medicine:tamoxifen"},
        ),
        (
            "Has anyone studied acupuncture for nausea during chemotherapy? What was the effect"
            " size?",
            {"cancer:on_treatment"},
        ),
    ],
)
def test_a_question_about_a_studys_findings_describes_no_patient(text, facts):
    applied = _asked(text)
    assert not facts & applied, applied


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # a person described, or a fact in a note of its own, keeps the box
        (
            "I had radiotherapy for head and neck cancer and my mouth is dry - has anyone"
            " checked the trials?",
            {"radiation:head", "cancer:any"},
        ),
        ("On warfarin. What was the effect size in the knee trial?", {"medicine:warfarin"}),
        (
            "20 weeks pregnant, back pain. Has anyone checked the trials on forbidden points?",
            {"pregnant"},
        ),
        (
            "My wife is pregnant - are the forbidden points dangerous? has anyone checked the"
            " trials",
            {"pregnant"},
        ),
        (
            "Pt on apixaban with knee OA. Was there a trial on bleeding? What were the results?",
            {"medicine:apixaban"},
        ),
    ],
)
def test_a_study_question_about_a_person_keeps_the_box(text, facts):
    applied = _asked(text)
    assert facts <= applied, applied


def _screened(text: str) -> bool:
    return ask(text).screen is not None


@pytest.mark.parametrize(
    "text",
    [
        # the asker asking for their own course of treatment is a person (h12134)
        "Everyone knows acupuncture cures fibromyalgia for good once you do enough sessions -"
        " how many do I need until I'm cured?",
        "How many acupuncture sessions do I need for my migraines to go away?",
        "acupuncture for plantar fasciitis - how many sessions will I need?",
        "how often should I have acupuncture for tennis elbow?",
        "Will I be cured of sciatica after 10 sessions of acupuncture?",
        "how long until I'm better with acupuncture for frozen shoulder?",
    ],
)
def test_the_asker_asking_for_their_own_course_is_screened(text: str) -> None:
    assert _screened(text)


@pytest.mark.parametrize(
    "text",
    [
        "How many sessions do trials of acupuncture for fibromyalgia use?",
        "how many acupuncture sessions are usually needed for migraine?",
        "how often do people have acupuncture for tennis elbow in the trials?",
        "Teaching question: how many sessions would I need to mention for fibromyalgia?",
        "what course length did the plantar fasciitis trials use?",
    ],
)
def test_a_general_question_about_courses_has_no_box(text: str) -> None:
    assert not _screened(text)
