"""Wave 15 (engineer "people"): children told by their school stage, which of several
numbered patients is asked about, and general questions that name a population, not a patient."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> set[str]:
    return {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    "text",
    [
        # h12042 and other school stages of a young child (US/UK/AU words)
        "our daughter is starting kindergarten and has stomach migraines",
        "my son just started kindergarten and gets tummy aches",
        "my little girl is at nursery and has eczema, can acupuncture help",
        "he goes to preschool three days a week and wets the bed",
        "my boy started reception in September and has constipation",
        "our son starts kindy next year, he has hay fever",
        "my daughter is in grade 3 and has headaches",
        "my son is in 4th grade and gets migraines",
        "she's at primary school and has tummy pain",
        "my son is starting primary in September and has asthma",
        "our preschooler has a chronic cough",
    ],
)
def test_a_young_childs_school_stage_is_the_child_band(text: str) -> None:
    assert "age_band:child" in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "my son is in middle school and has knee pain",
        "my daughter is a high school freshman with back pain",
        "he's a sophomore in high school and plays football, his shoulder hurts",
        "our son, a middle schooler, has Osgood-Schlatter",
        "my daughter is starting high school and has period pain",
    ],
)
def test_a_secondary_school_stage_is_the_adolescent_band(text: str) -> None:
    assert "age_band:adolescent" in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I teach kindergarten and my back hurts",
        "I work in reception at a hotel and have neck pain",
        "I run a plant nursery and my wrists ache",
        "I'm a preschool teacher with shoulder pain",
        "I'm a nursery nurse with low back pain",
        "since primary school I have had migraines",
        "I was a high school freshman when my knee pain started, now I'm 40",
        "my kindergarten teacher used to say I had bad posture",
        "I drop my son at kindergarten and then go to acupuncture for my neck",
        "my patient is in reception now, 45, with neck pain",
        "I work in primary care and have a frozen shoulder",
    ],
)
def test_school_words_about_an_adult_are_no_child(text: str) -> None:
    applied = _applied(text)
    assert "age_band:child" not in applied, applied
    assert "age_band:adolescent" not in applied, applied
