"""Check one vignette against screening and planning; returns the problems found (none = pass).

A vignette file states an intake and what a cautious clinician expects (``expect``). The keys:

screen: ``decision`` (or ``decision_in``), ``urgency`` (or ``urgency_in``; null when nothing is
referred), ``fired``, ``not_fired``, ``red_flags``, ``excluded_points_include``,
``excluded_regions_include``, ``excluded_techniques_include``, ``unmapped_medications``,
``unrecognised_comorbidities``, ``reason_excludes`` (words no fired rule's reason or advice may
use, such as "spinal" for a headache), ``advice_or_modifications_include`` (words that must
appear in the advice or modifications), ``input_error_field`` (the intake must be refused, with
this field named).

plan: ``status``, ``protocol``, ``technique``, ``points_include``, ``points_exclude``,
``points_count``, ``sides``, ``sessions``/``weeks``/``retention_minutes``/``needles_per_session``,
``coverage_eligible``, ``guidelines_agreement``, ``integration_classes``, ``stricta_items``,
``no_caution_kinds`` (no planned point carries such an atlas caution), ``deliverable`` (sessions,
frequency and points, or a stated reason for no points), ``expected_effect_interventions_exclude``,
``other_conditions`` (each must appear in the plan's other conditions with a status and reason),
``warnings_include``, ``reasons_include`` (substrings).
"""

from __future__ import annotations

from typing import Any

from acupath.care import points as atlas
from acupath.care.intake import parse_intake
from acupath.care.planning import plan
from acupath.care.screening import screen
from acupath.errors import InputError


def _text(items: Any) -> str:
    return " ".join(str(x) for x in items).lower()


