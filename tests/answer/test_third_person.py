"""Wave 4 (issue 10): a patient answer about someone else ("my mum", "my husband", "my
patient") addresses the asker about that person throughout, not only in the safety box:
no "your health", "before you start", "your usual care" as if the asker were the patient."""

from __future__ import annotations

import re

import pytest

from acupath.answer import ask

_AS_IF_PATIENT = re.compile(
    r"\b(?:your (?:health|usual care|doctor|clinician|body|pain|treatment|medicines?)|"
    r"before you start|if it is right for you|do not stop your|you start|for you\b)",
    re.IGNORECASE,
)


def _lines(markdown: str) -> list[str]:
    """Answer lines a reader sees, without the reference list and the question's own words."""
    out = []
    for line in markdown.splitlines():
        if re.match(r"^- \[\d+\]", line):
            continue  # a reference
        out.append(re.sub(r"“[^”]*”", "", line))
    return out


@pytest.mark.parametrize(
    ("question", "pronoun"),
    [
        ("My mum is 81 and on warfarin, can acupuncture help her knee arthritis?", "her"),
        ("My husband has chemo nausea, does acupuncture help and is it safe?", "his"),
        ("my son is 9 and gets migraines, would acupuncture help?", "his"),
        ("My patient has chronic low back pain. What is the evidence?", "their"),
        ("our daughter is 15 and has period pain and headaches, is acupuncture ok?", "her"),
        ("My friend has neck pain, will acupuncture help her?", "her"),
        ("Is acupuncture safe for my grandad, he takes clopidogrel, for his hip?", "his"),
        ("My wife is 30 weeks pregnant with back pain. Is acupuncture safe?", "her"),
    ],
)
def test_the_whole_patient_answer_speaks_about_the_person(question: str, pronoun: str) -> None:
    text = ask(question, audience="patient").markdown
    bad = [ln for ln in _lines(text) if _AS_IF_PATIENT.search(ln)]
    assert bad == [], bad
    assert f"Talk to {pronoun} doctor or nurse" in text


def test_the_asker_is_still_addressed_as_you() -> None:
    text = ask("Can acupuncture help my knee arthritis?", audience="patient").markdown
    assert "Talk to your doctor or nurse before you start acupuncture" in text
    assert "Using it with your usual care" in text or "usual care" in text


def test_a_pronoun_only_question_names_the_person_by_pronoun() -> None:
    text = ask("His knee went hot and swollen, can acupuncture help?", audience="patient").markdown
    assert "Talk to his doctor or nurse" in text
    assert not [ln for ln in _lines(text) if _AS_IF_PATIENT.search(ln)]
