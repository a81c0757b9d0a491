"""Wave 17 (engineer "people"): a clinician's note about a patient is answered about the
patient, not "you"; a relative declared to be the one asked about ("not for me, for my
daughter") keeps their facts and the asker's own are set aside (and "asking for me, not her"
the reverse); a flatmate is another person; ages told by a milestone or a school year; several
people in one question (numbered clinic lists, a couple, two relatives with ages)."""

from __future__ import annotations

import pytest

from acupath.answer import ask, parse
from acupath.answer.context import extract
from acupath.answer.opening import person_asked_about


def _who(text: str) -> str | None:
    return person_asked_about(parse(text)).relation


def _applied(text: str) -> set[str]:
    return {m.label for m in extract(text).applied}


# --- a clinician's note about someone else -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # subjectless third-person verbs: the note's patient, not the asker
        "Takes rivaroxaban for AF, wants acupuncture for plantar fasciitis. OK to go ahead?",
        "Has an ICD since 2021, now wants electroacupuncture for shoulder pain. Any issues?",
        "Presents with LBP 6/52, no red flags, on apixaban. Needling?",
        # clinical shorthand with no person word at all
        "Plt 45 post cycle 2 ABVD, nausea++. Acupuncture today?",
        "Ca breast 2019, finished RT, lymphoedema L arm. Acupuncture for neck pain?",
        "COPD on home O2, BMI 17, thoracic myofascial pain. Dry needling?",
        "28/40 multip, PGP, on LMWH. Plan acupuncture - thoughts?",
        "80yo, DAPT post-PCI 3/12 ago, knee OA. Needling?",
        # a message quoted from the patient, first person inside the quotes
        "Email from pt: 'my back is worse and I have a fever since Sunday'. Booked for LBP.",
        'Patient wrote: "I\'m on warfarin now, is my session still on?" Knee OA.',
    ],
)
def test_a_clinicians_note_is_about_the_patient(text: str) -> None:
    assert _who(text) == "patient"


@pytest.mark.parametrize(
    "text",
    [
        # the asker's own terse words stay the asker's
        "finished tamoxifen last year after breast cancer, all scans clear. now have hot "
        "flushes still. acupuncture?",
        "taking xeloda tablets two weeks on one off for bowel cancer, hands and feet numb. "
        "would acupuncture be ok",
        "I'm on apixaban for AF and have knee OA. Acupuncture?",
        "LBP for 6 weeks, I take ibuprofen. Needling ok for me?",
        # evidence questions describe no one
        "Does acupuncture help dry mouth after radiotherapy for head and neck cancer?",
        "Shen 2000 electroacupuncture for high-dose chemo emesis: sample size?",
    ],
)
def test_the_askers_own_terse_words_stay_the_asker(text: str) -> None:
    assert _who(text) is None


def test_the_patient_voice_names_the_patient_of_a_note() -> None:
    answer = ask(
        "Has a cochlear implant, on clopidogrel, wants acupuncture for neck pain. Proceed?",
        audience="patient",
    )
    assert "What you told us about" in answer.markdown or "What you told us" not in (
        answer.markdown
    )
    assert "before you start acupuncture" not in answer.markdown


# --- a relative who lives with the asker ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("my gran (she lives with me) is on warfarin, INR 3.5. Can she have it?", "grandmother"),
        ("My dad, who is staying with me, has a pacemaker. Is acupuncture ok for him?", "father"),
        ("my mum lives with me and takes apixaban, can my mum have needles", "mother"),
        ("Dear team, my uncle (living with me now) is on chemo. Can my uncle come in?", "uncle"),
        ("my sister is staying with me, she's 30 weeks pregnant, can she have needles", "sister"),
    ],
)  # fmt: skip
def test_a_relative_living_with_the_asker_is_the_person(text: str, relation: str) -> None:
    assert _who(text) == relation


