"""The bottom line answers the intent asked (probe F14), in wordings of our own written before
the rules: safety, points, dose, coverage and guideline questions in clinician and patient
voice. The check reads the answer's structure, not its words: the records the bottom line
states (``understanding["bottom_line"]``) must be of the asked kind and cited by the bottom
line, and the bottom line never shows a masked figure ("…") or a circulating claim."""

from __future__ import annotations

from typing import Any

import pytest

from acupath.answer import Answer, ask
from acupath.answer.retrieve import index_for
from acupath.evidence.loader import bundled_base

BOTTOM = {"clinician": "Bottom line", "patient": "The short answer"}


def _bottom(answer: Answer) -> Any:
    titles = {"Bottom line", "The short answer", "In short", "Short answer"}
    return next((s for s in answer.sections if s.title in titles), None)


def _records(answer: Answer) -> list[Any]:
    index = index_for(bundled_base())
    keys = answer.understanding.get("bottom_line", {}).get("records", [])
    return [index.by_key[k] for k in keys if k in index.by_key]


def _answers(answer: Answer, intent: str) -> bool:
    """The independent structural check (as in benchmarks/ask/run.py)."""
    section = _bottom(answer)
    if section is None or "…" in section.text or "irculating claim" in section.text:
        return False
    docs = [d for d in _records(answer) if set(d.sources) & set(section.citations)]
    if intent == "safety":
        meta = answer.understanding.get("bottom_line", {})
        if answer.screen is not None and meta.get("screen") == answer.screen["decision"]:
            return True
        return any(d.kind == "finding" and "safety" in d.tags for d in docs)
    if intent == "points":
        return any(d.kind == "protocol" and d.record.get("points") for d in docs)
    if intent == "dose":
        return any(
            d.kind == "protocol" and (d.record.get("schedule") or d.record.get("sessions"))
            for d in docs
        )
    if intent == "coverage":
        return any(d.kind == "recommendation" and "coverage" in d.tags for d in docs)
    if intent == "guideline":
        return any(d.kind == "recommendation" and "guideline" in d.tags for d in docs)
    raise AssertionError(intent)


SAFETY = [
    "can acupuncture cause a collapsed lung?",
    "How many people have died from acupuncture needles?",
    "Has anyone ever died after having acupuncture?",
    "Is acupuncture safe?",
    "what are the serious risks of acupuncture",
    "Could the needles puncture my lung?",
    "How often do serious adverse events happen with acupuncture?",
    "is it dangerous to have needles in your back",
    "Can acupuncture make you bleed a lot?",
]
POINTS = [
    "Which points are used for knee osteoarthritis?",
    "where do the needles go for migraine",
    "What acupoints did the trials use for chronic neck pain?",
    "Which points would you needle for low back pain?",
    "point prescription for chemo-induced neuropathy",
    "what points help my knees",
]
DOSE = [
    "How many sessions of acupuncture do I need for my back?",
    "how often should I go for acupuncture for migraines",
    "What dose of acupuncture was used for knee OA?",
    "How many treatments for chronic neck pain?",
    "how long is a course of acupuncture for tension headaches",
    "What schedule did the trials use for aromatase inhibitor arthralgia?",
]
COVERAGE = [
    "Does Medicare cover acupuncture for neck pain?",
    "Will medicare pay for acupuncture for my knees?",
    "Is acupuncture covered by Medicare for chronic low back pain?",
    "does insurance cover acupuncture for migraine",
    "Medicare coverage of acupuncture for fibromyalgia?",
    "Can I get acupuncture for my back paid by CMS?",
]
GUIDELINE = [
    "What do guidelines say about acupuncture for migraine?",
    "Does NICE recommend acupuncture for low back pain?",
    "guideline recommendations on acupuncture for knee osteoarthritis",
    "Is acupuncture recommended for hip osteoarthritis?",
    "What does official advice say about acupuncture for tension-type headache?",
    "Do the guidelines recommend acupuncture for my back?",
]


@pytest.mark.parametrize("audience", ["clinician", "patient"])
@pytest.mark.parametrize(
    ("question", "intent"),
    [
        *((q, "safety") for q in SAFETY),
        *((q, "points") for q in POINTS),
        *((q, "dose") for q in DOSE),
        *((q, "coverage") for q in COVERAGE),
        *((q, "guideline") for q in GUIDELINE),
    ],
)
def test_bottom_line_answers_the_intent(question: str, intent: str, audience: str) -> None:
    answer = ask(question, audience=audience)
    assert answer.verified
    assert _answers(answer, intent), _bottom(answer)


