"""The patient-voice safety box (issue 10, wave 3): plain words for every screening rule, a
reading grade of 8 or lower, and the asker addressed about the person the question is about."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.audience import readability
from acupath.answer.opening import TITLES
from acupath.answer.patient_safety import check_plain_words, plain_words
from acupath.answer.safety import EXCLUSION_PREFIX
from acupath.care.screening import bundled_rules

BOX = TITLES["patient"]["safety"]


def test_every_screening_rule_has_plain_words() -> None:
    assert check_plain_words([r.id for r in bundled_rules()]) == []


def test_plain_words_carry_no_figures() -> None:
    """Figures stay in the clinician wording and the policy file, where they are traced."""
    words = plain_words()
    for text in (*words.rules.values(), *words.heads.values(), *words.flags.values()):
        assert not any(ch.isdigit() for ch in text), text


QUESTIONS = [
    "I take warfarin and my INR was 3.8 on Monday. Can I have acupuncture for my hip?",
    "my dad is 70 and has a pacemaker. can he have electro acupuncture for his back?",
    "Platelets 40 after chemo, can my wife try acupuncture for sickness?",
    "I am 20 weeks pregnant and my neck is sore. Where should needles not go?",
    "my back hurts and I have a high temperature, should I try acupuncture?",
    "my son wets himself now and cannot feel his bottom, his back hurts. acupuncture?",
    "I had my lymph nodes out on the left side. Can I have needles in my left arm?",
    "My mum has a port in her chest and is on chemo. Is acupuncture ok for her nausea?",
    "I'm terrified of needles but my neck hurts. Can I have acupuncture?",
    "my husband has copd and shoulder pain, is acupuncture safe for him",
    "my friend is 15 and gets migraines, can she have acupuncture",
    "I have epilepsy that is not controlled and back pain. Is acupuncture ok?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_patient_safety_box_reads_at_grade_8_or_lower(question: str) -> None:
    answer = ask(question, audience="patient")
    box = next(s for s in answer.all_sections if s.title == BOX)
    # the exclusion line is a list of point codes, not prose: it is not graded
    prose = "\n".join(ln for ln in box.text.splitlines() if EXCLUSION_PREFIX not in ln)
    grade = readability(prose)["flesch_kincaid"]
    assert grade <= 8, f"{question!r}: grade {grade:.1f}\n{prose}"
    assert answer.verified


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("my dad is 70 and has a pacemaker. can he have electro acupuncture for his back?",
         "changes for him"),
        ("Platelets 40 after chemo, can my wife try acupuncture for sickness?",
         "What you told us about your wife"),
        ("my son wets himself now and cannot feel his bottom, his back hurts. acupuncture?",
         "Please get emergency help for him now"),
        ("I am 20 weeks pregnant and my neck is sore. Where should needles not go?",
         "changes for you"),
    ],
)  # fmt: skip
def test_the_box_speaks_to_the_asker_about_the_person(question: str, words: str) -> None:
    box = next(s for s in ask(question, audience="patient").all_sections if s.title == BOX)
    assert words in box.text


@pytest.mark.parametrize(
    "question",
    [
        "Can needles shrink my tumour?",
        "acupuncture will cure my neck pain for good, won't it?",
        "Acupuncture has zero risks, so my dad can have it for his back, right?",
    ],
)
def test_patient_premise_corrections_are_plain(question: str) -> None:
    answer = ask(question, audience="patient")
    first = answer.all_sections[0]
    assert first.title == TITLES["patient"]["premise"] or first.title == BOX
    premise = next(s for s in answer.all_sections if s.title == TITLES["patient"]["premise"])
    assert premise.text.startswith("**No")
    assert readability(premise.text)["flesch_kincaid"] <= 8, premise.text
