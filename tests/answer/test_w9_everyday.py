"""Everyday words are neither unanswered parts nor possible red flags (wave 9).

``acupath.answer.everyday``: a run of unread words made only of WordNet words with no sense
that can describe the body, a state or a sensation ("desk", "school", "gardening") is not
reported in ``not_understood`` and does not stop a clear safety box. Words that may describe a
symptom, words WordNet does not hold, and red-flag words are still reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from acupath.answer import ask
from acupath.answer.everyday import all_everyday, build, inflections, is_everyday

INCOMPLETE = ("could not finish checking", "could not be completed")


def _incomplete(answer) -> bool:
    return any(m in answer.markdown for m in INCOMPLETE)


@pytest.mark.parametrize(
    ("question", "everyday"),
    [
        ("I'm 35, I work at a desk all day and my neck hurts. Would acupuncture help?", "desk"),
        (
            "My son gets tension headaches after school. Can acupuncture help tension headaches?",
            "school",
        ),
        (
            "Hi, 52, my knees ache after gardening. Is acupuncture worth trying for knee OA?",
            "gardening",
        ),
        ("Low back pain for a year, I had to cancel my holiday. Acupuncture?", "cancel"),
        ("Neck pain from hunching over my laptop for 6 months - acupuncture?", "laptop"),
        (
            "Chronic low back pain, worse after carrying the shopping. Any good evidence?",
            "shopping",
        ),
        (
            "My 40 yo husband is a miner with chronic low back pain; will acupuncture help him?",
            "miner",
        ),
    ],
)
def test_everyday_words_are_not_reported(question, everyday):
    for audience in ("clinician", "patient"):
        answer = ask(question, audience=audience)
        assert not any(everyday in w.lower() for w in answer.not_understood), (
            audience,
            answer.not_understood,
        )


@pytest.mark.parametrize(
    ("question", "unread"),
    [
        # words that may describe a symptom stay unread, and the box says the screen is incomplete
        ("I'm 45 with chronic neck pain and I've felt woozy all week. Acupuncture ok?", "woozy"),
        (
            "Knee arthritis, I'm 66, and lately I've felt shaky and jittery. Is acupuncture safe?",
            "shaky",
        ),
        (
            "My wife (58) has back pain and has been so lethargic this week. Acupuncture?",
            "lethargic",
        ),
        ("Hip OA, 70, and she's been very groggy since Monday. Acupuncture?", "groggy"),
    ],
)
def test_possible_symptoms_still_stop_a_clear_box(question, unread):
    answer = ask(question)
    assert any(unread in w.lower() for w in answer.not_understood), answer.not_understood
    if (answer.screen or {}).get("decision") == "proceed":
        assert _incomplete(answer)


@pytest.mark.parametrize(
    "word",
    [
        "woozy",
        "staggering",
        "stools",
        "lamotrigine",
        "incontinance",
        "fever",
        "swelling",
        "sweating",
        "fell",
        "numb",
        "saddle",
        "collapse",
        "fits",
        "bleed",
    ],
)
def test_clinical_or_unknown_words_are_never_everyday(word):
    assert not is_everyday(word)


@pytest.mark.parametrize(
    "word",
    [
        "desk",
        "Desk",
        "school",
        "schools",
        "gardening",
        "laptop",
        "cancel",
        "policy",
        "letter",
        "worker's",
    ],
)
def test_plain_words_are_everyday(word):
    assert is_everyday(word)


def test_a_run_is_everyday_only_when_every_word_is():
    assert all_everyday(["desk", "worker"])
    assert not all_everyday(["desk", "woozy"])
    assert not all_everyday([])


def test_inflections():
    assert {"desks", "desked", "desking"} <= inflections("desk")
    assert {"sitting", "sits"} <= inflections("sit")
    assert {"studies", "studied"} <= inflections("study")
    assert "boxes" in inflections("box")


def _tiny_wordnet(root: Path) -> None:
    """A WordNet database of four words: desk (artifact), fever (state), school (a group
    noun and an attested social verb, with an unattested motion verb), walk (motion verb)."""
    root.mkdir()
    (root / "data.noun").write_text(
        "  1 A licence line.\n"
        "00000001 06 n 01 desk 0 000 | a piece of furniture\n"
        "00000002 26 n 01 fever 0 000 | a raised body temperature\n"
        "00000003 14 n 01 school 0 000 | an institution\n"
    )
    (root / "index.noun").write_text(
        "  1 A licence line.\n"
        "desk n 1 0 1 1 00000001\n"
        "fever n 1 0 1 1 00000002\n"
        "school n 1 0 1 1 00000003\n"
    )
    (root / "data.verb").write_text(
        "  1 A licence line.\n"
        "00000011 41 v 01 school 0 000 | educate\n"
        "00000012 38 v 01 school 0 000 | swim in a group\n"
        "00000013 38 v 01 walk 0 000 | go on foot\n"
    )
    (root / "index.verb").write_text(
        "  1 A licence line.\nschool v 2 0 2 1 00000011 00000012\nwalk v 1 0 1 1 00000013\n"
    )
    for pos in ("adj", "adv"):
        (root / f"data.{pos}").write_text("  1 A licence line.\n")
        (root / f"index.{pos}").write_text("  1 A licence line.\n")


def test_build_keeps_only_words_without_a_clinical_sense(tmp_path):
    root = tmp_path / "wn"
    _tiny_wordnet(root)
    words = build(root)
    assert "desk" in words and "desks" in words
    assert "school" in words  # the unattested motion sense of the verb does not count
    assert "fever" not in words and "fevers" not in words
    assert "walk" not in words and "walking" not in words
