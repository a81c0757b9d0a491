"""Wave 23, lead: a past radiotherapy whose field is known is shown as still screened, never as
"not screened" beside the region it excludes."""

from __future__ import annotations

import pytest

from acupath.answer import ask

PAST_FIELD = [
    "Finished radiotherapy for breast cancer five years ago, all clear since. Shoulder stiff. "
    "Anything special?",
    "Radiotherapy to my neck ended in 2018 for throat cancer. Now my knee hurts, can I have "
    "acupuncture?",
    "She had pelvic radiotherapy in 2015, long finished. Chronic low back pain. Acupuncture?",
]


@pytest.mark.parametrize("question", PAST_FIELD)
def test_a_past_field_is_said_to_be_still_screened(question: str) -> None:
    clinician = ask(question).all_sections[0].text
    patient = ask(question, audience="patient").all_sections[0].text
    assert "Past, but its field is still not needled" in clinician
    assert "radiotherapy" not in clinician.split("Not current, so not screened")[-1].split("\n")[0]
    assert "Had before, but needles still stay out of that skin" in patient


@pytest.mark.parametrize(
    "question",
    [
        "I stopped warfarin last month. Knee pain, acupuncture?",
        "Had radiotherapy years ago, can't remember where. Knee OA. Acupuncture?",
    ],
)
def test_other_past_facts_stay_not_screened(question: str) -> None:
    clinician = ask(question).all_sections[0].text
    assert "Not current, so not screened" in clinician
    assert "Past, but its field" not in clinician
    patient = ask(question, audience="patient").all_sections[0].text
    assert "Past or planned, so not checked now" in patient


@pytest.mark.parametrize(
    ("question", "denied"),
    [
        (
            "Triage form: Anticoagulants: NO. Antiplatelets: NO. Pregnant: NO. Pacemaker: NO. "
            "Complaint: chronic neck pain 3 years. Any precautions?",
            {"class:anticoagulant", "class:antiplatelet", "pregnant", "device:pacemaker"},
        ),
        ("Anticoagulants - no, steroids: yes (pred 5mg). Back pain.", {"class:anticoagulant"}),
        ("Intake sheet. Blood thinners: none. Knee OA. OK to needle?", {"class:anticoagulant"}),
    ],
)
def test_a_forms_bare_no_after_a_medicine_field_denies_it(question: str, denied: set[str]) -> None:
    answer = ask(question)
    applied = set((answer.patient_context or {}).get("applied", ()))
    assert not denied & applied, applied
    assert (answer.screen or {}).get("decision") in (None, "proceed")


@pytest.mark.parametrize(
    "question",
    [
        "Warfarin: no idea of the dose, takes it daily. Knee OA",
        "Came off warfarin in June and now takes apixaban. Knee OA",
        "Anticoagulants: yes, apixaban 5 mg bd. Knee OA",
    ],
)
def test_a_medicine_field_answered_otherwise_stays_taken(question: str) -> None:
    answer = ask(question)
    assert "class:anticoagulant" in set((answer.patient_context or {}).get("applied", ()))


@pytest.mark.parametrize(
    "question",
    [
        "70M with a PPM and knee OA. Acupuncture?",
        "Pt has a pacemaker and knee OA. Acupuncture?",
        "My dad has a pacemaker, also bad knees. Can he have acupuncture?",
        "ICD fitted 2022, knee osteoarthritis, wants needles",
    ],
)
def test_a_complaint_after_a_device_is_not_the_devices_site(question: str) -> None:
    # the knee being treated must not be excluded as the device's site
    answer = ask(question)
    assert "device" in " ".join((answer.patient_context or {}).get("applied", ()))
    assert "lower limb" not in answer.all_sections[0].text


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("She has a spinal cord stimulator in her lower back and knee pain. Acupuncture?", "back"),
        ("Port in the right chest, neck pain, acupuncture?", "chest"),
    ],
)
def test_a_device_placed_at_a_site_keeps_it(question: str, region: str) -> None:
    facts = (ask(question).patient_context or {}).get("facts", ())
    sites = [f["detail"].get("site", "") for f in facts if f["kind"] == "device"]
    assert any(region in s for s in sites), facts


