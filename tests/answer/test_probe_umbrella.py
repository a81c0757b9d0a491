"""Umbrella words match whole words of condition names, not substrings (issue 10, probe F13:
"hip" is inside "survivorship")."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.understand import _whole_word


@pytest.mark.parametrize(
    "question",
    [
        "acupuncture for hip pain?",
        "Does acupuncture help my hips?",
        "my mum has a bad hip, will needles help",
        "hip arthritis and acupuncture",
    ],
)
def test_hip_does_not_select_cancer_survivorship(question: str) -> None:
    conditions = ask(question).as_dict()["understanding"]["conditions"]
    assert "chronic_musculoskeletal_pain_cancer_survivors" not in conditions
    assert "hip_osteoarthritis" in conditions


@pytest.mark.parametrize(
    ("word", "name", "found"),
    [
        ("hip", "chronic musculoskeletal pain in cancer survivorship", False),
        ("hip", "hip osteoarthritis", True),
        ("hip", "painful hips", True),
        ("knee", "kneecap pain", False),
        ("knee", "knees", True),
        ("neuropath", "diabetic peripheral neuropathy", True),
        ("neuropath", "neuropathic pain", True),
        ("headache", "tension type headaches", True),
        ("back pain", "chronic low back pain", True),
        ("back pain", "feedback pain", False),
    ],
)
def test_whole_word(word: str, name: str, found: bool) -> None:
    assert bool(_whole_word(word).search(name)) is found
