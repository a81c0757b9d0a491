"""Wave 19 (issue 10), people: ages said by idiom or milestone, and ages owned by a person
word that is no relation ("the younger one 9", "the twins are 12", "they're 14"), in our own
wordings (none is a benchmark question).
"""

from __future__ import annotations

import datetime

import pytest

from acupath.answer.ages import find_ages

_TODAY = datetime.date(2026, 12, 4)


def _ages(text: str) -> list[int]:
    return [a.value for a in find_ages(text, _TODAY)]


# 1. ages said by idiom or milestone ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("Just turned sweet sixteen and my neck is stiff from revising. Acupuncture ok?", 16),
        ("She turned sweet 16 on Saturday and her periods are awful. Can she try needles?", 16),
        ("Hit sixteen last week, bad knees from netball. Is acupuncture allowed?", 16),
        ("Grandad hit 90 in March and his shoulder is sore. Safe for him?", 90),
        ("My uncle just hit 75 and has sciatica. Acupuncture?", 75),
        ("Mum reached 80 at Easter, knee OA. Worth trying acupuncture?", 80),
        ("Got my telegram from the Queen last year! Hip aches. Am I too old for needles?", 100),
        ("Nan got her card from the King in May and her back is sore. Can she have it?", 100),
        ("Stopped working in spring (turned 67 in April). Back pain. Acupuncture?", 67),
        ("Newly retired (just turned 65), stiff shoulders. Any good?", 65),
    ],
)
def test_an_age_said_by_a_milestone_is_read(question: str, age: int) -> None:
    assert age in _ages(question)


@pytest.mark.parametrize(
    "question",
    [
        "Our team hit 70 points last night and my knee is sore. Acupuncture?",
        "I got a telegram from the hospital about my scan. Back pain. Acupuncture ok?",
        "Sales hit 100 this year and the stress gives me headaches. Would acupuncture help?",
        "The temperature hit 30 at the weekend and my legs swelled. Needles ok?",
        "My blood pressure reached 160 last week. Can I have acupuncture for my neck?",
    ],
)
def test_a_number_reached_that_is_no_age_is_not_read(question: str) -> None:
    assert _ages(question) == []


# 2. ages of a person word that is no relation ------------------------------------------------


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("My girls are twins, they're 13, both get migraines. Acupuncture ok?", 13),
        ("the boys have sore knees from rugby, theyre 15. can they have acupuncture", 15),
        ("Both nephews play football and they are 16 now. Acupuncture for shin splints?", 16),
        ("My twins are 11 and one has tummy aches. Is acupuncture ok for children?", 11),
        ("Two kids: the older one 16, the younger one 10 has a shunt. Advice for the younger?", 10),
        ("Three children, the eldest 17 and the youngest 8, all with headaches. Needles?", 17),
    ],
)
def test_an_age_of_a_person_word_is_read(question: str, age: int) -> None:
    assert age in _ages(question)


@pytest.mark.parametrize(
    "question",
    [
        "They are 20 minutes apart and the pain is bad. Can acupuncture help?",
        "The twins are 2 weeks overdue for their check. Can I have acupuncture for my back?",
        "The younger one 3 sessions ago said it helped. Should I book more?",
        "they're 10 mg tablets and I take two. Acupuncture ok with those?",
    ],
)
def test_a_count_after_such_a_word_is_no_age(question: str) -> None:
    assert _ages(question) == []


# 3. several people, each given an age by a copula, a title, "I'm" or "N year old" ------------


def _applied(question: str) -> list[str]:
    from acupath.answer import ask

    return list((ask(question).patient_context or {}).get("applied", []))


@pytest.mark.parametrize(
    ("question", "kept", "aside"),
    [
        (
            "My aunt is 58 and fine. My grandad is 84 and on rivaroxaban for AF, sore knee. "
            "Can grandad have acupuncture?",
            "age:84",
            "age:58",
        ),
        (
            "Mr C 38, tennis elbow, nil else. Mrs D 29, 12/40 pregnant, pelvic pain. Which "
            "points to avoid for Mrs D?",
            "age:29",
            "age:38",
        ),
        (
            "My 6 year old has tummy aches and my 15 year old has headaches. Is it different "
            "for the little one?",
            "age:6",
            "age:15",
        ),
        (
            "Two brothers: the older one 16, fine; the younger one 11 has a VP shunt. Advice "
            "for the younger boy?",
            "age:11",
            "age:16",
        ),
        (
            "Uncle is 69 and well. Auntie is 64 and on warfarin with INR 2.8. Can auntie try "
            "acupuncture for her hip?",
            "age:64",
            "age:69",
        ),
    ],
)
def test_the_other_persons_age_is_set_aside(question: str, kept: str, aside: str) -> None:
    applied = _applied(question)
    assert kept in applied
    assert aside not in applied


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("Mum is 74 and on warfarin, INR 2.5, and her neck is stiff. Is acupuncture ok?", "age:74"),
        ("I'm 45 and my son has asthma. Can I have acupuncture for my back?", "age:45"),
        ("My 9 year old has migraines. Is acupuncture ok for a child?", "age:9"),
    ],
)
def test_one_persons_age_stays(question: str, kept: str) -> None:
    assert kept in _applied(question)


def test_the_order_asked_after_the_ages_picks_the_child() -> None:
    applied = _applied(
        "Two sisters: the younger one 8, well; the older one 15 with a VP shunt and "
        "headaches. What about the older girl?"
    )
    assert "age:15" in applied
    assert "age:8" not in applied


def test_her_before_a_noun_is_no_ask_about_her() -> None:
    applied = _applied(
        "For my grandparents: Nan is 79, uses a cream for her hands. Grandad is 83 and on "
        "apixaban, bad shoulder. Can they both have acupuncture?"
    )
    assert "age:83" in applied
    assert "age:79" not in applied


