"""Follow-up questions: two or three, each answerable by acupath."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.evidence.loader import EvidenceBase


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture help chronic low back pain?",
        "Is acupuncture safe?",
        "Does acupuncture help dry mouth?",
        "What is the capital of France?",
        "Does acupuncture help cancer pain?",
    ],
)
def test_two_or_three_answerable_follow_ups(base: EvidenceBase, question: str) -> None:
    answer = ask(question, base=base)
    assert 2 <= len(answer.follow_ups) <= 3
    assert question not in answer.follow_ups
    for follow_up in answer.follow_ups:
        nxt = ask(follow_up, base=base, with_follow_ups=False)
        assert nxt.verified and not nxt.out_of_scope and not nxt.insufficient_evidence, follow_up
        assert nxt.references


def test_follow_ups_do_not_repeat_the_intent(base: EvidenceBase) -> None:
    answer = ask("How safe is acupuncture for chronic low back pain?", base=base)
    assert all("safe" not in f.lower() for f in answer.follow_ups)
