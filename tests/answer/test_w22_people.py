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
        "Our girl has her GCSE exams coming up and gets painful periods. Acupuncture?",
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
        # a past tense, or "were" after a lab: no age
        "We were 15 when we first had acupuncture; now my back hurts. Is it still ok?",
        "My platelets on Friday were 95. Is acupuncture ok for my knee?",
        # a decade, not an age
        "Questions from our walking group (we're all 70s-80s): is acupuncture safe for knees?",
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


# 4. "It's Mum who wants it": the cleft sentence names the one asked about ------------------


@pytest.mark.parametrize(
    ("question", "age", "aside"),
    [
        (
            "Mum (79) is on rivaroxaban and Dad (82) isn't on anything. It's Dad who wants "
            "acupuncture, for his knee. Anything to watch?",
            82,
            "class:anticoagulant",
        ),
        (
            "My aunt (70) takes warfarin; my uncle (74) has no health problems. It is my uncle "
            "that needs acupuncture for his back. Is it safe?",
            74,
            "class:anticoagulant",
        ),
        (
            "Grandma (85) has a pacemaker and Grandad (88) is well. It's Grandad who is having "
            "the acupuncture. Any concerns?",
            88,
            "device:pacemaker",
        ),
        (
            "Dad (66) is on apixaban and Mum (64) takes nothing. It's Mum that's booked in for "
            "acupuncture for her shoulder. Anything she should know?",
            64,
            "class:anticoagulant",
        ),
        (
            "My brother (30) is on warfarin, my sister (27) isn't. It's my sister who wants "
            "acupuncture for migraines. Is that ok?",
            27,
            "class:anticoagulant",
        ),
    ],
)
def test_the_cleft_sentence_picks_the_person(question: str, age: int, aside: str) -> None:
    labels = _labels(question)
    assert f"age:{age}" in labels
    assert aside not in labels


@pytest.mark.parametrize(
    "question",
    [
        # the cleft names the one on the anticoagulant: it stays
        "Mum (79) is on rivaroxaban and Dad (82) isn't. It's Mum who wants acupuncture. Ok?",
        # a cleft about a thing, not a person: every fact stays
        "Dad (80) is on Eliquis and Mum (77) is well. It's the needles that worry them. Ok?",
    ],
)
def test_a_cleft_of_the_holder_or_of_a_thing_keeps_the_fact(question: str) -> None:
    assert "class:anticoagulant" in _labels(question)


# 5. a list's item marked by "query bed 3 only" (no preposition) ----------------------------


@pytest.mark.parametrize(
    ("question", "age", "aside"),
    [
        (
            "Ward round, query bed 4 only: bed 3 = apixaban, bed 4 = 62F, neck pain, no meds. "
            "Needle bed 4?",
            62,
            "class:anticoagulant",
        ),
        (
            "Question patient 2 only. Patient 1: 80M on warfarin. Patient 2: 45F, migraine, "
            "nil meds. OK to treat?",
            45,
            "class:anticoagulant",
        ),
        (
            "Query case 1 only - case 1: 38M, LBP, fit. Case 2: 71F, pacemaker. Any "
            "contraindications?",
            38,
            "device:pacemaker",
        ),
        (
            "Enquiry pt 2 only: pt 1 is 77M with a pacemaker; pt 2 is 50F with knee OA, "
            "no meds. Safe to needle?",
            50,
            "device:pacemaker",
        ),
        (
            "Query bed 1 only. Bed 1: 59M, shoulder pain, healthy. Bed 2: 83F on rivaroxaban. "
            "Needle bed 1?",
            59,
            "class:anticoagulant",
        ),
    ],
)
def test_a_query_mark_without_a_preposition_picks_the_item(
    question: str, age: int, aside: str
) -> None:
    labels = _labels(question)
    assert f"age:{age}" in labels
    assert aside not in labels


