"""Wave 11, people: another person's facts stay that person's (h10006, h10016, h10027).

- "my 6 year old", "my twin sister", "my little brother": a relative named by age or with a
  word before the relation is the subject of its clause like "my son".
- "I'm her dad", "as his wife": the asker saying who they are to the relative does not point
  back to the relative as the one asked about.
- "giving chemo", "I work on a chemo unit": a job handling a treatment is not the asker's
  treatment."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> set[str]:
    return {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        (
            "I'll have my 6 year old with me at the appointment. The acupuncture is for my own"
            " tennis elbow, I'm 36.",
            "age:6",
        ),
        ("My 4-year-old is coming along with me; I'm 40 and have neck pain.", "age:4"),
        ("Bringing my 10 yr old with me, I have knee pain, can I have acupuncture?", "age:10"),
        ("My twin sister is pregnant, I have back pain. Can I have acupuncture?", "pregnant"),
        (
            "My daughter is 8 months pregnant and staying with me. I'm her 63 year old dad with"
            " a sore shoulder - any reason I shouldn't have acupuncture?",
            "pregnant",
        ),
        (
            "My wife is pregnant. I am her husband and I have plantar fasciitis, can I have"
            " acupuncture?",
            "pregnant",
        ),
        (
            "My son is on warfarin. As his mum I'm asking for my own neck pain, can I have"
            " acupuncture?",
            "medicine:warfarin",
        ),
        ("My little brother is on warfarin, I have low back pain.", "medicine:warfarin"),
    ],
)
def test_a_relatives_facts_stay_theirs(text, theirs):
    assert theirs not in _applied(text)


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        # the relative is the one asked about: her facts are the patient's
        ("My daughter is pregnant and her back hurts, can she have acupuncture?", "pregnant"),
        ("My 6 year old has a fever, can he have acupuncture?", "red_flag:fever"),
        ("My wife is pregnant. Is it safe for her to have acupuncture?", "pregnant"),
        # the asker's own facts stay the asker's
        ("I'm her dad and I'm on warfarin, knee pain.", "medicine:warfarin"),
        ("My twin sister worries because I'm on warfarin, knee pain", "medicine:warfarin"),
        (
            "I am on chemo for breast cancer, neck pain, can I have acupuncture?",
            "cancer:on_treatment",
        ),
        (
            "They are giving me chemo for lymphoma. Can acupuncture help my nausea?",
            "class:chemotherapy",
        ),
        # the patient's chemo nurse is not the asker's job (h6028, h7033)
        (
            "the chemo nurse says my platelets are back up. am i ok for acupuncture for the"
            " sickness?",
            "class:chemotherapy",
        ),
        (
            "My chemo nurse said my neutrophils are 2.9 now, can I have acupuncture?",
            "class:chemotherapy",
        ),
        (
            "I work from home. The nurses are giving me chemo for lymphoma, nausea already.",
            "class:chemotherapy",
        ),
    ],
)
def test_the_patients_own_facts_stay(text, mine):
    assert mine in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I work as a nurse on an oncology ward giving chemo all day. Does that affect whether I"
        " can have acupuncture for my own plantar fasciitis?",
        "I'm a pharmacist and I prepare chemotherapy every day; can I have acupuncture for my"
        " back?",
        "As a chemo nurse I administer chemotherapy, and my shoulder is sore. Acupuncture?",
        "I spend my shifts giving chemo on the day unit. Knee pain, can I have acupuncture?",
        "I handle chemotherapy drugs at work - is acupuncture ok for my migraines?",
    ],
)
def test_a_job_handling_chemo_is_not_the_askers_chemo(text):
    assert "class:chemotherapy" not in _applied(text)


@pytest.mark.parametrize(
    ("text", "kept", "theirs"),
    [
        (
            "Asking for my parents: Dad (76) is on Eliquis and has a bad hip, Mum (73) is on"
            " nothing and has a stiff neck. Can they both have acupuncture? Mainly worried about"
            " Dad.",
            "age:76",
            "age:73",
        ),
        (
            "My son (9) and daughter (15) both get bad headaches. Is acupuncture ok for children"
            " their ages? The younger one is the worse.",
            "age:9",
            "age:15",
        ),
        (
            "Grandad (88) and Grandma (84) share a carer - me. Grandad has bad hiccups. Is"
            " acupuncture ok for Grandad's hiccups?",
            "age:88",
            "age:84",
        ),
        ("Mum (70) and Dad (81) both have knee OA. Mostly asking about Dad.", "age:81", "age:70"),
        (
            "Grandma (90) and Grandad (85) have back pain; the older one is frailer.",
            "age:90",
            "age:85",
        ),
        ("My daughter (6) and son (12) get migraines, especially my son.", "age:12", "age:6"),
    ],
)
def test_several_people_the_box_is_for_the_main_one(text, kept, theirs):
    applied = _applied(text)
    assert kept in applied
    assert theirs not in applied


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Dad (76) is on Eliquis and has a bad hip.", {"age:76"}),
        ("Dad (76), hip OA, on apixaban, age 76", {"age:76"}),
        ("My mum (73) has neck pain, can she have acupuncture?", {"age:73"}),
        ("Pt (45) with low back pain.", {"age:45"}),
    ],
)
def test_one_person_keeps_their_age(text, ages):
    assert ages <= _applied(text)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Patient leaflet draft: 'People taking warfarin, apixaban or clopidogrel can usually"
            " still have acupuncture.' Is that wording supported by the evidence?",
            {"medicine:warfarin", "medicine:apixaban", "medicine:clopidogrel"},
        ),
        (
            "What does the evidence say about bleeding in patients on warfarin and clopidogrel?",
            {"medicine:warfarin", "medicine:clopidogrel"},
        ),
        (
            "Studies of acupuncture in people taking apixaban, rivaroxaban, or dabigatran?",
            {"medicine:apixaban", "medicine:rivaroxaban", "medicine:dabigatran"},
        ),
        (
            "Review of bruising in patients with pacemakers: what did trials find?",
            {"device:pacemaker"},
        ),
        (
            "How do clinics manage people who have pacemakers or ICDs during electroacupuncture?",
            {"device:pacemaker", "device:icd"},
        ),
    ],
)
def test_a_group_named_in_a_general_question_is_its_topic(text, labels):
    assert not labels & _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "I take warfarin, apixaban was stopped. Knee pain, evidence for acupuncture?",
            "medicine:warfarin",
        ),
        (
            "Is it safe for people taking warfarin or clopidogrel to have acupuncture?",
            "medicine:clopidogrel",
        ),
        (
            "My patient is on warfarin and clopidogrel, evidence for acupuncture in knee OA?",
            "medicine:clopidogrel",
        ),
        (
            "I have a pacemaker, what does the evidence say about acupuncture for back pain?",
            "device:pacemaker",
        ),
        ("Is electroacupuncture safe for patients with pacemakers?", "device:pacemaker"),
        (
            "People with pacemakers can't have any acupuncture at all, can they? Mine went in"
            " last year and my knee OA is getting worse.",
            "device:pacemaker",
        ),
        ("How do clinics manage people who have pacemakers? I have one.", "device:pacemaker"),
        (
            "Studies on people taking warfarin or clopidogrel? She takes both.",
            "medicine:clopidogrel",
        ),
    ],
)
def test_a_patients_own_medicine_or_device_stays(text, label):
    assert label in _applied(text)
