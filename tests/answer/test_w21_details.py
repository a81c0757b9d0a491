"""Wave 21 (issue 10), details: medicines told by what they do, misspelt brands spelt by ear,
held medicines restarted, implanted heart devices and brain stimulators told by their story
(our own wordings; none is a benchmark question).

1. A medicine form (tablets, pills, injections, jabs...) said to stop clots or thin the blood is
   an anticoagulant; said to lower or suppress the immune system, an immunosuppressant; daily
   injections in the stomach after an operation are an anticoagulant (LMWH cover); a weekly
   tablet taken with folic acid is methotrexate.
2. A brand spelt by ear: a doubled letter, a non-rhotic "-er" for "-a", a sound-alike first
   letter ("zarrelto", "pradaxer").
3. A medicine held for a procedure whose restart is told in the next clause, soon or done.
4. A heart box, device or gadget inside the chest whose job is not told is a pacemaker; one
   told to shock the heart anywhere in its sentence is an ICD; a DBS is a neurostimulator.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    answer = ask(question)
    return list((answer.patient_context or {}).get("applied", []))


# 1. medicines by what they do ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I take pills that stop clots since my DVT last year. Can I have acupuncture for my back?",
        "My dad is on tablets to prevent clots because of his irregular heartbeat. Acupuncture "
        "for his knee?",
        "She has injections to stop her blood clotting after her leg fracture. Is acupuncture ok?",
        "I'm on a medicine that thins my blood. Would needles in my neck be safe?",
        "He takes the tablets for his clot every morning. Can he have acupuncture for his hip?",
        "Since the PE I've been on capsules which prevent clotting. Acupuncture for my shoulder?",
    ],
)
def test_medicine_that_stops_clots_is_an_anticoagulant(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I wear stockings that stop clots on long flights. Acupuncture for my knee?",
        "Does acupuncture help to stop clots? I take tablets for my thyroid.",
        "I'm not on any tablets to stop clots. Acupuncture for my back?",
    ],
)
def test_no_anticoagulant_without_a_medicine_for_clots(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "After my knee replacement I have to do injections in my tummy every day for two weeks. "
        "Is acupuncture safe?",
        "Mum came home from her hip operation with daily belly jabs for a month. Can she have "
        "acupuncture for her shoulder?",
        "I had surgery on my ankle and the nurse taught me to give myself a stomach injection "
        "each night. Acupuncture for the swelling?",
        "Since my op I inject pre-filled syringes into my stomach every evening. Acupuncture ok?",
        "He broke his leg and is in a cast, so he has a tummy injection every day. Acupuncture "
        "for his back?",
    ],
)
def test_stomach_injections_after_an_operation_are_an_anticoagulant(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I have diabetes and do insulin injections in my tummy after my operation. Acupuncture?",
        "I give myself a weekly Ozempic stomach injection for weight loss since my knee surgery. "
        "Acupuncture for my knee?",
    ],
)
def test_other_stomach_injections_are_no_anticoagulant(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I take tablets that lower my immune system for my lupus. Is acupuncture safe?",
        "My wife is on injections which suppress the immune system for her Crohn's. Acupuncture?",
        "He's on a drug to dampen down his immune system after his liver transplant. Needles ok?",
        "I take medicine that weakens my immunity for psoriasis. Acupuncture for my back?",
        "The pills for my arthritis suppress my immune system. Can I have acupuncture?",
    ],
)
def test_medicine_that_lowers_immunity_is_an_immunosuppressant(question: str) -> None:
    assert "class:immunosuppressant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I take a weekly tablet for my arthritis and folic acid the day after. Acupuncture?",
        "She has a weekly injection for her psoriasis and takes folic acid on the other days. "
        "Is acupuncture ok?",
        "My rheumatologist put me on a once a week pill with folic acid. Acupuncture for my neck?",
        "I have my weekly jab for my RA and folic acid the next day. Acupuncture for my back?",
        "The weekly tablets for my joints come with folic acid. Acupuncture?",
    ],
)
def test_weekly_medicine_with_folic_acid_is_methotrexate(question: str) -> None:
    assert "class:immunosuppressant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture weaken your immune system? I take vitamin tablets.",
        "I take vitamin tablets to support my immune system. Acupuncture for my neck?",
        "I'm 10 weeks pregnant and take folic acid every day. Acupuncture for nausea?",
        "I take folic acid and go swimming once a week. Acupuncture for my back?",
    ],
)
def test_no_immunosuppressant_without_one(question: str) -> None:
    applied = _applied(question)
    assert "class:immunosuppressant" not in applied
    assert "medicine:methotrexate" not in applied


# 2. brands spelt by ear -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm on zarrelto for my heart rhythm. Acupuncture for my elbow?",
        "My mum takes xarrelto since her clot. Can she have acupuncture?",
        "I AM ON PRADAXER FOR MY AF. ACUPUNCTURE FOR MY BACK?",
        "he takes pradaxer twice a day, can he have acupuncture for his hip",
        "She's on elliquis for her AF. Acupuncture for her knee?",
    ],
)
def test_brand_spelt_by_ear_is_read(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My daughter is a keen tennis player with a sore elbow. Acupuncture?",
        "I'm a builder and my shoulder hurts from plastering. Acupuncture?",
    ],
)
def test_ordinary_words_are_no_brand(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


# 3. held and restarted -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "She's off apixaban for her endoscopy; she restarts it tomorrow and her session is next "
        "week. Any precautions?",
        "Currently off his Xarelto for a dental extraction; due to restart it on Monday, and we "
        "see him on Thursday. Bleeding precautions?",
        "He came off the Eliquis two weeks ago; the GP told him yesterday to restart straight "
        "away and he has. Acupuncture for his knee?",
        "I stopped my rivaroxaban a month ago. My cardiologist told me today to restart it "
        "immediately. Acupuncture for my back next week?",
        "Pt off edoxaban for a biopsy, restarting tonight. Acupuncture booked next Tuesday.",
    ],
)
def test_held_medicine_restarted_soon_is_current(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I came off apixaban two years ago and my doctor said I may restart it if the AF comes "
        "back. Acupuncture?",
        "He stopped warfarin in 2015 and never went back on it. Acupuncture for his knee?",
    ],
)
def test_stopped_medicine_not_restarted_stays_past(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


# 4. heart devices and brain stimulators by their story -----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I have a scar and a lump below my right collarbone where the heart box was put in. "
        "Acupuncture for my knee?",
        "Dad had a heart device implanted last year and the hospital checks it twice a year. "
        "Acupuncture for his back?",
        "My mum has a heart gadget in her chest that the clinic checks. Electroacupuncture?",
        "He's got a cardiac device fitted under his left collarbone. Acupuncture ok?",
        "She has a little heart box under the skin of her chest. Can she have electro acupuncture?",
    ],
)
def test_heart_device_inside_is_a_pacemaker(question: str) -> None:
    applied = _applied(question)
    assert "device:pacemaker" in applied or "device:icd" in applied


@pytest.mark.parametrize(
    "question",
    [
        "My wife's chest gadget talks to the hospital over the phone at night and it's the one "
        "that shocks her heart if it goes wrong. Acupuncture for her sciatica?",
        "Dad's heart device gets checked remotely every few months and the nurse says it's "
        "there to shock his heart back into rhythm. Acupuncture for his knee?",
        "I have a cardiac box in my chest that beeps now and then, the kind that will shock my "
        "heart if it stops. Acupuncture?",
    ],
)
def test_heart_device_that_shocks_is_an_icd(question: str) -> None:
    assert "device:icd" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Pt has DBS for essential tremor, battery in the left chest. Electroacupuncture?",
        "My husband had deep brain stimulation for his Parkinson's. Acupuncture for his back?",
        "She has a deep brain stimulator. Is acupuncture safe?",
        "He has a brain stimulator for his dystonia, the battery is under his collarbone. "
        "Acupuncture?",
        "Deep brain stimulation device in situ (Parkinson's). Shoulder pain. Acupuncture?",
    ],
)
def test_deep_brain_stimulator_is_a_neurostimulator(question: str) -> None:
    assert "device:neurostimulator" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I wore a heart monitor for a day last week. Acupuncture for my neck?",
        "My heart box at home, the smart speaker, plays music all day. Acupuncture for my back?",
        "The DBS Check came back fine for my new job. Acupuncture for my shoulder?",
    ],
)
def test_no_heart_or_brain_device(question: str) -> None:
    applied = _applied(question)
    for label in ("device:pacemaker", "device:icd", "device:neurostimulator"):
        assert label not in applied


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("I'm on epixaban for AF. Acupuncture for my back?", "medicine:apixaban"),
        ("She takes prograph since her kidney transplant. Acupuncture?", "medicine:tacrolimus"),
    ],
)
def test_sound_alike_fewer_edits_wins(question: str, label: str) -> None:
    assert label in _applied(question)


# 5. a course told as over ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "I finished my last round of chemo in May and I'm in remission. Acupuncture for my "
            "numb toes?",
            "class:chemotherapy",
        ),
        (
            "She completed her final cycle of chemotherapy last autumn. Acupuncture for fatigue?",
            "class:chemotherapy",
        ),
        (
            "Had a PE in 2015, six months of rivaroxaban, no anticoagulants since. Acupuncture "
            "for my back?",
            "class:anticoagulant",
        ),
        (
            "DVT 2012, treated with warfarin for 3 months, no blood thinners since. Knee pain.",
            "class:anticoagulant",
        ),
        (
            "Dad has been on warfarin for years for AF. Sorry, I meant he was on it - they "
            "stopped the warfarin after his ablation last year. Acupuncture for his back?",
            "class:anticoagulant",
        ),
        (
            "My wife takes apixaban. Actually, I mean she was on it until last spring. "
            "Acupuncture?",
            "class:anticoagulant",
        ),
    ],
)
def test_course_told_as_over_is_not_current(question: str, label: str) -> None:
    assert label not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm on warfarin, no bleeding since the dose change. Acupuncture for my knee?",
        "She's on apixaban, no problems since she started it. Acupuncture for her knee?",
        "She was on aspirin. Sorry, I meant she is on warfarin now. Acupuncture?",
    ],
)
def test_course_still_taken_stays(question: str) -> None:
    applied = _applied(question)
    assert "class:anticoagulant" in applied or "class:chemotherapy" in applied


# 6. chest wall radiotherapy after a breast operation of one side -----------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "62F, L mastectomy 2020, chest wall RT, on letrozole. Knee OA. Precautions?",
            "left_chest",
        ),
        (
            "Right mastectomy last year then radiotherapy to the chest wall. Acupuncture?",
            "right_chest",
        ),
        (
            "She had a left breast cancer, lumpectomy and chest radiotherapy. Neck pain.",
            "left_chest",
        ),
        ("R mastectomy + chest wall radiotherapy 2019. Shoulder pain. Needling OK?", "right_chest"),
        ("Mastectomy on the right in 2021, chest wall RT after. Back pain.", "right_chest"),
    ],
)
def test_chest_wall_radiotherapy_takes_the_operation_side(question: str, label: str) -> None:
    assert f"radiation:{label}" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Bilateral mastectomy, left and right, then chest wall RT. Acupuncture for my back?",
        "Chest radiotherapy for lymphoma in 2015; left knee pain now. Acupuncture?",
    ],
)
def test_chest_radiotherapy_without_one_operated_side_keeps_no_side(question: str) -> None:
    applied = _applied(question)
    assert "radiation:left_chest" not in applied and "radiation:right_chest" not in applied


# 7. chemotherapy told by its side effect -------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Every fortnight I have the drip that makes my hair fall out. Acupuncture for sickness?",
        "Mum goes in for an infusion which made her hair come out. Could acupuncture help?",
        "I'm having the treatment that makes you lose your hair, every three weeks. Acupuncture?",
        "He's on a therapy that has made his hair fall out, at the cancer centre. Acupuncture?",
        "The drip they give me at the hospital is making me lose my hair... wait, the drip "
        "which makes me lose my hair is every 21 days. Acupuncture for nausea?",
    ],
)
def test_treatment_that_makes_hair_fall_out_is_chemotherapy(question: str) -> None:
    assert "class:chemotherapy" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "The new shampoo that makes my hair fall out is awful. Acupuncture for my scalp?",
        "Stress makes my hair fall out. Acupuncture for anxiety?",
    ],
)
def test_other_hair_loss_is_no_chemotherapy(question: str) -> None:
    assert "class:chemotherapy" not in _applied(question)


# 8. a dated INR history: the latest value decides, the dates are no values ---------------------


@pytest.mark.parametrize(
    ("question", "latest", "not_read"),
    [
        (
            "INR readings: 3 Oct 4.5, 17 Oct 3.9, today 2.4. On warfarin. Needling OK?",
            "2.4",
            ["4.5", "3.9", "17", "3"],
        ),
        (
            "INR results - 2 March 3.9, 16 March 3.1, this morning 2.7. Warfarin for a valve. "
            "Acupuncture?",
            "2.7",
            ["3.9", "3.1", "16"],
        ),
        (
            "Her INR trend: 5th June 4.1, 19th June 3.3, today 2.5. On warfarin. Acupuncture?",
            "2.5",
            ["4.1", "3.3", "19"],
        ),
        (
            "INR history: 1 Nov 2.1, 15 Nov 2.4, today 2.8. Warfarin for AF. Neck pain.",
            "2.8",
            ["2.1", "2.4", "15"],
        ),
        (
            "INR 4 Jan 2.2, 18 Jan 2.9, today 3.4 - on warfarin for a DVT. Acupuncture?",
            "3.4",
            ["2.2", "2.9", "18"],
        ),
    ],
)
def test_dated_inr_history_latest_decides(question: str, latest: str, not_read: list[str]) -> None:
    applied = _applied(question)
    assert f"inr:{latest}" in applied
    for value in not_read:
        assert f"inr:{value}" not in applied


# 9. a lost pregnancy with its weeks ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I was pregnant in the spring but I lost the baby at 10 weeks in May. Acupuncture for "
        "my back?",
        "She lost the pregnancy at 9 weeks last month. Acupuncture for her back?",
        "We lost our baby at 20 weeks in March. Acupuncture for my neck pain?",
        "I had a miscarriage at 7 weeks in January. Acupuncture for my back?",
        "Lost the baby at 12 weeks before Christmas. Acupuncture for my shoulder?",
    ],
)
def test_lost_pregnancy_weeks_are_no_pregnancy(question: str) -> None:
    applied = _applied(question)
    assert "pregnant" not in applied
    assert not any(label.startswith("weeks:") for label in applied)


def test_pregnant_now_after_an_earlier_loss_stays_pregnant() -> None:
    applied = _applied(
        "I'm 12 weeks pregnant and I lost a baby at 10 weeks last year. Acupuncture for nausea?"
    )
    assert "pregnant" in applied and "weeks:12" in applied and "weeks:10" not in applied


# 10. a pregnancy corrected as ended --------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm 8 weeks pregnant. Actually no, scratch that - the scan showed it wasn't viable; I'm "
        "not pregnant anymore. Acupuncture for my back?",
        "She's 10 weeks pregnant - sorry, I meant she was; she miscarried last week. Acupuncture "
        "for her back?",
        "I'm pregnant. No wait, I lost the baby on Monday. Can I have acupuncture for my neck?",
        "I'm 6 weeks pregnant... actually no, I'm not pregnant any more, I miscarried at the "
        "weekend. Acupuncture?",
        "I am 9 weeks pregnant, correction: no longer pregnant after a miscarriage last week. "
        "Acupuncture for headaches?",
    ],
)
def test_pregnancy_corrected_as_ended_is_no_pregnancy(question: str) -> None:
    applied = _applied(question)
    assert "pregnant" not in applied
    assert not any(label.startswith("weeks:") for label in applied)


@pytest.mark.parametrize(
    "question",
    [
        "I'm 12 weeks pregnant. Sorry, I forgot to say I had a miscarriage two years ago. "
        "Acupuncture for nausea?",
        "I'm 20 weeks pregnant. Actually, is acupuncture safe? My friend miscarried last year.",
    ],
)
def test_pregnancy_with_an_earlier_loss_stays(question: str) -> None:
    assert "pregnant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "He takes a tablet twice a day to stop clots in his stent (it's Brilinta). Acupuncture?",
        "I'm on clopidogrel, the pill that stops clots after my stroke. Acupuncture for my arm?",
    ],
)
def test_named_antiplatelet_is_the_tablet_that_stops_clots(question: str) -> None:
    applied = _applied(question)
    assert "class:antiplatelet" in applied and "class:anticoagulant" not in applied
