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


@pytest.mark.parametrize(
    "question",
    [
        "Low back pain for 3 months. Breast cancer 2020. Acupuncture?",
        "Neck pain. Prostate ca (2018). Acupuncture ok?",
        "Bowel cancer, dx 2019, all clear. Low back ache for 2 months.",
        "LBP since the summer; breast cancer in March 2021. Is acupuncture suitable?",
        "Thoracic back pain 6 weeks. Lung cancer 2017, lobectomy. Needling?",
    ],
)
def test_a_cancer_dated_by_its_year_is_a_history_beside_spinal_pain(question):
    answer = ask(question)
    assert answer.screen is not None
    assert answer.screen["decision"] == "refer"
    assert {"history_of_cancer", "thoracic_pain_with_cancer"} & set(answer.screen["red_flags"])


@pytest.mark.parametrize(
    "question",
    [
        "Breast cancer 2019 guideline: is acupuncture recommended for AI arthralgia?",
        "In women with breast cancer (2020 trial), did acupuncture reduce joint pain?",
        "What did the breast cancer 2018 review conclude about acupuncture for hot flushes?",
    ],
)
def test_a_dated_cancer_in_a_research_question_describes_no_patient(question):
    answer = ask(question)
    assert answer.screen is None


def test_a_dated_cancer_without_spinal_pain_proceeds_with_a_box():
    answer = ask("Knee OA. Breast cancer 2021, finished treatment. Acupuncture?")
    assert answer.screen["decision"] == "proceed"
    assert "cancer:history" in answer.patient_context["applied"]


def test_a_heart_that_stopped_does_not_deny_the_device_that_followed():
    answer = ask(
        "Since the heart stopped on me in 2022 there's a little shock device wired in under my "
        "left collarbone. New acupuncturist likes electric clips on the needles - safe for me?"
    )
    assert answer.screen["decision"] == "proceed_with_modifications"
    assert "electro" in answer.screen["excluded_techniques"]


@pytest.mark.parametrize(
    "text",
    [
        "Low back pain assessed by oncology as mechanical.",
        "Back pain seen by the GP as purely mechanical.",
        "Neck pain reviewed by her oncologist as degenerative.",
    ],
)
def test_a_finding_named_outright_is_an_assessment(text):
    assert assessments(text)


def test_a_finding_named_outright_with_work_up_pending_is_none():
    assert not assessments("Low back pain seen by the GP as mechanical but awaiting an MRI.")


@pytest.mark.parametrize(
    "question",
    [
        "Kidney transplant on ciclosporin; low back pain x 3 wks; temp 37.9-38.3 for two days.",
        "Back pain since Friday, temp 37.6 to 38.4 overnight. Acupuncture?",
        "back pain and temperature 99 to 101 F since Sunday, acupuncture?",
        "Low back pain; temps 37.8–38.1 yesterday evening. OK to needle?",
    ],
)
def test_a_temperature_range_is_read_by_its_highest_reading(question):
    answer = ask(question)
    assert "fever" in answer.screen["red_flags"]


@pytest.mark.parametrize(
    "question",
    [
        "Low back pain, temp 37.2-37.6 last night. Acupuncture?",
        "Back pain, temp 37.1, 38 weeks pregnant. Acupuncture?",
    ],
)
def test_a_range_below_fever_or_a_number_that_is_no_reading_is_no_fever(question):
    answer = ask(question)
    assert "fever" not in answer.screen["red_flags"]
