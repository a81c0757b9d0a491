"""Wave 5 (issue 10): lab values written in words or mixed forms, ranges, and several values
of one lab in a text (the latest decides; with the order unclear, the most cautious)."""

from __future__ import annotations

import pytest

from acupath.answer import numwords
from acupath.answer.context import extract


def _labs(question: str) -> dict[str, float]:
    return {
        str(m.detail["lab"]): float(m.detail["value"])
        for m in extract(question).applied
        if m.kind == "lab"
    }


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three point four", 3.4),
        ("forty five", 45.0),
        ("a hundred and twenty", 120.0),
        ("one hundred", 100.0),
        ("two point five six", 2.56),
        ("nineteen", 19.0),
        ("zero point four", 0.4),
        ("nought point oh five", 0.05),
        ("forty thousand", 40000.0),
        ("three hundred and five", 305.0),
    ],
)
def test_number_words(words: str, value: float) -> None:
    assert numwords.value(words) == value


@pytest.mark.parametrize("words", ["five five", "twelve three", "point", "hundred and", "and"])
def test_not_one_number(words: str) -> None:
    assert numwords.value(words) is None


@pytest.mark.parametrize(
    ("question", "lab", "value"),
    [
        ("On warfarin, INR three point four, can I have acupuncture for my knee?", "inr", 3.4),
        ("Platelets of forty thousand after chemo, is needling ok?", "platelets", 40.0),
        ("my platelets are twenty k, neck pain", "platelets", 20.0),
        ("INR 3.4ish on warfarin, back pain", "inr", 3.4),
        ("platelet count is a hundred and twenty, shoulder pain", "platelets", 120.0),
        ("ANC zero point six after cycle 3, knee pain", "anc", 0.6),
        ("INR of two point nine this morning", "inr", 2.9),
        ("plt forty-five thousand per microlitre", "platelets", 45.0),
        ("INR 1,2 (European comma), neck pain", "inr", 1.2),
        ("platelets 20,000/µL after chemo", "platelets", 20.0),
    ],
)
def test_values_in_words_and_mixed(question: str, lab: str, value: float) -> None:
    assert _labs(question)[lab] == pytest.approx(value)


@pytest.mark.parametrize(
    ("question", "lab", "value"),
    [
        # a range: the cautious end (the lower count, the higher INR)
        ("platelets between 40 and 50 on chemo", "platelets", 40.0),
        ("platelets 40-50k this week", "platelets", 40.0),
        ("INR 2.5 to 3.5 on warfarin", "inr", 3.5),
        ("INR around two to three point five", "inr", 3.5),
        ("ANC 0.5-1.0 after chemo", "anc", 0.5),
        ("platelets of 30 or 40 thousand", "platelets", 30.0),
    ],
)
def test_ranges_take_the_cautious_end(question: str, lab: str, value: float) -> None:
    assert _labs(question)[lab] == pytest.approx(value)


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture help one of my patients with someone else's knee pain?",
        "platelets 2 weeks ago were fine, she is on chemo",
        "INR clinic once a week, warfarin, back pain",
        "is one session enough for neck pain?",
    ],
)
def test_words_that_are_not_lab_values(question: str) -> None:
    assert _labs(question) == {}


# -- earlier vs latest --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "lab", "value"),
    [
        ("platelets dipped to 80 last week, right now 120", "platelets", 120.0),
        ("INR was 4.1 on Monday, 2.6 today, on warfarin", "inr", 2.6),
        ("ANC 0.4 at nadir, recovered to 1.8", "anc", 1.8),
        ("platelets 120 today, were 80 last week", "platelets", 120.0),
        ("her platelets were 150 before chemo, then dropped to 45", "platelets", 45.0),
        ("INR 3.9 last Thursday but currently 2.4", "inr", 2.4),
        ("neutrophils previously 0.3, now 1.6", "anc", 1.6),
        ("platelets at baseline 210, latest 35 after cycle 2", "platelets", 35.0),
    ],
)
def test_latest_value_decides(question: str, lab: str, value: float) -> None:
    ctx = extract(question)
    assert _labs(question)[lab] == pytest.approx(value)
    # both values kept, with their words; the older one is not screened
    values = [m for m in ctx.mentions if m.kind == "lab" and m.detail["lab"] == lab]
    assert len(values) == 2
    assert {m.status for m in values} == {"latest_value", "earlier_value"}


@pytest.mark.parametrize(
    ("question", "lab", "value"),
    [
        ("INR 2.2 (3.6 on the home meter), warfarin", "inr", 3.6),
        ("INR 2.1, 3.8 on warfarin", "inr", 3.8),
        ("ANC 1.2 / 0.7 on chemo", "anc", 0.7),
    ],
)
def test_unclear_order_takes_the_cautious_value(question: str, lab: str, value: float) -> None:
    ctx = extract(question)
    assert _labs(question)[lab] == pytest.approx(value)
    statuses = {m.status for m in ctx.mentions if m.kind == "lab"}
    assert statuses == {"cautious_value", "set_aside_value"}


@pytest.mark.parametrize(
    "question",
    [
        "platelets 90. Is 50 the cut-off?",
        "platelets 90, safe above 50?",
        "INR 2.5 on warfarin since 2019",
        "platelets 60 on day 10 of cycle 3",
        "On warfarin, INR 2.6 last Tuesday (target 2.5-3.5). Hip OA",
        "INR 2.6 (target range 2 to 3) on warfarin",
        "platelet count 65 000/mm3, on gemcitabine",
    ],
)
def test_one_value_and_a_threshold_or_date(question: str) -> None:
    labs = [m for m in extract(question).mentions if m.kind == "lab"]
    assert len(labs) == 1
    assert labs[0].status == "current"
