"""Wave 22 (issue 10), lead: a phrase quoted with double quotes reads as the phrase (noted by the
wave-22 details engineer: 'on the "thinners"' was no anticoagulant while single quotes were).
Our own wordings; none is a benchmark question."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    return list((ask(question).patient_context or {}).get("applied", []))


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ('He\'s been on the "thinners" since his clot. Acupuncture for his knee?',
         "class:anticoagulant"),
        ("She's on “warfarin” apparently. Is acupuncture OK for her hip?", "class:anticoagulant"),
        ('Mum is "on chemo" again, can she have acupuncture for nausea?',
         "treatment:chemotherapy"),
        ('I have a "pacemaker" fitted last year. Electroacupuncture for my knee?',
         "device:pacemaker"),
        ('My GP says I\'m "anticoagulated". Acupuncture for my neck?', "class:anticoagulant"),
    ],
)  # fmt: skip
def test_a_double_quoted_phrase_is_read(question: str, label: str) -> None:
    assert label in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        'My mum said "no" to blood thinners. Acupuncture for her back?',
        'I\'m not on "thinners" or anything else. Acupuncture for my knee?',
    ],
)
def test_quotes_do_not_undo_a_denial(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


# "acupuncture for exam stress" is the person's complaint, not a question for an exam: the facts
# of the person stay theirs (noted by the wave-22 people engineer: "We are 15 and want
# acupuncture for exam stress" lost age 15, so the adolescent band's changes were not made)
@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("We are 15 and want acupuncture for exam stress.", "age_band:adolescent"),
        ("My son is 16 and wants acupuncture for his exam nerves.", "age_band:adolescent"),
        ("I'm 10 weeks pregnant, is acupuncture ok for my exam anxiety?", "pregnant"),
        ("She's 14 and wants needles for the exam pressure, is that safe?", "age_band:adolescent"),
        ("On warfarin, can I have acupuncture for exam worries?", "class:anticoagulant"),
    ],
)
def test_exam_stress_is_a_complaint(question: str, label: str) -> None:
    assert label in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Revising for my exams: which points are avoided in pregnancy?",
        "Question for my exam: is acupuncture safe on warfarin?",
    ],
)
def test_a_question_for_an_exam_describes_no_one(question: str) -> None:
    assert (ask(question).screen or {}).get("decision") is None
