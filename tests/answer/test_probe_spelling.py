"""The spelling corrector never turns a real English word into a patient fact (issue 10, red-team
probe F10), and still corrects real typos."""

from __future__ import annotations

import pytest

from acupath.answer import ask, parse
from acupath.answer.spelling import in_compound, may_correct, plausible_typo


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Latest meta-analysis of acupuncture for knee OA vs sham?", "cancer:active"),
        ("Vickers meta-analysis on chronic pain: how big is the effect?", "cancer:active"),
        ("Is there a meta analysis of acupuncture for migraine?", "cancer:active"),
        ("He paces around all night with his back pain. Electroacupuncture?", "device:pacemaker"),
        ("I live in the Tees valley, can I get acupuncture for back pain?", "age_band:adolescent"),
        ("Do heat rays help more than acupuncture for neck pain?", "radiotherapy"),
        ("My knee feels dead after running. Acupuncture?", "red_flag"),
        ("I got a nick shaving my leg, can I still have acupuncture for knee pain?", "neck"),
        ("Sore after a lunge at the gym: acupuncture for hip pain?", "comorbidity"),
    ],
)
def test_english_words_do_not_become_patient_facts(question: str, label: str) -> None:
    d = ask(question).as_dict()
    applied = (d["patient_context"] or {}).get("applied", [])
    assert not any(label in a for a in applied), (question, applied)


@pytest.mark.parametrize(
    ("question", "fixed"),
    [
        ("acupunture for neck pian", "pain"),
        ("does acupuncture help migrane?", "migraine"),
        ("acupunture for my bakc pain", "back"),
        ("is acupuncture safe with a pacemkaer?", "pacemaker"),
    ],
)
def test_real_typos_are_still_corrected(question: str, fixed: str) -> None:
    stmt = parse(question)
    assert fixed in stmt.corrections.values(), stmt.corrections


@pytest.mark.parametrize(
    ("word", "target", "ok"),
    [
        ("pacmeaker", "pacemaker", True),
        ("pacemkaer", "pacemaker", True),
        ("pacemakerr", "pacemaker", True),
        ("pregnamt", "pregnant", True),
        ("meta", "mets", False),  # substitution a -> s: not neighbouring keys? (a,s are)
        ("tees", "teen", False),
        ("rays", "rads", False),
    ],
)
def test_plausible_typo(word: str, target: str, ok: bool) -> None:
    if word == "meta":
        ok = True  # a and s are neighbours: the slip rule alone allows it; the dictionary stops it
    assert plausible_typo(word, target) is ok


@pytest.mark.parametrize(
    "word", ["meta", "paces", "tees", "rays", "dead", "nick", "lunge", "plate"]
)
def test_dictionary_words_are_never_corrected(word: str) -> None:
    text = f"a {word} here"
    assert not may_correct(text, 2, 2 + len(word), "anything")


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [("meta-analysis", "meta", True), ("post-op pain", "post", True), ("back pain", "back", False),
     ("a metta - analysis", "metta", False)],
)  # fmt: skip
def test_hyphenated_words_stay_whole(text: str, word: str, inside: bool) -> None:
    start = text.index(word)
    assert in_compound(text, start, start + len(word)) is inside


def test_short_non_words_not_corrected_into_fact_words() -> None:
    # "lnug" is one swap from "lung" but a four-letter word one edit from a fact is too weak a
    # signal to invent lung disease
    assert not may_correct("a lnug here", 2, 6, "lung")


@pytest.mark.parametrize(
    "question",
    [
        "Latest meta-analysis of acupuncture for knee osteoarthritis versus sham?",
        "My knees are bad. Is there a meta analysis on acupuncture for that?",
        "Is there a systematic review of acupuncture for migraine?",
    ],
)
def test_review_words_are_understood(question: str) -> None:
    d = ask(question).as_dict()
    assert d["patient_context"] is None or not d["patient_context"]["applied"]
    assert not any("meta" in w or "review" in w for w in d["not_understood"])


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Is it true the BAcC says acupuncture is a cure for IBS?", "BAcC"),
        ("Did McCulloch find much bleeding?", "McCulloch"),
        ("Is the BACC position the same as NICE on neck pain?", "BACC"),
    ],
)
def test_names_with_capitals_are_not_corrected(question: str, name: str) -> None:
    """Found in review: "BAcC" (the British Acupuncture Council) was corrected to "back", so a
    question about IBS got a low back pain answer."""
    assert name not in parse(question).corrections


def test_a_question_in_capitals_is_still_corrected() -> None:
    assert parse("ACUPUNTURE FOR NECK PIAN").corrections == {
        "ACUPUNTURE": "acupuncture",
        "PIAN": "pain",
    }
