"""Wave 12, people: whose fact is it (p10087, p10094, p10097, p10101, h10094).

- "he's not the one having acupuncture, I am": the relative is said not to be the patient.
- "my son is the one who hates needles, not me": the fact is set against the asker.
- "a kid at my son's school had meningitis": a person met somewhere is not the asker.
- two people each with an age: the box is for the one with the safety fact, and a note's
  "First: 45F ... Second: 59M" names two people."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> set[str]:
    return {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    ("text", "label", "theirs"),
    [
        (
            "My husband is on warfarin and his INR was 4.1 - he's not the one having acupuncture,"
            " I am, for plantar fasciitis.",
            "medicine:warfarin",
            True,
        ),
        (
            "My wife is pregnant, she's not the one having acupuncture, I am, for back pain.",
            "pregnant",
            True,
        ),
        (
            "My dad is on apixaban; he isn't the patient, I am. Neck pain.",
            "medicine:apixaban",
            True,
        ),
        (
            "My mum is on warfarin but she is not the one being treated, I am, knee pain.",
            "medicine:warfarin",
            True,
        ),
        (
            "My sister is pregnant but she's not the patient, I am. Shoulder pain.",
            "pregnant",
            True,
        ),
        (
            "My husband is on warfarin, he's the one having acupuncture, for his knee.",
            "medicine:warfarin",
            False,
        ),
        (
            "My wife is pregnant and she is the one with back pain, can she have acupuncture?",
            "pregnant",
            False,
        ),
    ],
)
def test_he_is_not_the_one_keeps_his_facts_his(text, label, theirs):
    assert (label not in _applied(text)) is theirs


@pytest.mark.parametrize(
    "text",
    [
        "My husband's INR was 4.1 and his warfarin dose was cut. I have back pain.",
        "My dad's platelets were 45.5 and his knee hurts. I have neck pain.",
        "My mum is on warfarin 2.5 mg and her INR is 3.2 today. I have knee pain.",
    ],
)
def test_a_decimal_point_ends_no_clause(text):
    assert not [x for x in _applied(text) if x.startswith(("lab:", "medicine:", "platelets"))]


@pytest.mark.parametrize(
    "text",
    [
        "My husband is on warfarin but he's not the one having acupuncture, my daughter is, and"
        " she is on warfarin too.",
        "My dad is on warfarin and he is not the patient; my mum is, she's on warfarin as well.",
    ],
)
def test_not_the_one_but_another_relative_keeps_the_cautious_reading(text):
    assert "medicine:warfarin" in _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "My son (17) is the one who hates needles, not me - I actually find them relaxing."
            " Booking myself in for my carpal tunnel.",
            "needle_phobia",
        ),
        (
            "My wife is the one on warfarin, not me. I have tennis elbow, any problem?",
            "medicine:warfarin",
        ),
        (
            "My daughter is the one who's pregnant, not me! I'd like acupuncture for my neck.",
            "pregnant",
        ),
        (
            "My brother is the one with haemophilia, not me; I have migraines. Acupuncture ok?",
            "comorbidity:haemophilia",
        ),
        (
            "My husband's the one who is terrified of needles, not me. I have knee pain,"
            " can they help me?",
            "needle_phobia",
        ),
    ],
)
def test_the_one_not_me_is_theirs(text, label):
    assert label not in _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the relative is the one having treatment: their facts stay
        (
            "My son (17) is the one who needs acupuncture, not me. He hates needles.",
            "needle_phobia",
        ),
        (
            "My wife is the one having the acupuncture, not me - she is on warfarin.",
            "medicine:warfarin",
        ),
        ("I'm the one on warfarin, not my wife. I have back pain.", "medicine:warfarin"),
        (
            "I'm on warfarin, and my husband is the one who hates needles, not me. Knee pain.",
            "medicine:warfarin",
        ),
        (
            "My daughter is the one with the appointment, not me; she's pregnant.",
            "pregnant",
        ),
    ],
)
def test_the_one_having_treatment_keeps_the_facts(text, label):
    assert label in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "A kid at my son's school had meningitis so we got a letter. We're all well. I'm the"
        " parent and I want acupuncture for my migraines - still fine?",
        "A child in my daughter's class has chickenpox. I have neck pain, can I have acupuncture?",
        "A boy from our street was taken to hospital with meningitis. I'm 45 and have back"
        " pain, is acupuncture ok?",
        "Some kid at the nursery had a fever last week; I have tennis elbow. Acupuncture?",
        "A little girl at my work's creche was ill. I have knee pain - any reason not to have"
        " acupuncture?",
    ],
)
def test_a_child_met_somewhere_is_not_the_asker(text):
    assert not {x for x in _applied(text) if x in ("age_band:child", "age_band:infant")}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Can a kid at 8 have acupuncture for migraine?", "age_band:child"),
        ("A child in my care has migraine, can she have acupuncture?", "age_band:child"),
        ("I'm a kid at heart but 12 really, can I have acupuncture?", "age_band:child"),
    ],
)
def test_a_child_who_is_the_patient_stays(text, label):
    assert label in _applied(text)


@pytest.mark.parametrize(
    ("text", "kept", "aside"),
    [
        (
            "Asking for both my parents. Mum (76) has knee arthritis and takes only paracetamol."
            " Dad (79) has the same knees but he's on Eliquis for his heart rhythm. Can they both"
            " have acupuncture?",
            "age:79",
            "age:76",
        ),
        (
            "Grandad (88) is fit, Grandma (84) is on warfarin. Both have back pain, acupuncture?",
            "age:84",
            "age:88",
        ),
        (
            "My son (9) has migraines, my daughter (15) has migraines and a pacemaker. Can they"
            " have acupuncture?",
            "age:15",
            "age:9",
        ),
        (
            "Two referrals today. First: 45F, chronic neck pain, no issues. Second: 59M,"
            " sciatica, on warfarin with INR 3.9 this morning. Which can I needle today?",
            "age:59",
            "age:45",
        ),
        (
            "Two patients: first, 30M, knee pain. Second, 62F, on apixaban, hip pain. OK to"
            " needle?",
            "age:62",
            "age:30",
        ),
    ],
)
def test_the_person_with_the_safety_fact_is_the_one_screened(text, kept, aside):
    got = _applied(text)
    assert kept in got and aside not in got


@pytest.mark.parametrize(
    ("text", "kept", "aside"),
    [
        # a cue naming the main person wins over the safety fact
        (
            "Mum (76) is on warfarin, Dad (79) has knee pain. Mainly asking about Dad.",
            "age:79",
            "age:76",
        ),
        # both (or neither) with a safety fact: the first named, as before
        (
            "Mum (76) is on warfarin and Dad (79) is on apixaban. Knee pain, acupuncture?",
            "age:76",
            "age:79",
        ),
        ("Dad (76) and Mum (73) both have sore knees. Acupuncture?", "age:76", "age:73"),
    ],
)
def test_a_named_main_person_or_a_tie_keeps_the_old_rule(text, kept, aside):
    got = _applied(text)
    assert kept in got and aside not in got


@pytest.mark.parametrize(
    "text",
    [
        "Two referrals today. First: 45F, chronic neck pain, no issues. Second: 59M, sciatica,"
        " on warfarin with INR 3.9 this morning. Which can I needle today?",
        "68M, LBP 6 weeks, on apixaban. OK to needle?",
        "34F with migraine, 20 weeks pregnant - which points should I avoid?",
        "Referral: 72 M, knee OA, pacemaker. Electroacupuncture ok?",
        "Seeing a 55F tomorrow with frozen shoulder on warfarin, INR 2.5 - fine to needle?",
    ],
)
def test_a_notes_age_and_sex_code_is_a_patient(text):
    from acupath.answer.people import who_is_asked_about

    assert not who_is_asked_about(text, extract(text)).is_asker


@pytest.mark.parametrize(
    "text",
    [
        "I'm 45F with knee pain, can I have acupuncture?",
        "45F here, sore knee, acupuncture ok for me?",
        "I am a 30M runner with shin splints, can I have acupuncture?",
        "Knee pain for 18m, is acupuncture worth it?",
        "I walk 500m and my hip hurts, acupuncture?",
    ],
)
def test_the_asker_with_an_age_code_stays_the_asker(text):
    from acupath.answer.people import who_is_asked_about

    assert who_is_asked_about(text, extract(text)).is_asker


@pytest.mark.parametrize(
    "text",
    [
        "I want to ask about me and my twin brother. We are both 27. I have migraine and nothing"
        " else. He has migraine and haemophilia B. Can we both do acupuncture?",
        "Me and my sister both have back pain. I'm fine otherwise. She is on warfarin. Can we"
        " both have acupuncture?",
        "My husband and I both want acupuncture for knee pain. He has a pacemaker. Is it ok for"
        " us both?",
        "Asking for me and my mum: we both have neck pain. She is on apixaban. Can we both have"
        " it?",
        "Both of us have migraine - me and my brother. He has haemophilia. Acupuncture for both?",
    ],
)
def test_asking_for_both_the_box_is_for_the_one_with_the_safety_fact(text):
    from acupath.answer.people import who_is_asked_about

    assert not who_is_asked_about(text, extract(text)).is_asker


@pytest.mark.parametrize(
    "text",
    [
        "Me and my sister both have back pain. I am on warfarin. Can we both have acupuncture?",
        "I have migraine and I'm on warfarin; my brother has haemophilia. Can I have acupuncture?",
        "My wife and I both have knee pain, nothing else. Can we both have acupuncture?",
        "Me and my sister both have back pain. She is on warfarin and I am on apixaban. Both ok?",
        "My brother has haemophilia. I have migraine. Can I have acupuncture?",
    ],
)
def test_asking_for_both_the_asker_with_a_safety_fact_stays(text):
    from acupath.answer.people import who_is_asked_about

    assert who_is_asked_about(text, extract(text)).is_asker
