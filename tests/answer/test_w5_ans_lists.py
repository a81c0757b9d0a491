"""Conditions listed together (issue 10, wave 5), wordings of our own written before the rule:
every listed condition the base holds is answered, and a listed one it does not hold is named
as not addressed."""

from __future__ import annotations

import pytest

from acupath.answer import ask, parse


@pytest.mark.parametrize(
    ("question", "conditions"),
    [
        ("acupuncture for knee, hip and hand OA", {"knee_osteoarthritis", "hip_osteoarthritis",
                                                   "hand_osteoarthritis"}),
        ("my neck, shoulders and lower back hurt, will acupuncture help",
         {"chronic_neck_pain", "shoulder_pain", "chronic_low_back_pain"}),
        ("does acupuncture help migraine and tension headaches",
         {"migraine", "tension_type_headache"}),
        ("acupuncture for back, neck and jaw pain",
         {"chronic_low_back_pain", "chronic_neck_pain", "temporomandibular_disorder"}),
        ("knee and elbow pain - acupuncture?", {"knee_osteoarthritis", "lateral_elbow_pain"}),
        ("Is acupuncture any use for my shoulders, neck or knees?",
         {"shoulder_pain", "chronic_neck_pain", "knee_osteoarthritis"}),
        ("acupuncture for hip and knee osteoarthritis and for low back pain",
         {"hip_osteoarthritis", "knee_osteoarthritis", "chronic_low_back_pain"}),
    ],
)  # fmt: skip
def test_every_listed_condition_is_read(question: str, conditions: set[str]) -> None:
    assert conditions <= set(parse(question).question.conditions)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("acupuncture for knee, ankle and hip pain", "ankle"),
        ("does acupuncture help my neck, wrist and back?", "wrist"),
        ("acupuncture for gout, knee OA and fibromyalgia", "gout"),
    ],
)
def test_a_listed_condition_not_held_is_named(question: str, missing: str) -> None:
    for audience in ("clinician", "patient"):
        answer = ask(question, audience=audience)
        assert not answer.answered_fully
        assert any(missing in w.lower() for w in answer.not_understood), answer.not_understood
        opening = "\n".join(s.text for s in answer.opening).lower()
        assert missing in opening


@pytest.mark.parametrize(
    ("question", "not_wanted"),
    [
        ("I went back and forth about acupuncture for my knee", "chronic_low_back_pain"),
        ("acupuncture for my knee, and is it safe?", "hip_osteoarthritis"),
        ("my hand and arm were irradiated; acupuncture for my neck?", "hand_osteoarthritis"),
    ],
)
def test_no_list_read_where_there_is_none(question: str, not_wanted: str) -> None:
    assert not_wanted not in parse(question).question.conditions
