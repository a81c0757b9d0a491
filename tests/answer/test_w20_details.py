"""Wave 20 (issue 10), details: central lines told by what they are for, CD4 counts in words,
a breast cancer's radiotherapy told by its side, an implanted drug pump under the skin of a
body part (our own wordings; none is a benchmark question).

1. A long line or midline in the arm, or a line in the arm given a treatment through it
   (antibiotics, feeds, chemotherapy, nutrition), is a PICC line; a line in the chest or neck
   given a treatment through it is a central line (read as a port, as patient.yaml reads a
   Hickman). A drip or cannula, a line of pain, or lines on the skin are none.
2. A CD4 count in number words ("CD4 count one hundred and sixty").
3. Radiotherapy told only by its side ("radiotherapy on the left side") beside a breast cancer
   or a breast operation is that side's chest wall (clinic policy).
4. A pump under the skin of the tummy or belly giving medicine into the spine is a drug pump.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    answer = ask(question)
    return list((answer.patient_context or {}).get("applied", []))


# 1. central lines by what they are for -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "She has a long line in her right arm for her chemo. Acupuncture for nausea?",
            "picc_line",
        ),
        (
            "My husband has a midline in his left arm for IV antibiotics at home. Can he have "
            "acupuncture for his back?",
            "picc_line",
        ),
        (
            "I've got a line in my arm for my feeds at the moment, is acupuncture for my neck ok?",
            "picc_line",
        ),
        (
            "my son has a long line in his arm, he has antibiotics through it every day. "
            "acupuncture for headaches?",
            "picc_line",
        ),
        (
            "She has a line in her chest for her nutrition and antibiotics. Can she have "
            "acupuncture?",
            "port",
        ),
        (
            "Dad has a line in his chest that his chemo goes through. Acupuncture for his hands?",
            "port",
        ),
    ],
)
def test_central_line_by_use(question: str, label: str) -> None:
    assert f"device:{label}" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I get a line of pain down my arm when I lift things. Acupuncture?",
        "There are fine lines in my arm skin from the sun, can acupuncture help my elbow?",
        "I had a drip in my arm for antibiotics last week in A&E, now home. Acupuncture for my "
        "back ok?",
        "I have a line of tingling in my chest when I'm anxious. Acupuncture for anxiety?",
        "Mum had an IV line in her arm for antibiotics on the ward last week. Acupuncture for "
        "her back now?",
    ],
)
def test_no_central_line(question: str) -> None:
    applied = _applied(question)
    assert "device:picc_line" not in applied and "device:port" not in applied


# 2. CD4 in words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "HIV positive, CD4 count one hundred and sixty last month. Acupuncture for neuropathy?",
            "cd4:160",
        ),
        ("My CD4 is ninety at the moment, can I have acupuncture for my back?", "cd4:90"),
        ("cd4 was two hundred and fifty in May, on ART, needling ok?", "cd4:250"),
        ("His CD4 count came back at one hundred, acupuncture for his shoulder?", "cd4:100"),
        (
            "CD4 of three hundred and twenty, undetectable viral load. Acupuncture for knees?",
            "cd4:320",
        ),
    ],
)
def test_cd4_in_words(question: str, label: str) -> None:
    assert label in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My CD4 is one of the things they check, it's fine. Acupuncture for my back?",
        "They did a CD4 count and two other tests last week. Acupuncture for my knee?",
    ],
)
def test_no_cd4_from_words(question: str) -> None:
    assert not any(a.startswith("cd4:") for a in _applied(question))


# 3. a breast cancer's radiotherapy told by its side ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "I had breast cancer two years ago. Lumpectomy and radiotherapy on the left side. "
            "Acupuncture for my hip?",
            "radiation:left_chest",
        ),
        (
            "Treated for breast cancer in 2022. They gave me radiotherapy on the right side after "
            "the operation. Is acupuncture ok for my back?",
            "radiation:right_chest",
        ),
        (
            "Mastectomy and radiation on the left side in 2023, on tamoxifen. Acupuncture for hot "
            "flushes?",
            "radiation:left_chest",
        ),
        (
            "Breast cancer last year - surgery then radiotherapy, right-sided. Acupuncture for "
            "fatigue?",
            "radiation:right_chest",
        ),
        (
            "My wife had a lumpectomy, then radiotherapy on her left side. Can she have "
            "acupuncture for her neck?",
            "radiation:left_chest",
        ),
    ],
)
def test_breast_radiotherapy_side(question: str, label: str) -> None:
    assert label in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Prostate cancer, radiotherapy finished, and my left side aches. Acupuncture for my hip?",
        "I had radiotherapy for a brain tumour; I get weakness on the right side. Acupuncture?",
    ],
)
def test_no_chest_field_without_breast(question: str) -> None:
    applied = _applied(question)
    assert "radiation:left_chest" not in applied and "radiation:right_chest" not in applied


# 4. an implanted drug pump under the skin of the belly -------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My son has a pump under his tummy skin that gives baclofen into his spine. Acupuncture "
        "for his hips?",
        "I have a pump under my belly skin that sends morphine to my spine. Acupuncture for my "
        "neck?",
        "She has a pump under the skin of her tummy for her spasticity medicine. Acupuncture?",
        "a pump under the stomach skin puts medicine into his spinal fluid, can he have "
        "acupuncture",
        "Baclofen pump fitted in her abdomen last year. Acupuncture for her back?",
    ],
)
def test_drug_pump_under_belly_skin(question: str) -> None:
    assert "device:drug_pump" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I use a breast pump and my back aches. Acupuncture?",
        "Lifting the water pump in the garden under my shed hurt my back. Acupuncture?",
    ],
)
def test_no_drug_pump(question: str) -> None:
    assert "device:drug_pump" not in _applied(question)


# 5. a duration in note notation is no later lab value ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Plt 0.8 x 10^11/L last week, off chemo 5/52. Back pain. OK to needle?", "platelets:80"),
        (
            "Platelets 85 on the last FBC, chemo finished 4/52 ago. Acupuncture for neuropathy?",
            "platelets:85",
        ),
        ("plt 120, off carboplatin for 3/12 now, knee pain, acupuncture ok?", "platelets:120"),
        ("Platelet count 95 x10^9/L, post-op 2/52. Needling for shoulder pain?", "platelets:95"),
        ("Plts 70 k, last cycle 3/52. Acupuncture for nausea?", "platelets:70"),
    ],
)
def test_note_duration_is_no_platelet_value(question: str, label: str) -> None:
    applied = _applied(question)
    assert label in applied
    assert not any(
        a in applied
        for a in ("platelets:2", "platelets:3", "platelets:4", "platelets:5", "platelets:52")
    )


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Platelets 90 last week, 30 today. Acupuncture for back pain?", "platelets:30"),
        ("platelets were 80 on 6/12 and 40 on 20/12, acupuncture for my knee?", "platelets:40"),
    ],
)
def test_later_platelet_value_still_read(question: str, label: str) -> None:
    assert label in _applied(question)


# 6. a feared or possible pregnancy denied by a negative test told with words between -----------


@pytest.mark.parametrize(
    "question",
    [
        "My period is late and I panicked I was pregnant, but the test I did on Friday was "
        "negative. Can I have acupuncture for my back?",
        "I thought I might be pregnant as I'm late, but the test this morning came back negative. "
        "Acupuncture for my migraines?",
        "Missed period, worried I might be pregnant, but I tested negative twice. Acupuncture for "
        "period pain ok?",
        "I'm a week late but the home test from the chemist was negative, and so was a second "
        "one. Acupuncture for my neck?",
        "Late period, the pregnancy tests I took yesterday and today were both negative. Is "
        "acupuncture for my shoulder fine?",
    ],
)
def test_possible_pregnancy_denied_by_test(question: str) -> None:
    assert "pregnant" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My period is late and I'm worried I might be pregnant; my covid test on Friday was "
        "negative. Acupuncture for my back?",
        "I might be pregnant - my period is late and I haven't done a test yet, and my flu test "
        "came back negative. Acupuncture for my neck?",
    ],
)
def test_possible_pregnancy_kept(question: str) -> None:
    assert "pregnant" in _applied(question)


# 7. an anticoagulant whose last pack is said to be finished --------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I was on apixaban after a DVT and finished the last box in March. Acupuncture for my "
        "knee?",
        "Took rivaroxaban for three months after my PE, I finished the final pack in August. "
        "Acupuncture for my back?",
        "Edoxaban for a clot last year, the doctor said 3 months, and I finished my last packet "
        "in May. Acupuncture for sciatica?",
        "Dad had clexane injections after his hip op and finished the last syringe in September. "
        "Acupuncture for his shoulder?",
        "My wife was prescribed Eliquis for six months after a clot and finished her last box "
        "in July. Acupuncture for her neck?",
    ],
)
def test_finished_last_pack(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm on apixaban and just finished the last pack, picking up the next one tomorrow. "
        "Acupuncture for my knee?",
        "On rivaroxaban for AF, I finished the last pack of my antibiotics yesterday. "
        "Acupuncture for my back?",
    ],
)
def test_anticoagulant_kept(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Started apixaban after a PE in January and stopped it in July as planned. Acupuncture "
        "for my hip?",
        "Started Xarelto after a clot last spring, the hospital said three months, and I "
        "finished the last pack in August. Acupuncture for my shoulder?",
        "I started edoxaban after my DVT in 2024 but the haematologist stopped it in March. "
        "Acupuncture for my knee?",
    ],
)
def test_started_then_stopped(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Started apixaban in January, stopped it for my op in March and restarted it after. "
        "Acupuncture for my hip?",
        "I started rivaroxaban last month after a clot. Acupuncture for my shoulder?",
    ],
)
def test_started_kept(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


# 8. a class word that names a symptom's cause in a question about the research -----------------


@pytest.mark.parametrize(
    "question",
    [
        "What does the guideline say about acupuncture for aromatase inhibitor joint pain?",
        "Is there trial evidence for acupuncture in aromatase-inhibitor-related arthralgia?",
        "Does ASCO recommend acupuncture for aromatase inhibitor associated joint pain, and how "
        "strongly?",
        "What did the SWOG study find for acupuncture in aromatase inhibitor arthralgia?",
        "Which guidelines recommend acupuncture for aromatase inhibitor induced musculoskeletal "
        "symptoms?",
    ],
)
def test_class_as_cause_of_topic(question: str) -> None:
    assert "class:aromatase_inhibitor" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Can acupuncture help my aromatase inhibitor joint pain? Is there evidence?",
        "My wife has aromatase inhibitor joint pain - what does the guideline say about "
        "acupuncture for her?",
    ],
)
def test_class_of_a_person_kept(question: str) -> None:
    assert "class:aromatase_inhibitor" in _applied(question)


# 9. brand names read from their stored labels --------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("I take Kardegic every day, acupuncture for my back?", "class:antiplatelet"),
        ("On DuoPlavin since my stent. Acupuncture for my neck?", "class:antiplatelet"),
        ("Kidney transplant, on Advagraf. Acupuncture for my knee?", "class:immunosuppressant"),
        ("Envarsus since my liver transplant, acupuncture ok?", "class:immunosuppressant"),
        ("I take Rapamune after my transplant. Acupuncture for my hip?", "class:immunosuppressant"),
        ("On Afinitor for kidney cancer, acupuncture for nausea?", "class:targeted_therapy"),
        ("Ocrevus infusions for my MS, acupuncture for leg spasms?", "class:immunosuppressant"),
        (
            "Lupron injections for prostate cancer, hot flushes, acupuncture?",
            "class:hormone_therapy",
        ),
        (
            "Dad takes Zytiga for prostate cancer. Acupuncture for his back?",
            "class:hormone_therapy",
        ),
        ("on pred 10mg for PMR, acupuncture for my shoulders?", "class:corticosteroid"),
    ],
)
def test_brand_names(question: str, label: str) -> None:
    assert label in _applied(question)


def test_pred_inside_a_word_is_no_medicine() -> None:
    assert "class:corticosteroid" not in _applied(
        "I predict my back will get worse before winter. Acupuncture?"
    )
