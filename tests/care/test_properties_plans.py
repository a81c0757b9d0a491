"""Hypothesis properties of issue 11 (screening and planning a cautious clinician would sign).

* a plan never contains a point with an atlas caution that applies to this patient (pregnancy
  cautions of the stage, pneumothorax with lung disease, large vessels on an anticoagulant),
  judged from the intake, not from the screen's own exclusions;
* a substitute never carries a caution the point it replaces lacked;
* every referral has an urgency, and only referrals have one;
* every planned course has sessions, frequency and weeks that add up, and points or a stated
  reason; a plan that is not made says why;
* every condition of the intake is planned or accounted for.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from acupath.care import points as atlas
from acupath.care.intake import parse_intake
from acupath.care.planning import plan
from acupath.care.screening import screen
from tests.care.test_properties import intakes

_STAGES = {
    "first": frozenset({"trimester_1"}),
    "later": frozenset({"trimester_2", "trimester_3"}),
    "unknown": frozenset({"trimester_1", "trimester_2", "trimester_3"}),
}
_LUNG = {"chronic_lung_disease", "prior_thoracic_surgery"}


def _forbidden(data: dict[str, Any]) -> set[str]:
    """Point codes whose atlas caution applies to this patient, read from the intake itself."""
    intake = parse_intake(data)
    out: set[str] = set()
    if intake.is_pregnant:
        weeks = intake.pregnancy_weeks
        stage = "unknown" if weeks is None else ("first" if weeks < 13 else "later")
        out |= atlas.codes_with_caution("pregnancy", _STAGES[stage])
    if _LUNG & set(intake.comorbidities):
        out |= atlas.codes_with_caution("pneumothorax")
    if "anticoagulant" in intake.medication_profile().classes:
        out |= atlas.codes_with_caution("large_vessel")
    return out


@given(intakes(red_flags=False))
@settings(max_examples=120)
def test_plan_never_contains_a_point_with_a_caution_for_this_patient(data: dict[str, Any]) -> None:
    p = plan(parse_intake(data))
    codes = {pt.code for pt in p.adaptation.points} if p.adaptation else set()
    assert not codes & _forbidden(data), sorted(codes & _forbidden(data))


@given(intakes(red_flags=False))
@settings(max_examples=80)
def test_a_substitute_never_adds_a_caution(data: dict[str, Any]) -> None:
    p = plan(parse_intake(data))
    if not p.adaptation:
        return
    for pt in p.adaptation.points:
        if pt.replaces:
            before = atlas.facts(pt.replaces).caution_kinds
            after = atlas.caution_kinds_at(pt.code, pt.regions)
            assert after <= before, (pt.replaces, pt.code, after - before)
            assert pt.substitution


@given(intakes())
@settings(max_examples=120)
def test_no_referral_without_urgency(data: dict[str, Any]) -> None:
    doc = screen(parse_intake(data)).as_dict()
    if doc["decision"] == "refer":
        assert doc["urgency"] in ("emergency", "urgent", "soon", "routine")
        assert doc["referral"] and doc["advice"][0] == doc["referral"]
        assert all(f["urgency"] for f in doc["findings"] if f["action"] == "refer")
    else:
        assert doc["urgency"] is None and doc["referral"] is None


@given(intakes())
@settings(max_examples=100)
def test_every_plan_can_start_or_says_why(data: dict[str, Any]) -> None:
    intake = parse_intake(data)
    doc = plan(intake).as_dict()
    if doc["status"] == "planned":
        assert doc["sessions"] and doc["frequency_per_week"] and doc["weeks"]
        total = sum(ph["weeks"] * ph["per_week"] for ph in doc["schedule"])
        assert doc["sessions"] == round(total) and abs(total - round(total)) < 1e-9
        assert doc["weeks"] == sum(ph["weeks"] for ph in doc["schedule"])
        assert doc["frequency_per_week"] == doc["schedule"][0]["per_week"]
        assert str(doc["sessions"]) in doc["schedule_text"]
        assert doc["sessions_basis"] in ("trial", "clinic_policy")
        assert doc["points"] or doc["points_reason"]
    else:
        assert doc["reasons"] and doc["what_to_do"]
    others = {o["condition"]: o for o in doc["other_conditions"]}
    assert set(others) | {doc["condition"]} == set(intake.condition_ids)
    for other in others.values():
        if other["status"] == "planned":
            assert other["sessions"] and (other["points"] or other["points_reason"])
        else:
            assert other["reasons"]


@given(intakes(red_flags=False))
@settings(max_examples=60)
def test_children_never_get_an_adult_protocol(data: dict[str, Any]) -> None:
    intake = parse_intake(data)
    p = plan(intake)
    if intake.age < 18:
        assert any(f.rule == "under_eighteen" for f in p.screen.findings)
        if p.protocol is not None:
            assert p.protocol.includes_age(intake.age)
