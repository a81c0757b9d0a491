"""A headache new after 50 is a red flag (Becker 2015); it is read only with an age over 50,
and "Im 45" (no apostrophe) is an age."""

from __future__ import annotations

import pytest

from acupath.answer.ages import find_ages
from acupath.answer.context import extract

FLAG = "red_flag:new_headache_after_50"


@pytest.mark.parametrize(
    "text",
    [
        "my dad is 67 and has started getting headaches for the first time in his life",
        "72M, new headaches over the last month",
        "Mrs P, 58, new onset headache for three weeks",
        "she's 81 and recently started having headaches",
    ],
)
def test_new_headache_over_fifty(text: str) -> None:
    assert FLAG in {m.label for m in extract(text).applied}, text


@pytest.mark.parametrize(
    "text",
    [
        "I am 34 and have started getting headaches for the first time",
        "New patient, 60, chronic migraine for 20 years",
        "new headaches, acupuncture?",  # no age given: not asserted
        "my son is 12 and gets new headaches",
    ],
)
def test_not_a_new_headache_over_fifty(text: str) -> None:
    assert FLAG not in {m.label for m in extract(text).applied}, text


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Im 45, on xarelto", [45]),
        ("hes 9 and gets migraines", [9]),
        ("shes 72 with knee pain", [72]),
        ("Im 45 minutes away from the clinic", []),
        ("im 3 weeks post op", []),
        ("IM 10 mg morphine given", []),
    ],
)
def test_ages_without_apostrophes(text: str, ages: list[int]) -> None:
    assert [a.value for a in find_ages(text)] == ages


def test_patient_answer_counts_one_study_in_words() -> None:
    from acupath.answer import ask

    answer = ask("my dad has had headaches for years, can acupuncture help?", audience="patient")
    assert "1 studies" not in answer.markdown and "one study with" in answer.markdown
