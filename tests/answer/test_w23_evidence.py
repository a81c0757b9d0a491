"""Wave 23 (issue 10), evidence: a general question whether research exists names no patient; a
study named by its first author and design with an edition word; the size of a change that
matters asked on a rating scale; a harm stated as a rate or of many (our own wordings; none is
a benchmark question).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer import asked_words as aw
from acupath.answer.opening_words import TITLES


def _decision(question: str) -> str | None:
    return (ask(question).screen or {}).get("decision")


def _named(question: str) -> list[str]:
    return list(ask(question).understanding["statement"]["sources_named"])


def _corrected(question: str, audience: str = "clinician") -> bool:
    titles = [s.title for s in ask(question, audience=audience).all_sections]
    title = TITLES[audience]["premise"]
    return title in titles and titles.index(title) <= 1


# a general question whether research exists: its facts are the research's population ---------


@pytest.mark.parametrize(
    "question",
    [
        "Are there any solid trials of acupuncture for lymphoedema after breast cancer?",
        "Is there a decent study on acupuncture for nausea during chemo?",
        "Are there good trials of acupuncture for back pain in pregnancy?",
        "Any reliable studies on acupuncture for hot flushes in women on tamoxifen?",
        "is there any good research on needles for arm swelling after breast cancer? I mean "
        "pooled trials",
        "Were there any randomised trials of acupuncture for pain in people with pacemakers?",
    ],
)
def test_general_research_question_has_no_patient(question: str) -> None:
    assert _decision(question) is None


@pytest.mark.parametrize(
    "question",
    [
        # the asker or another person is described
        "Is there any good trial of acupuncture for my arm swelling after breast cancer?",
        "I wonder, are there decent studies on acupuncture in pregnancy? I'm 20 weeks",
        "My sister has a pacemaker; are there any good studies on acupuncture for people like her?",
        # a fact in a sentence of its own is a note about a patient
        "Lymphoedema in the left arm. Is there any good trial of acupuncture for it?",
        "Are there trials of acupuncture for back pain? 28 weeks pregnant.",
        # a clinical note before the ask: the facts are the patient's
        "Knee OA, on warfarin - is there trial evidence for acupuncture?",
        "Pacemaker in situ, chronic neck pain: is there any good evidence for acupuncture?",
        "On chemo, nausea - is there any good study of acupuncture?",
        # a safety question keeps the cautious reading
        "Are there studies showing acupuncture is safe on warfarin?",
    ],
)
def test_research_question_about_a_person_keeps_the_screen(question: str) -> None:
    assert _decision(question) is not None


def test_research_grading_words_are_understood() -> None:
    for word in ("decent", "solid", "reliable", "robust", "rigorous"):
        answer = ask(f"Are there any {word} trials of acupuncture for knee osteoarthritis?")
        assert word not in answer.not_understood, word


# a study named by first author and design, with an edition word ------------------------------


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("The Vickers individual patient data meta-analysis update: how many?", "vickers2018"),
        ("the Vickers IPD update - how many patients in total?", "vickers2018"),
        ("the updated Vickers meta-analysis: how many patients?", "vickers2018"),
        ("the latest Vickers review, how many trials did it pool?", "vickers2018"),
        ("the original Vickers IPD meta-analysis - how many patients?", "vickers2012"),
        ("Vickers's first IPD analysis - how many patients?", "vickers2012"),
        ("What did the Vickers IPD meta-analysis of 2012 find overall?", "vickers2012"),
        ("the Vickers meta-analysis published in 2018: how many patients?", "vickers2018"),
    ],
)
def test_surname_design_and_edition_name_one_source(question: str, source: str) -> None:
    assert _named(question) == [source]


def test_surname_and_design_without_edition_name_that_design() -> None:
    assert sorted(_named("What did the Vickers meta-analysis find for headache?")) == [
        "vickers2012",
        "vickers2018",
    ]


def test_surname_alone_names_nothing_when_too_many() -> None:
    assert _named("Vickers et al: how many patients?") == []


def test_vickers_update_answer_gives_its_size() -> None:
    answer = ask("The Vickers individual patient data meta-analysis update - how many patients?")
    assert "20,827" in answer.markdown
    assert "update" not in answer.not_understood


# the size of a change that matters, on a rating scale, with no condition -----------------------


@pytest.mark.parametrize(
    "question",
    [
        "what counts as a meaningful drop on the 0 to 10 pain scale? I read two points somewhere",
        "How much of a reduction on a pain score is big enough to matter?",
        "what is a worthwhile improvement on the 0-10 scale?",
        "What is an important change in a pain rating, in points?",
        "Which decrease on the NRS is clinically relevant?",
    ],
)
def test_threshold_asked_on_a_scale(question: str) -> None:
    assert "clinically_important_change" in aw.threshold_outcomes(question)
    answer = ask(question)
    assert "farrar2001" in [r.id for r in answer.references]


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture make a real difference or is it all placebo?",
        "Is there a meaningful difference between real and sham acupuncture points?",
        "My pain score dropped. Is that a change?",
        "Is a meaningful drop in pain likely with acupuncture?",
    ],
)
def test_no_threshold_without_grade_change_and_scale(question: str) -> None:
    assert aw.threshold_outcomes(question) == ()


# a harm stated as a rate or of many ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My cousin says acupuncture kills about one in a thousand people because of the needles "
        "going into lungs, so it's too dangerous isn't it?",
        "Many people die from acupuncture, so I'm scared to try it for my back",
        "Collapsed lungs are common with acupuncture, my friend told me.",
        "I heard the needles often go into the lungs. Should I avoid it for neck pain?",
        "Acupuncture kills 1 in 100 patients, right?",
        "About one percent of people die after acupuncture, is that true?",
    ],
)
def test_overstated_harm_is_corrected(question: str) -> None:
    assert _corrected(question)
    assert _corrected(question, "patient")


def test_harm_correction_gives_the_pooled_serious_rate() -> None:
    answer = ask("Acupuncture kills about one in a thousand people, so it's too dangerous.")
    assert "1.01 per 10,000" in answer.markdown


@pytest.mark.parametrize(
    "question",
    [
        # a harm and a frequency in different clauses
        "My dad died last year and many people recommended acupuncture for my back pain",
        # asked, not stated
        "Do many people die from acupuncture?",
        "How often do needles go into the lungs?",
        "Is it true that one in a thousand people die from acupuncture?",
        # denied
        "Deaths from acupuncture are not common, are they?",
    ],
)
def test_harm_not_stated_is_not_corrected(question: str) -> None:
    assert not _corrected(question)
