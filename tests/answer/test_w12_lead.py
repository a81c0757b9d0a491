"""Wave 12, lead: a child's long-standing bedwetting is not the cauda equina red flag; a new
one, one beside back pain or numbness, or an adult's, still is."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _flag(text: str) -> bool:
    return "red_flag:bladder_dysfunction" in {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    "text",
    [
        "my 8 year old wets the bed most nights. does acupuncture work for bedwetting in kids?",
        "Our 6-year-old still wets the bed, is acupuncture used for that?",
        "My daughter (7) has always had bedwetting. Would acupuncture help her?",
        "Bed wetting in my 9 yr old son, any evidence for acupuncture?",
        "my son is 10 and wets the bed a few times a week",
    ],
)
def test_a_childs_long_standing_bedwetting_is_no_red_flag(text):
    assert not _flag(text)


@pytest.mark.parametrize(
    "text",
    [
        "My 9 year old has started wetting the bed again and has back pain",
        "My 8 year old suddenly wets the bed and his legs feel weak",
        "I'm 45 and I wet the bed last night with my back pain",
        "68M, low back pain, wetting the bed this week",
        "my 10 year old has new bedwetting since his fall",
    ],
)
def test_a_new_or_adult_bedwetting_keeps_the_flag(text):
    assert _flag(text)


@pytest.mark.parametrize(
    "text",
    [
        "My acupuncturist said needling the ankle point will bring on labour at 16 weeks. True?",
        "Could acupuncture induce labour early? I'm 22 weeks",
        "Can needles bring on early labour? 33 weeks",
        "At 30 weeks, can acupuncture trigger labour?",
        "should I avoid acupuncture until the birth? 14 weeks now",
    ],
)
def test_weeks_beside_labour_brought_on_are_a_pregnancy(text):
    labels = {m.label for m in extract(text).applied}
    assert "pregnant" in labels or any(lab.startswith("weeks:") for lab in labels), labels


@pytest.mark.parametrize(
    "text",
    [
        "Does acupuncture reduce pain in labour? A review of 13 trials",
        "Back pain for 16 weeks since I started a labouring job",
        "Neck pain for 6 weeks, my sister had a miscarriage last year",
    ],
)
def test_labour_words_without_a_pregnant_person_add_no_weeks(text):
    labels = {m.label for m in extract(text).applied}
    assert not any(lab.startswith("weeks:") for lab in labels), labels


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "my wife's face has dropped on one side and her arm is weak, started 20 mins ago, "
            "she has migraines usually, can an acupuncturist see her",
            "suspected_stroke",
        ),
        ("His speech went slurred and his arm is weak, came on 10 mins ago", "suspected_stroke"),
        ("Her face is drooping and she can't speak, it began half an hour ago", "suspected_stroke"),
        (
            "Triage: 52M, shoulder ache, pain tight across chest on exertion last 2 days, sweaty.",
            "cardiac_chest_pain",
        ),
        (
            "64F, heavy pressure across the chest, clammy and breathless, neck pain",
            "cardiac_chest_pain",
        ),
    ],
)
def test_fast_signs_just_begun_and_chest_pain_in_note_style_are_emergencies(text, flag):
    assert f"red_flag:{flag}" in {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    "text",
    [
        "Does acupuncture help facial weakness after Bell's palsy that started years ago?",
        "Chest wall pain across the chest from a pulled muscle, tender to touch, sweaty at the gym",
        "My face dropped after a stroke years ago; my arm is weak since. Shoulder pain.",
    ],
)
def test_old_or_musculoskeletal_signs_are_no_emergency(text):
    labels = {m.label for m in extract(text).applied}
    assert "red_flag:suspected_stroke" not in labels
    assert "red_flag:cardiac_chest_pain" not in labels
