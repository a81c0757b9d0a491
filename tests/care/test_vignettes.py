"""Patient vignettes: each file states an intake and what screening and planning must do."""

from __future__ import annotations

from typing import Any

import pytest

from acupath.care.intake import parse_intake
from acupath.care.planning import plan
from acupath.care.screening import bundled_rules, screen
from tests.care.conftest import load_vignettes

VIGNETTES = load_vignettes()


def test_at_least_forty_vignettes() -> None:
    assert len(VIGNETTES) >= 40


def test_every_rule_fires_in_some_vignette() -> None:
    fired: set[str] = set()
    for v in VIGNETTES:
        fired.update(v["expect"].get("fired", []))
    missing = {r.id for r in bundled_rules()} - fired
    assert not missing, f"rules without a vignette: {sorted(missing)}"


def _check_plan(expect: dict[str, Any], doc: dict[str, Any]) -> None:
    assert doc["status"] == expect["status"]
    codes = [p["code"] for p in doc["points"]]
    if "protocol" in expect:
        assert doc["protocol"]["id"] == expect["protocol"]
    if "technique" in expect:
        assert doc["technique"] == expect["technique"]
    for code in expect.get("points_include", []):
        assert code in codes
    for code in expect.get("points_exclude", []):
        assert code not in codes
    if "points_count" in expect:
        assert len(codes) == expect["points_count"]
    for code, sides in expect.get("sides", {}).items():
        point = next(p for p in doc["points"] if p["code"] == code)
        assert sorted(point["sides"]) == sorted(sides), code
    for key in ("sessions", "weeks", "retention_minutes", "needles_per_session"):
        if key in expect:
            assert doc[key] == expect[key], key
    if "coverage_eligible" in expect:
        assert doc["coverage"] is not None
        assert doc["coverage"]["eligible"] is expect["coverage_eligible"]
    if "guidelines_agreement" in expect:
        assert doc["guidelines"]["agreement"] == expect["guidelines_agreement"]
    classes = {i["class"] for i in doc["integration"]}
    for cls in expect.get("integration_classes", []):
        assert cls in classes
    for item in expect.get("stricta_items", []):
        assert doc["stricta"][item]["text"]
    if expect["status"] == "not_planned":
        assert not codes and doc["technique"] is None and doc["what_to_do"]


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["name"] for v in VIGNETTES])
def test_vignette(vignette: dict[str, Any]) -> None:
    expect = vignette["expect"]
    intake = parse_intake(vignette["intake"], location=vignette["path"].name)
    result = screen(intake)
    doc = result.as_dict()
    fired = {f["rule"] for f in doc["findings"]}
    assert doc["decision"] == expect["decision"]
    for rule in expect.get("fired", []):
        assert rule in fired, f"{rule} did not fire"
    for rule in expect.get("not_fired", []):
        assert rule not in fired, f"{rule} fired"
    for flag in expect.get("red_flags", []):
        assert flag in doc["red_flags"]
    for code in expect.get("excluded_points_include", []):
        assert code in doc["excluded_points"]
    for region in expect.get("excluded_regions_include", []):
        assert region in doc["excluded_regions"]
    for tech in expect.get("excluded_techniques_include", []):
        assert tech in doc["excluded_techniques"]
    for name in expect.get("unmapped_medications", []):
        assert name in doc["medications"]["unmapped"]
    for name in expect.get("unrecognised_comorbidities", []):
        assert name in doc["unrecognised_comorbidities"]
    if "plan" in expect:
        _check_plan(expect["plan"], plan(intake).as_dict())
