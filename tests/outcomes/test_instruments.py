"""Questionnaire scoring and validation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acupath.errors import InputError, NotFound
from acupath.outcomes import instrument, instruments, score_answers


def test_the_four_instruments_with_their_loinc_codes() -> None:
    assert set(instruments()) == {"nrs", "peg3", "bpi_sf", "pgic"}
    assert instrument("nrs").loinc == "72514-3"
    assert instrument("peg3").loinc == "91148-7"
    assert {s.id: s.loinc for s in instrument("peg3").scores} == {"mean": "91147-9"}
    assert {s.id: s.loinc for s in instrument("bpi_sf").scores} == {
        "severity": None,
        "interference": "77565-0",
    }
    assert instrument("pgic").loinc is None


def test_scores() -> None:
    assert score_answers("nrs", {"pain": 6}).primary == 6
    assert score_answers("peg3", {"pain": 6, "enjoyment": 7, "activity": 5}).primary == 6
    bpi = score_answers(
        "bpi_sf",
        {
            "worst": 8,
            "least": 2,
            "average": 5,
            "now": 5,
            "mood": 3,
            "sleep": 4,
            "work": 5,
            "walking": 6,
        },
    )
    assert bpi.scores == {"severity": 5.0, "interference": 4.5}
    assert bpi.primary == 5.0
    assert score_answers("pgic", {"change": "2"}).primary == 2


@pytest.mark.parametrize(
    ("inst", "answers", "message"),
    [
        ("nrs", {"pain": 14}, "nrs.pain must be an integer from 0 to 10; got 14"),
        ("nrs", {"pain": -1}, "nrs.pain must be an integer from 0 to 10"),
        ("nrs", {"pain": 4.5}, "nrs.pain must be an integer"),
        ("nrs", {"pain": True}, "nrs.pain must be an integer"),
        ("nrs", {"pain": "six"}, "nrs.pain must be an integer"),
        ("pgic", {"change": 0}, "pgic.change must be an integer from 1 to 7"),
        ("peg3", {"pain": 5, "enjoyment": 5}, "peg3.activity is missing"),
        ("bpi_sf", {"worst": 5, "least": 2, "average": 3, "now": 3, "mood": 2}, "needs at least 4"),
    ],
)
def test_bad_answers_are_refused(inst: str, answers: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        score_answers(inst, answers)


def test_unknown_instrument_and_item() -> None:
    with pytest.raises(NotFound, match="choose one of"):
        score_answers("sf36", {"x": 1})
    with pytest.raises(NotFound, match="nrs item"):
        score_answers("nrs", {"ache": 3})


@given(st.lists(st.integers(0, 10), min_size=3, max_size=3))
def test_peg_mean_lies_within_the_items(values: list[int]) -> None:
    answers = dict(zip(("pain", "enjoyment", "activity"), values, strict=True))
    score = score_answers("peg3", answers).primary
    assert min(values) <= score <= max(values)
