"""Issue 10, wave 9 (details): lab values after a spaced dash or beside a drug name with a
number, the past value of a lab in a dated frame, lay names of the INR, ages written "31 y",
pregnancy dated from the due date or by an ordinal week, postpartum words, radiotherapy
abbreviations with a field, and BTK inhibitors as antiplatelet-acting medicines.
Wordings written before the rules; each behaviour has wordings that must not trigger it."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def labels(text: str) -> set[str]:
    return extract(text).labels()


def lab(text: str, name: str) -> set[str]:
    return {label for label in labels(text) if label.startswith(f"{name}:")}


# --- 1. a value is read whole, never cut before its decimals ----------------------------------

WHOLE_VALUES = [
    ("Plt 85 K/uL, ANC 2.2 - day 14 of cycle 3 of docetaxel", "anc", "2.2"),
    ("ANC 1.6 - day 10 after chemo, knee pain", "anc", "1.6"),
    ("INR 2.7 - checked 3 days ago, on warfarin", "inr", "2.7"),
    ("platelets 95.5 - day 12 of the cycle", "platelets", "95.5"),
    ("neutrophils 0.9 – day 8 post chemo, neck pain", "anc", "0.9"),
]


@pytest.mark.parametrize(("text", "name", "value"), WHOLE_VALUES)
def test_a_value_before_a_spaced_dash_is_read_whole(text: str, name: str, value: str) -> None:
    assert lab(text, name) == {f"{name}:{value}"}, text


@pytest.mark.parametrize(
    "text",
    [
        "platelets 2.5 days ago were fine, knee pain",
        "INR 1.5 weeks ago was in range",
        "ANC 3.5 months back was normal",
    ],
)
def test_a_decimal_before_a_time_word_is_no_value(text: str) -> None:
    got = labels(text)
    assert not any(x.startswith(("platelets:", "inr:", "anc:")) for x in got), (text, got)


# --- 2. a number inside a drug's name is no later value ---------------------------------------

DRUG_NUMBERS = [
    ("Neutrophils 1300/mm3, platelets 180000/mm3 on FOLFOX (oxaliplatin, 5-FU).", "180"),
    ("platelets 150 on capecitabine and 5-FU, neck pain", "150"),
    ("platelets 120, takes 6-MP for Crohn's", "120"),
    ("Platelets 90 on day 8, gets 5-FU by pump", "90"),
    ("plt 200k, on 5-fluorouracil, shoulder pain", "200"),
]


@pytest.mark.parametrize(("text", "value"), DRUG_NUMBERS)
def test_a_number_in_a_drug_name_is_no_platelet_value(text: str, value: str) -> None:
    assert lab(text, "platelets") == {f"platelets:{value}"}, text


def test_counts_per_cubic_millimetre_are_per_microlitre() -> None:
    got = labels("Neutrophils 1300/mm3, platelets 180000/mm3 on FOLFOX. Hand neuropathy.")
    assert {"anc:1.3", "platelets:180"} <= got


# --- 3. a value dated years back is older than one dated weeks back ---------------------------

DATED = [
    (
        "Platelets were low when I had dengue 3 yrs ago (went down to 30) but they've been "
        "normal since, 250 last month. Plantar fasciitis.",
        "250",
    ),
    ("platelets dropped to 40 two yrs ago during an infection, 230 last week. knee pain", "230"),
    ("plts 35 last year in hospital, 210 two weeks ago. Neck pain", "210"),
    ("platelets fell to 25 5 years back with ITP, 180 last month. back pain", "180"),
    ("platelet count 45 4 yrs ago, 260 this month. hip pain", "260"),
]


@pytest.mark.parametrize(("text", "value"), DATED)
def test_the_recent_value_decides_over_one_years_back(text: str, value: str) -> None:
    assert lab(text, "platelets") == {f"platelets:{value}"}, text


def test_two_undated_values_keep_the_cautious_one() -> None:
    got = lab("platelets 40 and 230, knee pain", "platelets")
    assert got == {"platelets:40"}


# --- 4. the INR in lay words ------------------------------------------------------------------

INR_LAY = [
    ("mum takes warfrin and the finger-prick clotting number was 2,4 on tuesday", "2.4"),
    ("on warfarin, his clotting number is 3.1 this week", "3.1"),
    ("my blood clotting level was 2.8 at the clinic, I take warfarin", "2.8"),
    ("her finger prick test for warfarin came back at 2.2", "2.2"),
    ("warfarin clinic said her clotting reading is 3,5", "3.5"),
]


@pytest.mark.parametrize(("text", "value"), INR_LAY)
def test_lay_names_of_the_inr(text: str, value: str) -> None:
    assert lab(text, "inr") == {f"inr:{value}"}, text


@pytest.mark.parametrize(
    "text",
    [
        "she has a clotting disorder diagnosed 2 years ago",
        "her blood pressure is 140 and she takes 3 tablets",
        "clotting factor 8 deficiency, knee pain",
        "finger prick glucose 7.2, diabetic",
    ],
)
def test_no_inr_from_other_clotting_words(text: str) -> None:
    assert not lab(text, "inr"), text


# --- 5. an age written "31 y" in a note ---------------------------------------------------------

NOTE_AGES = [
    ("Primigravida, 31 y, EDD in about 11 weeks. Carpal tunnel symptoms.", "31"),
    ("68 y, new temporal headaches over 6 weeks, pain in the jaw when chewing", "68"),
    ("F, 54 y, knee OA, on no medicines. Acupuncture?", "54"),
    ("Mrs P (45 y), chronic neck pain. Acupuncture?", "45"),
    ("72 y; on apixaban for AF, shoulder pain", "72"),
]


@pytest.mark.parametrize(("text", "value"), NOTE_AGES)
def test_an_age_written_with_y_in_a_note(text: str, value: str) -> None:
    got = {label for label in labels(text) if label.startswith("age:")}
    assert got == {f"age:{value}"}, text


@pytest.mark.parametrize(
    "text",
    [
        "neck pain for 3 y, worse now. Acupuncture?",
        "back pain 5 y, getting worse",
        "on tamoxifen x 2 y, hot flushes",
        "knee pain since 2 y, no injury",
        "R knee pain, 3 y, worse on stairs",
        "Duration: 2 y. Neck pain",
        "Headaches (10 y), on no medicines",
    ],
)
def test_a_duration_in_y_is_no_age(text: str) -> None:
    assert not any(label.startswith("age:") for label in labels(text)), text


# --- 6. weeks from a due date "in N weeks"; an ordinal week -----------------------------------


def weeks(text: str) -> set[str]:
    return {label for label in labels(text) if label.startswith("weeks:")}


DUE_IN_WEEKS = [
    ("Primigravida, 31 y, EDD in about 11 weeks (so ~29/40). Carpal tunnel.", "29"),
    ("pregnant, due in 10 weeks, low back pain", "30"),
    ("G1P0, EDD in 6 weeks, pelvic girdle pain", "34"),
    ("primip, due date in about 20 weeks, neck pain", "20"),
    ("my wife is pregnant and due in 4 weeks, bad sciatica", "36"),
]


@pytest.mark.parametrize(("text", "value"), DUE_IN_WEEKS)
def test_weeks_come_from_the_due_date_not_the_count_to_it(text: str, value: str) -> None:
    assert weeks(text) == {f"weeks:{value}"}, text


ORDINAL_WEEKS = [
    ("my wife is expecting our second child, she is in the 34th week. Sciatica.", "34"),
    ("I'm pregnant, in my 22nd week, and my back hurts", "22"),
    ("She's in the 30th week of her pregnancy with carpal tunnel", "30"),
    ("pregnant lady in her 20th week of gestation, neck pain", "20"),
    ("expecting twins, now in the 28th week, rib pain", "28"),
]


@pytest.mark.parametrize(("text", "value"), ORDINAL_WEEKS)
def test_an_ordinal_week_of_a_pregnancy(text: str, value: str) -> None:
    got = labels(text)
    assert f"weeks:{value}" in got and "pregnant" in got, text


def test_an_ordinal_week_at_the_end_of_the_first_trimester_gives_no_weeks() -> None:
    got = labels("I'm pregnant, in my 13th week, with headaches")
    assert "pregnant" in got and not weeks("I'm pregnant, in my 13th week, with headaches")


@pytest.mark.parametrize(
    "text",
    [
        "she is in the 3rd week of radiotherapy, neck pain",
        "in the 2nd week of her chemo cycle, nausea",
        "I'm in the 6th week after knee surgery",
        "pregnant, in the 2nd week of physio for back pain",
        "my son is in the 5th week of the school term with headaches",
        "primary school teacher, in the 5th week of term, neck pain",
        "she is in her 3rd week at the primary school, headaches",
    ],
)
def test_an_ordinal_week_of_something_else_is_no_pregnancy_week(text: str) -> None:
    assert not weeks(text), text


# --- 7. after a birth: the pregnancy and the baby are not the patient's state now -------------

AFTER_BIRTH = [
    "Had my little girl 5 weeks ago and I'm breastfeeding. The sciatica I had during the "
    "pregnancy is still there. Can I have acupuncture while feeding her?",
    "gave birth 3 weeks ago; the back pain started in my pregnancy and hasn't gone",
    "I had the baby in May, carpal tunnel from the pregnancy is still bad",
    "6 weeks postpartum, pelvic pain since the pregnancy",
    "had my little boy last month, neck pain that began during pregnancy",
]


@pytest.mark.parametrize("text", AFTER_BIRTH)
def test_a_pregnancy_beside_a_birth_is_over(text: str) -> None:
    got = labels(text)
    assert "pregnant" not in got and "postpartum" in got, (text, got)
    assert "age_band:child" not in got, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "I'm pregnant again, 12 weeks, and had my first baby last year",
        "my little girl (6) gets headaches, is acupuncture ok for children?",
        "pregnant with back pain, 20 weeks",
    ],
)
def test_a_pregnancy_now_or_a_child_patient_stands(text: str) -> None:
    got = labels(text)
    if "little girl" in text:
        assert "age_band:child" in got or "age:6" in got, got
    else:
        assert "pregnant" in got, (text, got)


def test_the_expected_child_is_not_the_patient() -> None:
    got = labels("my wife is expecting our second child, her back hurts")
    assert "pregnant" in got and "age_band:child" not in got, got


# --- 8. radiotherapy written "RT" after its field -----------------------------------------------

RT_FIELDS = [
    ("Currently mid-way through pelvic RT (25 fractions) for cervical ca", "radiation:pelvis"),
    ("on breast RT, week 3, shoulder pain", "radiation:chest"),
    ("finished neck RT in March for a tonsil cancer, dry mouth", "radiation:neck"),
    ("having pelvic RT for rectal cancer, low back pain", "radiation:pelvis"),
    ("chest wall RT completed last year, neck pain", "radiation:chest"),
]


@pytest.mark.parametrize(("text", "label"), RT_FIELDS)
def test_rt_after_a_field_is_radiotherapy(text: str, label: str) -> None:
    got = labels(text)
    fields = {x for x in got if x.startswith("radiation:")}
    assert any(x == label or x.endswith(label.split(":")[1]) for x in fields), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "RT knee pain for 3 months",
        "pain in the RT shoulder, no cancer",
        "RT hip replacement in 2019, now back pain",
    ],
)
def test_rt_as_right_is_no_radiotherapy(text: str) -> None:
    assert not any(x.startswith("radiation") for x in labels(text)), text


# --- 9. probe 9: medicines and treatments not taken now ------------------------------------------

FUTURE_TREATMENT = [
    "I'm about to have radiotherapy for throat cancer. Does it help dry mouth?",
    "she is going to have radiotherapy to the pelvis next month; back pain",
    "he's due to have radiotherapy to his neck, neck stiffness",
    "I'll be having radiotherapy to the chest soon, shoulder pain",
    "about to get radiation to my breast, is acupuncture ok for my nausea?",
]


@pytest.mark.parametrize("text", FUTURE_TREATMENT)
def test_radiotherapy_still_to_come_is_not_current(text: str) -> None:
    got = labels(text)
    assert not any(x.startswith("radiation:") for x in got), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "I'm having radiotherapy to the pelvis now, back pain",
        "currently on radiotherapy to the neck, dry mouth",
        "had to have radiotherapy to the chest in 2020, now shoulder pain",
    ],
)
def test_radiotherapy_under_way_or_past_is_still_read(text: str) -> None:
    assert any(m.kind == "radiation" for m in extract(text).mentions), text


OFF_ANY = [
    "Liver pt, INR 3.8 off any anticoagulant (hepatology aware), chronic low back pain",
    "INR 1.9 while off any warfarin, knee pain",
    "she is off any blood thinners now, neck pain",
    "off any anticoagulants for months, hip pain",
    "he has been off any antiplatelet since 2020, shoulder pain",
]


@pytest.mark.parametrize("text", OFF_ANY)
def test_off_any_medicine_is_not_taken(text: str) -> None:
    got = labels(text)
    assert not {"class:anticoagulant", "class:antiplatelet"} & got, (text, got)


def test_off_work_does_not_deny_a_medicine() -> None:
    assert "class:anticoagulant" in labels("off work with back pain and on warfarin")


CHEMO_ENDED_MONTHS_AGO = [
    "neuropathy in my feet from the chemo i finished in june. platelets 72 thousand",
    "chemo finished in march, now tingling feet",
    "completed her chemotherapy in may, fatigue since",
    "my chemo ended in april and my hands are numb",
    "chemo was all done in february, neck pain",
]


@pytest.mark.parametrize("text", CHEMO_ENDED_MONTHS_AGO)
def test_chemotherapy_ended_months_ago_is_a_history(text: str) -> None:
    assert "treatment:chemotherapy" not in labels(text), text


def test_an_end_this_month_is_not_long_past() -> None:
    import datetime

    from acupath.answer.finished_treatment import _month_long_past

    today = datetime.date.today()
    assert not _month_long_past(today.month, today.year)
    back = (today.month - 4 - 1) % 12 + 1
    assert _month_long_past(back, today.year)


# --- 10. probe 9: a pregnancy that was, a baby's age, ages in lists -------------------------------

WAS_PREGNANT = [
    "i was pregnant last year but had the baby in january, not pregnant now. my knees hurt",
    "I was pregnant in 2023 and my back has hurt ever since",
    "she was pregnant two years ago and the carpal tunnel never went",
    "i was pregnant last year, now neck pain",
]


@pytest.mark.parametrize("text", WAS_PREGNANT)
def test_a_pregnancy_dated_to_the_past_is_over(text: str) -> None:
    assert "pregnant" not in labels(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I was pregnant when I found out about the fibroids, still pregnant now at 20 weeks",
        "I'm pregnant, 14 weeks, back pain",
    ],
)
def test_a_pregnancy_now_stands(text: str) -> None:
    assert "pregnant" in labels(text), text


BABY_AGE = [
    "breastfeeding my 4 month old, sciatica since the birth. does acupuncture affect the milk",
    "still breast feeding my 9 month old and my back hurts",
    "nursing my 3 month old baby, neck pain since the birth",
    "I'm feeding my 6 week old, carpal tunnel; can I have acupuncture while breastfeeding?",
    "breastfeeding our 10 month old, shoulder pain. Will needles get into my milk?",
]


@pytest.mark.parametrize("text", BABY_AGE)
def test_the_age_of_a_breastfed_baby_is_not_the_patients(text: str) -> None:
    got = labels(text)
    assert not any(x.startswith(("age:", "age_band:child")) for x in got), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "my 4 month old has colic, is acupuncture safe for him?",
        "breastfeeding my 6 month old, can she have acupuncture for her reflux?",
        "I'm breastfeeding and my 5 month old has eczema since birth, can he have acupuncture?",
    ],
)
def test_a_baby_patient_keeps_its_age(text: str) -> None:
    assert "age:0" in labels(text), text


AGES_IN_LISTS = [
    ("Not pregnant, no cancer. 29 and just stressed with neck pain from the desk.", "29"),
    ("Otherwise healthy, 42, sciatica on the left. Acupuncture ok?", "42"),
    ("No meds. 35 and otherwise well, knee pain", "35"),
    ("fit and well, 58, shoulder pain", "58"),
    ("Non smoker, 47, low back pain", "47"),
]


@pytest.mark.parametrize(("text", "value"), AGES_IN_LISTS)
def test_an_age_in_a_list_of_facts(text: str, value: str) -> None:
    got = {x for x in labels(text) if x.startswith("age:")}
    assert got == {f"age:{value}"}, text


@pytest.mark.parametrize(
    "text",
    [
        "no meds. 30 and 40 minute walks help my knee",
        "Otherwise healthy, 3 sessions so far, sciatica",
        "walks a lot. 10 and 15 km runs each week, knee pain",
    ],
)
def test_other_numbers_in_a_list_are_no_age(text: str) -> None:
    assert not any(x.startswith("age:") for x in labels(text)), text


# --- 11. probe 9: an ICD in lay words -------------------------------------------------------------

ICD_LAY = [
    "there's a little shock device wired in under my left collarbone",
    "he has a shock box in his chest since the cardiac arrest",
    "my mum has a defib implanted, knee pain",
    "I have an internal defibrillator, back pain",
    "an implanted shocking device for my heart, neck pain",
]


@pytest.mark.parametrize("text", ICD_LAY)
def test_an_icd_in_lay_words(text: str) -> None:
    assert "device:icd" in labels(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I had a shock when I saw the bill, back pain",
        "the TENS machine gives a small shock, is that like acupuncture?",
        "she was in shock after the fall, neck pain",
    ],
)
def test_shock_words_alone_are_no_icd(text: str) -> None:
    assert "device:icd" not in labels(text), text


# --- 12. probe 9: today's value after a supposed one ----------------------------------------------

AFTER_SUPPOSED = [
    (
        "My INR is usually 2.5 on warfarin. What would happen if it went up to 4 before a "
        "session? Today it's 2.4 and I want acupuncture for my neck.",
        "inr",
        "2.4",
    ),
    ("INR normally 2.8. What if it were 5? Today it is 3.1. Knee pain.", "inr", "3.1"),
    (
        "Her platelets usually sit at 90. Would it matter if they fell to 40? Today they're 85.",
        "platelets",
        "85",
    ),
    ("INR was 2.2 last week. Suppose it rose to 4.5? This morning it's 2.6.", "inr", "2.6"),
    (
        "platelets 150 in May. If they dropped to 30 would you stop? Now they're 140.",
        "platelets",
        "140",
    ),
]


@pytest.mark.parametrize(("text", "name", "value"), AFTER_SUPPOSED)
def test_todays_value_after_a_supposed_one_decides(text: str, name: str, value: str) -> None:
    assert lab(text, name) == {f"{name}:{value}"}, text


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("My INR is usually 2.5. What if it went up to 4? I'm worried.", "inr", "2.5"),
        ("INR 2.5 last week. If it goes to 4 I stop. Today the pain is 7 out of 10.", "inr", "2.5"),
        ("platelets 120. What if they fell to 20? Today I'm 45 and fine.", "platelets", "120"),
    ],
)
def test_a_supposed_value_is_never_read(text: str, name: str, value: str) -> None:
    assert lab(text, name) == {f"{name}:{value}"}, text


# --- 13. BTK inhibitors: screened with the anticoagulant precautions -----------------------------

BTK = [
    "on ibrutinib for CLL, knee pain. Acupuncture?",
    "My dad takes Imbruvica for his leukaemia and has a sore shoulder",
    "acalabrutinib 100 mg twice a day, neck pain",
    "she is on Calquence for mantle cell lymphoma, low back pain",
    "CLL on ibrutinib 420 mg, platelets 120, hip OA",
]


@pytest.mark.parametrize("text", BTK)
def test_a_btk_inhibitor_gets_the_bleeding_precautions(text: str) -> None:
    from acupath.answer import ask

    assert "class:btk_inhibitor" in labels(text), text
    screen = ask(text).screen or {}
    assert screen.get("decision") in ("proceed_with_modifications", "defer", "refer"), screen
    mods = " ".join(screen.get("modifications") or [])
    if screen.get("decision") == "proceed_with_modifications":
        assert "superficial" in mods and "pressure" in mods, mods


def test_a_btk_inhibitor_with_low_platelets_defers() -> None:
    from acupath.answer import ask

    screen = ask("on ibrutinib, platelets 40, knee pain").screen or {}
    assert screen.get("decision") == "defer", screen


@pytest.mark.parametrize(
    "text",
    ["stopped ibrutinib in 2020, knee pain", "no ibrutinib or blood thinners, neck pain"],
)
def test_a_btk_inhibitor_not_taken_is_not_screened(text: str) -> None:
    assert "class:btk_inhibitor" not in labels(text), text


# --- 14. a treatment named again after its start is said to be still to come ----------------------

STILL_TO_COME = [
    (
        "I'm about to have radiotherapy for throat cancer. Does acupuncture during radiotherapy "
        "mean less dry mouth a year later?",
        "radiation",
    ),
    (
        "My GP will start me on warfarin next month. Is acupuncture safe with warfarin?",
        "class:anticoagulant",
    ),
    ("she's going to start apixaban soon; what about needles and apixaban?", "class:anticoagulant"),
    (
        "going to have radiotherapy to the pelvis next month; can I keep acupuncture during "
        "radiotherapy?",
        "radiation",
    ),
    (
        "I'll be starting clopidogrel next week. Is acupuncture OK on clopidogrel?",
        "class:antiplatelet",
    ),
]


@pytest.mark.parametrize(("text", "label"), STILL_TO_COME)
def test_a_treatment_named_again_keeps_its_start_to_come(text: str, label: str) -> None:
    got = labels(text)
    assert not any(x.startswith(label) for x in got), (text, got)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Starting warfarin next week, and she has been on warfarin before", "class:anticoagulant"),
        ("I take warfarin and will start aspirin next week", "class:anticoagulant"),
        ("will start warfarin next month; currently taking warfarin 1 mg", "class:anticoagulant"),
    ],
)
def test_a_treatment_taken_now_stands(text: str, label: str) -> None:
    assert label in labels(text), text
