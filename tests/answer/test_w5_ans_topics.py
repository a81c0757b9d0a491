"""Probe F16 leftovers (wave 5), wordings of our own written before the rules: an unknown topic
is named by the question's own phrase (not stems or fragments), and words that carry no topic
("special", "pain killers", a guideline's code) are not reported as not understood."""

from __future__ import annotations

import pytest

from acupath.answer import ask, parse


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("does acupuncture help complex regional pain syndrome in my left hand",
         "complex regional pain syndrome"),
        ("does acupuncture help restless legs syndrome", "restless legs syndrome"),
        ("Can acupuncture treat burning mouth syndrome?", "burning mouth syndrome"),
        ("is acupuncture any good for Raynaud's disease", "Raynaud's disease"),
        ("acupuncture for trigeminal neuralgia pain?", "trigeminal neuralgia"),
        ("does acupuncture work for Achilles tendinopathy", "Achilles tendinopathy"),
    ],
)  # fmt: skip
def test_unknown_topic_is_the_users_phrase(question: str, phrase: str) -> None:
    for audience in ("clinician", "patient"):
        answer = ask(question, audience=audience)
        got = [w.lower() for w in answer.not_understood]
        assert any(phrase.lower() in w and len(w) < len(phrase) + 8 for w in got), got
        assert phrase.lower() in answer.markdown.lower()


@pytest.mark.parametrize(
    "question",
    [
        "Any special precautions for acupuncture in a patient on warfarin with knee OA?",
        "can acupuncture reduce pain killers for my back",
        "Does NG59 agree with acupuncture for back pain?",
        "what does NICE CG150 say on acupuncture for migraine",
        "any particular precautions with needling for neck pain?",
        "are there specific risks of acupuncture for knee osteoarthritis",
    ],
)
def test_words_without_a_topic_are_not_reported(question: str) -> None:
    assert parse(question).not_understood == ()


@pytest.mark.parametrize(
    "question",
    [
        "does acupuncture help gout",
        "acupuncture for my knee OA and also my tinnitus?",
        "does acupuncture help xyzzy syndrome",
    ],
)
def test_real_gaps_are_still_reported(question: str) -> None:
    assert parse(question).not_understood
