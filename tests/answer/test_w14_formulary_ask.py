"""Wave 14 (issue 10), engineer "formulary": Ask reads the anticancer and immunosuppressive
medicines added to the formulary (data/medications/drugs.yaml, sources in
data/sources/formulary_w14.yaml) by generic or brand name, so the screen's chemotherapy and
immunosuppression cautions reach the answer; stopped or denied medicines and ordinary words near
the new names do not."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract
from tests.answer.conftest import screen_of as _screen


@pytest.mark.parametrize(
    "question",
    [
        "On Revlimid for myeloma, I have a temperature of 38.4 and my back hurts",
        "Mum takes Zejula for ovarian cancer, fever 38.2 this morning, sore neck",
        "fever 38.5 since last night on Kisqali and letrozole, shoulder pain",
        "Lynparza maintenance, temp 38.3, wants acupuncture for fatigue",
        "my husband is on Tagrisso for lung cancer and has a fever of 38.6, knee pain",
        "pomalidomide and dex for relapsed myeloma, running a fever, hip pain",
        "on Verzenio after breast cancer surgery, feverish 38.4 today, back ache",
        "My CLL is treated with Venclexta, fever 38.3 today, back pain",
    ],
)
def test_fever_on_a_new_anticancer_name_is_an_emergency(question: str) -> None:
    decision, urgency, rules = _screen(question)
    assert decision == "refer" and urgency == "emergency", (question, rules)
    assert "red_flag_fever_on_cancer_treatment" in rules


@pytest.mark.parametrize(
    "question",
    [
        "I take Kisqali with letrozole for breast cancer, my shoulder aches. Acupuncture?",
        "Myeloma, on lenalidomide maintenance, back pain. Acupuncture?",
        "on Alecensa for ALK lung cancer, neck pain",
        "My husband takes Hydrea for polycythaemia, wants acupuncture for his knee",
        "Temodal for a glioma, headaches and neck tension",
        "hydroxycarbamide 1 g daily for essential thrombocythaemia, knee OA",
        "Kyprolis and dexamethasone for myeloma, neck pain",
        "Cabometyx for kidney cancer, shoulder pain",
    ],
)
def test_new_anticancer_name_brings_the_treatment_cautions(question: str) -> None:
    _, _, rules = _screen(question)
    assert "on_cancer_treatment" in rules, (question, rules)


@pytest.mark.parametrize(
    "question",
    [
        "Cimzia for Crohn's, lower back pain for 3 weeks",
        "Orencia infusions for RA, can I have acupuncture for my shoulder?",
        "I'm on Benlysta for lupus, knee pain",
        "Kevzara every 2 weeks for rheumatoid arthritis, neck pain",
        "anakinra for Still's disease, wants acupuncture for migraine",
        "takes belimumab and hydroxychloroquine, hip pain",
        "Taltz injections for psoriasis, knee pain",
    ],
)
def test_new_immunosuppressant_name_brings_asepsis(question: str) -> None:
    decision, _, rules = _screen(question)
    assert "immunosuppression_asepsis" in rules, (question, rules)
    assert decision != "proceed"


@pytest.mark.parametrize(
    "question",
    [
        "I take a baby aspirin daily and Xarelto, can I get acupuncture for my neck?",
        "on low-dose aspirin and apixaban for AF, knee pain",
        "Dad is on junior aspirin and warfarin, can he get acupuncture?",
        "low dose aspirin 75mg plus Eliquis, shoulder pain",
        "baby aspirin every morning with my rivaroxaban, back pain",
    ],
)
def test_aspirin_lay_name_with_an_anticoagulant_adds_combined_bleeding(question: str) -> None:
    _, _, rules = _screen(question)
    assert "anticoagulant_combined_bleeding" in rules, (question, rules)


def test_baby_aspirin_is_a_medicine_not_a_baby() -> None:
    labels = extract("I take a baby aspirin every morning. Is acupuncture ok for my knee?").labels()
    assert "class:antiplatelet" in labels
    assert not any(lab.startswith(("pregnan", "age", "postpartum")) for lab in labels), labels


@pytest.mark.parametrize(
    "question",
    [
        "I stopped Revlimid two years ago, myeloma in remission, knee pain",
        "Never been on Cimzia or any biologic, back pain",
        "Finished Tagrisso last month, lung cancer stable, shoulder pain",
        "Temporal headaches for a month, I'm 45, acupuncture?",
        "We went to Florence and Valencia and my hydrated oriental hips ache",
        "The new version of my app reminds me to take my zinc. Neck pain.",
        "my baby is teething, can I have acupuncture for my neck?",
        "We had dinner at the Comet cafe in Venice, my hip hurts",
    ],
)
def test_stopped_denied_or_ordinary_words_bring_no_new_medicine(question: str) -> None:
    labels = extract(question).labels()
    new = {"class:targeted_therapy", "class:immunosuppressant", "class:chemotherapy"}
    assert not labels & new, (question, labels)
    assert not any(lab.startswith("medicine:") for lab in labels), (question, labels)
