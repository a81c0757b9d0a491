"""Skin lesions at a site (probe F3) and a past cancer named without "history of" (probe F4)."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("an infected, weeping wound on the same knee", {"lower_limb"}),
        ("Cellulitis of the left lower leg", {"left_lower_limb"}),
        ("left leg cellulitis", {"left_leg"}),
        ("I have eczema flaring on my neck and shoulders", {"neck", "upper_limb"}),
        ("a little ulcer on my right big toe", {"right_foot"}),
        ("psoriasis on both elbows and knees", {"upper_limb", "lower_limb"}),
        ("she has a rash on her face", {"face"}),
        ("an open sore on his lower back", {"lower_back"}),
    ],
)
def test_skin_lesion_sites(text: str, sites: set[str]) -> None:
    labels = extract(text).labels()
    got = {lab.split(":", 1)[1] for lab in labels if lab.startswith("skin_lesion:")}
    assert got == sites, (text, labels)


@pytest.mark.parametrize(
    "text",
    [
        "no broken skin anywhere",
        "she has no rash on her face",
        "knee osteoarthritis, skin intact",
    ],
)
def test_no_skin_lesion(text: str) -> None:
    labels = extract(text).labels()
    assert not any(lab.startswith("skin_lesion:") for lab in labels), (text, labels)


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("I have eczema flaring on my neck and shoulders. Can I still get acupuncture for my neck "
         "pain?", "neck"),
        ("I'm diabetic with numb feet and a little ulcer on my right big toe. Would acupuncture "
         "help the burning pain in my feet?", "right_foot"),
        ("Knee OA with a graze on the left knee. Acupuncture today?", "left_lower_limb"),
    ],
)  # fmt: skip
def test_screen_excludes_the_lesion_site(question: str, region: str) -> None:
    screen = ask(question).as_dict()["screen"]
    assert screen is not None
    assert region in screen["intake"]["skin_lesions"]
    # a wider exclusion (both feet, for diabetic feet) may cover the lesion's side
    bare = region.removeprefix("left_").removeprefix("right_")
    assert region in screen["excluded_regions"] or bare in screen["excluded_regions"]


@pytest.mark.parametrize(
    "question",
    [
        "Cellulitis of the left lower leg currently on flucloxacillin; she wants her acupuncture "
        "for knee OA continued. OK?",
        "Knee OA in a patient with an infected, weeping wound on the same knee. Needle around it?",
    ],
)
def test_infected_skin_refers(question: str) -> None:
    screen = ask(question).as_dict()["screen"]
    assert screen["decision"] == "refer"
    assert "recent_bacterial_infection" in screen["red_flags"]


@pytest.mark.parametrize(
    "text",
    [
        "past prostate cancer",
        "I had bowel cancer 5 years ago",
        "breast cancer 10 years ago",
        "previous melanoma",
        "treated for lymphoma in 2015",
        "prior colon cancer, now in remission",
    ],
)
def test_past_cancer_is_history(text: str) -> None:
    assert "cancer:history" in extract(text).labels(), text


@pytest.mark.parametrize(
    "question",
    [
        "Lying flat makes his low back pain worse and it's worst at night; past prostate cancer. "
        "Acupuncture appropriate?",
        "I had bowel cancer 5 years ago and now have low back pain. Acupuncture?",
        "breast cancer 10 years ago, now neck pain, is acupuncture ok?",
    ],
)
def test_past_cancer_with_spinal_pain_refers(question: str) -> None:
    d = ask(question).as_dict()
    assert d["screen"]["decision"] == "refer"
    assert "history_of_cancer" in d["screen"]["red_flags"]
    assert set(d["understanding"]["conditions"]) & {"chronic_low_back_pain", "chronic_neck_pain"}


def test_past_cancer_with_knee_pain_is_not_a_spinal_flag() -> None:
    d = ask("past breast cancer, now knee OA. acupuncture?").as_dict()
    assert "history_of_cancer" not in (d["screen"] or {}).get("red_flags", [])


@pytest.mark.parametrize(
    "question",
    [
        "my mum has dementia and cant really understand whats happening, the care home suggested "
        "acupuncture for her hip pain. is that ok?",
        "He doesn't understand what acupuncture is, he has advanced dementia. Knee pain.",
        "patient lacks capacity, chronic neck pain: can I needle?",
        "She is unable to consent because of a brain injury; shoulder pain. Acupuncture?",
    ],
)
def test_cannot_consent_defers(question: str) -> None:
    screen = ask(question).as_dict()["screen"]
    assert screen is not None and screen["intake"].get("can_consent") is False
    assert screen["decision"] in ("defer", "refer")


@pytest.mark.parametrize(
    "question",
    [
        "my dad has mild dementia but understands and agrees. acupuncture for back pain?",
        "I cannot understand the evidence tables for acupuncture in migraine",
        "I can't understand why the trials disagree on knee OA",
    ],
)
def test_consent_not_read_from_other_words(question: str) -> None:
    screen = ask(question).as_dict()["screen"]
    assert screen is None or screen["intake"].get("can_consent", True) is True


@pytest.mark.parametrize(
    ("question", "phobic"),
    [
        ("I get really faint with needles and have passed out at blood tests. Is acupuncture for "
         "my migraines a bad idea?", True),
        ("I panic at injections, acupuncture for back pain?", True),
        ("he fainted when he had a jab last year; acupuncture for his neck?", True),
        ("do people faint with acupuncture needles?", False),
        ("how common is fainting during acupuncture?", False),
    ],
)  # fmt: skip
def test_fainting_with_needles(question: str, phobic: bool) -> None:
    assert ("needle_phobia" in extract(question).labels()) is phobic