# 6. a relation in brackets, then the age ("mi madre (my mum) 74") --------------------------


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("mi padre (my dad) 81 has pain in his knee. acupuncture ok?", 81),
        ("ma mère (my mother) 77 has a stiff neck since a month. acupuncture?", 77),
        ("mein Vater (my father) 69 has back pain. is acupuncture safe?", 69),
        ("a minha avó (my grandmother) 90 has sore hands. acupuncture is possible?", 90),
        ("mia figlia (my daughter) 15 has period pain. acupuncture is ok?", 15),
    ],
)
def test_a_bracketed_relation_then_the_age(question: str, age: int) -> None:
    assert f"age:{age}" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "mi madre (my mum) 2 weeks ago started having headaches. acupuncture?",
        "my father (retired) 3 times a week walks. his knee hurts. acupuncture?",
    ],
)
def test_a_bracketed_relation_then_a_count_is_no_age(question: str) -> None:
    assert not any(x.startswith("age:") for x in _labels(question))


# 7. a numbered list whose one item is the asker's, marked "mainly asking about me" ----------


@pytest.mark.parametrize(
    ("question", "age", "aside"),
    [
        (
            "1) for me - 47, neck pain, no meds. 2) my husband, he's on warfarin for AF. Mainly "
            "asking about me. Acupuncture ok?",
            47,
            "class:anticoagulant",
        ),
        (
            "Two things: (1) me: 39, migraines, well otherwise; (2) my sister, 30 weeks pregnant "
            "with sciatica. The question is mostly for me. Can I have acupuncture?",
            39,
            "pregnant",
        ),
        (
            "1) I'm 58 with knee OA, healthy. 2) my dad has a pacemaker and wants to come too. "
            "Just asking for myself really. Is it safe?",
            58,
            "device:pacemaker",
        ),
        (
            "(1) for me: 62, low back pain, fit. (2) for my wife: on apixaban, shoulder pain. "
            "Only asking about me for now - ok to needle?",
            62,
            "class:anticoagulant",
        ),
        (
            "1) me - 44, tennis elbow, no health problems 2) my friend, 16 weeks pregnant, "
            "nausea. My query is mainly about me. Acupuncture?",
            44,
            "pregnant",
        ),
    ],
)
def test_the_askers_item_marked_by_about_me(question: str, age: int, aside: str) -> None:
    labels = _labels(question)
    assert f"age:{age}" in labels
    assert aside not in labels


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # no mark, or the mark names the other: every fact stays
        (
            "1) for me - 47, neck pain. 2) my husband, he's on warfarin. Can we both have "
            "acupuncture?",
            "class:anticoagulant",
        ),
        (
            "1) me - 44, tennis elbow 2) my friend, 16 weeks pregnant, nausea. Mainly asking "
            "about her. Acupuncture?",
            "pregnant",
        ),
    ],
)
def test_no_mark_or_the_other_marked_keeps_the_fact(question: str, kept: str) -> None:
    assert kept in _labels(question)


# 8. "it's just me booking - 35": the asker's age after a verb of booking or asking ---------


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("My dad has a pacemaker, but it's just me booking - 41, healthy, sore back. Ok?", 41),
        ("Mum's on warfarin but it's only for me - it's me booking, 29, no meds. Neck pain.", 29),
        ("My wife is pregnant, but this is me asking - 36, fit and well, tennis elbow.", 36),
        ("Just me coming in, 52, no health issues, plantar fasciitis. Any worries?", 52),
        ("It's me enquiring - 67, knee arthritis, no meds. Is acupuncture suitable?", 67),
    ],
)
def test_the_asker_booking_then_the_age(question: str, age: int) -> None:
    assert f"age:{age}" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "It's just me booking - 10 sessions for my back. Any discount?",
        "It's me asking, 2 quick questions: is acupuncture safe, and does it hurt?",
    ],
)
def test_the_asker_booking_then_a_count_is_no_age(question: str) -> None:
    assert not any(x.startswith("age:") for x in _labels(question))
