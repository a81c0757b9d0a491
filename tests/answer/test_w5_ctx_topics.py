"""Wave 5 (issue 10), class 6 / probe 2 G6: a red flag named as the topic of an evidence
question is no patient's symptom (no screen, no referral); the same words said of someone
still refer."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract


def _flags(question: str) -> set[str]:
    return {m.value for m in extract(question).applied if m.kind == "red_flag"}


@pytest.mark.parametrize(
    "question",
    [
        "what is the evidence for acupuncture in foot drop after stroke",
        "does acupuncture help delirium?",
        "leg weakness after chemo: studies?",
        "Is there research on acupuncture for urinary retention after surgery?",
        "Can acupuncture help weight loss in obese adults?",
        "Any RCTs of electroacupuncture for post-operative urinary retention?",
        "Cochrane review on acupuncture and fever in children",
        "acupressure for delirium in dementia: what do trials show?",
    ],
)
def test_red_flag_as_topic_is_not_applied(question: str) -> None:
    ctx = extract(question)
    assert _flags(question) == set()
    topics = [m for m in ctx.mentions if m.kind == "red_flag" and m.status == "topic"]
    assert topics, ctx.mentions  # still shown, marked as the topic
    assert not any(ctx.about_patient(m) for m in topics)


@pytest.mark.parametrize(
    "question",
    [
        "my leg has gone weak since yesterday, can acupuncture help?",
        "Numb bottom and trouble peeing. Can acupuncture help?",
        "trouble peeing, can acupuncture help?",
        "Is acupuncture safe with a fever?",
        "Can acupuncture help urinary retention since yesterday?",
        "Since yesterday I'm numb around my bottom and have trouble peeing. Can acupuncture help?",
        "what's the evidence for acupuncture? my dad's legs have gone weak this week",
        "pt with new foot drop, evidence for acupuncture?",
        "studies on acupuncture for back pain - I lost a stone without trying",
    ],
)
def test_red_flag_said_of_someone_still_refers(question: str) -> None:
    assert _flags(question), extract(question).mentions


@pytest.mark.parametrize(
    "question",
    [
        "does acupuncture help delirium?",
        "Is there research on acupuncture for urinary retention after surgery?",
        "what is the evidence for acupuncture in foot drop after stroke",
    ],
)
def test_topic_questions_are_not_referred(question: str) -> None:
    screen = ask(question).as_dict().get("screen") or {}
    assert screen.get("decision") != "refer"
