"""Planning: protocol data, adaptation to the screen, evidence, coverage, STRICTA, reassessment."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from acupath.care.adaptation import adapt
from acupath.care.coverage import medicare_coverage
from acupath.care.evidence import expected_effect, guidelines
from acupath.care.intake import parse_intake
from acupath.care.planning import plan
from acupath.care.protocols import bundled_protocols, protocols_for
from acupath.care.reassessment import reassessment
from acupath.care.screening import screen
from acupath.care.stricta import labels
from acupath.errors import InputError
from acupath.evidence.loader import bundled_base
from acupath.evidence.schemas import Condition, Finding, Recommendation, Source


def intake(condition: str = "chronic_low_back_pain", **extra: Any) -> Any:
    entry = {"condition": condition, "duration_weeks": 30, "cause": "nonspecific"}
    entry.update(extra.pop("entry", {}))
    data: dict[str, Any] = {"age": 50, "conditions": [entry]}
    data.update(extra)
    return parse_intake(data)


# Protocol data ---------------------------------------------------------------------------------


def test_protocols_cover_the_required_trials() -> None:
    ids = set(bundled_protocols())
    assert {
        "cherkin2009_standardised", "brinkhaus2006_art", "haake2007_gerac", "mao2021_peace_ea",
        "mao2021_peace_bfa", "hershman2018_s1200", "gerac_knee", "witt2005_art_knee",
        "hinman2014_knee", "macpherson2015_atlas", "lu2017_tth", "melchart2005_art_tth",
        "li2012_migraine", "linde2005_art_migraine", "rostock2013_cipn",
    } <= ids  # fmt: skip


def test_every_protocol_states_its_verification() -> None:
    sources = bundled_base().sources
    for p in bundled_protocols().values():
        assert p.source in sources and all(s in sources for s in p.sources)
        assert p.verification
        if p.point_list != "published":
            assert p.points_note


@pytest.mark.parametrize(
    ("pid", "sessions", "weeks", "retention"),
    [
        ("cherkin2009_standardised", 10, 7, 20),
        ("brinkhaus2006_art", 12, 8, None),
        ("haake2007_gerac", 10, 5, 30),
        ("mao2021_peace_ea", 10, 10, 30),
        ("hershman2018_s1200", 18, 12, None),
        ("lu2017_tth", 20, 8, 30),
        ("li2012_migraine", 20, 4, 30),
    ],
)
def test_verified_schedules(pid: str, sessions: int, weeks: int, retention: float | None) -> None:
    p = bundled_protocols()[pid]
    assert p.sessions == sessions and p.weeks == weeks and p.retention_minutes == retention


def test_cherkin_points_are_the_published_set() -> None:
    codes = [pt.code for pt in bundled_protocols()["cherkin2009_standardised"].selected_points()]
    assert codes == ["BL23", "GV3", "ASHI", "BL40", "KI3"]


def test_protocols_for_orders_by_preference() -> None:
    ids = [p.id for p in protocols_for("chronic_low_back_pain")]
    assert ids[0] == "cherkin2009_standardised"
    assert protocols_for("fibromyalgia") == ()


# Adaptation ------------------------------------------------------------------------------------


def test_semi_standardised_protocol_replaces_excluded_points_by_role() -> None:
    patient = intake(comorbidities=["spinal_instability"], skin_lesions=["right_leg"])
    art = bundled_protocols()["brinkhaus2006_art"]
    result = adapt(art, screen(patient), patient.conditions[0])
    # every lumbar point is out (spinal instability), so the local minimum cannot be met
    assert not result.usable
    # an excluded lumbar point is replaced by another lumbar point with no new caution
    base = screen(intake())
    result2 = adapt(art, replace(base, excluded_points=("BL23",)), intake().conditions[0])
    new = next(p for p in result2.points if p.replaces == "BL23")
    assert new.role == "local" and "lower_back" in new.regions
    assert new.substitution and "BL23" in new.substitution
    assert any("replaces BL23" in d for d in result2.deviations)


def test_substitutes_stay_in_the_same_or_an_adjacent_region() -> None:
    # Issue 11: with both legs out, BL40 and KI3 are not replaced by hand or head points
    # (SI3, GV20); they are dropped and the plan says why. The old expectation (SI3, GV14,
    # GV20 standing in for leg points) broke the same-region rule.
    patient = intake(skin_lesions=["leg"])
    art = bundled_protocols()["brinkhaus2006_art"]
    result = adapt(art, screen(patient), patient.conditions[0])
    codes = {p.code for p in result.points}
    assert not codes & {"SI3", "GV14", "GV20"}
    assert not result.usable
    assert any("BL40 is excluded" in d and "left out" in d for d in result.deviations)


def test_standardised_protocol_drops_without_substitute() -> None:
    patient = intake(sex="female", pregnancy_weeks=9)
    result = adapt(
        bundled_protocols()["cherkin2009_standardised"], screen(patient), patient.conditions[0]
    )
    assert {p.code for p in result.points} == {"BL40", "KI3"}
    assert all(p.replaces is None for p in result.points)
    assert sum("left out" in d for d in result.deviations) == 3


def test_electro_becomes_manual_when_excluded() -> None:
    patient = intake("migraine", devices=["pacemaker"])
    p = plan(patient)
    assert p.protocol is not None and p.protocol.technique == "electro"
    assert p.technique == "manual"
    assert "manual" in p.as_dict()["stricta"]["2e"]["text"]


def test_ear_protocol_is_unusable_when_ear_needling_excluded() -> None:
    patient = intake(
        "chronic_musculoskeletal_pain_cancer_survivors", sex="female", pregnancy_weeks=20,
        cancer={"active": False},
    )  # fmt: skip
    bfa = bundled_protocols()["mao2021_peace_bfa"]
    result = adapt(bfa, screen(patient), patient.conditions[0])
    assert not result.usable
    p = plan(patient, protocol="mao2021_peace_bfa")
    assert p.status == "no_protocol" and p.technique is None  # forced, but unusable
    assert any("cannot be used" in r for r in p.reasons)


def test_forced_protocol_must_match_condition() -> None:
    with pytest.raises(InputError) as info:
        plan(intake(), protocol="li2012_migraine")
    assert info.value.field == "--protocol"


def test_condition_must_be_in_the_intake() -> None:
    with pytest.raises(InputError) as info:
        plan(intake(), condition="migraine")
    assert info.value.field == "--condition"
    assert "chronic_low_back_pain" in str(info.value)


def test_default_condition_is_the_first_plannable() -> None:
    patient = parse_intake(
        {"age": 40, "conditions": [{"condition": "fibromyalgia"}, {"condition": "migraine"}]}
    )
    assert plan(patient).condition == "migraine"


def test_refer_plans_nothing_and_says_what_to_do() -> None:
    p = plan(intake(red_flags=["saddle_anesthesia"]))
    doc = p.as_dict()
    assert doc["status"] == "not_planned" and doc["points"] == [] and doc["technique"] is None
    # cauda equina is an emergency (issue 11); the urgency's wording comes first
    assert doc["urgency"] == "emergency"
    assert doc["what_to_do"] and doc["what_to_do"][0].startswith("Emergency")
    assert doc["reasons"][0].startswith("red_flag_cauda_equina")


def test_plan_json_has_every_contract_key() -> None:
    doc = plan(intake()).as_dict()
    keys = (
        "condition", "technique", "points", "sessions", "frequency_per_week", "weeks",
        "retention_minutes", "protocol_source", "expected_effect", "guidelines", "coverage",
        "integration", "reassessment", "stricta", "decision", "findings", "excluded_points",
        "excluded_regions", "excluded_techniques", "red_flags",
    )  # fmt: skip
    for key in keys:
        assert key in doc, key
    assert all("code" in p for p in doc["points"])


def test_stricta_has_all_seventeen_items() -> None:
    stricta = plan(intake()).stricta
    assert stricta is not None
    assert list(stricta) == list(labels())
    assert len(stricta) == 17
    assert "BL23" in stricta["2b"]["text"] and stricta["2f"]["text"] == "20 minutes"


def test_modifications_reach_the_stricta_report() -> None:
    stricta = plan(intake(medications=["apixaban"])).stricta
    assert stricta is not None
    assert "superficial" in stricta["2c"]["text"]
    assert "0.20 mm" in stricta["2g"]["text"]


def test_reassessment_sessions_and_thresholds() -> None:
    r = reassessment("chronic_low_back_pain", bundled_protocols()["cherkin2009_standardised"])
    by_at = {s["at"]: s for s in r["schedule"]}
    assert by_at["midpoint"]["session"] == 5 and by_at["end"]["session"] == 10
    labels = {t["label"] for t in r["thresholds"]}
    assert {"moderate", "substantial"} <= labels
    assert any(d["source"] == "cms2020_ncd3033" for d in r["decisions"])
    onc = reassessment("aromatase_inhibitor_arthralgia", None)
    assert "bpi_sf" in [m["id"] for m in onc["measures"]]


def test_integration_lists_classes_and_unrecognised() -> None:
    items = plan(intake(medications=["letrozole", "mystery pill"])).integration
    assert items[0]["class"] == "aromatase_inhibitor" and items[0]["sources"] == ["mao2022"]
    assert items[-1]["class"] is None and items[-1]["medicines"] == ["mystery pill"]


# Coverage --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "extra", "eligible"),
    [
        ({"duration_weeks": 12, "cause": "nonspecific"}, {}, True),
        ({"duration_weeks": 11.5, "cause": "nonspecific"}, {}, False),
        ({"duration_weeks": None, "cause": "nonspecific"}, {}, None),
        ({"duration_weeks": 30, "cause": "metastatic"}, {}, False),
        ({"duration_weeks": 30, "cause": "surgery"}, {}, False),
        ({"duration_weeks": 30, "cause": "pregnancy"}, {"sex": "female", "pregnant": True}, False),
        ({"duration_weeks": 30, "cause": "nonspecific"}, {"sex": "female", "pregnant": True}, None),
        ({"duration_weeks": 30, "cause": None}, {}, None),
    ],
)
def test_ncd_eligibility(
    entry: dict[str, Any], extra: dict[str, Any], eligible: bool | None
) -> None:
    patient = intake(entry=entry, **extra)
    assert medicare_coverage(patient, "chronic_low_back_pain")["eligible"] is eligible


def test_ncd_limits_and_plan_fit() -> None:
    c = medicare_coverage(intake(), "chronic_low_back_pain", planned_sessions=18, planned_weeks=12)
    assert c["limits"] == {
        "initial_visits": 12, "initial_days": 90, "additional_visits_if_improving": 8,
        "max_per_year": 20, "stop_if_not_improving": True,
    }  # fmt: skip
    assert c["fits_plan"] is False
    other = medicare_coverage(intake("migraine"), "migraine")
    assert other["applies"] is False and other["eligible"] is False


# Evidence and guidelines, on a small synthetic base so the logic does not depend on data ------


def _base(recs: list[Recommendation]) -> Any:
    base = bundled_base()
    today = dt.date(2026, 11, 21)
    src = Source(id="demo2020", kind="guideline", authors="Demo", year=2020, title="Demo guideline",
                 url="https://example.org", checked=today)  # fmt: skip
    cond = Condition(id="demo_pain", name="Demo pain", category="chronic_pain", icd10=["R52"])
    finding = Finding(id="demo_f", source="demo2020", condition="demo_pain", population="adults",
                      intervention="manual", comparator="sham", outcome="pain", measure="MD",
                      estimate=-1.0, ci_lower=-2.0, ci_upper=0.0, better="lower",
                      direction="favours_acupuncture", summary="Demo finding for tests.",
                      reviewed=today)  # fmt: skip
    return dataclasses.replace(
        base,
        sources={"demo2020": src},
        conditions={"demo_pain": cond},
        findings={"demo_f": finding},
        recommendations={r.id: r for r in recs},
    )


def _rec(rid: str, direction: str, body: str) -> Recommendation:
    return Recommendation(id=rid, source="demo2020", body=body, year=2020, condition="demo_pain",
                          population="adults", direction=direction, strength="strong",  # type: ignore[arg-type]
                          evidence_quality="moderate", summary="A demo recommendation.",
                          reviewed=dt.date(2026, 11, 21))  # fmt: skip


def test_guidelines_disagreement_is_stated() -> None:
    base = _base([_rec("a", "for", "Body A"), _rec("b", "against", "Body B")])
    g = guidelines("demo_pain", base=base)
    assert g["agreement"] == "disagree"
    assert "Body A" in g["note"] and "Body B" in g["note"]


@pytest.mark.parametrize(
    ("recs", "agreement"),
    [([], "none"), ([("a", "for")], "single"), ([("a", "for"), ("b", "conditional")], "agree")],
)
def test_guidelines_agreement_kinds(recs: list[tuple[str, str]], agreement: str) -> None:
    base = _base([_rec(r, d, f"Body {r}") for r, d in recs])
    assert guidelines("demo_pain", base=base)["agreement"] == agreement


def test_expected_effect_groups_by_comparator() -> None:
    groups = expected_effect("demo_pain", base=_base([]))
    assert [g["comparator"] for g in groups] == ["sham"]
    assert groups[0]["findings"][0]["citation"].startswith("Demo")
    assert expected_effect("nothing_here", base=_base([])) == []


def test_expected_effect_on_bundled_base_is_grouped_and_cited() -> None:
    for group in expected_effect("chronic_low_back_pain"):
        assert group["findings"]
        for f in group["findings"]:
            assert f["comparator"] == group["comparator"]
            assert f["source"] in bundled_base().sources


def test_reassessment_and_drug_class_sources_resolve() -> None:
    from acupath.care.medications import bundled_formulary
    from acupath.care.reassessment import _records

    sources = bundled_base().sources
    for rec in _records().values():
        assert all(s in sources for s in rec.sources), rec.id
    for cls in bundled_formulary().classes.values():
        assert all(s in sources for s in cls.sources), cls.id
        if cls.basis == "evidence":
            assert cls.sources
