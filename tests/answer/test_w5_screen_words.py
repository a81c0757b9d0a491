"""Ask reads the intake values the wave-5 screen rules added: an undiagnosed bleeding tendency,
a VP shunt, breastfeeding and a CD4 count (acupath/data/screening_rules, docs/care.md)."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract
from acupath.answer.safety import intake_data


def _intake(question: str) -> dict:
    data, _ = intake_data(extract(question), ["chronic_low_back_pain"])
    return data


@pytest.mark.parametrize(
    "question",
    [
        "I bruise easily and my gums bleed. Acupuncture for my back?",
        "She bruises really easily these days, no idea why; lower back pain.",
        "Pt c/o easy bruising and frequent nosebleeds, not anticoagulated. LBP.",
        "My gums keep bleeding when I brush and I get nose bleeds; can I have needles for my back?",
        "Unexplained bruises on his arms lately. Back pain: acupuncture?",
        "He bleeds easily after shaving cuts, never been tested. Sore back.",
    ],
)
def test_bleeding_tendency_is_read_and_defers(question: str) -> None:
    assert "bleeding_tendency" in _intake(question).get("comorbidities", [])
    assert (ask(question).screen or {}).get("decision") == "defer"


@pytest.mark.parametrize(
    "question",
    [
        "No easy bruising, no bleeding gums. Back pain, acupuncture?",
        "Does acupuncture cause bruising?",
        "I had a nosebleed as a child once; now I have back pain.",
        "Diagnosed with von Willebrand disease; back pain.",
    ],
)
def test_no_undiagnosed_tendency(question: str) -> None:
    assert "bleeding_tendency" not in _intake(question).get("comorbidities", [])


@pytest.mark.parametrize(
    "question",
    [
        "My son has a VP shunt and gets headaches. Can he have scalp acupuncture?",
        "Ventriculoperitoneal shunt for hydrocephalus; chronic headache, acupuncture?",
        "She has a programmable shunt in her head. Neck pain: needles ok?",
        "hydrocephalus shunt since birth, 30 yo, tension headaches",
    ],
)
def test_vp_shunt_is_a_device_that_excludes_the_scalp(question: str) -> None:
    devices = [d["type"] for d in _intake(question).get("devices", [])]
    assert "vp_shunt" in devices
    screen = ask(question).screen or {}
    assert "head" in screen.get("excluded_regions", [])


@pytest.mark.parametrize(
    "question",
    [
        "Dialysis shunt in my left arm; knee pain.",
        "Does acupuncture shunt blood to the muscles?",
    ],
)
def test_other_shunts_are_not_vp_shunts(question: str) -> None:
    devices = [d["type"] for d in _intake(question).get("devices", [])]
    assert "vp_shunt" not in devices


@pytest.mark.parametrize(
    "question,expected",
    [
        ("I'm breastfeeding and have neck pain, is acupuncture ok?", True),
        ("Still breast-feeding my second; back pain since the birth.", True),
        ("nursing mother with sore shoulders, can I have acupuncture?", True),
        ("Not breastfeeding any more; knee pain.", None),
        ("Stopped breastfeeding in May. Neck ache.", None),
    ],
)
def test_breastfeeding_is_read(question: str, expected: bool | None) -> None:
    assert _intake(question).get("breastfeeding") is expected


def test_breastfeeding_changes_nothing_and_says_so() -> None:
    answer = ask("I'm breastfeeding and have neck pain, is acupuncture ok?", audience="patient")
    assert (answer.screen or {}).get("decision") == "proceed"
    assert "Breastfeeding does not change" in answer.markdown
    assert "breastfeeding" not in [w.lower() for w in answer.not_understood]


@pytest.mark.parametrize(
    "question,cd4",
    [
        ("HIV positive, CD4 150, wants acupuncture for knee pain", 150.0),
        ("HIV, CD4 count 450, neck pain, acupuncture ok?", 450.0),
        ("Her CD4 is 90 cells/uL; shoulder pain.", 90.0),
    ],
)
def test_cd4_enters_the_intake(question: str, cd4: float) -> None:
    assert _intake(question).get("labs", {}).get("cd4") == cd4


def test_low_cd4_asks_for_asepsis_not_referral_for_knee_pain() -> None:
    screen = ask("HIV positive, CD4 150, wants acupuncture for knee pain").screen or {}
    assert screen.get("decision") == "proceed_with_modifications"


@pytest.mark.parametrize(
    "question",
    [
        "I had a nosebleed as a child once; now I have back pain.",
        "I work with children all day and my neck is stiff",
        "I was a teenager when my back pain started",
        "When I was a kid I broke my arm; now shoulder pain",
        "She teaches little kids and has neck pain",
        "I look after the elderly in a care home; back pain",
    ],
)
def test_an_age_word_for_a_past_stage_or_other_people_is_no_age(question: str) -> None:
    assert not [m for m in extract(question).mentions if m.kind == "age_band"]


@pytest.mark.parametrize(
    "question,band",
    [
        ("my child has headaches", "child"),
        ("a child with migraine: acupuncture?", "child"),
        ("my teenager has period pain", "adolescent"),
        ("As an elderly woman I worry about needles", "older_adult"),
        ("I look after my elderly mother, who has knee pain", "older_adult"),
    ],
)
def test_an_age_word_about_the_patient_stays(question: str, band: str) -> None:
    assert band in extract(question).values("age_band")


@pytest.mark.parametrize(
    "question,urgency",
    [
        ("methotrexate for breast cancer, temp 38.6 today, knee pain", "emergency"),
        ("High-dose MTX for his lymphoma; fever of 38.9 since this morning; backache", "emergency"),
        ("on methotrexate for RA, fever 38.5, knee pain", "urgent"),
        ("Weekly methotrexate for psoriasis and a temperature of 38.3. Neck pain.", "urgent"),
    ],
)
def test_fever_on_methotrexate_follows_what_it_treats(question: str, urgency: str) -> None:
    """A screen rule classes weekly methotrexate as an immunosuppressant (fever: same day); beside
    a cancer it is anticancer treatment (fever: possible neutropenic sepsis, an emergency)."""
    screen = ask(question).screen or {}
    assert (screen.get("decision"), screen.get("urgency")) == ("refer", urgency)