# 4. people labelled "He:" and "She:" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kept", "aside"),
    [
        (
            "He: 62, on ticagrelor, neck pain. She: 58, lymphoedema left arm after cancer. What "
            "should I watch for with her?",
            ["age:58"],
            ["age:62", "class:antiplatelet"],
        ),
        (
            "She: 44, migraines, nil meds. He: 47, on warfarin, INR 2.4, back pain. Any "
            "precautions for him?",
            ["age:47", "class:anticoagulant"],
            ["age:44"],
        ),
        (
            "Couple. She - 30, 20 weeks pregnant. He - 33, well. Is acupuncture ok for her back?",
            ["age:30", "pregnant"],
            ["age:33"],
        ),
    ],
)
def test_people_labelled_he_and_she(question: str, kept: list[str], aside: list[str]) -> None:
    applied = _applied(question)
    assert all(k in applied for k in kept)
    assert not any(a in applied for a in aside)


@pytest.mark.parametrize(
    "question",
    [
        "She: 3 sessions so far, no change. Should she continue?",
        "He: 50 mg amitriptyline at night. Can he have acupuncture for his neck?",
    ],
)
def test_a_count_after_he_or_she_is_no_age(question: str) -> None:
    assert _ages(question) == []


# 5. an age told of one's childhood is a past age ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I had a brain tumour as a child (age 7), fine for 25 years. Acupuncture for my neck?",
        "Kidney surgery as a baby, aged 1, nothing since. Is acupuncture ok for my back?",
        "My husband had leukaemia in childhood (aged 5) and is well now. Can he have needles?",
        "She had epilepsy as a teenager, age 14, no fits since. Acupuncture for her knee?",
        "Heart op when I was little (aged 3). All fine now. Is acupuncture safe?",
    ],
)
def test_an_age_in_childhood_is_no_age_now(question: str) -> None:
    assert _ages(question) == []


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("Child, age 7, with tummy migraines. Is acupuncture ok?", 7),
        ("Asthma as a child; now aged 45 with back pain. Acupuncture?", 45),
    ],
)
def test_an_age_now_beside_a_childhood_stays(question: str, age: int) -> None:
    assert age in _ages(question)


# 6. the asker writes for a relative and sets their own facts apart ---------------------------


@pytest.mark.parametrize(
    ("question", "kept", "aside"),
    [
        (
            "Asking for my sister. I'm the one with the pacemaker, she's 40 and healthy with neck "
            "pain. Can she have acupuncture?",
            ["age:40"],
            ["device:pacemaker"],
        ),
        (
            "Writing on behalf of my husband - I'm the one on warfarin, he takes nothing. Is "
            "acupuncture ok for his back?",
            [],
            ["class:anticoagulant"],
        ),
        (
            "Asking about my son. I am the one who is pregnant, he is 8 and has migraines. Can he "
            "try acupuncture?",
            ["age:8"],
            ["pregnant"],
        ),
        (
            "Enquiring for my dad: it's me who has haemophilia, he has none. He's 66 with a bad "
            "knee. Is acupuncture safe?",
            ["age:66"],
            ["comorbidity:haemophilia"],
        ),
    ],
)
def test_the_askers_own_facts_are_set_aside(
    question: str, kept: list[str], aside: list[str]
) -> None:
    applied = _applied(question)
    assert all(k in applied for k in kept)
    assert not any(a in applied for a in aside)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "I'm the one on warfarin and I have knee pain. Is acupuncture ok for me?",
            "class:anticoagulant",
        ),
        (
            "Asking for my wife and me. I'm the one on warfarin. Can we both have acupuncture?",
            "class:anticoagulant",
        ),
    ],
)
def test_the_askers_facts_stay_when_the_asker_is_a_patient(question: str, kept: str) -> None:
    assert kept in _applied(question)


# 7. a relative's condition set against the patient's own (family history) ---------------------


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "Sister on warfarin for DVT; the patient herself takes no medication. Knee pain, ok to "
            "needle?",
            "class:anticoagulant",
        ),
        (
            "Twin brother has a pacemaker, the patient himself has no devices. Shoulder pain. Any "
            "issues?",
            "device:pacemaker",
        ),
        (
            "Brother has haemophilia A; the client herself has a normal clotting screen. "
            "Neck pain, "
            "precautions?",
            "comorbidity:haemophilia",
        ),
        (
            "Her mother has a pacemaker. Patient herself is fit and well, 40, with migraine. "
            "Acupuncture ok?",
            "device:pacemaker",
        ),
        (
            "Father is on apixaban; the pt himself is on nothing. Low back pain. Points to avoid?",
            "class:anticoagulant",
        ),
    ],
)
def test_a_relatives_condition_against_the_patients_own_is_set_aside(
    question: str, aside: str
) -> None:
    assert aside not in _applied(question)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "Brother has haemophilia A and wants acupuncture for his knee. Is it safe?",
            "comorbidity:haemophilia",
        ),
        (
            "Patient has haemophilia A, like her brother. The patient herself wants neck needling.",
            "comorbidity:haemophilia",
        ),
    ],
)
def test_a_relation_word_without_the_patient_set_apart_stays(question: str, kept: str) -> None:
    assert kept in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "If her platelets fall below 50 will she stop? right now theyre 120 and it helps her.",
        "His blood sugars are up and down, they're 15 most mornings. Acupuncture for his feet?",
        "Mum's neutrophils were low last cycle but they are 90 now. Can she keep going?",
    ],
)
def test_they_are_n_after_a_measure_is_no_age(question: str) -> None:
    assert _ages(question) == []
