"""Wave 23b (issue 10), evidence: premises stated by clinic staff ("NICE supports it", "an INR
before every session" on a DOAC, "needling the swollen arm drains it", "an absolute
contraindication", "no acupuncture for anyone mid-chemo") and complaints no record covers
(phantom limb pain, an amputation's level). Our own wordings; none is a benchmark question.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask, parse
from acupath.answer.asked_words import stated_premises
from acupath.answer.opening_words import TITLES

CORRECTION = TITLES["clinician"]["premise"]


def _correction(question: str, audience: str = "clinician") -> str:
    answer = ask(question, audience=audience)
    for s in answer.all_sections:
        if s.title in (TITLES["clinician"]["premise"], TITLES["patient"]["premise"]):
            return s.text
    return ""


# a guideline said to support acupuncture ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "NICE NG59 supports acupuncture for sciatica and chronic back pain, correct?",
        "NICE supports acupuncture for low back pain, doesn't it?",
        "Our manager says the NICE guideline supports needling for sciatica.",
        "The guidelines support acupuncture for back pain, right?",
        "The NICE guideline for low back pain and sciatica recommends acupuncture.",
        "Acupuncture is recommended by NICE for sciatica.",
    ],
)
def test_guideline_support_is_a_claim(text: str) -> None:
    assert "guideline_claim" in stated_premises(text)


@pytest.mark.parametrize(
    "text",
    [
        "Does NICE support acupuncture for back pain?",
        "Which guideline supports acupuncture for back pain?",
        "Which guideline recommends acupuncture for back pain?",
        "NICE no longer supports acupuncture for back pain - what changed?",
        "NICE does not support acupuncture for sciatica, does it?",
        "My wife supports me having acupuncture for back pain, and NICE has a guideline - what "
        "does it say?",
    ],
)
def test_guideline_support_not_claimed(text: str) -> None:
    assert "guideline_claim" not in stated_premises(text)


def test_nice_support_corrected_with_its_words() -> None:
    body = _correction(
        "For the board paper: NICE supports acupuncture for chronic low back pain, yes?"
    )
    assert "NICE" in body and "against" in body


# an INR on a direct oral anticoagulant --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pt on apixaban 5mg bd - I've told the acupuncturist to get an INR before every session.",
        "She's on rivaroxaban so we check her INR before each session to be safe.",
        "He takes Eliquis; our practitioner monitors his INR each session to make sure it's in "
        "range.",
        "My dad is on edoxaban and his acupuncturist does an INR before every treatment.",
        "On dabigatran, so the nurse checks the INR before each session.",
    ],
)
def test_inr_on_doac_corrected(text: str) -> None:
    body = _correction(text)
    assert "INR does not measure" in body


@pytest.mark.parametrize(
    "text",
    [
        # warfarin: the INR is its test
        "Pt on warfarin - I've told the acupuncturist to get an INR before every session.",
        # asked, not stated
        "Should we check the INR before each session for a patient on apixaban?",
        # a general question, no patient
        "Does the INR show how anticoagulated someone on apixaban is?",
        # no INR said to be checked
        "Pt on apixaban 5mg bd with knee osteoarthritis - ok to needle?",
    ],
)
def test_inr_not_corrected(text: str) -> None:
    assert "INR does not measure" not in _correction(text)


def test_inr_patient_voice() -> None:
    body = _correction(
        "I'm on apixaban and my acupuncturist checks my INR before every session.", "patient"
    )
    assert "INR" in body and "No." in body


# a lymphoedematous limb said to be drained by needling ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Needling the swollen arm helps drain lymphoedema, so I'll needle her left forearm for "
        "her tennis elbow - she has left arm lymphoedema after breast cancer surgery.",
        "She has lymphoedema of the right arm; acupuncture in that arm will drain the fluid, "
        "so we needle it.",
        "Putting needles in his swollen leg reduces the swelling - he has right leg lymphoedema.",
        "Her left arm lymphoedema will drain if we needle around the elbow, won't it - she has "
        "tennis elbow.",
        "I read that needles move the fluid in lymphedema, so I needle her right arm; she has "
        "right arm lymphedema.",
    ],
)
def test_swelling_drained_corrected(text: str) -> None:
    body = _correction(text)
    assert "affected limb out" in body
    assert "very low" in body


@pytest.mark.parametrize(
    "text",
    [
        # asked
        "Does needling the swollen arm help drain lymphoedema?",
        # a general question, no limb left out
        "Is there evidence that acupuncture reduces lymphoedema after breast cancer?",
        # negated
        "She has left arm lymphoedema; we never needle that arm. Tennis elbow on the right - ok?",
    ],
)
def test_swelling_not_corrected(text: str) -> None:
    assert "affected limb out" not in _correction(text)


# restrictions said to rule acupuncture out ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our policy says a pacemaker is an absolute contraindication to acupuncture.",
        "Ward rule: no acupuncture for anyone mid-chemo, full stop.",
        "No acupuncture for anybody on chemotherapy - that's our rule.",
        "Warfarin is an absolute contraindication for acupuncture, so we decline them.",
        "Our unit says no needling for anyone during chemo.",
    ],
)
def test_restriction_said(text: str) -> None:
    assert "restriction_overstated" in parse(text).premises


@pytest.mark.parametrize(
    "text",
    [
        "Is a pacemaker an absolute contraindication to acupuncture?",
        "Is there a rule of no acupuncture for anyone mid-chemo?",
        "What are the absolute contraindications to acupuncture?",
    ],
)
def test_restriction_asked(text: str) -> None:
    assert "restriction_overstated" not in parse(text).premises


def test_chemo_rule_corrected_from_the_screen() -> None:
    body = _correction(
        "Ward rule: no acupuncture for anyone mid-chemo, full stop. She is on FEC, neut 2.8, "
        "plt 240, with nausea. Do we decline?"
    )
    assert "does not rule out acupuncture" in body


def test_chemo_rule_not_corrected_when_the_screen_defers() -> None:
    body = _correction(
        "Ward rule: no acupuncture for anyone mid-chemo, full stop. She is on FEC, neut 0.4, "
        "plt 30, with nausea. Do we decline?"
    )
    assert "does not rule out acupuncture" not in body


# complaints no record covers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Phantom limb pain after above-knee amputation - is there trial evidence for acupuncture?",
        "Does acupuncture help phantom pain in my missing leg?",
        "Stump pain after my transtibial amputation - would acupuncture help?",
        "Any evidence for acupuncture in residual limb pain?",
        "Is acupuncture any good for post-amputation pain?",
    ],
)
def test_phantom_pain_not_held(text: str) -> None:
    answer = ask(text)
    assert not parse(text).conditions
    assert answer.insufficient_evidence


@pytest.mark.parametrize(
    "text",
    [
        "He had a below-knee amputation in 2019 and now has chronic low back pain - evidence?",
        "Amputee with knee osteoarthritis in the other leg - does acupuncture help the knee?",
    ],
)
def test_amputation_keeps_the_named_complaint(text: str) -> None:
    conditions = parse(text).conditions
    assert conditions and all(
        c in ("chronic_low_back_pain", "knee_osteoarthritis") for c in conditions
    )


def test_restriction_with_cautions_says_so() -> None:
    body = _correction(
        "Ward rule: no acupuncture for anyone mid-chemo, full stop. She's on FEC with nausea, "
        "no bloods yet this cycle. Do we decline?"
    )
    assert "does not rule out acupuncture" in body
    assert "cautions in the safety section" in body
    assert "finds no reason" not in body
