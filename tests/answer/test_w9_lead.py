"""Wave 9, lead: a clinician's review with its finding after a colon, and "risk ratio" as an
effect measure rather than a safety question."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.assessed import assessments


@pytest.mark.parametrize(
    "text",
    [
        "Oncologist has reviewed and imaged the back pain in this 62-year-old with prior colon "
        "cancer (2019): degenerative only, no mets.",
        "The spinal surgeon reviewed her lower back - nothing sinister.",
        "Rheumatologist has investigated the back pain: mechanical only, no red flags.",
        "Consultant examined and scanned his spine - no metastases.",
        "Her GP has assessed the neck pain: unremarkable.",
    ],
)
def test_a_review_with_a_reassuring_finding_is_an_assessment(text):
    assert assessments(text)


@pytest.mark.parametrize(
    "text",
    [
        "GP has examined the back: will arrange MRI",
        "Oncology assessed the back pain: bony mets at L3.",
        "Her oncologist examined her back last year: nothing sinister",
        "GP has reviewed the neck: awaiting x-ray, probably normal",
        "The oncologist reviewed the back pain: needs a bone scan.",
    ],
)
def test_a_review_without_a_reassuring_current_finding_is_none(text):
    assert not assessments(text)


def test_the_reviewed_cancer_history_back_pain_proceeds():
    answer = ask(
        "Oncologist has reviewed and imaged the back pain in this 62-year-old with prior colon "
        "cancer (2019): degenerative only, no mets. Acupuncture for chronic LBP now appropriate?"
    )
    assert answer.screen["decision"] == "proceed"


@pytest.mark.parametrize(
    "question",
    [
        "Does perioperative acupuncture reduce postoperative urinary retention? Risk ratio please.",
        "Post-op urinary retention: what risk ratio did the acupuncture trials report?",
    ],
)
def test_a_risk_ratio_asks_for_an_effect_not_about_a_patient(question):
    answer = ask(question)
    assert answer.screen is None or answer.screen["decision"] != "refer"


@pytest.mark.parametrize(
    "question",
    [
        "I can't pass urine since this morning and my back hurts, is acupuncture a risk?",
        "Since yesterday I can't pee and my back is agony. Any risk with acupuncture?",
    ],
)
def test_retention_described_with_a_safety_word_still_refers_as_an_emergency(question):
    answer = ask(question)
    assert answer.screen["decision"] == "refer"
    assert answer.screen["urgency"] == "emergency"
