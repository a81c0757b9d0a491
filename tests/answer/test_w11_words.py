"""Wave 11, words: words Ask reported as not understood though it read them, or though they
carry nothing clinical; and words that must still be reported."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _unread(question: str) -> list[str]:
    return [w.lower() for w in ask(question).not_understood]


# -- a held condition named by a word the out-of-scope list also holds ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "shes 15 with awful period pain every month, 2 days off school. acupuncture?",
        "Primary dysmenorrhoea - does acupuncture help?",
        "Does acupuncture help dysmenorrhea?",
        "does acupuncture help menstrual pain?",
        "My daughter gets bad period pain, would acupuncture work for her?",
        "28F with dysmenorrhoea since she was 13, is acupuncture effective?",
    ],
)
def test_a_held_condition_is_not_reported_as_out_of_scope(question):
    answer = ask(question)
    assert "primary_dysmenorrhoea" in answer.understanding["conditions"]
    assert not answer.not_understood
    assert not [p for p in answer.understanding["parts"] if p["kind"] == "out_of_scope"]


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("knee pain and IBS, does acupuncture help?", "ibs"),
        ("acupuncture for back pain and depression?", "depression"),
        ("Does acupuncture help neck pain and tinnitus?", "tinnitus"),
        ("Does acupuncture help low back pain and hay fever?", "hay fever"),
        ("Fibromyalgia and insomnia - does acupuncture help?", "insomnia"),
    ],
)
def test_an_out_of_scope_topic_beside_a_held_condition_is_still_reported(question, word):
    assert word in _unread(question)
