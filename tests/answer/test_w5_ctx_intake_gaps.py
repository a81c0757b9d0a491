"""Wave 5 (issue 10), class 8: the intake fields of docs/intake.schema.json that Ask fills
from a question, and the ones it cannot fill yet (named here, so a new schema field or a new
reading shows up as a failing test)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from acupath.answer.context import extract
from acupath.answer.safety import intake_data

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "intake.schema.json"

UNFILLED = {
    "id",  # a record id, not in a question
    "pain_nrs",  # a pain score: not read yet
    "cancer.type",  # "breast cancer" is read as a cancer, not its type
    "conditions.cause",  # condition details belong to understanding (understand.py)
    "conditions.duration_weeks",
    "conditions.evaluated",
    "conditions.site",
    "medications.dose",  # "2.5mg bisoprolol": the dose is not kept
}
"""Fields Ask leaves out of the partial intake (the screen then uses its defaults)."""

QUESTIONS = [
    "72 year old woman on warfarin, INR 3.6, platelets 40, ANC 0.9, a port in the right chest",
    "10 weeks pregnant, afebrile, neck pain",
    "left arm lymphoedema after breast cancer, having radiotherapy to the left breast, tumour "
    "in the spine, haemophilia",
    "psoriasis plaques on her right knee, has dementia and cannot consent, terrified of needles",
    "numb around my bottom since yesterday, back pain",
    "breastfeeding, HIV with a CD4 count of 350, neck pain",
]


def _leaves(schema: dict[str, Any]) -> set[str]:
    defs = schema.get("$defs", {})
    out: set[str] = set()
    for key, prop in schema["properties"].items():
        ref = prop.get("$ref") or prop.get("items", {}).get("$ref")
        for alt in prop.get("anyOf", []) + prop.get("items", {}).get("anyOf", []):
            ref = ref or alt.get("$ref")
        sub = defs.get(ref.rsplit("/", 1)[-1]) if ref else None
        if sub and sub.get("properties"):
            out |= {f"{key}.{k}" for k in sub["properties"]}
        else:
            out.add(key)
    return out


def _filled(data: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for key, value in data.items():
        if isinstance(value, dict) and key != "labs":
            out |= {f"{key}.{k}" for k in value}
        elif key == "labs":
            out |= {f"labs.{k}" for k in value}
        elif key == "devices":
            out |= {f"devices.{k}" for d in value for k in d}
        elif key == "conditions":
            out |= {f"conditions.{k}" for c in value for k in c}
        elif key == "medications":
            out.add("medications.name")
        else:
            out.add(key)
    return out


def test_every_schema_field_is_filled_or_named_as_a_gap() -> None:
    fields = _leaves(json.loads(SCHEMA.read_text()))
    filled: set[str] = set()
    for q in QUESTIONS:
        data, _ = intake_data(extract(q), ["chronic_neck_pain"])
        filled |= _filled(data)
    assert filled & UNFILLED == set(), "a gap is filled now: remove it from UNFILLED"
    assert fields - filled == UNFILLED
