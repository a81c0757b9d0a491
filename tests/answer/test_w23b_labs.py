"""Wave 23b, labs and medicines: dates written in digits date a lab value and are none (the
latest date of a series decides), a results table's range cell is a reference range, "ANC"
as an axillary node clearance, "my last count" beside ITP, a medicine prescribed but never
given, and a lone lab value of years ago (our own wordings; none is a benchmark question).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import fold
from acupath.answer.quantities import find_labs, numeric_dates, with_series
from acupath.answer.timing import NEVER_GIVEN, PAST, medicine_status


def _applied(question: str) -> list[str]:
    answer = ask(question)
    return list((answer.patient_context or {}).get("applied", []))


def _labs(text: str) -> list[tuple[str, float]]:
    return [(v.lab, v.value) for v in find_labs(fold(text), text, [])]


def _deciding(text: str) -> list[tuple[str, float]]:
    """The values that decide (role only, latest or cautious) after the series rule."""
    folded = fold(text)
    values = with_series(folded, text, find_labs(folded, text, []), [])
    return [(v.lab, v.value) for v in values if v.role in ("only", "latest", "cautious")]


# numeric dates are no values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("INR 2.6 (05/12). On warfarin.", [("inr", 2.6)]),
        ("AF on warfarin, INR 3.1 (12/11/2026)", [("inr", 3.1)]),
        ("Bloods 2026-12-01: PLT 57 10*9/L", [("platelets", 57.0)]),
        ("Platelets 14.11.2026: 92", [("platelets", 92.0)]),
        ("ANC 1.4 on 03/12", [("anc", 1.4)]),
    ],
)
def test_a_numeric_date_is_no_value(text: str, expected: list[tuple[str, float]]) -> None:
    assert _deciding(text) == expected


def test_numeric_dates_are_calendar_dates_only() -> None:
    spans = [fold(t)[d.start : d.end] for t in ["28/40 pregnant", "3/52 ago", "on 13/13"]
             for d in numeric_dates(fold(t))]  # fmt: skip
    assert spans == []
    assert len(numeric_dates("seen 01/11 and 2026-12-04")) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plt trend | 01/11: 38 | 15/11: 61 | 29/11: 112 (x10^9/L)", ("platelets", 112.0)),
        ("PLT 2026-12-01: 140; 2026-12-04: 47", ("platelets", 47.0)),
        ("Platelets 02/01/2025: 40; 12/03/2025: 140", ("platelets", 140.0)),
        ("Platelets 12/03/2025: 140; 02/01/2025: 40", ("platelets", 140.0)),
        ("INR 03/11: 2.1 | 10/11: 3.9 | 17/11: 2.4", ("inr", 2.4)),
    ],
)
def test_the_latest_date_decides(text: str, expected: tuple[str, float]) -> None:
    assert _deciding(text) == [expected]


def test_undated_series_stays_cautious() -> None:
    # no dates at all: the order is unclear and the cautious value decides, as before
    assert _deciding("Platelets 140, 40") == [("platelets", 40.0)]


def test_dated_series_through_ask() -> None:
    q = "Plt 01/11: 38 | 15/11: 61 | 29/11: 112 (x10^9/L). Knee OA. Acupuncture next week?"
    applied = _applied(q)
    assert "platelets:112" in applied
    assert "platelets:38" not in applied
    falling = _applied("Bloods 2026-12-01: PLT 120; 2026-12-04: PLT 42. Neck pain. Acupuncture?")
    assert "platelets:42" in falling and "platelets:120" not in falling


# a table's range cell ---------------------------------------------------------------------------


def test_table_reference_range_is_no_reading() -> None:
    text = (
        "| test | value | ref |\n| PLT | 150 | 150-400 |\n| NEUT | 4.2 | 2.0-7.5 |\n"
        "| INR | 1.0 | 0.8-1.2 |"
    )
    assert sorted(_deciding(text)) == [("anc", 4.2), ("inr", 1.0), ("platelets", 150.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("| PLT | 45 | 150-400 |", ("platelets", 45.0)),
        ("| INR | 3.8 | 2.0-3.0 |", ("inr", 3.8)),
        ("| Neutrophils | 0.9 | 2.0 - 7.5 |", ("anc", 0.9)),
        ("PLT 88 (150-400)", ("platelets", 88.0)),
        ("INR | 1.1 | 0.8-1.2", ("inr", 1.1)),
    ],
)
def test_table_row_value_decides(text: str, expected: tuple[str, float]) -> None:
    assert _deciding(text) == [expected]


# ANC as an axillary node clearance --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "L mastectomy + ANC (axillary clearance, 18 nodes) 2023",
        "WLE and ANC 2022 for breast cancer",
        "mastectomy with ANC in 2021, 14 nodes",
        "ANC (18 nodes) in 2020",
        "R ANC (axillary node clearance) 2019",
    ],
)
def test_anc_as_node_clearance_is_no_count(text: str) -> None:
    assert [lab for lab, _ in _labs(text)] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On chemo, ANC (1.2) today", 1.2),
        ("ANC 0.6 after cycle 3", 0.6),
        ("WLE and ANC 2022. ANC 3.1 on last bloods", 3.1),
        ("neutropenic, ANC 0.4", 0.4),
        ("ANC: 1.8 x10^9/L", 1.8),
    ],
)
def test_anc_count_still_read(text: str, value: float) -> None:
    assert ("anc", value) in _labs(text)


# "my count" beside ITP ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I've got ITP and my last count was 45,000", 45.0),
        ("ITP since childhood, my latest count 30k", 30.0),
        ("Known thrombocytopenia; her latest count 38 x10^9/L", 38.0),
        ("I have immune thrombocytopenia and my count is 80,000", 80.0),
        ("Low platelets (ITP), his most recent count 62", 62.0),
    ],
)
def test_count_beside_itp_is_platelets(text: str, value: float) -> None:
    assert ("platelets", value) in _labs(text)


@pytest.mark.parametrize(
    "text",
    [
        "My friend has ITP. My last count was 45,000 steps",
        "I have ITP and my white count was 3,500",
        "Neutropenic after chemo, my last count was 0.8",
        "My last count was 45,000",  # no platelet disorder told
        "ITP; my calorie count was 1,800",
    ],
)
def test_count_not_platelets(text: str) -> None:
    assert [lab for lab, _ in _labs(text) if lab == "platelets"] == []


def test_itp_count_through_ask() -> None:
    applied = _applied("I've got ITP and my last count was 45,000. Neck pain. Acupuncture ok?")
    assert "platelets:45" in applied


# a medicine prescribed but never given -------------------------------------------------------


def _status(text: str, word: str) -> tuple[str, str | None]:
    folded = fold(text)
    start = folded.index(word)
    return medicine_status(folded, start, start + len(word), ["anticoagulant"])


@pytest.mark.parametrize(
    "text",
    [
        "Enoxaparin prescribed on admission but NOT given - crossed off chart.",
        "Enoxaparin was prescribed but never taken.",
        "Enoxaparin charted yesterday but it was never given.",
        "Enoxaparin prescribed by the GP but she never started it.",
        "Enoxaparin was ordered but not administered.",
    ],
)
def test_never_given_is_not_taken(text: str) -> None:
    assert _status(text, "enoxaparin") == (PAST, NEVER_GIVEN)


@pytest.mark.parametrize(
    "text",
    [
        "Enoxaparin charted, not given yet today, due at 6pm.",
        "Enoxaparin prescribed but not given yet today.",
        "Enoxaparin given daily, not given this morning.",
        "Enoxaparin prescribed last week and taken daily.",
        "Enoxaparin prescribed on admission, given at 6pm.",
    ],
)
def test_still_taken_stays_current(text: str) -> None:
    assert _status(text, "enoxaparin")[0] == "current"


def test_never_given_through_ask() -> None:
    q = "Ward note: enoxaparin prescribed on admission but NOT given. Acupuncture for post-op pain?"
    assert "class:anticoagulant" not in _applied(q)
    q2 = "Ward note: enoxaparin prescribed on admission, given daily. Acupuncture for post-op pain?"
    assert "class:anticoagulant" in _applied(q2)


# a lone lab value of years ago --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Years ago (March 2021) my INR went up to 5.6",
        "My INR was 6.1 back in 2019",
        "INR 7.2 in 2018 during a chest infection",
        "INR 4.8 three years ago",
        "last year my INR was 5",
    ],
)
def test_lone_value_years_ago_is_earlier(text: str) -> None:
    assert _deciding(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On warfarin since 2021, INR 3.9 today", ("inr", 3.9)),
        ("INR 4.2, on warfarin since 2019", ("inr", 4.2)),
        ("Platelets 40 now; ITP diagnosed in 2015", ("platelets", 40.0)),
        ("Years ago I had ITP, platelets 42 today", ("platelets", 42.0)),
        ("INR 3.6", ("inr", 3.6)),
    ],
)
def test_current_value_stays(text: str, expected: tuple[str, float]) -> None:
    assert _deciding(text) == [expected]


def test_lone_old_platelet_count_stays_read() -> None:
    # a lone old count is still read (the cautious reading): only the INR is set aside
    assert _deciding("Platelets 30 in 2018 during chemo") == [("platelets", 30.0)]


def test_old_inr_through_ask() -> None:
    q = (
        "Years ago (March 2021) my INR went up to 5.6 and they held my warfarin. I came off "
        "warfarin for good in 2023 and take nothing now. Acupuncture for my neck?"
    )
    applied = _applied(q)
    assert "inr:5.6" not in applied and "class:anticoagulant" not in applied
    assert "inr:5.6" in _applied("My INR is 5.6 today on warfarin. Acupuncture for my neck?")
