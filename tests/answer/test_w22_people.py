"""Wave 22 (issue 10), people: the adolescent band told by school exams ("about to do her
GCSEs", "sitting his A-levels"), an age told for the asker and a sibling together ("we're
15"), and the one person a question says it concerns ("this query concerns the SON only").
Our own wordings (none is a benchmark question)."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _labels(question: str) -> set[str]:
    return set(extract(question).labels())


# 1. school exams of the adolescent years: the band ------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My son is about to sit his GCSEs and has tension headaches. Can he have acupuncture?",
        "She's got her A-levels coming up and bad migraines. Is acupuncture suitable?",
        "My daughter will do her A levels next summer; her back aches. Acupuncture ok?",
        "He starts his GCSE exams in May and can't sleep. Would needles help?",
        "Our girl is preparing for her GCSEs and gets painful periods. Acupuncture?",
        "My boy is in the middle of his A-level exams and has neck pain. Is it safe?",
        "I'm about to take my GCSEs and get headaches. Can I try acupuncture?",
    ],
)
def test_school_exams_tell_the_adolescent_band(question: str) -> None:
    assert "age_band:adolescent" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        # an exam long past, or an adult who teaches for them: no band
        "I did my GCSEs thirty years ago and now have a frozen shoulder. Acupuncture?",
        "I teach A-level chemistry and have bad neck pain from marking. Acupuncture?",
        "I'm 44 and retaking my maths GCSE at night school; my back hurts. Acupuncture?",
    ],
)
def test_an_exam_of_the_past_or_of_others_tells_no_band(question: str) -> None:
    assert "age_band:adolescent" not in _labels(question)


# 2. "we're 15": the asker and a sibling (or friend) told together ----------------------------


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("My brother and I want acupuncture for our acne. We're 16. Is that allowed?", 16),
        ("Me and my best friend both get migraines, we are 14. Can we have acupuncture?", 14),
        ("We're both 13 - twins - and have sore backs from sport. Acupuncture ok?", 13),
        ("My twin and I are 17 and both have period pain. Can we get acupuncture?", 17),
        ("We are fifteen and want acupuncture for our headaches. Do we need a parent?", 15),
    ],
)
def test_we_are_n_is_the_askers_age(question: str, age: int) -> None:
    labels = _labels(question)
    assert f"age:{age}" in labels


@pytest.mark.parametrize(
    "question",
    [
        # a count of people or of years together, never an age
        "We're 3 friends who want acupuncture together for back pain. Any discount?",
        "We are 2 weeks into treatment for my neck. Is soreness normal?",
        "We've been married 40 years and both have knee pain. Acupuncture for us?",
    ],
)
def test_we_are_a_count_is_no_age(question: str) -> None:
    assert not any(x.startswith("age:") for x in _labels(question))


# 3. the one person the question says it concerns ----------------------------------------


@pytest.mark.parametrize(
    ("question", "age", "other"),
    [
        (
            "Dad (72) and my daughter (14) both want acupuncture. The query relates to my "
            "daughter. Period pain - is it ok?",
            14,
            72,
        ),
        (
            "Mum (68) and Dad (71), both with knee arthritis - this enquiry concerns Dad only. "
            "Acupuncture ok?",
            71,
            68,
        ),
        (
            "Referral for grandmother (81) and granddaughter (16): the question regards the "
            "granddaughter. Migraine. Acupuncture?",
            16,
            81,
        ),
        (
            "Husband (50) and wife (47). This request is only for the wife, who has neck pain. "
            "Can she have acupuncture?",
            47,
            50,
        ),
        (
            "Father (44, fit) and son (9, headaches). This question is about the son. "
            "Paediatric acupuncture?",
            9,
            44,
        ),
        (
            "Grandad (90) and grandson (15) came in together. My question concerns the grandson "
            "only: sports injury. Acupuncture?",
            15,
            90,
        ),
    ],
)
def test_the_person_the_query_concerns_keeps_the_age(question: str, age: int, other: int) -> None:
    labels = _labels(question)
    assert f"age:{age}" in labels
    assert f"age:{other}" not in labels


@pytest.mark.parametrize(
    ("question", "age"),
    [
        # a query about a thing, not a person: the first named stays the main person
        (
            "Mum (68) and Dad (71) both have knee arthritis. My query concerns the cost. Is "
            "acupuncture ok?",
            68,
        ),
        (
            "Dad (72) and my daughter (14). The question is about the number of sessions for "
            "Dad's back.",
            72,
        ),
    ],
)
def test_a_query_about_a_thing_picks_no_person(question: str, age: int) -> None:
    assert f"age:{age}" in _labels(question)
