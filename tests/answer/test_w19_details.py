"""Wave 19 (issue 10), details: lab values, devices and a fever told in new words (our own
wordings; none is a benchmark question).

1. An INR told without its name: a reading, number, level or result of the anticoagulation or
   warfarin clinic, or beside warfarin ("the reading was 2.8"), in digits or words; the INR
   voice-typed as homophones ("eye and are").
2. Platelets told by what they do ("clotting cells", "the cells that stop bleeding").
3. Devices told by what they do: a thing a person has that shocks the heart (an ICD), a pod or
   patch worn on the body that gives insulin (an insulin pump).
4. A body-range decimal after "has/had/got/with" beside shivers, rigors, chills or sweats is a
   measured temperature.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = list((answer.patient_context or {}).get("applied", []))
    return screen.get("decision"), screen.get("urgency"), applied


# 1. the INR without its name -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "Dad's number at the warfarin clinic came back at 3.9 on Monday. Acupuncture for his "
            "knee on Friday?",
            "inr:3.9",
        ),
        (
            "On warfarin for AF. Her reading at the anticoag clinic was three point eight, can she "
            "have acupuncture for her back?",
            "inr:3.8",
        ),
        (
            "I take warfarin and the level was 2.4 at the coag clinic today. Acupuncture for "
            "plantar fasciitis ok?",
            "inr:2.4",
        ),
        (
            "my husband takes warfarin, his result from the INR clinic was 4.3 this week, he has "
            "acupuncture for his shoulder",
            "inr:4.3",
        ),
        (
            "warfarin since my valve op, the reading was 2.6 this morning, knee pain, acupuncture?",
            "inr:2.6",
        ),
        (
            "on warfrin, my eye en are was 3.7 yesterday, is acupuncture for my hip alright",
            "inr:3.7",
        ),
        (
            "mum takes warfarin and her eye and are came back four point two, can she still go for "
            "acupuncture",
            "inr:4.2",
        ),
    ],
)
def test_an_inr_told_without_its_name(question: str, label: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert label in applied


@pytest.mark.parametrize(
    "question",
    [
        "On warfarin. My blood pressure reading was 3.5 points higher than last time, "
        "acupuncture for my neck?",
        "I take warfarin and my sugar reading was 6.8 this morning, acupuncture for my back?",
        "Warfarin patient, the reading on the scales was 9.5 stone less than last year, "
        "acupuncture for knees?",
        "My neighbour's reading at the anticoag clinic... no, I take no blood thinners at all; "
        "my glucose level was 5.2. Acupuncture for my neck?",
    ],
)
def test_other_readings_are_no_inr(question: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert not [a for a in applied if a.startswith("inr:")]


# 2. platelets told by what they do ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "My clotting cells were down to 48 after the infection. Acupuncture for my back?",
            "platelets:48",
        ),
        (
            "The cells that stop bleeding were 55 on his last blood test. Is acupuncture ok for "
            "his knee?",
            "platelets:55",
        ),
        (
            "Her blood clotting count is only 70 because of her liver. Acupuncture for migraine?",
            "platelets:70",
        ),
        (
            "the count of my clotting cells came back at 39, can I have acupuncture for sciatica",
            "platelets:39",
        ),
        (
            "The cells that help his blood to clot are at 58 now. Neck pain, acupuncture safe?",
            "platelets:58",
        ),
    ],
)
def test_platelets_told_by_what_they_do(question: str, label: str) -> None:
    decision, _urgency, applied = _screen(question)
    assert label in applied
    assert decision != "proceed"


@pytest.mark.parametrize(
    "question",
    [
        "My clotting factor level was 45 percent in haemophilia clinic. Acupuncture?",
        "The clotting clinic changed my dose 2 times this month. Acupuncture for my back?",
    ],
)
def test_other_clotting_words_are_no_platelets(question: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert not [a for a in applied if a.startswith("platelets:")]


# 3. devices told by what they do ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My husband has the gadget that shocks his heart if it stops. Acupuncture for his back?",
        "I've got a device that zaps my heart back into rhythm when it goes haywire. Can I "
        "have acupuncture for migraine?",
        "Mum has one of those machines that restarts her heart if it goes too fast. Acupuncture "
        "for her knees?",
        "Since my heart attack I have a thing that will shock my heart if the rhythm turns "
        "dangerous. Is acupuncture with electricity ok?",
        "She has a box that gives her heart a shock when it goes wrong. Acupuncture for her "
        "shoulder?",
    ],
)
def test_a_device_that_shocks_the_heart_is_an_icd(question: str) -> None:
    decision, _urgency, applied = _screen(question)
    assert "device:icd" in applied
    assert decision != "proceed"


@pytest.mark.parametrize(
    "question",
    [
        "My gym has a box on the wall that shocks your heart if you collapse. Acupuncture for "
        "my anxiety?",
        "The paramedics used a machine that shocked his heart back after his arrest in 2015. "
        "He's fine now, acupuncture for back pain?",
        "I did a first aid course on the machine that shocks the heart. Acupuncture for my neck?",
    ],
)
def test_a_shock_given_once_is_no_icd(question: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert "device:icd" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "My son wears a pod on his tummy that gives him insulin. Acupuncture for his ankle?",
        "I have a little patch on my arm that delivers my insulin all day, type 1. Acupuncture "
        "for my back?",
        "She has a device on her belly that drips insulin into her all day and night. "
        "Acupuncture for endometriosis?",
        "He has a gadget stuck to his thigh that feeds him insulin. Acupuncture for his knee?",
        "my daughter has a pod on the back of her arm which gives her insulin, acupuncture for "
        "anxiety?",
    ],
)
def test_a_thing_worn_that_gives_insulin_is_a_pump(question: str) -> None:
    decision, _urgency, applied = _screen(question)
    assert "device:insulin_pump" in applied
    assert decision != "proceed"


@pytest.mark.parametrize(
    "question",
    [
        "I have a sensor on my arm that checks my sugar, and I inject insulin with a pen. "
        "Acupuncture for my neck?",
        "I use a pen that gives me insulin four times a day. Acupuncture for back pain?",
        "My patch on my arm gives me nicotine and I take insulin at night. Acupuncture to quit?",
    ],
)
def test_a_pen_or_a_sensor_is_no_pump(question: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert "device:insulin_pump" not in applied


# 4. a temperature after has/had/got/with beside shivers --------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My husband is on chemo for bowel cancer and he has 38.6 and the shivers tonight. "
        "Acupuncture tomorrow?",
        "Mum is having chemotherapy, this evening she's got 38.9 and rigors. Is her acupuncture "
        "still ok?",
        "On chemo for lymphoma, woke up with 38.3 and chills. Can I still have acupuncture today?",
        "Dad had 39.1 with sweats and shaking last night, he's mid-chemo. Acupuncture for his "
        "nausea on Monday?",
        "MY WIFE HAS CHEMO FOR BREAST CANCER AND NOW HAS 38.7 WITH CHILLS. ACUPUNCTURE OK?",
    ],
)
def test_a_temperature_had_with_shivers_is_fever(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:fever" in applied
    assert (decision, urgency) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "I have 38.5 weeks of pregnancy behind me and shivers at night. Acupuncture for my back?",
        "She has 38.5 kg of weight and shivers when cold. Acupuncture for her knees?",
        "He had 38.5 percent body fat and no fever. Acupuncture for his back?",
        "I have 38.5 hours of work a week, my neck is sore. Acupuncture?",
    ],
)
def test_other_numbers_had_are_no_fever(question: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert "red_flag:fever" not in applied


# 5. chemotherapy voice-typed ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "message for the clinic my neutrophils are 0.6 after key mo yesterday can I come Friday",
        "my wife is having key motor therapy for breast cancer her platelets are 60 can she have "
        "acupuncture",
        "dad started kee mo therapy last week and his legs ache is acupuncture ok full stop",
        "im on kemo for bowel cancer and feel sick all the time can acupuncture help",
        "after the key mo therapy my hands tingle comma can I have acupuncture",
    ],
)
def test_chemotherapy_voice_typed(question: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert "treatment:chemotherapy" in applied


@pytest.mark.parametrize(
    "question",
    [
        "I lost the key mostly at work and my back hurts, acupuncture?",
        "My key motor skills are fine but my shoulder hurts. Acupuncture?",
    ],
)
def test_key_words_are_no_chemotherapy(question: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert "treatment:chemotherapy" not in applied


# 6. an old value, then normal since: the latest decides ---------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My platelets were 35 last year after a virus but they have been normal on every test "
        "since. Acupuncture for my back?",
        "His count fell to 40 in the spring but it's been fine at each check since. Acupuncture "
        "for his knee?",
        "Platelets were 28 when I was in hospital in March, they've come back normal every "
        "blood test since then. Can I have acupuncture?",
        "Her neutrophils were 0.3 in the summer after a virus, they have been normal "
        "ever since. Acupuncture for her neck?",
        "Back in 2023 my platelets dropped to 45 but they have stayed normal since. Acupuncture "
        "for migraine?",
    ],
)
def test_an_old_value_normal_since_is_earlier(question: str) -> None:
    decision, _urgency, applied = _screen(question)
    assert not [a for a in applied if a.startswith(("platelets:", "anc:"))]
    assert decision == "proceed"


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "My platelets were 30 in the summer but they've been above 180 every test since. "
            "Acupuncture for my shoulder?",
            "platelets:180",
        ),
        (
            "Platelets dropped to 25 in June, they have been over 150 at every check since July. "
            "Acupuncture for back pain?",
            "platelets:150",
        ),
    ],
)
def test_a_bound_since_is_the_latest(question: str, label: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert label in applied


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "My platelets are 30 today, they had been normal every test since 2020 before this. "
            "Acupuncture?",
            "platelets:30",
        ),
        (
            "Platelets 40 this week; they were normal every test since the summer until now. "
            "Acupuncture for my knee?",
            "platelets:40",
        ),
        (
            "On warfarin, my INR was 4.6 in May and it has been over 3 every test since. "
            "Acupuncture for my hip?",
            "inr:4.6",
        ),
    ],
)
def test_a_value_now_stays(question: str, label: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert label in applied


@pytest.mark.parametrize(
    "question",
    [
        "ANC 0.3 in September during FOLFOX, ANC 2.9 last week. Acupuncture for nausea?",
        "Platelets 38 in August during chemo, platelets 190 two weeks ago. Acupuncture?",
        "Neutropenic (ANC 0.2) in the summer, ANC 3.1 on Monday's bloods. Acupuncture for CIPN?",
    ],
)
def test_a_month_dated_value_is_older_than_last_week(question: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert not [a for a in applied if a in ("anc:0.3", "platelets:38", "anc:0.2")]


# 7. a medicine's course said to be finished -------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "I had clexane jabs after my hip replacement in the spring, finished the course in "
            "May. Acupuncture for my hip now?",
            "class:anticoagulant",
        ),
        (
            "He was on rivaroxaban for six weeks after his op and he finished the tablets in "
            "September. Acupuncture for his knee?",
            "class:anticoagulant",
        ),
        (
            "She used fragmin after her fracture, then completed her injections back in July. "
            "Acupuncture for her wrist?",
            "class:anticoagulant",
        ),
        (
            "I took apixaban after surgery but we finished the prescription in June. Acupuncture "
            "for back pain ok?",
            "class:anticoagulant",
        ),
        (
            "Clopidogrel for three months after the stent, I stopped my tablets in March as "
            "planned. Acupuncture for my shoulder?",
            "class:antiplatelet",
        ),
    ],
)
def test_a_finished_course_is_past(question: str, label: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert label not in applied


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "I'm on apixaban and finished the course of physio in May. Acupuncture for my back?",
            "class:anticoagulant",
        ),
        (
            "My wife takes rivaroxaban every day; I finished my tablets for the chest infection. "
            "Can she have acupuncture?",
            "class:anticoagulant",
        ),
    ],
)
def test_another_course_finished_keeps_the_medicine(question: str, label: str) -> None:
    _decision, _urgency, applied = _screen(question)
    assert label in applied