def test_where_the_asker_lives_is_no_health_of_theirs_but_their_own_words_are() -> None:
    assert _who("my mum lives with me. I have a pacemaker, can I have acupuncture?") is None
    assert _who("What's wrong with me? My back aches, I'm on warfarin.") is None


# --- "not for me, for my X" and "for me, not her" -------------------------------------------


@pytest.mark.parametrize(
    ("text", "relation", "kept", "aside"),
    [
        (
            "not for me, for my son - he has a VP shunt and headaches. I have a pacemaker "
            "myself but that doesn't matter",
            "son",
            "device:vp_shunt",
            "device:pacemaker",
        ),
        (
            "This isn't for me, it's for my wife: she's 20 weeks pregnant with sciatica. I'm "
            "on warfarin, if that matters.",
            "wife",
            "pregnant",
            "medicine:warfarin",
        ),
        (
            "asking for my dad, not for me. He takes apixaban. I have a cochlear implant.",
            "father",
            "medicine:apixaban",
            "device:cochlear_implant",
        ),
        (
            "Not about me - about my daughter, 16 weeks pregnant with back pain. I'm her mum "
            "and I'm on chemo",
            "daughter",
            "pregnant",
            "cancer:on_treatment",
        ),
        (
            "not for me but for my husband, he is on rivaroxaban. I have a pacemaker though.",
            "husband",
            "medicine:rivaroxaban",
            "device:pacemaker",
        ),
    ],
)
def test_a_declared_relative_keeps_their_facts_and_the_askers_are_aside(
    text: str, relation: str, kept: str, aside: str
) -> None:
    assert _who(text) == relation
    applied = _applied(text)
    assert kept in applied, applied
    assert aside not in applied, applied


@pytest.mark.parametrize(
    "text",
    [
        "My sister is 30 weeks pregnant, I'm not. Can I have acupuncture for my neck? Asking "
        "for me, not her.",
        "my mum is on warfarin but this is about me, not her. knee pain",
        "My wife is pregnant (20 weeks). Asking for myself, not my wife: shoulder pain.",
        "my brother has a pacemaker. asking for me not him - back pain",
        "Our daughter has a VP shunt; the question is for me, not her. Tennis elbow.",
    ],
)
def test_asking_for_me_not_her_sets_the_relatives_facts_aside(text: str) -> None:
    assert _who(text) is None
    applied = _applied(text)
    assert not {"pregnant", "medicine:warfarin", "device:pacemaker", "device:vp_shunt"} & (
        applied
    ), applied


def test_a_relative_asked_about_keeps_their_facts() -> None:
    # negatives: the relative is the one asked about
    assert "pregnant" in _applied("my sister is 30 weeks pregnant, can she have acupuncture?")
    assert "device:pacemaker" in _applied("my dad has a pacemaker. is acupuncture ok for him?")


# --- flatmates, housemates, roommates are other people -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My flatmate is on chemo, not me. I'm 30 with a stiff neck. Can I have acupuncture?",
        "my housemate has a pacemaker; I have plantar fasciitis, can I have needles?",
        "My roommate takes warfarin. I've got tennis elbow - acupuncture ok for me?",
        "my flat mate is pregnant, I have back pain, can I have acupuncture",
        "my lodger is on chemotherapy and I have knee pain. Is acupuncture ok for me?",
    ],
)
def test_a_flatmates_facts_are_not_the_askers(text: str) -> None:
    applied = _applied(text)
    assert (
        not {
            "cancer:on_treatment",
            "device:pacemaker",
            "medicine:warfarin",
            "pregnant",
        }
        & applied
    ), applied


def test_a_flatmate_asked_about_is_the_person() -> None:
    assert _who("my flatmate is on warfarin, can she have acupuncture?") == "flatmate"


