"""Wave 7 (issue 10): patient details in Ask: ages, lab values in words, note time notation,
pregnancy weeks, lymphoedema sides, radiotherapy sites, removed devices, treatment status.

Wordings written before the rules (each a class of phrasings, with ones that must not trigger)."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _labels(question: str) -> set[str]:
    return set(extract(question).labels())


def _ages(question: str) -> set[int]:
    return {int(m.value) for m in extract(question).applied if m.kind == "age"}


# -- ages: an age at an event, a figure of speech, a titled name, other languages ---------------

AGE_AT_EVENT = [
    ("PMH: asthma; appendicectomy aged 12; NKDA. She is 34, headaches", 12, 34),
    ("tonsillectomy at age 7, now 45 yr old with neck pain", 7, 45),
    ("broke his wrist aged 10; he is 52 now, wrist pain", 10, 52),
    ("diagnosed with asthma at the age of 6; Mrs K is 70", 6, 70),
    ("had rheumatic fever aged 9, now a 61 year old man with knee OA", 9, 61),
]


@pytest.mark.parametrize(("question", "not_age", "age"), AGE_AT_EVENT)
def test_an_age_at_a_past_event_is_not_the_patients_age(
    question: str, not_age: int, age: int
) -> None:
    ages = _ages(question)
    assert not_age not in ages
    assert age in ages


STILL_AGES = [
    ("pt aged 70, neck pain", 70),
    ("a woman aged 45 with fibromyalgia", 45),
    ("patient age 52 with plantar fasciitis", 52),
    ("man aged 81, sciatica", 81),
    ("man with asthma aged 70, knee pain", 70),
    ("pt had a fall, patient aged 81 with hip pain", 81),
    ("had a hip replacement, now aged 75", 75),
]


@pytest.mark.parametrize(("question", "age"), STILL_AGES)
def test_aged_after_a_person_stays_an_age(question: str, age: int) -> None:
    assert age in _ages(question)


FIGURES = [
    "every joint aches in the morning like im 90. can acupuncture help?",
    "I walk like I'm 100 with this back",
    "my knees make me feel like i am 80",
    "she moves as if she's 90 since the fall",
    "creaking like im 70, hip pain",
]


@pytest.mark.parametrize("question", FIGURES)
def test_an_age_in_a_figure_of_speech_is_no_age(question: str) -> None:
    assert not _ages(question)


TITLED = [
    ("Carer here. Mr T is 88 and likes his garden", 88),
    ("Mrs B is 88 and frail with back pain", 88),
    ("Ms J is 41, neck pain", 41),
    ("Dr K is 67 and has knee OA", 67),
    ("Mr Patel is 59 and has sciatica", 59),
]


@pytest.mark.parametrize(("question", "age"), TITLED)
def test_a_titled_name_with_an_age(question: str, age: int) -> None:
    assert age in _ages(question)


FOREIGN = [
    ("Paciente de 55 años, toma Sintrom, INR 4,1 ayer.", 55),
    ("mujer de 72 años con gonartrosis", 72),
    ("patiente de 64 ans, lombalgie chronique", 64),
    ("Patientin, 58 Jahre alt, Gonarthrose", 58),
    ("paziente di 47 anni con cervicalgia", 47),
]


@pytest.mark.parametrize(("question", "age"), FOREIGN)
def test_ages_in_other_languages(question: str, age: int) -> None:
    assert age in _ages(question)


NOT_FOREIGN_AGES = [
    "dolor lumbar desde hace 5 años",
    "dolor de 3 años de evolución",
    "lombalgie depuis 10 ans",
]


@pytest.mark.parametrize("question", NOT_FOREIGN_AGES)
def test_durations_in_other_languages_are_no_ages(question: str) -> None:
    assert not _ages(question)


# -- lab values with "point" between digits ------------------------------------------------------

POINT = [
    ("she take warfarin, INR was 2 point 1 last week", "inr:2.1"),
    ("INR 3 point 4 yesterday, on warfarin", "inr:3.4"),
    ("his inr is 1 point 8 on warfarin", "inr:1.8"),
    ("neutrophils 0 point 9 after chemo", "anc:0.9"),
    ("the INR came back 2 point 5", "inr:2.5"),
]


@pytest.mark.parametrize(("question", "label"), POINT)
def test_digits_with_point_are_one_decimal(question: str, label: str) -> None:
    labels = {lab.replace(".0", "") for lab in _labels(question)}
    assert label in labels
    whole = label.split(".")[0]
    assert whole not in labels


# -- time in clinical note notation: 2/7 days, 1/52 weeks, 3/12 months ---------------------------

NOTE_TIMES = [
    # (question, whether the anticoagulant still counts)
    ("Med list says apixaban - NB this was stopped by haematology 3/12 ago. Neck pain.", False),
    ("apixaban stopped 6/12 ago, knee pain", False),
    ("on apixaban. It was stopped 3/12 ago by the GP", False),
    ("apixaban stopped 2/7 ago for a dental extraction, knee pain", True),
    # wave 8: a DOAC's window is 6 days (yeung2016_tsaco), so a week ago no longer counts;
    # warfarin keeps 10 days
    ("apixaban stopped 1/52 ago, knee pain", False),
    ("warfarin stopped 1/52 ago, knee pain", True),
    ("Med list says rivaroxaban - NB this was stopped 2/7 ago. Neck pain.", True),
    ("apixaban, stopped 2 days ago for a dental extraction, knee pain", True),
    ("apixaban (stopped 3 days ago), knee pain", True),
    ("apixaban started 3/12 ago for AF, knee pain", True),
    ("apixaban started 3 months ago, knee pain", True),
    ("on apixaban. Stopped smoking 2 years ago", True),
    ("on apixaban, stopped smoking 2 years ago", True),
]


@pytest.mark.parametrize(("question", "kept"), NOTE_TIMES)
def test_note_notation_times_a_stop(question: str, kept: bool) -> None:
    assert ("class:anticoagulant" in _labels(question)) is kept


NOT_AGES_NOR_DATES = [
    "back pain for 3/12, on apixaban",
    "knee pain 6/12, warfarin, INR 2.4",
    "neck pain 2/52, otherwise well",
    "LBP for 1/12, no red flags",
]


@pytest.mark.parametrize("question", NOT_AGES_NOR_DATES)
def test_note_notation_is_no_age(question: str) -> None:
    assert not _ages(question)


# -- pregnancy weeks after other words; a pregnancy word naming the asker's work -----------------

WEEKS = [
    ("On further questioning she is in her first trimester, 9 wks by dates.", "weeks:9"),
    ("second trimester, 18 weeks by scan, back pain", "weeks:18"),
    ("she is pregnant, 12 weeks by scan", "weeks:12"),
    ("in her third trimester, about 30 weeks now", "weeks:30"),
    ("first trimester (11 weeks), nausea", "weeks:11"),
]


@pytest.mark.parametrize(("question", "label"), WEEKS)
def test_weeks_after_a_trimester_or_by_dates(question: str, label: str) -> None:
    assert {"pregnant", label} <= _labels(question)


NO_WEEKS = [
    "back pain for 6 weeks, trimester not relevant",
    "first trimester, back pain for the last 3 weeks",
]


@pytest.mark.parametrize("question", NO_WEEKS)
def test_a_duration_beside_a_trimester_is_no_gestation(question: str) -> None:
    assert not any(label.startswith("weeks:") for label in _labels(question))


SERVICE = [
    "does acupuncture help with labour pain? I'm writing the handout for our antenatal class",
    "I teach an antenatal class; is acupuncture good for back pain?",
    "we run a prenatal yoga group, can acupuncture help back pain?",
    "I work in the antenatal clinic; which points are forbidden?",
    "preparing a leaflet for the maternity unit on acupuncture for nausea",
]


@pytest.mark.parametrize("question", SERVICE)
def test_a_pregnancy_service_of_the_askers_work_is_no_pregnancy(question: str) -> None:
    assert "pregnant" not in _labels(question)


STILL_PREGNANT = [
    "I'm 20 weeks pregnant and go to an antenatal class, back pain",
    "at my antenatal appointment the midwife said acupuncture could help my back",
    "I go to an antenatal class and my back hurts",
    "our antenatal class teacher said acupuncture helps back pain",
    "I teach an antenatal class and I'm 30 weeks pregnant myself; back pain",
]


@pytest.mark.parametrize("question", STILL_PREGNANT)
def test_a_pregnant_asker_stays_pregnant(question: str) -> None:
    assert "pregnant" in _labels(question)


# -- lymphoedema: two words, and the side of the surgery, not of the complaint --------------------

LYMPH = [
    ("I have lymph edema in right leg since operation", "lymphedema:right_leg", None),
    ("lymph oedema of the left arm after breast surgery", "lymphedema:left_arm", None),
    (
        "L mastectomy and ALND 2021, now on tamoxifen. Right shoulder pain. OK to needle the "
        "right arm?",
        "lymphedema:left_arm",
        "lymphedema:right_arm",
    ),
    (
        "right mastectomy with axillary clearance, left shoulder pain",
        "lymphedema:right_arm",
        "lymphedema:left_arm",
    ),
    ("R mastectomy + ALND, L shoulder pain", "lymphedema:right_arm", "lymphedema:left_arm"),
    ("lymphoedema, left arm", "lymphedema:left_arm", "lymphedema:right_arm"),
    ("left WLE and axillary node clearance 2019; right knee pain", "lymphedema:left_arm", None),
]


@pytest.mark.parametrize(("question", "want", "not_want"), LYMPH)
def test_lymphoedema_side(question: str, want: str, not_want: str | None) -> None:
    labels = _labels(question)
    assert want in labels
    if not_want:
        assert not_want not in labels


RADIATION = [
    "Pt had DXT to the L cervical nodes for a head and neck SCC, completed 2 months ago.",
    "radiotherapy to the right side of the neck last month",
    "XRT to the left neck nodes 3 weeks ago, neck pain",
    "DXT to the R cervical nodes, finished last month",
    "radiotherapy to the neck 4 weeks ago",
]


@pytest.mark.parametrize("question", RADIATION)
def test_a_neck_field_is_the_whole_neck(question: str) -> None:
    assert "radiation:neck" in _labels(question)


# -- a device taken out ----------------------------------------------------------------------------

DEVICES = [
    ("Hx ICD insertion 2019, explanted in 2024 after a pocket infection; no device now.", None),
    ("pacemaker removed in 2022, knee pain, electroacupuncture?", None),
    ("had a pacemaker but it was taken out last year", None),
    ("spinal cord stimulator removed 2021", None),
    ("pacemaker fitted in 2015 and removed in 2020", None),
    ("her pacemaker was removed and replaced with a new one", "device:pacemaker"),
    ("pacemaker, and her ICD was removed", "device:pacemaker"),
    ("has a pacemaker, gallbladder removed 2019", "device:pacemaker"),
    ("pacemaker due to be removed next month", "device:pacemaker"),
    ("pacemaker lead removed in 2020", "device:pacemaker"),
    ("pacemaker box removed and re-sited to the right side in 2021", "device:pacemaker"),
]


@pytest.mark.parametrize(("question", "kept"), DEVICES)
def test_a_device_taken_out_is_no_device(question: str, kept: str | None) -> None:
    devices = {label for label in _labels(question) if label.startswith("device:")}
    assert devices == ({kept} if kept else set())


# -- a chemotherapy course that has ended ----------------------------------------------------------

CHEMO = [
    (
        "Her platelets were 22 in 2023 during chemotherapy for breast cancer; treatment finished "
        "in early 2024 and today's count is 240.",
        False,
    ),
    ("platelets 30 during chemotherapy in 2022, chemo completed 2022; now 250", False),
    ("finished her chemo in 2021, knee pain", False),
    ("she is on chemo for breast cancer, platelets 60", True),
    ("during chemotherapy last year her counts dropped; she is still on chemo", True),
    ("chemo finished last week, platelets 70", True),
    ("shes so sick from the chemo, would acupuncture help her?", True),
]


@pytest.mark.parametrize(("question", "current"), CHEMO)
def test_an_ended_chemotherapy_course(question: str, current: bool) -> None:
    assert ("treatment:chemotherapy" in _labels(question)) is current


# -- probe 7 classes -------------------------------------------------------------------------------

HAS_YEARS = [
    ("my mother she have 68 years, she take the clopidogrel", {68}),
    ("I have 45 years and back pain", {45}),
    ("my father has 80 years", {80}),
    ("I have 5 years of back pain", set()),
    ("she has 20 years experience as a nurse", set()),
    ("I have 3 years with this pain", set()),
]


@pytest.mark.parametrize(("question", "ages"), HAS_YEARS)
def test_an_age_as_years_had(question: str, ages: set[int]) -> None:
    assert _ages(question) == ages


LABS = [
    ("PLT 0.8 lakh/cumm per outside lab report; chronic LBP", "platelets:80"),
    ("platelets 1.5 lakh, knee pain", "platelets:150"),
    ("platelet count 2 lakhs", "platelets:200"),
    ("neutrophils came back as zero point eight on my chemo bloods", "anc:0.8"),
    ("her platelets came back as 45", "platelets:45"),
]


@pytest.mark.parametrize(("question", "label"), LABS)
def test_lab_units_and_words(question: str, label: str) -> None:
    assert label in _labels(question)


GESTATION_52 = [
    ("Referral: 31F, GDM diet-controlled, currently 32/52, SPD", "weeks:32"),
    ("GA 30/52 with pelvic girdle pain", "weeks:30"),
    ("she's 24/52 and has back pain", "weeks:24"),
]


@pytest.mark.parametrize(("question", "label"), GESTATION_52)
def test_weeks_of_52_after_a_present_word(question: str, label: str) -> None:
    assert {"pregnant", label} <= _labels(question)


DURATION_52 = ["neck pain 2/52, otherwise well", "she is 3/52 post-op", "now 6/52 since injury"]


@pytest.mark.parametrize("question", DURATION_52)
def test_weeks_of_52_as_a_duration(question: str) -> None:
    assert "pregnant" not in _labels(question)


MORE = [
    (
        "Vulval ca 2021, bilateral inguinal node dissection, L leg lymphoedema",
        "lymphedema:right_leg",
    ),
    ("bilateral mastectomy and axillary clearance", "lymphedema:right_arm"),
    ("my son (22) had a shunt put in as a baby for hydrocephalus, still has it", "device:vp_shunt"),
    (
        "Kidney transplant 3 years ago so on anti-rejection tablets. Low back pain",
        "class:immunosuppressant",
    ),
    ("on transplant meds since 2019, knee pain", "class:immunosuppressant"),
    ("Neutrophils 400 cells/uL, platelets 62. AML in induction.", "treatment:chemotherapy"),
    ("Prostate ca, pelvic RT completed 2019, in remission. Now chronic LBP", "radiation:pelvis"),
    ("My period is 10 days late and I have done two tests, both faint positive.", "pregnant"),
    ("my period is a week late, back pain", "pregnant"),
]


@pytest.mark.parametrize(("question", "label"), MORE)
def test_probe7_wordings(question: str, label: str) -> None:
    assert label in _labels(question)


NOT_THESE = [
    ("dialysis shunt in left arm, knee pain", "device:vp_shunt"),
    ("RT knee pain for 3 weeks", "radiation:knee"),
    (
        "Adverse events of acupuncture in pregnant women (Park 2014), for our antenatal leaflet",
        "pregnant",
    ),
    ("she was induced at 40 weeks last year, back pain", "treatment:chemotherapy"),
]


@pytest.mark.parametrize(("question", "label"), NOT_THESE)
def test_probe7_negatives(question: str, label: str) -> None:
    assert label not in _labels(question)


ENDED_PREGNANCY = [
    ("I lost the pregnancy at 11 weeks last month and now the migraines are back.", set()),
    ("miscarriage at 10 weeks pregnant in March, back pain", set()),
    ("lost the pregnancy at 9 weeks last year, now 20 weeks pregnant again", {"weeks:20"}),
    ("previous pregnancy at 30 weeks had pre-eclampsia, now 12 weeks pregnant", {"weeks:12"}),
]


@pytest.mark.parametrize(("question", "weeks"), ENDED_PREGNANCY)
def test_weeks_of_an_ended_pregnancy_are_no_gestation(question: str, weeks: set[str]) -> None:
    labels = _labels(question)
    assert {lab for lab in labels if lab.startswith("weeks:")} == weeks
    assert ("pregnant" in labels) is bool(weeks)


CONTRACTED_WILL = [
    ("My cardiologist says I'll be starting a blood thinner after my ablation next month.", False),
    ("she'll be starting warfarin next month", False),
    ("I'll start apixaban tomorrow, acupuncture next week", True),
    ("she'll be starting warfarin on Monday and sees me Thursday for acupuncture", True),
    ("i'll stay on my apixaban", True),
]


@pytest.mark.parametrize(("question", "current"), CONTRACTED_WILL)
def test_a_contracted_will_plans_a_start(question: str, current: bool) -> None:
    assert ("class:anticoagulant" in _labels(question)) is current


def test_an_owned_chemotherapy_inside_a_condition_is_the_patients() -> None:
    from acupath.answer import ask

    def facts(question: str) -> set[str]:
        return {f["value"] for f in (ask(question).patient_context or {}).get("facts", [])}

    assert "chemotherapy" in facts("shes so sick from the chemo, would acupuncture help her?")
    assert "chemotherapy" in facts("im so sick from my chemo, can acupuncture help the nausea?")
    assert "chemotherapy" not in facts("does acupuncture help chemotherapy-induced nausea?")


STOP_LASTED = [
    ("Warfarin withheld since Mon (5 days) pre-op for TKR. INR today 1.1.", False),
    ("Warfarin withheld since Mon (5 days) pre-op, knee pain", True),
    ("apixaban held for 3 days, knee pain", True),
    ("apixaban stopped for the last 3 weeks, knee pain", False),
    ("on warfarin since 2019", True),
    ("warfarin since Monday", True),
]


@pytest.mark.parametrize(("question", "kept"), STOP_LASTED)
def test_how_long_a_stop_has_lasted(question: str, kept: bool) -> None:
    assert ("class:anticoagulant" in _labels(question)) is kept


BABY = [
    ("I had my little girl 7 weeks ago (c-section) and my back has been sore", False),
    ("Breastfeeding my 4 month old and my shoulder is really painful from feeding", False),
    ("postpartum 6 weeks, my wrists ache, baby is 6 weeks old", False),
    ("my 4 month old has colic, I'm breastfeeding; can acupuncture help her?", True),
    ("breastfeeding my 6 month old, can she have acupuncture for her reflux?", True),
    ("my little girl (3) has tummy aches", True),
]


@pytest.mark.parametrize(("question", "child"), BABY)
def test_a_mothers_baby_is_not_the_patient(question: str, child: bool) -> None:
    assert ("age_band:child" in _labels(question)) is child
    if not child:
        assert "postpartum" in _labels(question) or "breastfeeding" in _labels(question)