def check_plan(expect: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    """Problems with a plan document against the ``plan`` expectations."""
    bad: list[str] = []
    codes = [p["code"] for p in doc["points"]]
    if "status" in expect and doc["status"] != expect["status"]:
        bad.append(f"status {doc['status']} != {expect['status']}")
    if "protocol" in expect and (doc["protocol"] or {}).get("id") != expect["protocol"]:
        bad.append(f"protocol {doc['protocol']} != {expect['protocol']}")
    if "technique" in expect and doc["technique"] != expect["technique"]:
        bad.append(f"technique {doc['technique']} != {expect['technique']}")
    bad += [f"{c} missing" for c in expect.get("points_include", []) if c not in codes]
    bad += [f"{c} planned" for c in expect.get("points_exclude", []) if c in codes]
    if "points_count" in expect and len(codes) != expect["points_count"]:
        bad.append(f"{len(codes)} points != {expect['points_count']}")
    for code, sides in expect.get("sides", {}).items():
        point = next((p for p in doc["points"] if p["code"] == code), None)
        if point is None or sorted(point["sides"]) != sorted(sides):
            bad.append(f"sides of {code}")
    for key in ("sessions", "weeks", "retention_minutes", "needles_per_session"):
        if key in expect and doc[key] != expect[key]:
            bad.append(f"{key} {doc[key]} != {expect[key]}")
    if "coverage_eligible" in expect and (
        doc["coverage"] is None or doc["coverage"]["eligible"] is not expect["coverage_eligible"]
    ):
        bad.append("coverage eligibility")
    if "guidelines_agreement" in expect and (
        doc["guidelines"]["agreement"] != expect["guidelines_agreement"]
    ):
        bad.append("guideline agreement")
    classes = {i["class"] for i in doc["integration"]}
    bad += [f"integration {c}" for c in expect.get("integration_classes", []) if c not in classes]
    bad += [
        f"stricta {i}" for i in expect.get("stricta_items", []) if not doc["stricta"][i]["text"]
    ]
    for kind in expect.get("no_caution_kinds", []):
        for code in codes:
            if code != "ASHI" and kind in atlas.facts(code).caution_kinds:
                bad.append(f"{code} carries a {kind} caution")
    if expect.get("deliverable"):
        if not (doc["sessions"] and doc["frequency_per_week"] and doc["weeks"]):
            bad.append("no sessions/frequency/weeks")
        if not codes and not doc.get("points_reason"):
            bad.append("no points and no reason")
    for intervention in expect.get("expected_effect_interventions_exclude", []):
        for group in doc["expected_effect"]:
            for f in group["findings"]:
                if f["intervention"] == intervention:
                    bad.append(f"expected effect shows {intervention} finding {f['id']}")
    others = {o["condition"]: o for o in doc.get("other_conditions", [])}
    for cond in expect.get("other_conditions", []):
        if cond not in others or not others[cond].get("status"):
            bad.append(f"other condition {cond} not accounted for")
        elif others[cond]["status"] != "planned" and not others[cond].get("reasons"):
            bad.append(f"other condition {cond} has no reason")
    warnings = _text(doc["warnings"])
    bad += [
        f"warning '{w}'" for w in expect.get("warnings_include", []) if w.lower() not in warnings
    ]
    reasons = _text(doc["reasons"])
    bad += [f"reason '{w}'" for w in expect.get("reasons_include", []) if w.lower() not in reasons]
    if doc["status"] == "not_planned" and (codes or doc["technique"] or not doc["what_to_do"]):
        bad.append("a not_planned plan lists points or no advice")
    return bad


def check(vignette: dict[str, Any]) -> list[str]:
    """Every problem of one vignette (empty when screening and planning do what it expects)."""
    expect = vignette["expect"]
    try:
        intake = parse_intake(vignette["intake"], location=str(vignette.get("name")))
    except InputError as exc:
        want = expect.get("input_error_field")
        if want and (exc.field or "").startswith(want):
            return []
        return [f"intake refused: {exc}"]
    if "input_error_field" in expect:
        return [f"intake accepted; expected {expect['input_error_field']} to be refused"]
    doc = screen(intake).as_dict()
    bad: list[str] = []
    if "decision" in expect and doc["decision"] != expect["decision"]:
        bad.append(f"decision {doc['decision']} != {expect['decision']}")
    if "decision_in" in expect and doc["decision"] not in expect["decision_in"]:
        bad.append(f"decision {doc['decision']} not in {expect['decision_in']}")
    if "urgency" in expect and doc["urgency"] != expect["urgency"]:
        bad.append(f"urgency {doc['urgency']} != {expect['urgency']}")
    if "urgency_in" in expect and doc["urgency"] not in expect["urgency_in"]:
        bad.append(f"urgency {doc['urgency']} not in {expect['urgency_in']}")
    if doc["decision"] == "refer" and doc["urgency"] is None:
        bad.append("referral without urgency")
    fired = {f["rule"] for f in doc["findings"]}
    bad += [f"{r} did not fire" for r in expect.get("fired", []) if r not in fired]
    bad += [f"{r} fired" for r in expect.get("not_fired", []) if r in fired]
    bad += [f"flag {f}" for f in expect.get("red_flags", []) if f not in doc["red_flags"]]
    for key, field in (
        ("excluded_points_include", "excluded_points"),
        ("excluded_regions_include", "excluded_regions"),
        ("excluded_techniques_include", "excluded_techniques"),
        ("unrecognised_comorbidities", "unrecognised_comorbidities"),
    ):
        bad += [f"{field} lacks {x}" for x in expect.get(key, []) if x not in doc[field]]
    for name in expect.get("unmapped_medications", []):
        if name not in doc["medications"]["unmapped"]:
            bad.append(f"{name} not unmapped")
    said = _text(
        [f["reason"] for f in doc["findings"]] + [f["advice"] or "" for f in doc["findings"]]
    )
    bad += [f"says '{w}'" for w in expect.get("reason_excludes", []) if w.lower() in said]
    told = _text(list(doc["advice"]) + list(doc["modifications"]))
    for word in expect.get("advice_or_modifications_include", []):
        if word.lower() not in told:
            bad.append(f"advice lacks '{word}'")
    if "plan" in expect:
        bad += check_plan(expect["plan"], plan(intake).as_dict())
    return bad
