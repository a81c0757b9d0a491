"""A complaint already assessed by a clinician reaches the screen as ``evaluated`` (wave 6).

Reading an assessment makes the screen less cautious (a cancer history with back pain becomes a
caution instead of a referral), so the negative wordings matter as much as the positive ones:
pending, planned, dated, abnormal and conditional statements are no assessment.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.assessed import assessments

ASSESSED = [
    "New lower back pain, investigated - MRI clear, oncology happy.",
    "her GP has examined her back and found nothing sinister",
    "Scan of the spine came back normal last week",
    "he's had a full work-up for the back pain: no mets",
    "bone scan negative, so can we needle?",
    "her oncologist has cleared her for acupuncture",
    "the spinal MRI showed no recurrence",
    "red flags excluded by the spinal team",
    "seen by orthopaedics who found nothing serious",
    "MRI L-spine: degenerative changes only",
    "The consultant was happy it's mechanical.",
    "CT of the lumbar spine was unremarkable",
    "reviewed by her oncologist, who said no recurrence",
    "X-ray of the neck = wear and tear only",
]

NOT_ASSESSED = [
    "MRI booked for next week",
    "waiting for the scan results, hopefully clear",
    "hasn't been checked by a doctor yet, GP will examine him",
    "the MRI showed a new lesion in L3",
    "GP not happy, referring to oncology",
    "had an MRI on Tuesday",
    "her scan last year was clear but the pain is new and worse at night",
    "MRI clear 2 years ago, now new back pain",
    "she was given the all clear from breast cancer in 2020",
    "the doctor is worried",
    "if the scan is clear can she start?",
    "GP is happy to refer her to the spinal team",
    "the oncologist isn't happy with the scan",
    "scan pending, bloods normal in 2019",
    "my scan came back clear but my GP still wants bloods",
    "MRI normal; referred for a bone scan next week",
    "X-ray was fine, further tests planned by the spinal team",
]


@pytest.mark.parametrize("text", ASSESSED)
def test_assessment_is_read(text: str) -> None:
    assert assessments(text), text


@pytest.mark.parametrize("text", NOT_ASSESSED)
def test_no_assessment_is_read(text: str) -> None:
    assert not assessments(text), [a.words for a in assessments(text)]


def _screen(question: str) -> tuple[str | None, str | None]:
    screen = ask(question).screen or {}
    return screen.get("decision"), screen.get("urgency")


def test_assessed_back_pain_after_cancer_is_a_caution_not_a_referral() -> None:
    question = (
        "DXT to pelvis finished 3 months ago (cervix ca, in remission). New lower back pain, "
        "investigated - MRI clear, oncology happy. Acupuncture?"
    )
    assert _screen(question)[0] == "proceed_with_modifications"
    answer = ask(question)
    assert "assessed:evaluated" in answer.patient_context["applied"]
    assert answer.screen is not None
    assert answer.screen["intake"]["conditions"][0]["evaluated"] is True


def test_unassessed_back_pain_after_cancer_still_refers() -> None:
    question = "I had breast cancer in 2019 and now have low back pain. MRI booked. Acupuncture?"
    assert _screen(question) == ("refer", "soon")


def test_an_assessment_never_overrides_a_stated_red_flag() -> None:
    question = (
        "I had breast cancer in 2019, now low back pain for 3 weeks, MRI clear but the pain "
        "wakes me at night. Acupuncture?"
    )
    assert _screen(question)[0] == "refer"
