"""Wave 10 (issue 10), person: held-out part 9 misses read as classes, in our own wordings.

1. A patient's present measured facts stated plainly ("INR 2.7 today") stay applied beside a
   "hypothetically, if ..." supposition; only the supposed value is the supposed case (h9096).
2. A denial of past headaches ("never had headaches before") does not deny the new headache
   said beside it (h9075).
3. Epilepsy said to be "not well controlled" (any spelling of the negation) is uncontrolled
   epilepsy (h9058).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    return list((ask(question).patient_context or {}).get("applied", []))


# 1. the present beside a hypothetical ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "must"),
    [
        (
            "On warfarin for a mechanical valve, INR 2.6 today, knee OA. Hypothetically, if the "
            "INR were 4.0 next week, would you still needle?",
            ["class:anticoagulant", "inr:2.6"],
        ),
        (
            "Pt on warfarin, INR 2.9 this morning, low back pain. Hypothetically, if it rose to "
            "3.6, would acupuncture still be OK?",
            ["class:anticoagulant", "inr:2.9"],
        ),
        (
            "Warfarin, INR 3.1 yesterday, sciatica. Purely hypothetically, if the INR were 3.9, "
            "would you still treat?",
            ["class:anticoagulant", "inr:3.1"],
        ),
        (
            "68-year-old man on warfarin, INR 2.4, hip OA. Hypothetically speaking, what if the "
            "INR went up to 5?",
            ["class:anticoagulant", "age:68"],
        ),
        (
            "Apixaban for AF, platelets 160 last week, neck pain. Hypothetically, if her "
            "platelets fell to 40, would needling be safe?",
            ["class:anticoagulant"],
        ),
    ],
)
def test_the_present_stays_applied_beside_a_hypothetical(question: str, must: list[str]) -> None:
    applied = _applied(question)
    for label in must:
        assert label in applied, (label, applied)
    assert ask(question).screen is not None


@pytest.mark.parametrize(
    "question",
    [
        "Hypothetically, if a patient on warfarin had an INR of 3.5, would you still needle? "
        "Trying to write our policy.",
        "Hypothetically, could someone on warfarin with an INR of 3 have acupuncture?",
        "General question for our clinic's exclusion list: patients on warfarin, do we needle?",
    ],
)
def test_a_general_hypothetical_keeps_no_patient(question: str) -> None:
    assert not any(a.startswith(("class:", "inr:")) for a in _applied(question))


def test_the_supposed_value_is_not_applied() -> None:
    q = (
        "Warfarin for a metal valve, INR 2.7 today, sciatica. Hypothetically, if the INR came "
        "back at 3.8 next week, would you still needle?"
    )
    applied = _applied(q)
    assert "inr:3.8" not in applied
    assert "inr:2.7" in applied


# 2. past headaches denied, the new headache stands --------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "57M, never had headaches before, new daily headache for 7 weeks. Acupuncture?",
        "62 year old woman, never got headaches, new persistent headache for a month.",
        "Age 66, never really had headaches, new severe headache since March. Acupuncture?",
        "71F, not a headache person, new onset headache 3 weeks, acupuncture?",
        "He is 60, never been one for headaches, new daily headaches for a fortnight.",
        "I'm 58 and never suffered with headaches, new headache every day for 6 weeks.",
    ],
)
def test_denied_past_headaches_leave_the_new_headache(question: str) -> None:
    assert "red_flag:new_headache_after_50" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "58 year old, no new headache, no fever, chronic neck pain. Acupuncture?",
        "54M, denies any new headache, chronic low back pain.",
    ],
)
def test_no_new_headache_is_read_where_none_is_said(question: str) -> None:
    assert "red_flag:new_headache_after_50" not in _applied(question)


# 3. epilepsy not well controlled ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "my epilepsy isnt well controlled right now (2 fits last month, neuro changing my meds). "
        "i get tension headaches too. is acupunture risky for me",
        "My epilepsy is not well controlled at the moment. Low back pain, can I have acupuncture?",
        "her seizures aren't well controlled yet, neck pain, is acupuncture ok?",
        "Epilepsy not well controlled, knee OA. Acupuncture?",
        "his fits arent well controlled and he has migraines, acupuncture?",
        "My epilepsy isn't well controlled. Can acupuncture help my shoulder?",
    ],
)
def test_epilepsy_not_well_controlled_is_uncontrolled(question: str) -> None:
    assert "comorbidity:uncontrolled_epilepsy" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "my epilepsy is well controlled, no fits for 4 years, knee pain. Acupuncture?",
        "Epilepsy, well controlled on lamotrigine, seizure free since 2015. Neck pain.",
    ],
)
def test_controlled_epilepsy_is_not_uncontrolled(question: str) -> None:
    applied = _applied(question)
    assert "comorbidity:uncontrolled_epilepsy" not in applied
    assert "comorbidity:epilepsy" in applied


# 4. plaques and cracked, weeping skin are broken skin (h9056) ---------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "Psoriatic plaques over both lumbar paraspinals, cracked and weeping. Chronic LBP. "
            "Needle elsewhere?",
            "skin_lesion:lower_back",
        ),
        ("Plaque psoriasis on her lower back, chronic back pain, acupuncture?", "skin_lesion:"),
        ("Psoriatic plaque on the neck, chronic neck pain. Acupuncture?", "skin_lesion:"),
        ("Eczematous patches on his neck, cracked and oozing. Neck pain. Acupuncture?", "skin_"),
        ("The skin on my lower back is cracked and bleeding. Back pain, acupuncture ok?", "skin_"),
        ("Weeping plaques on both shins, knee OA. Acupuncture?", "skin_lesion:"),
    ],
)
def test_plaques_and_cracked_skin_are_broken_skin(question: str, label: str) -> None:
    applied = _applied(question)
    assert any(a.startswith(label) for a in applied), applied


@pytest.mark.parametrize(
    "question",
    [
        "Psoriatic arthritis of both knees, skin clear at the moment. Acupuncture?",
        "Cracked rib two months ago, now healed, chronic low back pain. Acupuncture?",
        "Dental plaque and a cracked tooth, TMJ pain. Acupuncture?",
        "She was weeping in clinic about her chronic neck pain. Acupuncture?",
    ],
)
def test_other_plaques_and_cracks_are_not_broken_skin(question: str) -> None:
    assert not any(a.startswith("skin_lesion") for a in _applied(question))


# 5. a tumour placed by "where the tumour is" (h9048) ------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Im on Keytruda for lung cancer and have pain in my chest wall where the tumour is. "
        "Can acupuncture help the pain?",
        "On immunotherapy, aching in her chest wall where the tumor is. Acupuncture?",
        "Pain in my left chest where the tumour is, on chemo. Can acupuncture help?",
        "Active cancer, sore spot on his chest wall, which is where the tumour is. Acupuncture?",
        "Lung cancer on treatment, pain over the chest where my tumour is. Acupuncture for pain?",
    ],
)
def test_a_tumour_placed_by_where_it_is(question: str) -> None:
    ctx = ask(question).patient_context or {}
    sites = [
        s
        for f in ctx.get("facts", [])
        if f["kind"] == "cancer" and f["value"] == "active" and not f["negated"]
        for s in f.get("detail", {}).get("sites", [])
    ]
    assert sites, ctx.get("facts")


def test_where_without_a_tumour_places_nothing() -> None:
    ctx = ask("Metastatic cancer, pain where the drain was in my chest. Acupuncture?")
    facts = (ctx.patient_context or {}).get("facts", [])
    assert all(not f.get("detail", {}).get("sites") for f in facts if f["kind"] == "cancer"), facts


# 6. "healthy apart from ..." states the present beside a supposition (h9097) ------------------


@pytest.mark.parametrize(
    ("question", "supposed", "kept"),
    [
        (
            "I'm 50 and healthy apart from a bad knee. If I ever needed a pacemaker like my dad, "
            "could I still have acupuncture?",
            "device:pacemaker",
            "age:50",
        ),
        (
            "Fit and well 38F with neck pain. If I ever got pregnant, would I have to stop "
            "acupuncture?",
            "pregnant",
            "age:38",
        ),
        (
            "Otherwise healthy, aged 60, hip OA. What if I needed warfarin one day, could I "
            "still have it?",
            "class:anticoagulant",
            "age:60",
        ),
        (
            "I'm 44 with no other health problems except low back pain. If I ever had to go on "
            "blood thinners, would acupuncture be off the table?",
            "class:anticoagulant",
            "age:44",
        ),
        (
            "Healthy 45 year old, tennis elbow. Suppose I got a pacemaker later, any problem "
            "with acupuncture?",
            "device:pacemaker",
            "age:45",
        ),
    ],
)
def test_a_healthy_present_sets_a_supposition_aside(
    question: str, supposed: str, kept: str
) -> None:
    applied = _applied(question)
    assert supposed not in applied, applied
    assert kept in applied, applied


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "If she were on warfarin, would acupuncture still be reasonable for her knee?",
            "class:anticoagulant",
        ),
        (
            "I'm healthy apart from being on warfarin for AF. If I needed a pacemaker, could I "
            "have acupuncture for my knee?",
            "class:anticoagulant",
        ),
        ("Healthy 52M with a pacemaker, knee pain. Acupuncture?", "device:pacemaker"),
    ],
)
def test_the_present_fact_stays_applied(question: str, label: str) -> None:
    assert label in _applied(question)


# 7. what a clinician tells patients as a group is a general question (h9171) -----------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "Acupuncture is totally safe in pregnant women, so I can reassure my antenatal "
            "patients there is no risk?",
            "pregnant",
        ),
        (
            "Can I tell patients on warfarin that acupuncture never causes bleeding?",
            "class:anticoagulant",
        ),
        ("What should I advise women in pregnancy about acupuncture for nausea?", "pregnant"),
        (
            "How do I counsel people with pacemakers about electroacupuncture?",
            "device:pacemaker",
        ),
        ("Is it right to tell pregnant women that acupuncture can start labour?", "pregnant"),
    ],
)
def test_what_to_tell_a_group_applies_no_fact(question: str, label: str) -> None:
    assert label not in _applied(question)


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "Can I tell my patient on warfarin she can have acupuncture for her knee?",
            "class:anticoagulant",
        ),
        (
            "I'm 20 weeks pregnant. My midwife tells patients acupuncture is safe, is it?",
            "pregnant",
        ),
        ("Is acupuncture safe for pregnant women? I'm 12 weeks pregnant with nausea.", "pregnant"),
    ],
)
def test_a_person_beside_the_group_keeps_the_fact(question: str, label: str) -> None:
    assert label in _applied(question)


# 8. everyday words for a son or a daughter (h9031) --------------------------------------------


@pytest.mark.parametrize(
    ("question", "name"),
    [
        (
            "my lad is 11 and gets tension headaches after school. would a kids acupuncturist "
            "be an option?",
            "your son",
        ),
        ("Our boy is 14 with knee pain from football, is acupuncture ok for him?", "your son"),
        (
            "My girl is 16 and has period pain every month, could acupuncture help her?",
            "your daughter",
        ),
        ("Our lass has bad period pains, she's 15, is acupuncture safe for her?", "your daughter"),
        ("my wee lad is 9 and gets migraines, can he have acupuncture?", "your son"),
    ],
)
def test_lay_words_for_a_child_name_the_child(question: str, name: str) -> None:
    text = ask(question, audience="patient").markdown
    assert name in text, text[:600]


@pytest.mark.parametrize(
    "question",
    [
        "I'm a lad of 25 with back pain, can acupuncture help me?",
        "Oh boy, my back hurts so much. Can acupuncture help?",
    ],
)
def test_the_asker_stays_the_patient(question: str) -> None:
    text = ask(question, audience="patient").markdown
    assert "your son" not in text and "your daughter" not in text


@pytest.mark.parametrize(
    "question",
    [
        "A boy of 12 with knee pain, acupuncture?",
        "The girl next door says acupuncture helped her back, could it help mine?",
        "Boy, 10, Osgood-Schlatter. Acupuncture?",
    ],
)
def test_a_boy_or_girl_not_the_askers_is_no_son_or_daughter(question: str) -> None:
    text = ask(question, audience="patient").markdown
    assert "your son" not in text and "your daughter" not in text


# 9. a red flag listed after a supposed one is supposed too -----------------------------------


@pytest.mark.parametrize(
    ("question", "flag"),
    [
        (
            "Chronic low back pain. If he develops a fever, new weakness or numbness, should we "
            "stop acupuncture?",
            "red_flag:focal_neurological_deficit",
        ),
        (
            "Knee OA. What if she gets a high temperature, and new confusion, after needling?",
            "red_flag:altered_consciousness",
        ),
        (
            "Neck pain. If I get a fever or sudden weakness in one arm after treatment, what "
            "should I do?",
            "red_flag:focal_neurological_deficit",
        ),
        (
            "Back pain. In case she develops a fever, chills or confusion, when should we call a "
            "doctor?",
            "red_flag:altered_consciousness",
        ),
        (
            "Low back pain. Should he develop a fever and numbness in the saddle area, what then?",
            "red_flag:saddle_anesthesia",
        ),
    ],
)
def test_a_flag_listed_in_a_supposition_is_supposed(question: str, flag: str) -> None:
    assert flag not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Back pain. If he develops a fever, what then? He already has new weakness in his left "
        "leg.",
        "Back pain. If he develops a fever, he has new weakness in his left leg.",
        "Back pain, new weakness in his left leg. If he develops a fever, should we stop?",
    ],
)
def test_a_present_flag_beside_a_supposition_stays(question: str) -> None:
    assert "red_flag:focal_neurological_deficit" in _applied(question)
