"""Issue 10 follow-up: screen gaps two red-team probes found (written before the rules).

1. an undiagnosed bleeding tendency defers (clinic policy) unless an antithrombotic explains it;
2. low-dose methotrexate is an immunosuppressant (DMARD), not anticancer chemotherapy, yet a
   fever on it still refers the same day; with an active cancer it stays an emergency;
3. a VP shunt excludes the scalp and ear; a cochlear implant excludes ear needling, the ear
   region, the implant site and electroacupuncture;
4. immune suppression refers only where its sources make it a red flag (spinal pain, headache);
   with other complaints it sets strict asepsis and no indwelling needles, as an
   immunosuppressant or a CD4 count below the clinic threshold does;
5. breastfeeding: no rule, and the screening docs say so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from acupath.care.intake import parse_intake
from acupath.care.medications import classify
from acupath.care.screening import screen
from acupath.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


def intake(condition: str = "knee_osteoarthritis", **extra: Any) -> Any:
    data: dict[str, Any] = {"age": 52, "conditions": [{"condition": condition}]}
    data.update(extra)
    return parse_intake(data)


# ---- 1. undiagnosed bleeding tendency ---------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "easy bruising",
        "bruises easily",
        "Easy-bruising",
        "bleeding gums",
        "gums bleed",
        "nosebleeds",
        "frequent nosebleeds",
        "epistaxis",
        "unexplained bleeding",
        "unexplained bruising",
        "heavy bleeding",
        "bleeding tendency",
    ],
)
def test_undiagnosed_bleeding_tendency_defers(words: str) -> None:
    result = screen(intake(comorbidities=[words]))
    assert result.decision == "defer"
    assert result.fired("unexplained_bleeding_tendency")
    finding = next(f for f in result.findings if f.rule == "unexplained_bleeding_tendency")
    assert finding.policy is True
    assert finding.advice and "assess" in finding.advice.lower()
    assert words not in result.unrecognised_comorbidities


@pytest.mark.parametrize("drug", ["warfarin", "Eliquis 5 mg", "clopidogrel", "aspirin 75 mg"])
def test_bleeding_tendency_on_an_antithrombotic_defers_until_the_prescriber_reviews(
    drug: str,
) -> None:
    # wave 6: a caution here let a blood thinner lower a deferred bleeding tendency to a
    # proceed (the Hypothesis property test_adding_a_risk_factor_never_lowers_the_decision)
    result = screen(intake(comorbidities=["easy bruising"], medications=[drug]))
    assert not result.fired("unexplained_bleeding_tendency")
    assert result.fired("bleeding_tendency_on_antithrombotic")
    assert result.decision == "defer"
    without = screen(intake(comorbidities=["easy bruising"]))
    assert without.decision == "defer"


def test_diagnosed_bleeding_disorder_keeps_its_own_rule() -> None:
    result = screen(intake(comorbidities=["haemophilia", "easy bruising"]))
    assert result.decision == "defer"
    assert result.fired("bleeding_disorder")
    assert not result.fired("unexplained_bleeding_tendency")


def test_no_bleeding_words_no_bleeding_rule() -> None:
    result = screen(intake(comorbidities=["diabetes"]))
    assert not result.fired("unexplained_bleeding_tendency")
    assert result.decision == "proceed"


# ---- 2. methotrexate ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["methotrexate", "Methotrexate 15 mg weekly", "Otrexup", "Metoject", "Trexall", "MTX"]
)
def test_methotrexate_is_an_immunosuppressant_not_chemotherapy(name: str) -> None:
    profile = classify([name])
    assert "immunosuppressant" in profile.classes
    assert "chemotherapy" not in profile.classes


def test_fever_on_weekly_methotrexate_refers_the_same_day() -> None:
    result = screen(
        intake(
            "rheumatoid_arthritis", medications=["methotrexate 15 mg weekly"], red_flags=["fever"]
        )
    )
    assert result.decision == "refer"
    assert result.urgency == "urgent"
    assert result.fired("fever_on_immunosuppressant")
    assert not result.fired("red_flag_fever_on_cancer_treatment")
    finding = next(f for f in result.findings if f.rule == "fever_on_immunosuppressant")
    assert "neutro" in finding.reason.lower() or "blood count" in finding.reason.lower()


@pytest.mark.parametrize(
    "condition", ["knee_osteoarthritis", "plantar_heel_pain", "fibromyalgia", "migraine"]
)
def test_fever_on_an_immunosuppressant_refers_whatever_the_complaint(condition: str) -> None:
    result = screen(intake(condition, medications=["Humira"], red_flags=["fever"]))
    assert result.decision == "refer"
    assert result.urgency in ("urgent", "emergency")
    assert result.fired("fever_on_immunosuppressant")


def test_fever_on_methotrexate_with_back_pain_still_refers_for_spinal_infection() -> None:
    result = screen(
        intake("chronic_low_back_pain", medications=["methotrexate"], red_flags=["pyrexia"])
    )
    assert result.decision == "refer" and result.urgency == "urgent"
    assert result.fired("red_flag_spinal_infection")


def test_methotrexate_without_fever_proceeds_with_asepsis_and_no_count_demand() -> None:
    result = screen(intake("rheumatoid_arthritis", medications=["methotrexate"]))
    assert result.decision == "proceed_with_modifications"
    assert result.fired("immunosuppression_asepsis")
    assert "semi_permanent_needles" in result.excluded_techniques
    assert not result.fired("counts_missing_on_treatment")
    assert not result.fired("on_cancer_treatment")


@pytest.mark.parametrize(
    "cancer",
    [
        {"active": True},
        {"active": True, "on_treatment": True},
        {"on_treatment": True},
        {"treatments": ["chemotherapy"]},
    ],
)
def test_methotrexate_with_cancer_keeps_the_neutropenic_sepsis_emergency(
    cancer: dict[str, Any],
) -> None:
    result = screen(
        intake("cancer_pain", medications=["methotrexate"], red_flags=["fever"], cancer=cancer)
    )
    assert result.decision == "refer"
    assert result.urgency == "emergency"
    assert result.fired("red_flag_fever_on_cancer_treatment")


def test_methotrexate_with_active_cancer_is_treated_as_anticancer_treatment() -> None:
    result = screen(intake("cancer_pain", medications=["methotrexate"], cancer={"active": True}))
    assert result.fired("on_cancer_treatment")
    assert result.fired("counts_missing_on_treatment")


def test_past_cancer_and_weekly_methotrexate_for_arthritis_is_not_chemotherapy() -> None:
    result = screen(
        intake("rheumatoid_arthritis", medications=["methotrexate"], cancer={"active": False})
    )
    assert not result.fired("on_cancer_treatment")
    assert not result.fired("counts_missing_on_treatment")


def test_anticancer_regimens_unchanged() -> None:
    result = screen(intake("cancer_pain", medications=["paclitaxel"], red_flags=["fever"]))
    assert result.urgency == "emergency"
    assert result.fired("red_flag_fever_on_cancer_treatment")
    assert classify(["cyclophosphamide"]).classes == {"chemotherapy"}


# ---- 3. devices --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    ["VP shunt", "vp_shunt", "ventriculoperitoneal shunt", "ventriculo-peritoneal shunt",
     "CSF shunt", "shunt", "hydrocephalus shunt", "programmable shunt"],
)  # fmt: skip
def test_vp_shunt_excludes_scalp_and_ear(words: str) -> None:
    patient = intake("migraine", devices=[words])
    assert patient.device_types == frozenset({"vp_shunt"})
    result = screen(patient)
    assert result.fired("vp_shunt")
    assert result.decision == "proceed_with_modifications"
    assert {"head", "ear"} <= set(result.excluded_regions)
    assert result.modifications


@pytest.mark.parametrize("words", ["cochlear implant", "cochlear", "Cochlear-implant", "CI"])
def test_cochlear_implant_excludes_ear_needling_and_electro(words: str) -> None:
    result = screen(intake("migraine", devices=[words]))
    assert result.fired("cochlear_implant")
    assert {"electro", "auricular"} <= set(result.excluded_techniques)
    assert "ear" in result.excluded_regions
    assert "head" in result.excluded_regions  # implant side unknown: both sides


def test_cochlear_implant_with_side_keeps_the_other_side_of_the_scalp() -> None:
    result = screen(intake("migraine", devices=[{"type": "cochlear_implant", "site": "left_head"}]))
    assert "left_head" in result.excluded_regions
    assert "head" not in result.excluded_regions
    assert "ear" in result.excluded_regions
    assert "auricular" in result.excluded_techniques


def test_pacemaker_does_not_exclude_ear_or_scalp() -> None:
    result = screen(intake("migraine", devices=["pacemaker"]))
    assert "auricular" not in result.excluded_techniques
    assert not {"head", "ear"} & set(result.excluded_regions)
    assert not result.fired("vp_shunt") and not result.fired("cochlear_implant")


def test_unknown_device_is_refused_naming_the_field() -> None:
    with pytest.raises(InputError) as err:
        intake(devices=["flux capacitor"])
    assert "devices" in str(err.value) and "flux capacitor" in str(err.value)


# ---- 4. immune suppression ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "extra"),
    [
        ("plantar_heel_pain", {"red_flags": ["immunosuppression"]}),
        ("rheumatoid_arthritis", {"red_flags": ["immunocompromised"]}),
        ("knee_osteoarthritis", {"red_flags": ["immunosuppressed"]}),
        ("shoulder_pain", {"medications": ["adalimumab"]}),
        ("knee_osteoarthritis", {"medications": ["tacrolimus", "mycophenolate"]}),
        ("lateral_elbow_pain", {"medications": ["Imuran"]}),
        ("fibromyalgia", {"labs": {"cd4": 150}}),
    ],
)
def test_immune_suppression_with_other_complaints_modifies_not_refers(
    condition: str, extra: dict[str, Any]
) -> None:
    result = screen(intake(condition, **extra))
    assert result.decision == "proceed_with_modifications"
    assert result.urgency is None
    assert result.red_flags == ()
    assert result.fired("immunosuppression_asepsis")
    assert "semi_permanent_needles" in result.excluded_techniques
    assert any("asepsis" in m for m in result.modifications)


@pytest.mark.parametrize(
    ("condition", "rule", "urgency"),
    [
        ("chronic_low_back_pain", "red_flag_spinal_infection", "urgent"),
        ("acute_low_back_pain", "red_flag_spinal_infection", "urgent"),
        ("chronic_neck_pain", "red_flag_spinal_infection", "urgent"),
        ("tension_type_headache", "headache_systemic_illness", "urgent"),
        ("migraine", "headache_systemic_illness", "urgent"),
    ],
)
def test_immune_suppression_still_refers_for_spinal_pain_and_headache(
    condition: str, rule: str, urgency: str
) -> None:
    result = screen(intake(condition, red_flags=["immunosuppression"]))
    assert result.decision == "refer"
    assert result.urgency == urgency
    assert result.fired(rule)
    assert "immunosuppression" in result.red_flags


def test_immune_suppression_with_another_red_flag_still_refers() -> None:
    result = screen(
        intake("plantar_heel_pain", red_flags=["immunosuppression", "unexplained_weight_loss"])
    )
    assert result.decision == "refer" and result.urgency == "soon"
    fever = screen(intake("plantar_heel_pain", red_flags=["immunosuppression", "fever"]))
    assert fever.decision == "refer" and fever.urgency == "urgent"


def test_cd4_at_or_above_threshold_sets_nothing() -> None:
    result = screen(intake("fibromyalgia", labs={"cd4": 350}))
    assert not result.fired("immunosuppression_asepsis")
    assert result.decision == "proceed"


def test_cd4_threshold_is_clinic_policy_and_changeable(tmp_path: Path) -> None:
    from acupath.care.policy import load_policy

    override = tmp_path / "policy.yaml"
    override.write_text("- {id: cd4_modify_below, value: 350}\n")
    result = screen(intake("fibromyalgia", labs={"cd4": 300}), policy=load_policy(override))
    assert result.fired("immunosuppression_asepsis")
    finding = next(f for f in result.findings if f.rule == "immunosuppression_asepsis")
    assert finding.policy is True


@pytest.mark.parametrize("value", [-5, 6000, "low"])
def test_bad_cd4_is_refused_naming_the_field(value: Any) -> None:
    with pytest.raises(InputError) as err:
        intake(labs={"cd4": value})
    assert "labs.cd4" in str(err.value)


# ---- 5. breastfeeding --------------------------------------------------------------------------


def test_screening_docs_say_no_rule_concerns_breastfeeding() -> None:
    doc = (ROOT / "docs" / "care.md").read_text(encoding="utf-8")
    assert "No screening rule concerns breastfeeding" in doc


def test_breastfeeding_is_recorded_and_changes_nothing() -> None:
    nursing = screen(intake("chronic_low_back_pain", sex="female", breastfeeding=True))
    plain = screen(intake("chronic_low_back_pain", sex="female"))
    assert nursing.fired("breastfeeding_no_precaution")
    finding = next(f for f in nursing.findings if f.rule == "breastfeeding_no_precaution")
    assert finding.action == "info"
    assert nursing.decision == plain.decision == "proceed"
    assert nursing.excluded_points == plain.excluded_points
    assert nursing.excluded_techniques == plain.excluded_techniques


def test_breastfeeding_must_be_true_or_false() -> None:
    with pytest.raises(InputError) as err:
        intake(breastfeeding="sometimes")
    assert "breastfeeding" in str(err.value)
