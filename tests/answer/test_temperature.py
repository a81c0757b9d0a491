"""A measured temperature decides fever (38.0 °C / 100.4 °F and above); "afebrile" denies it;
the word "temperature" alone still reads as fever (the cautious reading)."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _fever(text: str) -> bool | None:
    """True when fever applies, False when denied, None when not mentioned."""
    found = [m for m in extract(text).mentions if m.label == "red_flag:fever"]
    if not found:
        return None
    return any(not m.negated and not m.hypothetical for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Pt is a PWID with neck pain and a temp of 38.9.",
        "back pain and a temperature of 39C",
        "back pain, temp 101F",
        "temperature spiked to 38.5 overnight, lower back very sore",
        "fever of 39.4 with back pain",
        "T 38.0, back pain",
        "back pain with a temperature",
        "my back hurts and I have a fever",
    ],
)
def test_fever(text: str) -> None:
    assert _fever(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "he has a temperature of 36.8 and back pain",
        "T 37.2, low back pain for 6 months",
        "afebrile, chronic LBP",
        "No numbness, no bladder or bowel symptoms, afebrile.",
        "temp 98.6 F, neck pain",
        "apyrexial, back pain for a year",
    ],
)
def test_no_fever(text: str) -> None:
    assert _fever(text) is False


def test_a_temperature_is_not_an_age() -> None:
    ctx = extract("back pain, temp 101F")
    assert not [m for m in ctx.mentions if m.kind == "age"]
    assert [m.value for m in extract("72F, back pain").mentions if m.kind == "age"] == ["72"]
