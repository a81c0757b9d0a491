"""Wave 11 (issue 10), flags: held-out part 10 misses read as classes, in our own wordings.

1. Saddle numbness said through wiping or the toilet paper, and a bladder accident in lay words
   ("didn't make it to the loo", "leaked urine"), are the cauda equina flags (h10038).
2. Haemophilia and other bleeding disorders in lay words ("bleeders disease", "his blood doesn't
   clot") are the screen's comorbidities (h10045).
3. Thoracic pain beside a past cancer also gives the screen its history_of_cancer flag (h10052).
4. A denial list joined by "or" denies a finding read by a word combination too ("no fever or
   infection", h10105).
5. A weeping shingles rash is a viral rash, not a bacterial infection (h10108).
6. A needle fear said to be over is no needle phobia (h10024); a fever said to be over, with a
   normal temperature now, is no fever (h10017).
7. "Never had headaches" with no headache now is no new headache (left open in wave 10).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    return list((ask(question).patient_context or {}).get("applied", []))


def _labels(question: str) -> set[str]:
    answer = ask(question)
    labels = set((answer.patient_context or {}).get("applied", []))
    labels |= {f"red_flag:{f}" for f in (answer.screen or {}).get("red_flags", ())}
    return labels


# 1. cauda equina in lay words ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Back pain for weeks. Since Monday I can't really feel the toilet paper when I wipe. "
        "Acupuncture?",
        "Low back ache and sciatica; I can barely feel anything when I wipe myself. Can I book?",
        "My back went lifting a sofa and now it's numb down there, I can't feel the toilet "
        "seat properly. Is acupuncture ok?",
        "sciatica both legs, and i cant really feel the loo roll when i wipe, weird. needles ok?",
        "Bad back since Friday. Strange numbness down below when I wipe. Acupuncture?",
    ],
)
def test_saddle_numbness_through_wiping(question: str) -> None:
    assert "red_flag:saddle_anesthesia" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My fingers are numb from carpal tunnel, I can hardly grip the toilet paper. Acupuncture?",
        "Knee OA. I wipe down the kitchen counters all day at work. Acupuncture?",
        "No numbness down there, no trouble with the toilet. Low back pain 3 weeks. Acupuncture?",
        "Hands go numb at night. Neck pain. Acupuncture?",
        "Low back pain, the toilet seat is cold in the morning. Acupuncture?",
    ],
)
def test_no_saddle_numbness(question: str) -> None:
    assert "red_flag:saddle_anesthesia" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Back pain, and yesterday I didn't make it to the loo in time for the first time ever. "
        "Acupuncture?",
        "Sciatica down both legs and I've leaked urine twice this week. Is acupuncture safe?",
        "Lower back agony since the weekend and I didnt make it to the toilet this morning. OK "
        "to needle?",
        "My back gave out and now I keep leaking wee without warning. Acupuncture?",
        "Disc bulge, leg pain, and I couldn't make it to the toilet last night. Acupuncture?",
    ],
)
def test_bladder_accident_in_lay_words(question: str) -> None:
    assert "red_flag:bladder_dysfunction" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Low back pain. No trouble peeing and no accidents. Acupuncture?",
        "Back pain, I made it to the clinic on time. Acupuncture?",
        "Knee pain, the roof leaked last week. Acupuncture?",
        "Low back pain, bladder and bowels normal. Acupuncture?",
        "Neck pain, no leaking urine. Acupuncture?",
    ],
)
def test_no_bladder_accident(question: str) -> None:
    assert "red_flag:bladder_dysfunction" not in _applied(question)


def test_h10038_shape_is_an_emergency() -> None:
    answer = ask(
        "Long message sorry. Lower back pain on and off for years, worse since a new job "
        "lifting crates. Physio helped a bit. One thing - since Tuesday I can hardly feel the "
        "toilet paper when I wipe and I nearly wet myself this morning. Should I book?"
    )
    screen = answer.screen or {}
    labels = set((answer.patient_context or {}).get("applied", []))
    assert {"red_flag:saddle_anesthesia", "red_flag:bladder_dysfunction"} <= labels
    assert screen.get("decision") == "refer" and screen.get("urgency") == "emergency"


# 2. bleeding disorders in lay words ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("my son has bleeders disease since birth. his knee hurts. needles ok?", "haemophilia"),
        (
            "Husband has the bleeding disease, factor 8, gets infusions. Elbow pain. Acupuncture?",
            "haemophilia",
        ),
        ("I'm a bleeder, haemophilia B they call it. Shoulder pain. Acupuncture?", "haemophilia"),
        ("She has von willebrands, low back pain. Acupuncture?", "bleeding_disorder"),
        (
            "My blood doesn't clot properly, it runs in the family. Neck pain. Acupuncture?",
            "bleeding_disorder",
        ),
        ("His blood won't clot like other people's. Knee pain. Acupuncture?", "bleeding_disorder"),
    ],
)
def test_bleeding_disorder_in_lay_words(question: str, label: str) -> None:
    answer = ask(question)
    assert f"comorbidity:{label}" in (answer.patient_context or {}).get("applied", [])
    assert (answer.screen or {}).get("decision") in ("defer", "refer")


@pytest.mark.parametrize(
    "question",
    [
        "Factor V Leiden, had a clot in my leg. Knee pain. Acupuncture?",
        "Does acupuncture cause bleeding in people with haemophilia? General question.",
        "Low back pain. My blood clots normally. Acupuncture?",
        "I bled a lot after a tooth extraction once. Shoulder pain. Acupuncture?",
        "Neck pain, I'm a blood donor. Acupuncture?",
    ],
)
def test_no_bleeding_disorder(question: str) -> None:
    applied = _applied(question)
    assert "comorbidity:haemophilia" not in applied
    assert "comorbidity:bleeding_disorder" not in applied


# 3. a cancer history with thoracic pain ------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm 70, my mid back hurts at night and wakes me, dropped a stone. Had bowel cancer in "
        "2016. Acupuncture?",
        "Breast cancer 5 years ago, now pain between my shoulder blades. Acupuncture?",
        "Upper back pain for a month. Had lymphoma as a teenager. Needles ok?",
        "Prostate cancer treated in 2019, now middle back pain. Acupuncture?",
        "Thoracic spine pain, history of lung ca. Acupuncture?",
    ],
)
def test_thoracic_pain_with_past_cancer_is_a_cancer_history(question: str) -> None:
    answer = ask(question)
    assert "history_of_cancer" in (answer.screen or {}).get("red_flags", ())
    assert (answer.screen or {}).get("decision") == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "Mid back pain after gardening. Acupuncture?",
        "My mum had breast cancer. I have knee pain. Acupuncture?",
        "Had bowel cancer in 2016. Knee OA now. Acupuncture?",
        "Upper back pain, no history of cancer. Acupuncture?",
        "Does acupuncture help upper back pain in people with cancer? Evidence please.",
    ],
)
def test_no_thoracic_cancer_history(question: str) -> None:
    assert "history_of_cancer" not in (ask(question).screen or {}).get("red_flags", ())


# 4. a denial list joined by "or" ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "on methotrexate and enbrel for RA, hands and feet sore, no fever or infection. safe?",
        "Knee sore, no fever or infection, on adalimumab. Acupuncture?",
        "Leg ulcer healed. Skin sore but no fever or infection now. Acupuncture?",
        "Back sore since last week, no temperature or infection. Acupuncture?",
        "Arm sore after the flu jab, no fever, redness or infection. Acupuncture?",
    ],
)
def test_or_list_denies_infection(question: str) -> None:
    labels = _labels(question)
    assert "red_flag:fever" not in labels
    assert "red_flag:recent_bacterial_infection" not in labels


@pytest.mark.parametrize(
    "question",
    [
        "No fever, but the wound on my leg is infected since last week. Acupuncture?",
        "Infected ulcer on my foot. Acupuncture?",
        "Knee sore and infected since Monday. No fever. Acupuncture?",
        "Chest infection last week, on antibiotics. Back pain. Acupuncture?",
        "No rash. Cut on my arm is infected and weeping. Acupuncture?",
    ],
)
def test_infection_still_read(question: str) -> None:
    assert "red_flag:recent_bacterial_infection" in _labels(question)


# 5. a weeping shingles rash -------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Got shingles rash on my right side of chest still weeping, nerve pain awful. Acupuncture?",
        "Shingles on my left chest, blisters oozing a bit. Can acupuncture help the pain?",
        "Weeping zoster rash on the right side of my back. Acupuncture near it?",
        "My shingles rash is still weeping on my chest wall. Acupuncture for the pain?",
        "Zoster rash on my left arm, still weeping. Acupuncture?",
    ],
)
def test_weeping_shingles_is_not_bacterial(question: str) -> None:
    labels = _labels(question)
    assert "red_flag:recent_bacterial_infection" not in labels
    assert any(label.startswith("skin_lesion:") for label in labels)


@pytest.mark.parametrize(
    "question",
    [
        "Shingles rash on my chest is now infected with pus, GP gave antibiotics. Acupuncture?",
        "My shingles blisters got infected, on flucloxacillin. Acupuncture?",
        "Weeping infected wound on my leg. Acupuncture?",
        "Shingles on my back, and the rash is infected. Acupuncture?",
        "Cellulitis on my shin. Acupuncture?",
    ],
)
def test_infected_rash_still_bacterial(question: str) -> None:
    assert "red_flag:recent_bacterial_infection" in _labels(question)


# 6. a fear or a fever that is over ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I used to be scared of needles as a child but it doesn't bother me now. Sciatica. Ok?",
        "Was terrified of needles when I was little, I'm fine with them now. Back pain. Go ahead?",
        "I used to have a needle phobia but I got over it years ago. Neck pain. Acupuncture?",
        "Scared of needles as a kid, not any more - I have tattoos. Knee pain. Acupuncture?",
        "I was afraid of needles years ago, no longer. Shoulder pain. Acupuncture?",
    ],
)
def test_needle_fear_over(question: str) -> None:
    assert "needle_phobia" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm terrified of needles. Back pain. Can I have acupuncture?",
        "I used to be fine with needles but now I'm scared of needles. Neck pain. Acupuncture?",
        "Needle phobia, faint at blood tests. Knee pain. Acupuncture?",
        "Still scared of needles as I was as a child. Sciatica. Acupuncture?",
        "I'm afraid of needles. Migraine. Acupuncture?",
    ],
)
def test_needle_fear_now(question: str) -> None:
    assert "needle_phobia" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Fever last month with the flu but it went a long time ago, temp 36.8 this morning. "
        "Chronic headaches - fine to book?",
        "Had a fever two weeks ago with a cold, gone now, temperature 36.6 today. Back pain. "
        "Acupuncture?",
        "Fever last week, it's gone, temp normal now. Neck pain. Acupuncture?",
        "Had a temperature at Christmas with flu, long gone. Knee OA. Acupuncture?",
        "The fever went away days ago. Migraine. Acupuncture?",
    ],
)
def test_fever_over(question: str) -> None:
    assert "red_flag:fever" not in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "Fever since yesterday, temp 38.6. Back pain. Acupuncture?",
        "Had a fever last week and it's back again today. Back pain. Acupuncture?",
        "Fever went down with paracetamol but it's still 38.4. Knee pain. Acupuncture?",
        "Running a fever. Low back pain. Acupuncture?",
        "Fever and chills this morning. Neck pain. Acupuncture?",
    ],
)
def test_fever_now(question: str) -> None:
    assert "red_flag:fever" in _labels(question)


# 7. never had headaches ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "60F, never had headaches, knee OA",
        "72-year-old man, never had a headache in his life, hip OA. Acupuncture?",
        "65M, not a headache sufferer, low back pain. Acupuncture?",
        "58F with neck pain, never get headaches. Acupuncture?",
        "70-year-old, never had migraines, shoulder pain. Acupuncture?",
    ],
)
def test_never_had_headaches_alone(question: str) -> None:
    assert "red_flag:new_headache_after_50" not in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "60F, never had headaches before, new daily headache for 3 weeks. Acupuncture?",
        "72-year-old man, never had a headache in his life, now headaches every day. Acupuncture?",
        "65M, not a headache sufferer but started getting headaches last month. Acupuncture?",
        "58F, headaches for the first time this month. Acupuncture?",
        "70-year-old, new headache since Monday. Acupuncture?",
    ],
)
def test_new_headache_after_50_still_read(question: str) -> None:
    assert "red_flag:new_headache_after_50" in _labels(question)


# 8. probe 10: chest pressure in the middle of the chest, a weak arm after a migraine ----------


@pytest.mark.parametrize(
    "question",
    [
        "Neck stiff for weeks. This morning there's a heavy pressure in the middle of my chest "
        "going into my jaw and I'm sweaty and sick. Still go?",
        "Back pain. Since an hour ago a tight squeezing in the centre of my chest and I feel "
        "sick and clammy. Acupuncture?",
        "My dad has a heavy feeling in the middle of his chest spreading down his left arm, he "
        "is grey and sweating. His knee appointment is today - should he go?",
        "Shoulder pain; now an ache in the centre of her chest going into her jaw, she's "
        "breathless. Acupuncture?",
        "Pressure in the center of my chest and short of breath since lunch. Acupuncture today?",
    ],
)
def test_central_chest_pressure_with_cardiac_features(question: str) -> None:
    answer = ask(question)
    assert "red_flag:cardiac_chest_pain" in (answer.patient_context or {}).get("applied", [])
    screen = answer.screen or {}
    assert screen.get("decision") == "refer" and screen.get("urgency") == "emergency"


@pytest.mark.parametrize(
    "question",
    [
        "Itchy rash in the middle of my chest, I sweat a lot at the gym. Acupuncture?",
        "Tattoo in the middle of my chest. Neck pain. Acupuncture?",
        "Pain in the middle of my chest when I press on my ribs, sore after coughing. Acupuncture?",
        "Does acupuncture in the centre of the chest cause sweating? Evidence?",
        "Middle of my chest felt heavy last year with a chest infection, all fine now. Back pain.",
    ],
)
def test_no_cardiac_chest_pain(question: str) -> None:
    assert "red_flag:cardiac_chest_pain" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "my husband has migraine and since the last one his right arm is weak and he cant grip "
        "the kettle, its been two days. acupuncture?",
        "Since her migraine on Friday her left hand is weak and she can't grip a cup. Acupuncture?",
        "After the last headache my right arm has been weak and I can't hold a pen. Acupuncture?",
        "Migraines, and since Monday his left arm has gone weak, can't grip anything. Acupuncture?",
        "Since the last migraine her right hand won't grip and the arm is weak. Acupuncture?",
    ],
)
def test_weak_arm_after_migraine(question: str) -> None:
    assert "red_flag:focal_neurological_deficit" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "Migraine. My grip is weak from arthritis in my thumbs for years. Acupuncture?",
        "Does migraine cause arm weakness? Evidence please.",
        "Migraine with aura, tingling in my hand that goes within the hour. Acupuncture?",
        "Tennis elbow, weak grip when I lift the kettle. Acupuncture?",
        "Migraine; my arm was weak after my stroke 5 years ago. Acupuncture?",
    ],
)
def test_no_weak_arm_deficit(question: str) -> None:
    assert "red_flag:focal_neurological_deficit" not in _labels(question)


# 9. probe 10: an infection long over, hot sweats as hot flushes --------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I finished a course of amoxicillin for a chest infection back in March 2025 and I've "
        "been fine since. Knee OA. Acupuncture?",
        "Had a UTI last year, treated, and I've felt well ever since. Back pain. Acupuncture?",
        "Chest infection years ago, been fine since. Neck pain. Acupuncture?",
        "Had pneumonia back in 2023 and was fine since. Shoulder pain. Acupuncture?",
        "Kidney infection last winter, all fine since. Low back pain. Acupuncture?",
    ],
)
def test_infection_long_over(question: str) -> None:
    assert "red_flag:recent_bacterial_infection" not in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "Chest infection last week, on antibiotics, not fine since. Back pain. Acupuncture?",
        "Had a UTI back in May and it came back this week. Back pain. Acupuncture?",
        "Chest infection since Monday. Back pain. Acupuncture?",
        "Pneumonia two weeks ago, still coughing. Acupuncture?",
        "Urine infection now, on antibiotics. Knee pain. Acupuncture?",
    ],
)
def test_infection_still_current(question: str) -> None:
    assert "red_flag:recent_bacterial_infection" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "Chemo ended in 2019, scans clear. I still get hot sweats at night. Acupuncture?",
        "On tamoxifen and the hot sweats are awful. Acupuncture?",
        "Menopausal hot sweats every night. Acupuncture?",
        "Hot sweats since my hysterectomy. Acupuncture?",
        "Prostate cancer on hormone jabs, hot sweats day and night. Acupuncture?",
    ],
)
def test_hot_sweats_are_not_fever(question: str) -> None:
    assert "red_flag:fever" not in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "He's hot and sweaty and shivering since last night. Back pain. Acupuncture?",
        "Boiling hot and shaking with chills. Knee pain. Acupuncture?",
        "Burning up with sweats since yesterday. Neck pain. Acupuncture?",
        "Running a temperature and sweating. Back pain. Acupuncture?",
        "Feverish and clammy today. Acupuncture?",
    ],
)
def test_hot_and_sweaty_still_fever(question: str) -> None:
    assert "red_flag:fever" in _labels(question)