@pytest.mark.parametrize(
    "question",
    [
        "I'm 20 weeks pregnant with sciatica, is acupuncture safe?",
        "My patient takes apixaban and wants acupuncture for knee OA. Is it safe?",
        "Is acupuncture safe for my mum, she is on warfarin for her heart, for her neck?",
        "Platelets 30 after chemo - is needling safe for her nausea?",
        "is it safe for my 8 year old with headaches",
        "He has a pacemaker; is electroacupuncture safe for his back?",
    ],
)
def test_safety_with_a_patient_states_the_screen_decision(question: str) -> None:
    for audience in ("clinician", "patient"):
        answer = ask(question, audience=audience)
        assert answer.screen is not None, question
        assert answer.understanding["bottom_line"]["screen"] == answer.screen["decision"]
        assert _answers(answer, "safety")


@pytest.mark.parametrize(
    "question",
    [
        "Medicare and acupuncture for neck pain?",
        "Does Medicare cover acupuncture for my knee arthritis?",
        "will medicare pay for my migraine acupuncture",
        "Is acupuncture for fibromyalgia covered by Medicare?",
        "CMS coverage for acupuncture in chronic neck pain",
        "medicare cover acupuncture for my hip",
    ],
)
def test_coverage_says_what_is_not_covered(question: str) -> None:
    answer = ask(question)
    text = _bottom(answer).text
    assert "not covered" in text or "does not cover" in text, text
    assert "chronic low back pain" in text.lower()


@pytest.mark.parametrize(
    "question",
    [
        "Does Medicare cover acupuncture for chronic low back pain?",
        "is my chronic back pain acupuncture covered by medicare",
        "Medicare coverage for acupuncture, chronic lumbar pain",
    ],
)
def test_coverage_of_a_covered_condition_is_not_denied(question: str) -> None:
    text = _bottom(ask(question)).text
    assert "not covered" not in text and "does not cover" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Is acupuncture any good?",
        "does acupuncture work",
        "Tell me about acupuncture",
        "is it worth trying acupuncture?",
        "Should I try acupuncture",
        "What is acupuncture good for?",
    ],
)
def test_no_condition_never_ranks_across_the_base(question: str) -> None:
    for audience in ("clinician", "patient"):
        answer = ask(question, audience=audience)
        meta = answer.understanding.get("bottom_line", {})
        assert meta.get("kind") == "which_condition", (question, _bottom(answer))
        # no efficacy finding of one condition is the bottom line of a question naming none
        for d in _records(answer):
            assert not (d.kind == "finding" and d.conditions), (question, d.key)


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture help chronic low back pain?",
        "acupuncture for knee osteoarthritis, does it work?",
        "Is acupuncture effective for migraine prevention?",
    ],
)
def test_efficacy_questions_keep_the_synthesis(question: str) -> None:
    answer = ask(question)
    assert answer.verdicts, question
    assert answer.understanding["bottom_line"]["kind"] == "synthesis"


@pytest.mark.parametrize(
    "question",
    [
        "how many sessions do I need for my back, I'm 12 weeks pregnant",
        "Which points for low back pain in a patient who is 10 weeks pregnant?",
        "20 weeks pregnant with sciatica: what points, how often?",
        "How many sessions of acupuncture for my knees? I'm on apixaban",
        "which points for her migraine, she is 8 weeks pregnant",
        "what points for neck pain in pregnancy",
    ],
)
def test_no_bottom_line_is_masked_or_a_circulating_claim(question: str) -> None:
    for audience in ("clinician", "patient"):
        section = _bottom(ask(question, audience=audience))
        if section is not None:
            assert "…" not in section.text and "irculating claim" not in section.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("point prescription for aromatase inhibitor joint pain", "points used"),
        ("Is acupuncture recommended for chronic neck pain?", "guideline position"),
        ("which points did the trials needle for hip osteoarthritis?", "points used"),
    ],
)
def test_an_intent_the_base_holds_nothing_for_is_said_absent(question: str, said: str) -> None:
    text = _bottom(ask(question)).text
    assert "holds no" in text and said in text, text
