"""Wave 5 (issue 10), probe 2 G11: the person asked about keeps the asker's own relation word
(in-laws, step-parents, great-grandparents), and an owned age makes a child only under 18 and
with no relation word after it."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract
from acupath.answer.people import who_is_asked_about


def _who(question: str) -> tuple[str | None, str]:
    w = who_is_asked_about(question, extract(question))
    return w.relation, w.name


@pytest.mark.parametrize(
    ("question", "name"),
    [
        (
            "I care for my 95 year old great-grandmother, she is on warfarin",
            "your great-grandmother",
        ),
        ("my brother-in-law has a defibrillator", "your brother-in-law"),
        ("my father in law has an insulin pump", "your father-in-law"),
        ("my stepdad is 77, has dementia", "your stepfather"),
        ("my 40 year old son has back pain", "your son"),
        ("our 70 yo mum has knee OA", "your mother"),
        ("my sister-in-law is 30 weeks pregnant", "your sister-in-law"),
    ],
)
def test_relation_names(question: str, name: str) -> None:
    assert _who(question)[1] == name


@pytest.mark.parametrize(
    "question", ["my 6 yo gets headaches", "our 15 year old has migraines", "my 9 y/o has colic"]
)
def test_owned_young_age_is_a_child(question: str) -> None:
    assert _who(question)[0] == "child"


@pytest.mark.parametrize(
    "question",
    ["my 45 year old has back pain, is acupuncture ok?", "our 30 yo wants acupuncture"],
)
def test_owned_adult_age_is_not_a_child(question: str) -> None:
    assert _who(question)[0] != "child"


def test_stepdad_age_read() -> None:
    assert "age:77" in extract("my stepdad is 77, has dementia").labels()
