"""Body parts sharing the head of a condition name ("neck and shoulder pain") name each
condition; other words joined by "and" do not borrow the head ("cancer and back pain")."""

from __future__ import annotations

import pytest

from acupath.answer import parse


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("acupuncture for neck and shoulder pain", {"chronic_neck_pain", "shoulder_pain"}),
        ("Does acupuncture help neck or shoulder pain?", {"chronic_neck_pain", "shoulder_pain"}),
        ("knee and hip arthritis: is acupuncture worth it", {"knee_osteoarthritis",
                                                             "hip_osteoarthritis"}),
        ("my mum has hip and knee arthritis, will needles help", {"knee_osteoarthritis",
                                                                  "hip_osteoarthritis"}),
        ("acupuncture for neck pain and shoulder pain", {"chronic_neck_pain", "shoulder_pain"}),
        ("shoulder and neck pain after sitting at a desk", {"chronic_neck_pain",
                                                            "shoulder_pain"}),
    ],
)  # fmt: skip
def test_coordinated_body_parts_each_name_their_condition(question: str, wanted: set[str]) -> None:
    assert wanted <= set(parse(question).question.conditions)


@pytest.mark.parametrize(
    ("question", "unwanted"),
    [
        ("patient with cancer and back pain", "cancer_pain"),
        ("she has breast cancer and neck pain", "cancer_pain"),
        ("acupuncture for shoulder pain", "chronic_neck_pain"),
    ],
)
def test_other_words_do_not_borrow_the_head(question: str, unwanted: str) -> None:
    assert unwanted not in parse(question).question.conditions