def test_a_case_in_a_premise_question_is_screened() -> None:
    # "this 70M with a PPM" is one patient, though the question opens with a clinic policy
    answer = ask(
        "Our clinic policy says a pacemaker is an absolute contraindication to acupuncture, so "
        "I'm going to decline this 70M with a PPM and knee OA - agree?"
    )
    assert (answer.screen or {}).get("decision") == "proceed_with_modifications"
    general = ask("Our clinic policy says a pacemaker rules acupuncture out. Is that right?")
    assert (general.screen or {}).get("decision") in (None, "proceed")


@pytest.mark.parametrize(
    "question",
    [
        "Bloods 2026-12-01: PLT 57 10*9/L; 2026-12-04: PLT 47 10*9/L. Shoulder pain, acupuncture?",
        "Booking bloods today: 11 weeks pregnant, plt 88. Dental pain. Acupuncture safe?",
        "Bloods 03/12/2026: platelets 160. Neck pain. Acupuncture?",
    ],
)
def test_a_date_or_a_span_after_a_measure_word_is_no_unread_value(question: str) -> None:
    answer = ask(question)
    assert not any(w[:1].lower() in "br" and any(c.isdigit() for c in w)
                   for w in answer.not_understood), answer.not_understood  # fmt: skip


@pytest.mark.parametrize(
    "question",
    ["my last reading 05/12 was 3.6. knee pain", "last reading was 3.6. Knee OA"],
)
def test_a_value_after_a_date_is_still_an_unread_value(question: str) -> None:
    assert any("3.6" in w for w in ask(question).not_understood)


# Held-out part 24's three less-cautious misses (run once clean, then tuned), each as a kind
@pytest.mark.parametrize(
    ("question", "inr"),
    [
        ("i am on the warfarin my blood test on tuesday was three point nine and my sciatica is "
         "no better", "inr:3.9"),
        ("On warfarin, my blood test was 4.2 last week. Knee OA.", "inr:4.2"),
        ("Dad's on warfarin and his last blood test was 3.5. Shoulder pain.", "inr:3.5"),
    ],
)  # fmt: skip
def test_an_owners_blood_test_beside_warfarin_is_its_inr(question: str, inr: str) -> None:
    assert inr in set((ask(question).patient_context or {}).get("applied", ()))


@pytest.mark.parametrize(
    "question",
    [
        "On warfarin, my blood test for sugar was 6.5. Knee pain.",
        "On apixaban, my blood test was 3.9. Knee pain.",
    ],
)
def test_a_blood_test_of_something_else_is_no_inr(question: str) -> None:
    applied = (ask(question).patient_context or {}).get("applied", ())
    assert not any(a.startswith("inr:") for a in applied)


@pytest.mark.parametrize(
    "question",
    [
        "Tennis elbow for weeks, but since tuesday my left hand is numb and weak and I can't grip "
        "my mug. Acupuncture?",
        "Since yesterday my right foot is numb and weak. Low back pain, acupuncture?",
        "My arm suddenly went numb and weak this morning, neck pain. Acupuncture today?",
    ],
)
def test_a_limb_newly_numb_and_weak_refers(question: str) -> None:
    screen = ask(question).screen or {}
    assert screen.get("decision") == "refer"
    assert "focal_neurological_deficit" in screen.get("red_flags", ())


@pytest.mark.parametrize(
    "question",
    [
        "my arm went numb and weak after sleeping on it funny, it came back after 10 minutes. "
        "neck pain?",
        "Does acupuncture help a numb weak hand after a stroke years ago?",
    ],
)
def test_a_limb_that_recovered_or_an_old_deficit_does_not(question: str) -> None:
    screen = ask(question).screen or {}
    assert "focal_neurological_deficit" not in screen.get("red_flags", ())


def test_own_weeks_beside_someone_elses_pregnancy_words() -> None:
    answer = ask(
        "my auntie says acupuncture in pregnancy makes you miscarry if they hit the wrong point. "
        "im 18 weeks with a sore back, so I shouldnt go right?"
    )
    assert {"pregnant", "weeks:18"} <= set((answer.patient_context or {}).get("applied", ()))
    other = ask("My sister is 18 weeks pregnant. I have neck pain, acupuncture?")
    assert "pregnant" not in set((other.patient_context or {}).get("applied", ()))