# --- ages by milestones and school years ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I retired last spring and turned 66 at Christmas. Knees are shot.", "age:66"),
        ("Stopped work and turned 70 at the weekend, hip pain", "age:70"),
        ("Just celebrated my 70th (and retired the same week!). Hip arthritis.", "age:70"),
        ("We had a party for my 65th last month; my knees ache", "age:65"),
        ("celebrating my 80th today but my back is bad", "age:80"),
        ("celebrating my 80th next week but my back is bad", "age:79"),
        ("My son is in Year 9 at school and gets migraines", "age:13"),
        ("my daughter is in year 11 and has period pain", "age:15"),
        ("he's in Year 7 now, headaches most days", "age:11"),
    ],
)
def test_an_age_told_by_a_milestone_or_a_school_year(text: str, age: str) -> None:
    assert age in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I had my 3rd session last week, knee pain",
        "the pain turned worse at night",
        "I'm in year 2 of my PhD and have neck pain",
        "year 9 of the trial showed no harm",
        "she's in year 3 of nursing school with back pain",
        "celebrated my 10th anniversary at work, shoulder pain",
    ],
)
def test_no_age_from_other_ordinals_or_years(text: str) -> None:
    applied = _applied(text)
    assert not {a for a in applied if a.startswith("age:")}, applied


# --- several people in one question ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "aside"),
    [
        (
            "Clinic list: (1) 58M knee OA, no meds; (2) 61F, INR 4.2 on warfarin, neck pain. "
            "Which one should I not needle?",
            "age:61",
            "age:58",
        ),
        (
            "Today's list: (1) 44F neck pain, pacemaker; (2) 70M LBP, no meds; (3) 35F "
            "migraine. Start with #2 - anything for him?",
            "age:70",
            "device:pacemaker",
        ),
        (
            "Two pts: 1) 30F 24/40 PGP; 2) 55M on apixaban, LBP. Question about #2.",
            "medicine:apixaban",
            "pregnant",
        ),
        (
            "(1) 62M on warfarin; (2) 40F 20/40 pelvic pain. Number 2 please - any points to "
            "avoid?",
            "pregnant",
            "medicine:warfarin",
        ),
        (
            "List: (1) 72M AF on rivaroxaban, knee OA; (2) 50F tennis elbow. Just #1 for now.",
            "medicine:rivaroxaban",
            "age:50",
        ),
    ],
)
def test_a_numbered_list_keeps_the_marked_patients_facts(text: str, kept: str, aside: str) -> None:
    applied = _applied(text)
    assert kept in applied, applied
    assert aside not in applied, applied


def test_a_numbered_list_with_no_mark_keeps_every_safety_fact() -> None:
    applied = _applied("(1) 58M on warfarin; (2) 61F, 20/40 pregnant. Any problems?")
    assert {"medicine:warfarin", "pregnant"} <= applied, applied


@pytest.mark.parametrize(
    ("text", "kept", "aside"),
    [
        (
            "Couple attending together: he has platelets of 310 and no meds; she has ITP with "
            "platelets 30 last week. What about her?",
            "lab:platelets:30",
            "lab:platelets:310",
        ),
        (
            "Two referrals, same family: grandmother 84 with hip OA, no meds; grandson 10 with "
            "tension headaches. Please screen the boy.",
            "age:10",
            "age:84",
        ),
        (
            "my son (16) and daughter (11) both want acupuncture for headaches. my son has no "
            "issues, my daughter has a VP shunt. Is it fine for my son?",
            "age:16",
            "device:vp_shunt",
        ),
        (
            "my aunt (69) and my uncle (71) both have arthritis. My aunt takes Coumadin, INR "
            "3.4. Can my aunt come on Monday?",
            "age:69",
            "age:71",
        ),
        (
            "my nan (88) and grandad (90) both want needles. Grandad is fine. Nan has a "
            "pacemaker. What about my nan?",
            "device:pacemaker",
            "age:90",
        ),
    ],
)
def test_the_person_asked_about_among_several(text: str, kept: str, aside: str) -> None:
    applied = _applied(text)
    assert kept in applied, applied
    assert aside not in applied, applied


