"""Intent words are matched by stem, so a bare word also matches its other senses ("weekly" in
"next week", "course" in "of course", "retention" in "urinary retention", "hurts" in "my back
hurts"); those intents are asked for in phrases (data/answer/vocabulary.yaml, wave 5)."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _intents(question: str) -> list[str]:
    return list(ask(question).as_dict()["understanding"]["intents"])


@pytest.mark.parametrize(
    "question",
    [
        "Of course my back hurts, would acupuncture help?",
        "Urinary retention after surgery last week; does acupuncture help back pain?",
        "My headache frequency has doubled; is acupuncture effective for migraine?",
        "I hurt my knee years ago and now have arthritis: will acupuncture help?",
        "A knee injury in 2015, now OA. Does acupuncture work?",
        "This headache is killing me; can acupuncture help?",
        "The pain dies down by lunchtime. Would acupuncture help my knee?",
    ],
)
def test_ordinary_words_ask_no_dose_or_safety(question: str) -> None:
    assert not {"dose", "safety"} & set(_intents(question))


def test_next_week_asks_no_dose_and_can_she_have_it_asks_the_screen() -> None:
    """ "next week" is no dose; "can she have acupuncture?" of a described patient asks whether
    she may be needled, answered by the screen's decision (wave 6, class 4)."""
    intents = set(_intents(
        "My mum starts apixaban next week. Can she have acupuncture for her knee arthritis?"
    ))  # fmt: skip
    assert "dose" not in intents
    assert "safety" in intents


@pytest.mark.parametrize(
    "question,intent",
    [
        ("How often should I have acupuncture for my back?", "dose"),
        ("how many weekly sessions for neck pain", "dose"),
        ("what is the usual course of acupuncture for knee OA", "dose"),
        ("needle retention time for migraine", "dose"),
        ("twice a week for how long for knee OA?", "dose"),
        ("Does it hurt?", "safety"),
        ("will it hurt much, the needles in my back?", "safety"),
        ("could I get a nerve injury from acupuncture?", "safety"),
        ("Has anyone ever died from acupuncture?", "safety"),
        ("can acupuncture kill you?", "safety"),
        ("how many people died after acupuncture needles?", "safety"),
    ],
)
def test_the_phrases_still_ask(question: str, intent: str) -> None:
    assert intent in _intents(question)
