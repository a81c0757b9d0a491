"""Hypothesis properties of screening and planning (see STYLE.md, practice 15).

* any red flag leads to ``refer``;
* a plan never contains an excluded point, an excluded side or an excluded technique;
* adding a risk factor never makes the decision less severe;
* an impossible value in an intake file exits with code 2 and names the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acupath.care import vocabulary as vocab
from acupath.care.intake import parse_intake
from acupath.care.planning import plan
from acupath.care.screening import DECISIONS, screen
from acupath.cli import main

CONDITIONS = [
    "chronic_low_back_pain",
    "acute_low_back_pain",
    "knee_osteoarthritis",
    "chronic_neck_pain",
    "tension_type_headache",
    "migraine",
    "chronic_musculoskeletal_pain_cancer_survivors",
    "aromatase_inhibitor_arthralgia",
    "chemotherapy_induced_peripheral_neuropathy",
    "fibromyalgia",
]
MEDICINES = ["warfarin", "apixaban", "aspirin", "letrozole", "paclitaxel", "gabapentin",
             "oxycodone", "ibuprofen", "prednisone", "methotrexate", "topiramate", "Xarelto",
             "clopidogrel", "naproxen", "blood thinner", "Arimidex"]  # fmt: skip
TREATMENTS = ["chemo", "hormone", "hormonal therapy", "endocrine", "radiation", "surgery",
              "aromatase_inhibitor", "immunotherapy"]  # fmt: skip
SITES = ["left_arm", "right_arm", "left_leg", "right_leg", "lower_back", "neck", "chest",
         "head", "left_chest", "hand", "foot", "ear"]  # fmt: skip
COMORBIDITIES = list(vocab.KNOWN_COMORBIDITIES)

settings.register_profile("care", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("care")


@st.composite
def intakes(draw: st.DrawFn, *, red_flags: bool = True) -> dict[str, Any]:
    """Random but valid intake mappings covering every field screening reads."""
    sex = draw(st.sampled_from(["female", "male", None]))
    data: dict[str, Any] = {
        "age": draw(st.integers(min_value=5, max_value=95)),
        "conditions": [
            {
                "condition": condition,
                "duration_weeks": draw(st.none() | st.integers(min_value=0, max_value=600)),
                "cause": draw(st.none() | st.sampled_from(vocab.CAUSES)),
                "site": draw(st.none() | st.sampled_from(SITES)),
                "evaluated": draw(st.booleans()),
            }
            for condition in draw(
                st.lists(st.sampled_from(CONDITIONS), min_size=1, max_size=2, unique=True)
            )
        ],
        "medications": draw(st.lists(st.sampled_from(MEDICINES), max_size=3, unique=True)),
        "devices": draw(st.lists(st.sampled_from(vocab.DEVICES), max_size=2, unique=True)),
        "lymphedema": draw(st.lists(st.sampled_from(vocab.LIMBS), max_size=2, unique=True)),
        "comorbidities": draw(st.lists(st.sampled_from(COMORBIDITIES), max_size=2, unique=True)),
        "skin_lesions": draw(st.lists(st.sampled_from(SITES), max_size=2, unique=True)),
        "needle_phobia": draw(st.booleans()) if draw(st.integers(0, 9)) == 0 else False,
        "can_consent": draw(st.integers(0, 9)) != 0,
    }
    if sex:
        data["sex"] = sex
    if sex != "male" and draw(st.integers(0, 4)) == 0:
        data["pregnant"] = True
        weeks = draw(st.none() | st.integers(min_value=1, max_value=40))
        if weeks is not None:
            data["pregnancy_weeks"] = weeks
    labs = {}
    for name, lo, hi in (("platelets", 5, 400), ("anc", 0.1, 8.0), ("inr", 0.8, 5.0)):
        if draw(st.booleans()):
            labs[name] = draw(st.floats(min_value=lo, max_value=hi, allow_nan=False))
    data["labs"] = labs
    if draw(st.integers(0, 3)) == 0:
        data["cancer"] = {
            "active": draw(st.booleans()),
            "on_treatment": draw(st.booleans()),
            "treatments": draw(st.lists(st.sampled_from(TREATMENTS), max_size=2, unique=True)),
            "radiation_sites": draw(st.lists(st.sampled_from(SITES), max_size=1)),
            "tumour_sites": draw(st.lists(st.sampled_from(SITES), max_size=1)),
        }
    if red_flags:
        data["red_flags"] = draw(
            st.lists(st.sampled_from(vocab.RED_FLAGS), max_size=2, unique=True)
        )
    return data


# Immune suppression is a red flag only beside spinal pain or headache, where its sources put it
# (AHCPR 1994, Becker 2015); with any other complaint it asks for asepsis (wave 5 screen rules)
SCOPED_FLAGS = {"immunosuppression"}
SCOPED_FAMILIES = ("low_back", "neck", "headache")


@given(intakes(), st.sampled_from([f for f in vocab.RED_FLAGS if f not in SCOPED_FLAGS]))
@settings(max_examples=60)
def test_any_red_flag_means_refer(data: dict[str, Any], flag: str) -> None:
    data["red_flags"] = sorted(set(data.get("red_flags", [])) | {flag})
    result = screen(parse_intake(data))
    assert result.decision == "refer"
    assert flag in result.red_flags


@given(intakes(red_flags=False))
@settings(max_examples=60)
def test_immune_suppression_refers_only_where_its_sources_put_it(data: dict[str, Any]) -> None:
    data["red_flags"] = ["immunosuppression"]
    result = screen(parse_intake(data))
    families = {f for f in SCOPED_FAMILIES for c in data["conditions"]
                if c["condition"] in vocab.CONDITION_FAMILIES[f]}  # fmt: skip
    if families:
        assert result.decision == "refer"
    else:
        assert result.fired("immunosuppression_asepsis")


@given(intakes(red_flags=False))
@settings(max_examples=100)
def test_plan_never_contains_an_excluded_point_side_or_technique(data: dict[str, Any]) -> None:
    p = plan(parse_intake(data))
    s = p.screen
    if p.status != "planned":
        assert not p.as_dict()["points"]
        return
    assert p.adaptation is not None
    excluded = set(s.excluded_points)
    sites = s.excluded_sites()
    for point in p.adaptation.points:
        assert point.code not in excluded
        for side in point.sides:
            side_name = {"single": "left"}.get(side, side)
            if point.regions and side in ("left", "right", "midline"):
                check = "left" if side == "midline" else side_name
                assert not any(
                    site.covers(point.regions, midline=side == "midline", side=check)
                    for site in sites
                ), (point.code, side)
    technique = p.technique
    assert technique not in s.excluded_techniques
    if "auricular" in s.excluded_techniques or "semi_permanent_needles" in s.excluded_techniques:
        assert not any(pt.code.startswith("AUR-") for pt in p.adaptation.points)


RISK_FACTORS: list[tuple[str, Any]] = (
    [("red_flags", f) for f in vocab.RED_FLAGS]
    + [("comorbidities", c) for c in vocab.KNOWN_COMORBIDITIES]
    + [("medications", m) for m in MEDICINES]
    + [("devices", d) for d in vocab.DEVICES]
    + [("lymphedema", limb) for limb in vocab.LIMBS]
    + [("skin_lesions", s) for s in SITES]
    + [("needle_phobia", True), ("can_consent", False), ("pregnant", True)]
    + [("labs.platelets", 30.0), ("labs.anc", 0.4), ("labs.inr", 4.5)]
)


def _add(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    out = yaml.safe_load(yaml.safe_dump(data))
    if key in ("needle_phobia", "can_consent"):
        out[key] = value
    elif key == "pregnant":
        if out.get("sex") == "male":
            out["sex"] = "female"
        out["pregnant"] = True
    elif key.startswith("labs."):
        name = key.split(".", 1)[1]
        old = out.setdefault("labs", {}).get(name)
        # a worse value: lower counts, higher INR
        out["labs"][name] = (
            value if old is None else (max(old, value) if name == "inr" else min(old, value))
        )
    else:
        items = out.setdefault(key, [])
        if value not in items:
            items.append(value)
    return out


@given(intakes(), st.sampled_from(RISK_FACTORS))
@settings(max_examples=150)
def test_adding_a_risk_factor_never_lowers_the_decision(
    data: dict[str, Any], factor: tuple[str, Any]
) -> None:
    before = screen(parse_intake(data)).decision
    after = screen(parse_intake(_add(data, *factor))).decision
    assert DECISIONS.index(after) >= DECISIONS.index(before), (factor, before, after)


BAD_VALUES: list[tuple[str, Any, str]] = [
    ("pain_nrs", 14, "pain_nrs"),
    ("pain_nrs", -1, "pain_nrs"),
    ("age", 150, "age"),
    ("pregnancy_weeks", 50, "pregnancy_weeks"),
    ("labs", {"platelets": -5}, "labs.platelets"),
    ("labs", {"anc": 250}, "labs.anc"),
    ("labs", {"inr": 0}, "labs.inr"),
    ("devices", ["toaster"], "devices"),
    ("red_flags", ["headache"], "red_flags"),
    ("lymphedema", ["left_hand"], "lymphedema"),
    ("skin_lesions", ["elbow"], "skin_lesions"),
    ("conditions", [{"condition": "back_ache"}], "conditions[0].condition"),
]


@given(st.sampled_from(BAD_VALUES), st.sampled_from([".yaml", ".json"]))
@settings(max_examples=30)
def test_bad_intake_file_exits_2_naming_the_field(
    tmp_path_factory: pytest.TempPathFactory, bad: tuple[str, Any, str], suffix: str
) -> None:
    import json

    key, value, field = bad
    data: dict[str, Any] = {"age": 50, "conditions": [{"condition": "chronic_low_back_pain"}]}
    data[key] = value
    path = Path(tmp_path_factory.mktemp("bad")) / f"patient{suffix}"
    path.write_text(json.dumps(data) if suffix == ".json" else yaml.safe_dump(data))
    for command in ("screen", "plan"):
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main([command, str(path)])
        assert code == 2
        message = err.getvalue()
        assert field in message, message
        assert "Traceback" not in message
