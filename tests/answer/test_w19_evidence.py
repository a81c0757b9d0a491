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
