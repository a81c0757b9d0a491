"""Every site of a radiotherapy field is kept (issue 10, red-team probe F8): "head and neck",
"chest wall and axilla", "pelvis and lower back" exclude each site, not only the first."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Head and neck radiotherapy finished 6 months ago", {"head", "neck"}),
        ("dry mouth after radiotherapy to the head and neck", {"head", "neck"}),
        ("radiation to his head & neck last year", {"head", "neck"}),
        ("Radiotherapy to the left chest wall and axilla", {"left_chest", "left_upper_limb"}),
        ("Prior radiotherapy to the pelvis and lower back", {"pelvis", "lower_back"}),
        ("radiotherapy to the groin and pelvis", {"lower_limb", "pelvis"}),
        ("radiotherapy to the neck, chest and upper back", {"neck", "chest", "upper_back"}),
        ("radiotherapy to the neck/chest", {"neck", "chest"}),
        ("radiation to her right breast and left axilla", {"right_chest", "left_upper_limb"}),
        ("radiotherapy to the chest", {"chest"}),
        ("pelvic radiotherapy", {"pelvis"}),
    ],
)
def test_every_site_of_a_field(text: str, sites: set[str]) -> None:
    labels = extract(text).labels()
    got = {lab.split(":", 1)[1] for lab in labels if lab.startswith("radiation:")}
    assert got == sites, (text, labels)


def test_two_fields_in_one_question_do_not_merge_other_words() -> None:
    # "and" followed by something that is not a site ends the field
    labels = extract("radiotherapy to the chest and she has neck pain").labels()
    got = {lab for lab in labels if lab.startswith("radiation:")}
    assert got == {"radiation:chest"}


@pytest.mark.parametrize(
    ("question", "regions"),
    [
        (
            "Radiotherapy to the left chest wall and axilla finished last month; she has neck "
            "and shoulder pain. Which areas can be needled?",
            {"left_chest", "left_upper_limb"},
        ),
        (
            "Which acupuncture points are used for dry mouth after radiotherapy to the head and "
            "neck, and which should be avoided in this patient?",
            {"head", "neck"},
        ),
        (
            "Prior radiotherapy to the pelvis and lower back for cervical cancer; chronic low "
            "back pain now. Points to avoid?",
            {"pelvis", "lower_back"},
        ),
    ],
)
def test_screen_excludes_every_irradiated_site(question: str, regions: set[str]) -> None:
    screen = ask(question).as_dict()["screen"]
    assert screen is not None
    assert regions <= set(screen["intake"]["cancer"]["radiation_sites"])
    if screen["decision"] != "refer":
        assert regions <= set(screen["excluded_regions"])
