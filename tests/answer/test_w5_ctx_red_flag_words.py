"""Wave 5 (issue 10), probe 2 G2: red flags in new lay and clinical words, read from word
combinations rather than fixed phrases."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract

PND = "progressive_neurological_deficit"


def _flags(question: str) -> set[str]:
    return {m.value for m in extract(question).applied if m.kind == "red_flag"}


@pytest.mark.parametrize(
    ("question", "flag"),
    [
        ("my foot has started slapping when i walk, getting worse, back pain", PND),
        ("o/e reduced power L ankle dorsiflexion 3/5, new since last week, LBP", PND),
        ("loss of power in his left leg since Sunday, back pain", PND),
        ("fell off a ladder yesterday onto my back", "major_trauma"),
        ("came off his motorbike last night, neck pain", "major_trauma"),
        ("she fell from the loft hatch onto her back", "major_trauma"),
        ("thrown from a horse, lower back agony", "major_trauma"),
        (
            "my hands are clumsy, i keep dropping cups, my walking is off balance",
            "myelopathy_signs",
        ),
        ("fumbling with keys and feeling wobbly when I walk, neck pain", "myelopathy_signs"),
        ("optician said my optic nerves look swollen", "papilledema"),
        ("the optometrist saw swelling at the back of my eyes, headaches", "papilledema"),
        ("headache, high temp and he can't bend his neck forward", "fever"),
        ("she's running a temp and her back hurts", "fever"),
    ],
)
def test_new_red_flag_wordings(question: str, flag: str) -> None:
    assert flag in _flags(question)


def test_a_bare_am_with_a_number_is_the_askers_age() -> None:
    ctx = extract("am 62 and started getting headaches for the first time in my life")
    assert "age:62" in ctx.labels()
    assert "red_flag:new_headache_after_50" in ctx.labels()


@pytest.mark.parametrize(
    "question",
    [
        "tips to prevent falling off ladders at work, back pain",
        "dropping cups since my wrist sprain, wrist pain",
        "my optician said my eyes look fine, headaches",
        "a temp job makes my back ache",
        "am I too old for acupuncture at 62?",
        "fear of falling off a ladder, neck pain",
    ],
)
def test_look_alike_wordings_are_no_red_flag(question: str) -> None:
    flags = _flags(question)
    assert not flags & {"major_trauma", "myelopathy_signs", "papilledema", "fever"}, flags
