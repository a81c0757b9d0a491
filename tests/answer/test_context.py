"""Patient context from question text: medicines, labs with units, pregnancy, age, devices,
lymphoedema, radiotherapy, red flags, with negation and hypotheticals (issue 10).

Each fact is asked in several wordings, written before the extraction rules."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract
from acupath.answer.negation import Span, Triggers, governed


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("My patient takes apixaban for atrial fibrillation", "class:anticoagulant"),
        ("she is on Eliquis 5 mg twice a day", "class:anticoagulant"),
        ("Is acupuncture safe if I take blood thinners?", "class:anticoagulant"),
        ("on Xarelto", "class:anticoagulant"),
        ("warfarin with an INR of 2.4", "class:vitamin_k_antagonist"),
        ("taking clopidogrel after a stent", "class:antiplatelet"),
        ("joint pain on letrozole", "class:aromatase_inhibitor"),
        ("anastrozole (Arimidex) since March", "class:aromatase_inhibitor"),
        ("receiving paclitaxel weekly", "treatment:chemotherapy"),
        ("numb fingers since chemo", "treatment:chemotherapy"),
    ],
)
def test_medicines_by_name_brand_and_class_word(text: str, label: str) -> None:
    assert label in extract(text).labels()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Platelets 20,000/µL after chemotherapy", "platelets:20"),
        ("plts 20k", "platelets:20"),
        ("platelet count 70 x 10^9/L", "platelets:70"),
        ("plt 45,000 per microlitre", "platelets:45"),
        ("her platelets are normal (210)", "platelets:210"),
        ("platelet count of 15 x 10^9/L", "platelets:15"),
        ("ANC 0.4 on day 10", "anc:0.4"),
        ("absolute neutrophil count 500", "anc:0.5"),
        ("neutrophils 1.3 x10^9/L", "anc:1.3"),
        ("INR 3.6 last week", "inr:3.6"),
        ("INR of 3", "inr:3"),
    ],
)
def test_labs_are_read_with_their_units(text: str, label: str) -> None:
    assert label in extract(text).labels()


def test_an_impossible_lab_value_is_reported_not_used() -> None:
    ctx = extract("platelets 5,000,000 per microlitre")
    assert not any(lab.startswith("platelets:") for lab in ctx.labels())
    assert ctx.problems


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("I'm 10 weeks pregnant with low back pain", "10"),
        ("Pregnant at 12 weeks, on enoxaparin", "12"),
        ("she is 28/40 with pelvic pain", "28"),
        ("six weeks pregnant and my back aches", "6"),
        ("20 weeks gestation", "20"),
    ],
)
def test_pregnancy_and_its_weeks(text: str, weeks: str) -> None:
    labels = extract(text).labels()
    assert "pregnant" in labels and f"weeks:{weeks}" in labels


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("An 8-year-old with recurrent headaches", "child"),
        ("9 year old with tension headaches", "child"),
        ("15 year old girl with migraine", "adolescent"),
        ("a teenager with neck pain", "adolescent"),
        ("84-year-old man with knee osteoarthritis", "older_adult"),
        ("an elderly lady with hip pain", "older_adult"),
        ("aged 45, chronic low back pain", "adult"),
    ],
)
def test_age_bands(text: str, band: str) -> None:
    assert f"age_band:{band}" in extract(text).labels()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Pacemaker patient with back pain", "device:pacemaker"),
        ("has an implantable cardioverter defibrillator", "device:icd"),
        ("spinal cord stimulator in place", "device:neurostimulator"),
        ("insulin pump user", "device:insulin_pump"),
        ("port-a-cath in the right chest", "device:port"),
        ("Left axillary node dissection for breast cancer", "lymphedema:left_arm"),
        ("Lymphoedema of the right arm after mastectomy", "lymphedema:right_arm"),
        ("swollen left leg from lymphoedema after groin node dissection", "lymphedema:left_leg"),
        ("Radiotherapy to the left breast finished last month", "radiation:left_chest"),
        ("radiation to the lower back for bone metastases", "radiation:lower_back"),
    ],
)
def test_devices_lymphoedema_and_radiotherapy_with_sites(text: str, label: str) -> None:
    assert label in extract(text).labels()


def test_device_site_is_kept() -> None:
    ctx = extract("She has a port-a-cath in the right chest")
    device = ctx.first("device")
    assert device is not None and device.detail["site"] == "right_chest"


def test_node_dissection_without_a_side_means_both_arms() -> None:
    labels = extract("axillary node dissection last year").labels()
    assert {"lymphedema:left_arm", "lymphedema:right_arm"} <= labels


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Since yesterday I'm numb around my bottom", "saddle_anesthesia"),
        ("saddle anaesthesia and back pain", "saddle_anesthesia"),
        ("I can't feel my inner thighs and private area", "saddle_anesthesia"),
        ("trouble peeing since last night", "bladder_dysfunction"),
        ("new urinary retention", "bladder_dysfunction"),
        ("i cant control my bowels", "bowel_incontinence"),
        ("back pain with fever and chills", "fever"),
        ("a high temperature and back ache", "fever"),
        ("he injects heroin", "iv_drug_use"),
        ("lost 8 kg without trying", "unexplained_weight_loss"),
        ("fell from a ladder yesterday", "major_trauma"),
        ("pain worse at night", "severe_night_pain"),
        ("worst headache of my life", "thunderclap_headache"),
        ("sudden thunderclap headache", "thunderclap_headache"),
        ("progressive weakness in both legs", "progressive_neurological_deficit"),
    ],
)
def test_red_flags_in_lay_and_clinical_words(text: str, flag: str) -> None:
    assert f"red_flag:{flag}" in extract(text).labels()


@pytest.mark.parametrize(
    ("text", "denied", "kept"),
    [
        ("no fever", "red_flag:fever", None),
        ("She is not pregnant; chronic low back pain", "pregnant", None),
        ("Patient denies taking any blood thinners", "class:anticoagulant", None),
        ("No history of cancer, not on blood thinners", "class:anticoagulant", None),
        ("not pregnant, on warfarin", "pregnant", "class:anticoagulant"),
        ("No fever but saddle numbness", "red_flag:fever", "red_flag:saddle_anesthesia"),
        ("She would not be pregnant and has no pacemaker", "device:pacemaker", None),
        (
            "Denies fever, weight loss, saddle numbness or bladder change.",
            "red_flag:saddle_anesthesia",
            None,
        ),
    ],
)
def test_negation(text: str, denied: str, kept: str | None) -> None:
    ctx = extract(text)
    assert denied in ctx.negated_labels()
    assert denied not in ctx.labels()
    if kept:
        assert kept in ctx.labels()


def test_pseudo_trigger_does_not_negate() -> None:
    assert "red_flag:unexplained_weight_loss" in extract("lost 8 kg without trying").labels()


@pytest.mark.parametrize(
    "text",
    [
        "If she were on warfarin, would acupuncture be reasonable?",
        "What if the patient were taking edoxaban?",
        "Suppose he is on apixaban",
    ],
)
def test_hypotheticals_are_applied_and_marked(text: str) -> None:
    ctx = extract(text)
    assert "class:anticoagulant" in ctx.labels()
    med = ctx.first("medicine")
    assert med is not None and med.hypothetical


@pytest.mark.parametrize(
    "text",
    [
        "Does acupuncture help chemotherapy-induced nausea?",
        "Does acupuncture help anxiety in patients with cancer?",
        "Does ibuprofen help back pain?",
        "aromatase inhibitor-related joint pain",
    ],
)
def test_population_words_do_not_describe_a_patient(text: str) -> None:
    from acupath.answer import parse

    assert not parse(text).patient.describes_patient


def test_facts_keep_the_words_they_came_from() -> None:
    ctx = extract("72 year old on warfarin, INR 3.6")
    words = {m.words for m in ctx.mentions}
    assert "warfarin" in words and any("INR 3.6" in w for w in words)


def test_context_algorithm_scope_ends_at_a_termination_word() -> None:
    triggers = Triggers(
        negation_before=(("no",),),
        negation_after=(),
        pseudo=(),
        hypothetical_before=(),
        terminate=(("but",),),
    )
    words = ["no", "fever", "but", "chill"]
    negated, _ = governed(words, [], [Span(1, 2, "red_flag"), Span(3, 4, "red_flag")], triggers)
    assert negated == {0}


# ---- wave 3: facts stated by two kinds of words in one sentence (combinations) -------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("he cannot feel his bottom since this morning", "red_flag:saddle_anesthesia"),
        ("tingling in her groin and back pain", "red_flag:saddle_anesthesia"),
        ("she has lost feeling between her legs", "red_flag:saddle_anesthesia"),
        ("my son wets himself now and his back hurts", "red_flag:bladder_dysfunction"),
        ("she can't hold her pee any more, back pain", "red_flag:bladder_dysfunction"),
        ("my lymph nodes were taken out on the right", "lymphedema:right_arm"),
        ("glands removed from her left armpit", "lymphedema:left_arm"),
        ("nodes cleared from the left groin", "lymphedema:left_leg"),
        ("her ankle went red, hot and swollen overnight", "red_flag:hot_swollen_joint"),
        ("septic arthritis of the knee?", "red_flag:hot_swollen_joint"),
        ("fell off a chair last week, and she has osteoporosis",
         "red_flag:minor_trauma_with_osteoporosis"),
        ("brittle bones and tripped on the stairs", "red_flag:minor_trauma_with_osteoporosis"),
        ("she has dropped a lot of weight lately", "red_flag:unexplained_weight_loss"),
        ("lost three stone this year", "red_flag:unexplained_weight_loss"),
        ("a headache that came out of the blue, the worst ever", "red_flag:thunderclap_headache"),
        ("an explosive headache at the gym", "red_flag:thunderclap_headache"),
        ("fever and his neck is very stiff", "red_flag:neck_stiffness"),
        ("she is preggers with back pain", "pregnant"),
        ("im pregnent and my hips ache", "pregnant"),
        ("18 weeks along with sciatica", "weeks:18"),
        ("week 30 of her pregnancy", "weeks:30"),
        ("pregnant (about 14 weeks) with neck pain", "weeks:14"),
        ("had rads to the chest", "radiation:chest"),
    ],
)  # fmt: skip
def test_facts_from_word_combinations(text: str, label: str) -> None:
    assert label in extract(text).labels(), extract(text).labels()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("numb toes at the bottom of my feet", "red_flag:saddle_anesthesia"),
        ("no numbness around the bottom, no groin tingling", "red_flag:saddle_anesthesia"),
        ("her knee is swollen but not hot", "red_flag:hot_swollen_joint"),
        ("my neck is stiff and sore every morning", "red_flag:neck_stiffness"),
        ("lymph nodes were not removed", "lymphedema:left_arm"),
        ("she has osteoporosis and neck pain", "red_flag:minor_trauma_with_osteoporosis"),
        ("my migraine builds slowly over hours", "red_flag:thunderclap_headache"),
        ("I'm expecting acupuncture to help my back", "pregnant"),
    ],
)
def test_combinations_need_every_part_and_respect_negation(text: str, label: str) -> None:
    labels = extract(text).labels()
    assert label not in labels, labels


def test_words_of_combinations_are_not_spell_corrected_away() -> None:
    """The spelling corrector knows every patient word: "wipe" stays "wipe" (not "wife")."""
    from acupath.answer import parse

    stmt = parse("my dad says it hurts to wipe and he cannot feel his bum. back pain.")
    assert "wipe" in stmt.corrected_text
    assert "red_flag:saddle_anesthesia" in stmt.patient.labels()
