"""Guideline positions written for older people do not speak for a younger patient (wave 9).

``acupath.answer.applicability``: when a question states the patient's age and a guideline
position the answer cites starts at an older age (NICE CG150: 12; NG59 and NG193: 16; ACP and
SIO-ASCO: adults), the bottom line says so, in both voices, with figures the verifier traces.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import acupath
from acupath.answer import ask
from acupath.answer.applicability import age_line, stated_age, too_young_for
from acupath.evidence.loader import bundled_base
from acupath.evidence.schemas import Recommendation

MARK = "written for older patients"
PATIENT_MARK = "is for older people"


def _bottom(answer, audience: str = "clinician") -> str:
    title = "The short answer" if audience == "patient" else "Bottom line"
    return "\n".join(s.text for s in answer.sections if s.title == title)


# a child or teenager below the youngest age of a guideline the answer cites, in many wordings
YOUNG = [
    ("8 year old boy with recurrent tension headaches, would acupuncture help him?", "8"),
    ("My son (9) keeps getting tension-type headaches after football. Acupuncture?", "9"),
    ("Referral: 10-year-old girl, chronic tension type headache; parents ask.", "10"),
    ("my daughter is 11 and has migraines most weeks - does acupuncture work for kids?", "11"),
    ("15 year old with chronic low back pain from rowing, acupuncture?", "15"),
    ("Is acupuncture any good for my lower back? I'm 14 and it has hurt for a year.", "14"),
    ("Aged 13, long-standing low back pain, GP mentioned acupuncture - evidence?", "13"),
    ("She is a 17 y/o with breast cancer on anastrozole and aching joints; acupuncture?", "17"),
]


@pytest.mark.parametrize(("question", "age"), YOUNG)
def test_a_young_patient_is_told_the_guideline_does_not_cover_them(question, age):
    answer = ask(question)
    assert answer.verified, answer.verification_problems
    bottom = _bottom(answer)
    assert MARK in bottom
    assert f"a patient aged {age}" in bottom
    covered = answer.understanding["bottom_line"]["not_covered_by_age"]
    base = bundled_base()
    assert all(base.recommendations[r].min_age > int(age) for r in covered)


@pytest.mark.parametrize(("question", "age"), YOUNG[:4])
def test_the_patient_voice_says_it_too(question, age):
    answer = ask(question, audience="patient")
    assert answer.verified, answer.verification_problems
    bottom = _bottom(answer, "patient")
    assert PATIENT_MARK in bottom
    assert f"someone aged {age}" in bottom


@pytest.mark.parametrize(
    "question",
    [
        # old enough for every position cited
        "45 year old with chronic low back pain, acupuncture?",
        "My patient is 16 and has chronic tension-type headache; is acupuncture recommended?",
        "Migraine prophylaxis in a 12-year-old: does NICE support acupuncture?",
        "I'm 72 with knee arthritis. Would acupuncture help?",
        # no age stated: nothing is said about an age acupath assumed
        "Does acupuncture help chronic tension-type headache?",
        "My teenager has low back pain, is acupuncture worth it?",
    ],
)
def test_no_age_line_when_the_patient_is_old_enough_or_no_age_is_stated(question):
    answer = ask(question)
    assert MARK not in answer.markdown
    assert "not_covered_by_age" not in (answer.understanding.get("bottom_line") or {})


def test_the_brief_answer_carries_the_line():
    answer = ask("8 year old boy with recurrent tension headaches, would acupuncture help him?")
    assert any(MARK in s.text for s in answer.brief_sections)


def _rec(rid: str, body: str, min_age: int | None) -> Recommendation:
    return Recommendation(
        id=rid,
        source="nice2012_cg150",
        body=body,
        year=2012,
        condition="migraine",
        population="People in a test",
        min_age=min_age,
        direction="for",
        strength="conditional",
        evidence_quality="not_stated",
        summary="A test position on acupuncture.",
        reviewed=dt.date(2026, 12, 4),
    )


def test_positions_are_named_once_per_body_and_age():
    recs = [
        _rec("a", "National Institute for Health and Care Excellence (NICE)", 12),
        _rec("b", "National Institute for Health and Care Excellence (NICE)", 12),
        _rec("c", "American College of Physicians", 18),
        _rec("d", "US Medicare", None),
    ]
    young = too_young_for(recs, 10)
    assert [r.id for r in young] == ["a", "c"]
    assert too_young_for(recs, 12) == [recs[2]]
    assert too_young_for(recs, 18) == []
    line = age_line(young, 10, "clinician")
    assert "NICE: aged 12 and over; American College of Physicians: adults" in line


def test_an_assumed_age_is_not_stated():
    assert stated_age({"age": 40}, ["age (taken as 40: adult)"]) is None
    assert stated_age({"age": 8}, []) == 8
    assert stated_age({}, []) is None


def test_min_age_is_validated():
    with pytest.raises(ValueError, match="min_age"):
        _rec("x", "NICE", -1)


def test_every_guideline_age_says_where_it_was_read():
    base = bundled_base()
    text = (Path(acupath.__file__).parent / "data/recommendations/guidelines.yaml").read_text()
    for rec in base.recommendations.values():
        if rec.min_age is None:
            continue
        block = text.split(f"- id: {rec.id}\n", 1)[1].split("\n- id:", 1)[0]
        assert "where the age was read" in block, rec.id
