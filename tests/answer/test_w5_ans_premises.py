"""Premises in comparative and absolute forms (issue 10, wave 5), wordings of our own written
before the rules: the opening corrects them from the records (what the evidence does and does
not show), and questions that hold no such premise get no correction."""

from __future__ import annotations

import pytest

from acupath.answer import ask

PREMISE_TITLE = "First, a correction"


def _correction(question: str, audience: str = "clinician") -> str:
    answer = ask(question, audience=audience)
    for s in answer.opening:
        if s.title == PREMISE_TITLE:
            return s.text
    return ""


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Acupuncture is better than surgery for a slipped disc, isn't it?", "surgery"),
        ("Acupuncture works as well as a knee replacement, right?", "knee replacement"),
        ("my friend says needles are as good as a steroid injection for my knee", "steroid"),
        ("Is acupuncture more effective than an operation for my back?", "operation"),
        ("acupuncture beats physio for neck pain doesn't it", "physio"),
        ("Acupuncture is superior to surgery for sciatica?", "surgery"),
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_comparative_premise_is_corrected(question: str, said: str, audience: str) -> None:
    text = _correction(question, audience)
    assert said in text.lower(), text


@pytest.mark.parametrize(
    "question",
    [
        "Acupuncture always works for back pain, doesn't it?",
        "Is acupuncture guaranteed to fix my migraines?",
        "acupuncture works for everyone with knee arthritis right",
        "It's 100% effective for neck pain, isn't it?",
        "will acupuncture definitely work for my headaches",
        "acupuncture never fails for fibromyalgia?",
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_absolute_premise_is_corrected(question: str, audience: str) -> None:
    text = _correction(question, audience).lower()
    assert "everyone" in text or "every" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Can acupuncture replace my painkillers for my back?",
        "I want to use acupuncture instead of my pain medication for knee arthritis",
        "could needles let me come off my tablets for my neck pain",
        "Can I stop taking my pills if I have acupuncture for migraine?",
        "acupuncture can replace opioids for chronic pain, right?",
        "Will acupuncture mean I can ditch my meds for fibromyalgia?",
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_replace_medicines_premise_is_corrected(question: str, audience: str) -> None:
    text = _correction(question, audience).lower()
    assert "prescrib" in text or "doctor" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Proven far better than sham for knee OA, isn't it?",
        "acupuncture has no risk at all, right?",
        "acupuncture cures fibromyalgia, right?",
    ],
)
def test_existing_premises_still_corrected(question: str) -> None:
    assert _correction(question)


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture help chronic low back pain?",
        "Is acupuncture better than sham for migraine?",
        "How well does acupuncture work compared with usual care for neck pain?",
        "I always get migraines on Mondays - will acupuncture help?",
        "Can I take my painkillers alongside acupuncture for my back?",
        "Acupuncture or massage for chronic low back pain?",
        "knee pain after my knee replacement - acupuncture?",
    ],
)
def test_no_premise_no_correction(question: str) -> None:
    assert _correction(question) == ""