# --- a treatment naming the asker's workplace -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm a nurse on the chemo ward, my shoulders ache. Acupuncture ok?",
        "I work in the chemotherapy day unit as a porter, my knee hurts",
        "I'm a pharmacist in the chemo suite and have tennis elbow",
        "im an HCA on the chemotherapy ward, back pain from lifting, can I have acupuncture",
        "I'm a cleaner on the chemo unit with neck pain. Needles ok for me?",
    ],
)
def test_a_treatment_naming_the_askers_workplace_is_not_theirs(text: str) -> None:
    assert "cancer:on_treatment" not in _applied(text) and not any(
        a.startswith("class:chemo") for a in _applied(text)
    ), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm a patient on the chemo ward, my back hurts. acupuncture?",
        "I'm on the chemo ward every week for my treatment, I'm a teacher. Neck pain",
    ],
)
def test_a_patient_on_the_chemo_ward_is_on_chemo(text: str) -> None:
    assert "cancer:on_treatment" in _applied(text) or any(
        a.startswith("class:chemo") for a in _applied(text)
    ), _applied(text)


# --- the asker denying a condition of their own ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my friend got a collapsed lung from acupuncture, she has COPD. I dont have any lung "
        "problems, just neck pain. should i still be scared",
        "my dad has a pacemaker. I don't have any heart problems, just a bad back. Is "
        "acupuncture ok?",
        "My sister is on warfarin; I have no bleeding issues. Knee pain - needles?",
        "my mate has epilepsy, I haven't got any medical conditions. Can acupuncture help my "
        "shoulder?",
        "my wife is pregnant. I don't have any health problems, just tennis elbow. Acupuncture?",
    ],
)
def test_the_askers_own_denial_makes_them_the_patient(text: str) -> None:
    assert _who(text) is None
    applied = _applied(text)
    assert (
        not {
            "comorbidity:chronic_lung_disease",
            "device:pacemaker",
            "medicine:warfarin",
            "pregnant",
        }
        & applied
    ), applied


def test_a_relative_asked_about_stays_theirs_whatever_the_asker_lacks() -> None:
    text = "my mum has COPD and I don't have a clue if needles are safe. Can she go?"
    assert _who(text) == "mother"
    assert "comorbidity:chronic_lung_disease" in _applied(text)


# --- the asker's own state, device or treatment describes a person --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Im allergic to nickel. Does that stop me having acupuncture for tennis elbow?",
        "My hearing aid comes out, it's not an implant. Ear acupuncture for anxiety?",
        "Lost weight on purpose this year! Knees feel better but still achy. Acupuncture?",
        "I'm diabetic and my knee OA is bad. Is acupuncture ok?",
        "my insulin pump is on my tummy. Acupuncture for back pain - any issue?",
    ],
)
def test_the_askers_own_state_describes_a_person(text: str) -> None:
    from acupath.answer.people import describes_person

    stmt = parse(text)
    assert describes_person(text, stmt.patient, bool(stmt.question.conditions))


@pytest.mark.parametrize(
    "text",
    [
        "Is acupuncture safe for people allergic to nickel?",
        "Does acupuncture help knee osteoarthritis? Summarise the trials",
        "What does the evidence say about ear acupuncture for anxiety in general?",
    ],
)
def test_a_general_question_describes_no_person(text: str) -> None:
    from acupath.answer.people import describes_person

    stmt = parse(text)
    assert not describes_person(text, stmt.patient, bool(stmt.question.conditions))


def test_a_person_picked_by_a_possessive_keeps_the_others_safety_facts() -> None:
    # "Dad's knees" picks no one the question asks about: Mum's warfarin stays (cautious)
    text = (
        "Mum (76) is on warfarin and Dad (80) is fine. Dad's knees are the worry, can they "
        "both have acupuncture?"
    )
    assert "medicine:warfarin" in _applied(text), _applied(text)
