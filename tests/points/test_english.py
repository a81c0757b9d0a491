"""English point names: coverage as recorded in the source, look-ups by English name."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acupath.cli import main
from acupath.errors import InputError
from acupath.evidence.loader import bundled_base
from acupath.points import Point, all_points, fold, get_point, normalise_code, search_points

# The WHO points whose English name could not be checked; the deadman2007 source note lists them.
WITHOUT_ENGLISH = (
    "ST17", "ST33", "SP14", "BL22", "BL45", "KI10", "KI15", "GB27", "GB32", "LR4", "LR9", "CV11",
)  # fmt: skip
SHARED = {"SPIRITGATE": ("HT7", "CV8")}  # the book gives one name to two points

WHO_POINTS = [p for p in all_points() if isinstance(p, Point) and p.kind == "classical"]
NAMED = [p for p in WHO_POINTS if p.english]


def test_coverage_matches_the_source_record() -> None:
    missing = tuple(p.code for p in WHO_POINTS if not p.english)
    assert len(WHO_POINTS) == 361
    assert missing == WITHOUT_ENGLISH
    assert len(NAMED) == 349
    note = bundled_base().sources["deadman2007"].note or ""
    assert "349 of the 361" in note
    for code in WITHOUT_ENGLISH:
        assert code in note


def test_every_english_name_cites_its_source() -> None:
    for point in WHO_POINTS:
        assert ("deadman2007" in point.sources) == bool(point.english), point.code


def test_names_are_clean_labels() -> None:
    for point in NAMED:
        name = point.english or ""
        assert name == name.strip() and "  " not in name, point.code
        assert all(ch.isalpha() or ch in " '-" for ch in name), (point.code, name)
        assert name[0].isupper(), (point.code, name)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kidney Shu", "BL23"), ("kidney-shu", "BL23"), ("Leg Three Miles", "ST36"),
        ("Joining Valley", "LI4"), ("Three Yin Intersection", "SP6"), ("Inner Pass", "PC6"),
        ("Jumping Circle", "GB30"), ("Crooked Curve", "BL4"), ("Hundred Meetings", "GV20"),
        ("Man's Welcome", "ST9"), ("Man’s Welcome", "ST9"), ("Xi-Cleft Gate", "PC4"),
        ("Reaching Yin", "BL67"), ("Yin Mound Spring", "SP9"),
    ],
)  # fmt: skip
def test_lookup_by_english_name(text: str, code: str) -> None:
    assert normalise_code(text) == code


def test_card_shows_the_english_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["points", "BL23", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["point"]["english"] == "Kidney Shu"
    assert "deadman2007" in doc["point"]["sources"]


def test_shared_english_name_is_refused() -> None:
    with pytest.raises(InputError) as info:
        normalise_code("Spirit Gate")
    assert "HT7" in str(info.value) and "CV8" in str(info.value)
    # the pinyin names still resolve to one point each
    assert normalise_code("Shenmen") == "HT7"
    assert normalise_code("Shenque") == "CV8"


def test_only_the_recorded_names_are_shared() -> None:
    by_name: dict[str, list[str]] = {}
    for point in NAMED:
        by_name.setdefault(fold(point.english or ""), []).append(point.code)
    shared = {name: tuple(codes) for name, codes in by_name.items() if len(codes) > 1}
    assert shared == SHARED


@given(st.sampled_from([p for p in NAMED if fold(p.english or "") not in SHARED]))
def test_every_unique_english_name_resolves_to_its_point(point: Point) -> None:
    assert point.english is not None
    assert get_point(point.english).code == point.code
    assert get_point(point.english.upper()).code == point.code


def test_search_text_finds_english_names() -> None:
    assert [p.code for p in search_points(text="Kidney Shu")] == ["BL23"]
    assert {p.code for p in search_points(text="spirit gate")} == {"HT7", "CV8"}
