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
