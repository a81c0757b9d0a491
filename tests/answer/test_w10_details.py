"""Issue 10, wave 10 (details): a medicine dated by the event it follows ("post-TIA two years
ago"), a medicine affirmed after a denied one ("no anticoagulation, on aspirin"), heparin's short
window and a stop said of the medicine's form ("heparin infusion stopped"), ages in words and
in lists, pregnancy weeks said of the patient, spoken INR values, platelets per 10^11/L and
further vitamin K antagonists. Wordings written before the rules; each behaviour has wordings
that must not trigger it."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def labels(text: str) -> set[str]:
    return extract(text).labels()


# --- 1. "post" and "following" date the event, not the medicine -------------------------------

DATED_EVENT = [
    ("Clopidogrel 75 mg monotherapy post-TIA two years ago. Knee OA.", "class:antiplatelet"),
    ("on aspirin following a stroke in 2019, neck pain", "class:antiplatelet"),
    ("apixaban post-PE 3 months ago, back pain", "class:anticoagulant"),
    ("Plavix post stent last year, shoulder pain", "class:antiplatelet"),
    ("rivaroxaban following a DVT two years ago, knee pain", "class:anticoagulant"),
]


@pytest.mark.parametrize(("text", "label"), DATED_EVENT)
def test_a_time_after_post_dates_the_event(text: str, label: str) -> None:
    assert label in labels(text), text


@pytest.mark.parametrize(
    "text",
    [
        "warfarin, stopped post-op 2 months ago, knee pain",
        "aspirin stopped following the bleed last year, knee pain",
        "post-op pain, took aspirin two years ago",
        "clopidogrel was discontinued two years ago following a bleed",
        "had apixaban for 3 months post-PE in 2019, stopped",
    ],
)
def test_a_stop_or_a_past_course_still_reads_past(text: str) -> None:
    got = labels(text)
    assert not {"class:antiplatelet", "class:anticoagulant"} & got, (text, got)


# --- 2. a medicine affirmed after a denied one ------------------------------------------------

AFFIRMED = [
    ("now no anticoagulation, on aspirin 75 only. Knee pain", "class:antiplatelet"),
    ("no warfarin, on aspirin only", "class:antiplatelet"),
    ("not on any blood thinners, on clopidogrel for his stent", "class:antiplatelet"),
    ("no anticoagulation, just on clopidogrel", "class:antiplatelet"),
    ("not on warfarin, takes Plavix", "class:antiplatelet"),
]


@pytest.mark.parametrize(("text", "label"), AFFIRMED)
def test_a_medicine_affirmed_after_a_denied_one_stands(text: str, label: str) -> None:
    got = labels(text)
    assert label in got, (text, got)
    assert "class:anticoagulant" not in got, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "no anticoagulant, no aspirin, knee pain",
        "not on warfarin, aspirin or clopidogrel",
        "no blood thinners, on no aspirin either",
        "not on warfarin, on nothing else",
        "no warfarin, aspirin, or Plavix",
    ],
)
def test_a_list_under_one_negation_stays_denied(text: str) -> None:
    got = labels(text)
    assert not {"class:antiplatelet", "class:anticoagulant"} & got, (text, got)


# --- 3. heparin wears off within hours; a stop said of its form ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Heparin infusion stopped 3 days ago, knee pain",
        "heparin infusion was stopped 5 days ago, neck pain",
        "heparin stopped 3 days ago, knee pain",
        "heparin drip stopped a week ago, back pain",
        "apixaban tablets stopped 2 weeks ago, knee pain",
    ],
)
def test_a_stop_beyond_the_window_is_past(text: str) -> None:
    assert "class:anticoagulant" not in labels(text), text


@pytest.mark.parametrize(
    "text",
    [
        "heparin drip stopped yesterday, knee pain",
        "warfarin tablets stopped 3 days ago, knee pain",
        "Clexane injections stopped 4 days ago, knee pain",
        "enoxaparin stopped 3 days ago, knee pain",
        "heparin infusion running, knee pain",
    ],
)
def test_a_stop_within_the_window_or_no_stop_keeps_it(text: str) -> None:
    assert "class:anticoagulant" in labels(text), text


# --- 4. ages with a half, in a bracket's list, and after "for me" ----------------------------


def ages(text: str) -> set[str]:
    return {x for x in labels(text) if x.startswith("age:")}


AGES = [
    ("Seventeen-and-a-half year old, TMJ pain with bruxism", "age:17"),
    ("17.5 year old, knee pain", "age:17"),
    ("a fifteen and a half year old with knee pain", "age:15"),
    ("My son (type 1 diabetes, 15) wears an insulin pump. Migraines.", "age:15"),
    ("my mum (COPD, 81) has knee pain", "age:81"),
    ("my daughter (asthma, 12) gets migraines", "age:12"),
    ("the acupuncture is for me, 42, tennis elbow", "age:42"),
    ("this is for me, 35. neck pain", "age:35"),
]


@pytest.mark.parametrize(("text", "age"), AGES)
def test_an_age_is_read(text: str, age: str) -> None:
    assert ages(text) == {age}, text


@pytest.mark.parametrize(
    "text",
    [
        "my dad is 2.5 years post-op, knee pain",
        "my son (type 1 diabetes) has migraines",
        "my dad (on warfarin, INR 3) has knee pain",
        "my mum (knee OA, 5 years) wants acupuncture",
        "patient (cycle 3, 14) with neck pain",
        "for me, 10 sessions of acupuncture helped",
        "give me 2 needles only, neck pain",
    ],
)
def test_no_age_is_read(text: str) -> None:
    assert not ages(text), (text, ages(text))


# --- 5. weeks of a pregnancy said of more relations -------------------------------------------


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("My daughter-in-law is 34 weeks and her pubic bone aches. She is on Clexane", "34"),
        ("my stepdaughter is 30 weeks, back pain", "30"),
        ("my granddaughter's 25 weeks and has sciatica", "25"),
        ("my sister-in-law is 20 weeks, nausea", "20"),
        ("my cousin is 32 weeks, carpal tunnel", "32"),
    ],
)
def test_weeks_said_of_a_relation_are_a_pregnancy(text: str, weeks: str) -> None:
    got = labels(text)
    assert {"pregnant", f"weeks:{weeks}"} <= got, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "my son-in-law is 34 weeks post-op, knee pain",
        "my daughter-in-law is 3 weeks into physio for her knee",
        "my granddaughter is 6 weeks old and has colic",
        "my sister in law is 8 weeks out from surgery",
        "my cousin is 12 weeks post op, shoulder pain",
    ],
)
def test_weeks_of_something_else_are_no_pregnancy(text: str) -> None:
    assert "pregnant" not in labels(text), text


# --- 6. a decimal said aloud after a bracket or a clause; platelets per 10^11/L ---------------


def lab(text: str, name: str) -> set[str]:
    return {x for x in labels(text) if x.startswith(f"{name}:")}


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("his blood test number (the INR thing) was two point eight last week", "inr", "2.8"),
        ("INR (the blood test) was two point eight", "inr", "2.8"),
        ("INR, checked Monday, was two point five", "inr", "2.5"),
        ("her INR, the blood test for warfarin, came back three point two", "inr", "3.2"),
        ("INR (done at the clinic) point nine", "inr", "0.9"),
        ("MDS patient, plt count 0.45 x 10^11/L on latest FBC", "platelets", "45"),
        ("platelets 1.2 x 10^11/L, knee pain", "platelets", "120"),
        ("plt 0.8 x10^11 /L, neck pain", "platelets", "80"),
        ("platelets 4.5 x 10^10/L, back pain", "platelets", "45"),
        ("platelets 0.095 x 10^12/L, back pain", "platelets", "95"),
    ],
)
def test_the_value_is_read_in_acupath_units(text: str, name: str, value: str) -> None:
    assert lab(text, name) == {f"{name}:{value}"}, (text, labels(text))


@pytest.mark.parametrize(
    "text",
    [
        "INR (for two weeks) has been stable",
        "INR checked twice, both fine",
        "INR, two readings, both in range",
        "INR point of care check at the clinic, knee pain",
        "INR, the blood test, done two days ago",
    ],
)
def test_a_count_in_words_is_no_inr(text: str) -> None:
    assert not lab(text, "inr"), (text, labels(text))


# --- 7. vitamin K antagonists and secukinumab in the formulary ----------------------------------


@pytest.mark.parametrize(
    ("text", "medicine"),
    [
        ("my doctor give me Previscan for the heart rhythm, INR is 2,6", "fluindione"),
        ("on fluindione, knee pain", "fluindione"),
        ("Marcoumar (phenprocoumon) patient, INR 4.4 yesterday", "phenprocoumon"),
        ("takes Marcoumar, neck pain", "phenprocoumon"),
        ("takes Sintrom, INR 2.4", "acenocoumarol"),
        ("on Dindevan for a valve", "phenindione"),
    ],
)
def test_a_vitamin_k_antagonist_is_an_anticoagulant(text: str, medicine: str) -> None:
    got = labels(text)
    assert {f"medicine:{medicine}", "class:anticoagulant", "class:vitamin_k_antagonist"} <= got


@pytest.mark.parametrize(
    "text",
    [
        "stopped Previscan two months ago, knee pain",
        "no Previscan, neck pain",
        "my mother takes Previscan; I have knee pain",
        "was on Marcoumar until last year, knee pain",
        "might start fluindione next month, neck pain",
    ],
)
def test_a_vka_not_taken_now_is_not_screened(text: str) -> None:
    assert "class:anticoagulant" not in labels(text), (text, labels(text))


def test_secukinumab_is_an_immunosuppressant_and_apremilast_has_no_class() -> None:
    assert "class:immunosuppressant" in labels("Cosentyx for psoriasis, knee pain")
    assert "class:immunosuppressant" in labels("on secukinumab injections monthly")
    assert not any(x.startswith("class:") for x in labels("Otezla for psoriatic arthritis"))
