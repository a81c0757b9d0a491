"""Patient language: plain words, reading grade <= 8, same facts and citations, clinician advice."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.audience import plain, prose, readability, reading_grade, smd_word, syllables
from acupath.errors import InputError
from acupath.evidence.loader import EvidenceBase

QUESTIONS = [
    "Will needles help my bad back?",
    "Does acupuncture help chronic low back pain?",
    "Is acupuncture safe?",
    "Does acupuncture help cancer pain alongside opioids?",
    "How does acupuncture work?",
    "What is the role of acupuncture in chronic pain and how is it combined with usual care?",
    "How many sessions and which points for back pain?",
    "Does Medicare cover acupuncture for back pain?",
    "Does acupuncture help dry mouth?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_patient_answer_reads_at_grade_8_or_lower(base: EvidenceBase, question: str) -> None:
    answer = ask(question, base=base, audience="patient")
    assert answer.reading_grade is not None
    assert answer.reading_grade <= 8, (answer.reading_grade, prose(answer.markdown))


@pytest.mark.parametrize("question", QUESTIONS)
def test_same_facts_and_citations_as_clinician(base: EvidenceBase, question: str) -> None:
    clinician = ask(question, base=base)
    patient = ask(question, base=base, audience="patient")
    assert patient.findings_used == clinician.findings_used
    assert [r.id for r in patient.references] == [r.id for r in clinician.references]
    assert patient.insufficient_evidence == clinician.insufficient_evidence


def test_patient_answer_advises_talking_to_a_clinician(base: EvidenceBase) -> None:
    answer = ask(QUESTIONS[1], base=base, audience="patient")
    assert answer.sections[-1].title == "Talk to your clinician"
    assert "Talk to your doctor or nurse" in answer.sections[-1].text


def test_patient_answer_avoids_jargon(base: EvidenceBase) -> None:
    text = prose(ask(QUESTIONS[1], base=base, audience="patient").markdown).lower()
    for jargon in ("smd", "confidence interval", "95% ci", "standardised mean", "sham"):
        assert jargon not in text
    assert "fake acupuncture" in text


def test_unknown_audience_is_an_input_error(base: EvidenceBase) -> None:
    with pytest.raises(InputError, match="audience must be one of: clinician, patient"):
        ask(QUESTIONS[0], base=base, audience="child")


def test_plain_words_and_effect_size_words() -> None:
    assert plain("Chronic pain vs sham acupuncture") == "long-lasting pain vs fake acupuncture"
    assert smd_word(0.1) == "very small"
    assert smd_word(-0.31) == "small"
    assert smd_word(0.6) == "medium"
    assert smd_word(1.4) == "large"


def test_reading_grade_tracks_difficulty() -> None:
    easy = "- The cat sat on the mat. It was a good day. We went home.\n"
    hard = (
        "- Electroacupuncture demonstrated statistically significant heterogeneity-adjusted "
        "improvements in multidimensional neuropathic symptomatology.\n"
    )
    assert reading_grade(easy) < 3 < 12 < reading_grade(hard)
    assert set(readability(easy)) == {"flesch_kincaid", "ari", "coleman_liau"}
    assert syllables("acupuncture") == 4
