"""A bare count of weeks is a pregnancy beside a word of pregnancy ("the little one", "midwife",
"positive test") or in an idiom ("6 weeks gone", "20 weeks along"); a duration is not.

Written after held-out set 4's first run missed "28wks ... the little one" and "6 weeks gone"
(the set's figures before this rule are the clean ones); the wordings below are our own."""

from __future__ import annotations

import pytest

from acupath.answer import parse


def _weeks(question: str) -> set[str]:
    return {m.value for m in parse(question).patient.mentions if m.kind == "weeks"}


@pytest.mark.parametrize(
    ("question", "weeks"),
    [
        ("32wks and my pubic bone is agony - will needling hurt the baby?", "32"),
        ("about 9 weeks gone and so sick, can acupuncture help the nausea?", "9"),
        ("she is 20 weeks along and her hips ache", "20"),
        ("31 wks, midwife says my pelvis is unstable, acupuncture ok?", "31"),
        ("Baby number 2 on the way, 14 weeks, sciatica - can I have acupuncture?", "14"),
        ("positive test 2 weeks ago, now 7 weeks, is my acupuncture for migraine still ok?", "7"),
    ],
)
def test_bare_weeks_with_a_pregnancy_word(question: str, weeks: str) -> None:
    assert weeks in _weeks(question)


@pytest.mark.parametrize(
    "question",
    [
        "my back has hurt for 28 weeks, is acupuncture ok?",
        "knee pain for the past 6 weeks, my baby keeps me up at night",
        "my baby is 12 weeks old and my wrists hurt from lifting her",
        "we want a baby; I have had neck pain 10 weeks",
        "I had my baby 6 weeks ago and my back aches",
        "the midwife said to rest; in 3 weeks I start physio for my shoulder",
        "treatment course of 8 weeks, is that enough for back pain?",
    ],
)
def test_durations_are_not_pregnancies(question: str) -> None:
    mentions = parse(question).patient.mentions
    assert not [m for m in mentions if m.kind in ("weeks", "pregnant") and not m.negated]


@pytest.mark.parametrize(
    ("question", "age"),
    [("M, 17, rugby-related low back pain, dry needling ok?", "17"), ("F, 52, neck pain", "52")],
)
def test_sex_letter_comma_age(question: str, age: str) -> None:
    assert age in {m.value for m in parse(question).patient.mentions if m.kind == "age"}
