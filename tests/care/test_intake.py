"""Intake parsing: valid files, impossible values, medication mapping, the published schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from acupath.care.intake import intake_schema, parse_intake, read_intake
from acupath.care.medications import classify
from acupath.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
BASE: dict[str, Any] = {"age": 50, "conditions": [{"condition": "chronic_low_back_pain"}]}


def with_(**extra: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(BASE))
    data.update(extra)
    return data


def test_minimal_intake_defaults() -> None:
    intake = parse_intake(BASE)
    assert intake.age == 50
    assert intake.condition_ids == ("chronic_low_back_pain",)
    assert intake.can_consent is True and intake.needle_phobia is False
    assert not intake.is_pregnant


@pytest.mark.parametrize(
    ("extra", "field", "fragment"),
    [
        ({"pain_nrs": 14}, "pain_nrs", "an integer from 0 to 10; got 14"),
        ({"pain_nrs": 7.5}, "pain_nrs", "from 0 to 10"),
        ({"age": -1}, "age", "from 0 to 120"),
        ({"pregnancy_weeks": 50}, "pregnancy_weeks", "from 0 to 42"),
        ({"labs": {"platelets": -3}}, "labs.platelets", "10^9/L"),
        ({"labs": {"platelets": 150000}}, "labs.platelets", "150 means 150,000"),
        ({"labs": {"inr": 25}}, "labs.inr", "at most 20"),
        ({"devices": ["toaster"]}, "devices[0]", "pacemaker"),
        ({"devices": [{"type": "toaster"}]}, "devices[0].type", "pacemaker"),
        ({"red_flags": ["headache"]}, "red_flags[0]", "saddle_anesthesia"),
        ({"lymphedema": ["left_hand"]}, "lymphedema[0]", "left_arm"),
        ({"skin_lesions": ["elbow"]}, "skin_lesions", "left_arm"),
        (
            {"conditions": [{"condition": "back_ache"}]},
            "conditions[0].condition",
            "chronic_low_back_pain",
        ),
        ({"conditions": []}, "conditions", "at least one"),
        ({"pregnant": False, "pregnancy_weeks": 12}, "pregnancy_weeks", "pregnant is false"),
        ({"sex": "male", "pregnant": True}, "pregnant", "sex is male"),
        ({"weight": 80}, "weight", "not an intake field"),
    ],
)
def test_impossible_values_name_the_field(extra: dict[str, Any], field: str, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        parse_intake(with_(**extra), location="p.yaml")
    err = info.value
    assert err.exit_code == 2
    assert err.field == field
    assert fragment in str(err)
    assert str(err).startswith("p.yaml: ")


def test_missing_age_is_reported() -> None:
    with pytest.raises(InputError) as info:
        parse_intake({"conditions": [{"condition": "migraine"}]})
    assert info.value.field == "age"
    assert "required" in str(info.value)


def test_pregnancy_weeks_imply_pregnant() -> None:
    assert parse_intake(with_(pregnancy_weeks=20)).is_pregnant


def test_sites_and_aliases_are_normalised() -> None:
    intake = parse_intake(
        with_(skin_lesions=["Left Arm", "lower-back"], comorbidities=["Hemophilia", "COPD", "gout"])
    )
    assert intake.skin_lesions == ("left_arm", "lower_back")
    assert intake.comorbidities == ("haemophilia", "chronic_lung_disease", "gout")


def test_devices_accept_names_and_mappings() -> None:
    intake = parse_intake(with_(devices=["pacemaker", {"type": "port", "site": "right chest"}]))
    assert intake.device_types == {"pacemaker", "port"}
    assert intake.device_entries[1].site == "right_chest"


@pytest.mark.parametrize(
    ("name", "classes"),
    [
        ("warfarin", {"anticoagulant", "vitamin_k_antagonist"}),
        ("Coumadin 5 mg", {"anticoagulant", "vitamin_k_antagonist"}),
        ("ELIQUIS", {"anticoagulant", "doac"}),
        ("rivaroxaban 20mg daily", {"anticoagulant", "doac"}),
        ("edoxaban", {"anticoagulant", "doac"}),
        ("Pradaxa", {"anticoagulant", "doac"}),
        ("enoxaparin", {"anticoagulant"}),
        ("Fragmin", {"anticoagulant"}),
        ("heparin", {"anticoagulant"}),
        ("aspirin 75 mg", {"antiplatelet", "nsaid"}),
        ("Plavix", {"antiplatelet"}),
        ("ticagrelor", {"antiplatelet"}),
        ("prasugrel", {"antiplatelet"}),
        ("Arimidex", {"aromatase_inhibitor"}),
        ("letrozole", {"aromatase_inhibitor"}),
        ("exemestane", {"aromatase_inhibitor"}),
        ("Taxol", {"chemotherapy", "neurotoxic_chemotherapy"}),
        ("oxaliplatin", {"chemotherapy", "neurotoxic_chemotherapy"}),
        ("capecitabine", {"chemotherapy"}),
        ("Lyrica", {"gabapentinoid"}),
        ("gabapentin 300 mg tds", {"gabapentinoid"}),
        ("OxyContin", {"opioid"}),
        ("tramadol", {"opioid"}),
        ("naproxen", {"nsaid"}),
        ("Celebrex", {"nsaid"}),
        ("prednisolone", {"corticosteroid"}),
        ("Humira", {"immunosuppressant"}),
        ("methotrexate", {"immunosuppressant"}),
    ],
)
def test_medications_map_to_classes(name: str, classes: set[str]) -> None:
    profile = classify([name])
    assert profile.classes == classes
    assert profile.unmapped == ()


def test_unknown_medicines_are_kept_not_refused() -> None:
    profile = parse_intake(with_(medications=["turmeric", {"name": "warfarin", "dose": "5 mg"}]))
    result = profile.medication_profile()
    assert result.unmapped == ("turmeric",)
    assert result.matched == {"warfarin": "warfarin"}


def test_read_yaml_and_json_files(tmp_path: Path) -> None:
    y = tmp_path / "p.yaml"
    y.write_text("age: 40\nconditions:\n  - condition: migraine\n")
    j = tmp_path / "p.json"
    j.write_text(json.dumps({"age": 41, "conditions": [{"condition": "migraine"}]}))
    assert read_intake(y).age == 40
    assert read_intake(j).age == 41


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("broken.yaml", "age: [1,\n", "not valid YAML"),
        ("broken.json", "{age: 1", "not valid JSON"),
        ("list.yaml", "- 1\n- 2\n", "a mapping of intake fields"),
    ],
)
def test_malformed_files_are_input_errors(
    tmp_path: Path, name: str, text: str, fragment: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(InputError) as info:
        read_intake(path)
    assert fragment in str(info.value)


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_intake(tmp_path / "nope.yaml")
    assert info.value.field == "PATIENT"


def test_published_schema_matches_the_model() -> None:
    published = json.loads((ROOT / "docs" / "intake.schema.json").read_text(encoding="utf-8"))
    assert published == intake_schema(), "regenerate docs/intake.schema.json (see docs/care.md)"


def test_schema_lists_conditions_and_required_fields() -> None:
    schema = intake_schema()
    assert set(schema["required"]) == {"age", "conditions"}
    enum = schema["$defs"]["ConditionEntry"]["properties"]["condition"]["enum"]
    assert "chronic_low_back_pain" in enum
