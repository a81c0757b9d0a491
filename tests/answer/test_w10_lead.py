"""Wave 10, lead: a condition acupath does not hold is still named as unheld when a duration
or other number stands beside it ("burning mouth syndrome for 2 years")."""

from __future__ import annotations

import pytest

from acupath.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "burning mouth syndrome for 2 yrs, tongue feels scalded. worth trying acupuncture?",
        "burning mouth syndrome for 2 years. Does acupuncture help?",
        "I have had burning mouth syndrome for 2 years. Does acupuncture help?",
        "Restless legs syndrome for 3 years, acupuncture?",
        "My mum has had Tietze syndrome for 6 months - would acupuncture work?",
    ],
)
def test_an_unheld_syndrome_beside_a_duration_is_named_as_unheld(question):
    answer = ask(question)
    assert answer.insufficient_evidence


@pytest.mark.parametrize(
    "question",
    [
        "Chronic low back pain for 2 years. Does acupuncture help?",
        "Fibromyalgia for 5 years. Does acupuncture help?",
        "Myofascial pain syndrome for 2 years - does acupuncture help?",
        "Carpal tunnel syndrome for 3 years, would acupuncture help?",
    ],
)
def test_a_held_condition_beside_a_duration_is_answered(question):
    answer = ask(question)
    assert not answer.insufficient_evidence
    assert answer.understanding.get("conditions")
