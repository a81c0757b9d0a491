"""Wave 9, engineer "person": suppositions answered as asked, facts over or denied, a person
described, red flags in lay words."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _answer(text: str):  # type: ignore[no-untyped-def]
    return ask(text, with_follow_ups=False)


def _box(answer) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in answer.opening if s.title.startswith("Safety"))


# --- 1. a supposition answered as asked: the real decision, and the supposed one ---------------

SUPPOSED_CHANGES = [
    # (question, supposed decision that must differ from the real one)
    ("If she were on warfarin, would that change things? At present none. Knee OA.", "proceed"),
    ("What if he had a pacemaker? He doesn't have one. Low back pain for a year.", "proceed"),
    ("Suppose she became pregnant during the course. Not pregnant now. Neck pain.", "proceed"),
    (
        "Were she to start apixaban, would acupuncture change? At present no anticoagulant. "
        "Chronic neck pain.",
        "proceed",
    ),
    (
        "In case he starts clopidogrel, is that an issue? For now he only takes paracetamol. "
        "Knee OA.",
        "proceed",
    ),
    (
        "Should she become pregnant, would we stop? She is not pregnant now. Low back pain.",
        "proceed",
    ),
    (
        "Platelets 220 today. If her platelets were 40, would that stop needling? "
        "Chemo-induced nausea.",
        "proceed",
    ),
    (
        "Knee OA, no fever now. What if she developed a fever with back pain, would you refer?",
        "proceed",
    ),
]


@pytest.mark.parametrize(("text", "real"), SUPPOSED_CHANGES)
def test_a_supposition_gets_its_own_decision_and_never_the_real_one(text: str, real: str) -> None:
    a = _answer(text)
    assert a.screen is not None
    assert a.screen["decision"] == real  # the supposed fact never enters the real decision
    supposed = (a.patient_context or {}).get("supposed")
    assert supposed, text
    alt = supposed[0]
    assert alt["words"]
    assert alt["decision"] in ("proceed", "proceed_with_modifications", "defer", "refer")
    assert alt["says"].startswith("If ")
    box = _box(a)
    assert f"**{alt['lead']}:** {alt['parts']['decision']}" in box
    assert alt["says"] == f"{alt['lead']}: {alt['then']}"


def test_the_supposed_decision_differs_where_the_screen_would_change() -> None:
    a = _answer("Suppose she became pregnant during the course. Not pregnant now. Neck pain.")
    alt = a.patient_context["supposed"][0]  # type: ignore[index]
    assert alt["decision"] == "proceed_with_modifications"
    assert "pregnan" in alt["says"].lower()
    a = _answer(
        "Knee OA, no fever now. What if she developed a fever with back pain, would you refer?"
    )
    assert a.screen is not None and a.screen["decision"] == "proceed"


def test_a_supposition_that_changes_nothing_says_so() -> None:
    a = _answer(
        "In case he starts paracetamol, is that an issue? For now he takes nothing. Knee OA."
    )
    supposed = (a.patient_context or {}).get("supposed") or []
    if supposed:
        assert "same" in supposed[0]["says"]


def test_a_supposed_lab_value_leaves_the_real_one_applied() -> None:
    a = _answer("Platelets 220 today. What if her platelet count fell to 40? Chemo nausea.")
    assert "lab:platelets:220" in a.patient_context["applied"]  # type: ignore[index]
    assert "lab:platelets:40" not in a.patient_context["applied"]  # type: ignore[index]
    alt = a.patient_context["supposed"][0]  # type: ignore[index]
    assert alt["decision"] in ("defer", "refer")


@pytest.mark.parametrize(
    "text",
    [
        "If I have acupuncture will it help my back pain?",
        "If acupuncture works for knee OA, how many sessions are needed?",
        "I'm on warfarin. If I have acupuncture, will I bruise?",
        "If the needles hurt, can we stop? She has neck pain and takes apixaban.",
        "Does acupuncture help migraine if started early?",
    ],
)
def test_if_without_a_supposed_fact_makes_no_alternative(text: str) -> None:
    a = _answer(text)
    assert not (a.patient_context or {}).get("supposed")


def test_a_real_anticoagulant_stays_applied_beside_an_if() -> None:
    a = _answer("I'm on warfarin. If I have acupuncture, will I bruise?")
    assert "class:anticoagulant" in a.patient_context["applied"]  # type: ignore[index]


# --- 2. facts over, or denied in a list ------------------------------------------------------

from acupath.answer.context import extract  # noqa: E402


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        (
            "Knee OA. Denies anticoagulants, antiplatelets, bleeding disorders. No fever.",
            {"class:anticoagulant", "class:antiplatelet", "comorbidity:bleeding_disorder"},
        ),
        (
            "Knee OA. No anticoagulants, antiplatelets or bleeding disorders. Suitable?",
            {"class:anticoagulant", "class:antiplatelet", "comorbidity:bleeding_disorder"},
        ),
        ("Neck pain. Denied fever, pacemaker, pregnancy. Acupuncture?", {"red_flag:fever"}),
        ("She no longer has a fever. Low back pain for 3 months.", {"red_flag:fever"}),
        ("Temperature back to normal since Monday. Back pain.", {"red_flag:fever"}),
        ("The fever went away on Sunday. Back pain. Acupuncture?", {"red_flag:fever"}),
        ("Her fever subsided 2 days ago, neck pain.", {"red_flag:fever"}),
        ("He doesn't have a pacemaker. Knee OA.", {"device:pacemaker"}),
    ],
)
def test_facts_denied_or_over(text: str, denied: set[str]) -> None:
    c = extract(text)
    assert denied <= c.negated_labels(), text
    assert not denied & c.labels(), text


@pytest.mark.parametrize(
    ("text", "stands"),
    [
        ("Knee OA. Not pregnant, on warfarin. Suitable?", "class:anticoagulant"),
        ("Knee OA. No fever, pacemaker fitted 2019. Suitable?", "device:pacemaker"),
        ("Knee OA. Denies fever, on apixaban. Suitable?", "class:anticoagulant"),
        ("She still has a fever. Back pain. Acupuncture?", "red_flag:fever"),
        ("Fever since yesterday, back pain. Acupuncture?", "red_flag:fever"),
        ("Knee OA, has a fever and no longer has a pacemaker", "red_flag:fever"),
    ],
)
def test_facts_that_stand_beside_a_denial(text: str, stands: str) -> None:
    assert stands in extract(text).labels(), text


# --- 3. a person described gets a box ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm trying to lose weight on purpose, down 6 kg. Back has been sore for a year. Any "
        "reason not to try acupuncture?",
        "Migraine without aura. Takes sumatriptan PRN, propranolol 80 mg daily. Otherwise fit. "
        "Acupuncture as prophylaxis?",
        "Neck pain after a minor rear-end shunt last month; walked away, no head strike, "
        "normal exam. Acupuncture?",
        "Had lymph nodes biopsied from the neck (benign), no swelling in either arm. Shoulder "
        "pain. Acupuncture?",
        "Knee OA, otherwise well. Would acupuncture add anything to physio?",
        "Tension headaches since a fall 3 weeks ago. Acupuncture ok?",
    ],
)
def test_a_person_described_gets_a_box(text: str) -> None:
    a = _answer(text)
    assert a.screen is not None, text
    assert a.screen["decision"] == "proceed"


@pytest.mark.parametrize(
    "text",
    [
        "Chronic low back pain. Acupuncture?",
        "Neck pain after whiplash: what is the evidence for acupuncture?",
        "How many sessions for knee OA pain? Acupuncture?",
        "For my exam: is acupuncture safe in knee osteoarthritis?",
        "Does acupuncture help migraine prophylaxis compared with topiramate?",
    ],
)
def test_no_person_no_box(text: str) -> None:
    assert _answer(text).screen is None, text


# --- 4. red flags in lay words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Chronic headaches for 2 years. Past month my left hand and face have gone numb on "
            "and off and it's getting more frequent. Acupuncture in meantime?",
            "red_flag:progressive_neurological_deficit",
        ),
        ("My tingling in my hands is getting more frequent, neck pain.", None),
        ("Her arm goes weak more often now, neck pain", None),
        (
            "IVDU (active), LBP 3/52, now new weakness in both legs on exam. Acupuncture?",
            "red_flag:focal_neurological_deficit",
        ),
        ("LBP, new numbness in her left foot since Tuesday. Acupuncture?", None),
    ],
)
def test_lay_red_flags(text: str, flag: str | None) -> None:
    labels = extract(text).labels()
    if flag is None:
        assert any("neurological_deficit" in x for x in labels), text
    else:
        assert flag in labels, text


@pytest.mark.parametrize(
    "text",
    [
        "Carpal tunnel: numbness in my fingers comes more often at night. Acupuncture?",
        "Headaches more often lately, neck pain.",
        "No new weakness or numbness. LBP.",
        "Does acupuncture cause new weakness?",
        "Diabetic neuropathy for years, numb feet more often in winter. Acupuncture?",
    ],
)
def test_not_red_flags(text: str) -> None:
    labels = extract(text).labels()
    assert not any("neurological_deficit" in x for x in labels), text


# --- 5. a study's population is no patient -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dry mouth after head-and-neck radiotherapy: what relative risk of xerostomia at week "
        "11 did Meng 2012 report for acupuncture vs standard care?",
        "Breast cancer survivors on aromatase inhibitors: what did Hershman 2018 find for "
        "joint pain?",
        "Patients on warfarin with knee OA: what bleeding rate did the trial report?",
        "Radiotherapy to the pelvis: what was reported by Smith 2015 for acupuncture?",
        "According to Meng 2012, does acupuncture reduce xerostomia after neck radiotherapy?",
    ],
)
def test_a_named_study_question_describes_no_patient(text: str) -> None:
    a = _answer(text)
    assert a.screen is None, text


@pytest.mark.parametrize(
    "text",
    [
        "My wife had head and neck radiotherapy; did Meng 2012 find acupuncture helps dry mouth?",
        "Xerostomia after radiotherapy to the neck, on warfarin. Is acupuncture ok?",
        "I'm on warfarin: what bleeding rate did the trial report?",
    ],
)
def test_a_study_question_with_a_person_keeps_the_box(text: str) -> None:
    assert _answer(text).screen is not None, text


# --- probe 9 in this area --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_applied"),
    [
        (
            "Dad has knee OA and takes only paracetamol. His GP might start him on warfarin "
            "next month - if he were on warfarin would acupuncture still be OK?",
            "class:anticoagulant",
        ),
        (
            "I'm on Pradaxa for hip OA. If I also needed a pacemaker one day, would that change "
            "anything? For now it's just the Pradaxa.",
            "device:pacemaker",
        ),
        (
            "Pt with shoulder pain. Should she ever need chemo again, what would change? For "
            "now, planning shoulder acupuncture.",
            "class:chemotherapy",
        ),
        (
            "My mother has a pacemaker and she's coming with me. I'm the one with the migraines.",
            "device:pacemaker",
        ),
        (
            "My husband takes warfarin; the acupuncture is for me, I have neck pain.",
            "class:anticoagulant",
        ),
        (
            "Down 19 kilos since January on a diet plan, all deliberate. The weight loss is "
            "good; the bad news is tension headaches.",
            "red_flag:unexplained_weight_loss",
        ),
    ],
)
def test_probe9_facts_set_aside(text: str, not_applied: str) -> None:
    a = _answer(text)
    assert not_applied not in (a.patient_context or {}).get("applied", []), text


@pytest.mark.parametrize(
    ("text", "applied"),
    [
        ("My mother has a pacemaker. Can she have acupuncture for her knee?", "device:pacemaker"),
        (
            "I'm on warfarin and my husband has a pacemaker. I'm the one with back pain.",
            "class:anticoagulant",
        ),
        (
            "Unexplained weight loss 6 kg, back pain. She is on a diet? No.",
            "red_flag:unexplained_weight_loss",
        ),
        (
            "I was on a diet last year. Now weight loss of 8 kg without trying. Back pain.",
            "red_flag:unexplained_weight_loss",
        ),
        (
            "68 yo: headache started three weeks ago at the side of her head, her jaw aches "
            "halfway through a sandwich, and brushing her hair hurts her scalp.",
            "red_flag:jaw_claudication",
        ),
        (
            "While waiting for my acupuncture my husband's face went droopy on one side and "
            "he's slurring. What now?",
            "red_flag:suspected_stroke",
        ),
    ],
)
def test_probe9_facts_that_stand(text: str, applied: str) -> None:
    assert applied in extract(text).labels(), text


@pytest.mark.parametrize(
    "text",
    [
        "Titanium plate in the left radius from an old fracture (2010), no other history. "
        "Lateral elbow pain R. Any metalwork concern?",
        "Knee OA, nil else. Acupuncture?",
    ],
)
def test_probe9_a_note_with_no_other_history_is_a_person(text: str) -> None:
    assert _answer(text).screen is not None, text


def test_probe9_a_study_named_first_is_no_patient() -> None:
    a = _answer(
        "Cassileth 2013 lymphoedema pilot: change in arm circumference after the eight "
        "sessions, and any infections?"
    )
    assert a.screen is None


def test_the_patient_box_says_the_what_if_in_plain_words() -> None:
    a = ask(
        "If I were on warfarin, would that change things? At present none. I have knee OA.",
        audience="patient",
        with_follow_ups=False,
    )
    box = "\n".join(s.text for s in a.opening)
    assert "If you were taking warfarin, acupuncture could still happen, with some changes." in box
    assert a.screen is not None and a.screen["decision"] == "proceed"


@pytest.mark.parametrize(
    ("text", "latest"),
    [
        (
            "Platelets were low when I had dengue 3 yrs ago (went down to 30) but they've been "
            "normal since, 250 last month. Want acupuncture for plantar fasciitis.",
            "lab:platelets:250",
        ),
        ("Platelets 30 last week, 250 in 2019. Knee OA.", "lab:platelets:30"),
        ("Platelets 250 two years ago, 30 now. Knee OA.", "lab:platelets:30"),
        ("Platelets 40 back in 2020 during chemo, 210 this week. Knee OA.", "lab:platelets:210"),
    ],
)
def test_a_lab_value_dated_in_the_past_is_the_earlier(text: str, latest: str) -> None:
    labels = extract(text).labels()
    assert latest in labels, text
    assert len([x for x in labels if x.startswith("lab:platelets")]) == 1, text
