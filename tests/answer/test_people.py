"""Who a question is about (issue 10, wave 3): the asker, or someone the asker writes about,
with the pronoun the answer uses for them. Written before acupath/answer/people.py."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract
from acupath.answer.people import who_is_asked_about


@pytest.mark.parametrize(
    ("question", "name", "subject", "possessive"),
    [
        ("my nan takes warfarin, can she have acupuncture for her knees?", "your grandmother",
         "she", "her"),
        ("Our son is 12 and gets migraines. Is acupuncture safe for him?", "your son", "he", "his"),
        ("my husband has a pacemaker and back pain", "your husband", "he", "his"),
        ("My partner is on Eliquis - is acupuncture ok?", "your partner", "they", "their"),
        ("my partner is on Eliquis and she has neck pain", "your partner", "she", "her"),
        ("A friend of mine had radiotherapy to her chest; can she try needles?", "your friend",
         "she", "her"),
        ("my patient is 80 and on apixaban", "your patient", "they", "their"),
        ("Can my daughter (15) have acupuncture for period pain?", "your daughter", "she", "her"),
        ("dad's 77 with sciatica, would acupuncture be ok", "your father", "he", "his"),
    ],
)  # fmt: skip
def test_someone_else(question: str, name: str, subject: str, possessive: str) -> None:
    who = who_is_asked_about(question, extract(question))
    assert not who.is_asker
    assert (who.name, who.subject, who.possessive) == (name, subject, possessive)


@pytest.mark.parametrize(
    "question",
    [
        "I'm on warfarin, is acupuncture safe for me?",
        "my knees hurt and I take Xarelto",
        "Is acupuncture safe if I take blood thinners?",
        "im 10 weeks pregnant with back pain",
        "my back is killing me and my mum says to try needles",
    ],
)
def test_the_asker(question: str) -> None:
    who = who_is_asked_about(question, extract(question))
    assert who.is_asker
    assert (who.name, who.subject, who.possessive) == ("you", "you", "your")


@pytest.mark.parametrize(
    ("question", "about"),
    [
        ("my mum is 81 and on warfarin, is acupuncture safe for her neck?", "your mother"),
        ("My brother has a spinal cord stimulator. Can he have electroacupuncture?",
         "your brother"),
        ("my wife is pregnant, 20 weeks, with back pain - which points should be avoided?",
         "your wife"),
        ("Platelets 30 after chemo - my friend wants acupuncture for nausea", "your friend"),
    ],
)  # fmt: skip
def test_patient_answer_addresses_the_asker_about_that_person(question: str, about: str) -> None:
    answer = ask(question, audience="patient")
    text = answer.markdown
    assert f"What you told us about {about}" in text
    assert "What you told us:" not in text
    box = next(s for s in answer.all_sections if s.title.startswith("Before anything else"))
    assert "for you" not in box.text


@pytest.mark.parametrize(
    ("question", "about", "subject"),
    [
        ("Her shoulder has hurt for a year. Would acupuncture help her?", "her", "she"),
        ("His platelets are 30 after chemo; can he have acupuncture?", "him", "he"),
    ],
)
def test_a_person_named_only_by_pronouns(question: str, about: str, subject: str) -> None:
    who = who_is_asked_about(question, extract(question))
    assert (who.about, who.subject) == (f" about {about}", subject)


def test_first_person_patient_answer_keeps_you() -> None:
    answer = ask("I'm on warfarin and my knees hurt. Is acupuncture safe?", audience="patient")
    assert "What you told us:" in answer.markdown
    assert "What you told us about" not in answer.markdown
