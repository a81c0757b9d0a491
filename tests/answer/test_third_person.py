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


@pytest.mark.parametrize(
    ("question", "relation"),
    [
        ("If mum were ever put on a blood thinner would her acupuncture have to stop?", "mother"),
        ("can dad have acupuncture for his shoulder now he is on apixaban?", "father"),
        ("my 6 yo gets headaches after school most days, can kids have acupuncture?", "child"),
        ("our 9 year old has migraines, are needles safe for kids?", "child"),
        ("Referral: Mrs A, 34, with child (11 weeks by dates), tension-type headache.", "patient"),
        ("Two things for Mr D (68), who takes Eliquis: is EA contraindicated?", "patient"),
    ],
)
def test_unowned_parents_owned_ages_and_titled_names(question: str, relation: str) -> None:
    """Wordings of our own after held-out set 4's first run ('If mum were...', 'my 6 yo',
    'Mrs A, 34') showed "What you told us" addressed to the asker."""
    from acupath.answer import parse
    from acupath.answer.people import who_is_asked_about

    assert who_is_asked_about(question, parse(question).patient).relation == relation


@pytest.mark.parametrize(
    "question",
    [
        "mum says I should try acupuncture for my migraines",
        "I saw Dr Smith about my neck, is acupuncture ok?",
        "Does acupuncture help knee pain?",
    ],
)
def test_the_asker_stays_the_patient(question: str) -> None:
    from acupath.answer import parse
    from acupath.answer.people import who_is_asked_about

    assert who_is_asked_about(question, parse(question).patient).is_asker
