"""Pinned values of the cancer-care and safety evidence, as verified against the sources.

Each test names the record and the number read in the source, so a slip in the data (a lost
sign, a CI level reset to 95%, a proportion entered as a percentage) fails here.
"""

from __future__ import annotations

import pytest

from acupath.evidence.loader import bundled_base
from acupath.evidence.schemas import Finding


def finding(fid: str) -> Finding:
    return bundled_base().findings[fid]


def test_peace_electroacupuncture_vs_usual_care_uses_the_published_975_ci() -> None:
    # Mao 2021 abstract: 1.9 points (97.5% CI 1.4-2.4) more reduction than usual care.
    f = finding("mao2021_ea_vs_uc_week12")
    assert (f.estimate, f.ci_lower, f.ci_upper) == (1.9, 1.4, 2.4)
    assert f.ci_level == pytest.approx(0.975)
    assert f.better == "higher"
    assert f.intervention == "electro"
    assert f.comparator == "usual_care"


def test_peace_auricular_was_not_noninferior_to_electroacupuncture() -> None:
    f = finding("mao2021_aa_vs_ea_noninferiority")
    assert f.estimate == pytest.approx(0.36)
    assert f.direction == "favours_comparator"


def test_chiu_overall_effect_and_effect_sizes_are_not_trials() -> None:
    overall = finding("chiu2017_overall_pain")
    assert (overall.estimate, overall.ci_lower, overall.ci_upper) == (-0.45, -0.63, -0.26)
    assert overall.better == "lower"
    count = finding("chiu2017_effect_sizes_count")
    # 29 RCTs yielded 36 effect sizes; the seed's "36 trials" conflates the two.
    assert count.estimate == 36
    assert count.n_studies == 29


def test_chiu_subgroups_separate_significant_from_null_pain_types() -> None:
    significant = ["chiu2017_malignancy_pain", "chiu2017_surgery_pain"]
    null = ["chiu2017_chemo_radio_pain", "chiu2017_hormone_therapy_pain"]
    for fid in significant:
        f = finding(fid)
        assert f.ci_upper is not None and f.ci_upper < 0, fid
    for fid in null:
        f = finding(fid)
        assert f.ci_lower is not None and f.ci_upper is not None
        assert f.ci_lower < 0 < f.ci_upper, fid


def test_swog_s1200_six_week_differences() -> None:
    assert finding("hershman2018_ta_vs_sham_week6").estimate == pytest.approx(0.92)
    assert finding("hershman2018_ta_vs_waitlist_week6").estimate == pytest.approx(0.96)
    threshold = finding("hershman2018_meaningful_difference")
    assert threshold.estimate == 2
    assert finding("hershman2018_ta_vs_sham_week6").estimate < threshold.estimate


def test_wu_overview_verdicts() -> None:
    verdicts = {
        "wu2015_fatigue": "supported",
        "wu2015_cinv": "supported",
        "wu2015_leucopenia": "supported",
        "wu2015_pain": "conflicting",
        "wu2015_hot_flashes": "conflicting",
        "wu2015_hiccups": "conflicting",
        "wu2015_quality_of_life": "conflicting",
        "wu2015_xerostomia": "insufficient",
        "wu2015_dyspnoea": "insufficient",
        "wu2015_lymphoedema": "insufficient",
        "wu2015_psychological_wellbeing": "insufficient",
    }
    for fid, verdict in verdicts.items():
        assert finding(fid).verdict == verdict, fid
    assert finding("wu2015_serious_adverse_events").estimate == 0


def test_witt_2009_adverse_effect_shares() -> None:
    f = finding("witt2009_any_adverse_effect")
    assert f.measure == "proportion"
    assert f.estimate == pytest.approx(0.086)
    assert f.n_participants == 229230
    assert finding("witt2009_adverse_effect_needing_treatment").estimate == pytest.approx(0.022)
    assert finding("witt2009_pneumothorax").estimate == 2


def test_baumler_2021_serious_adverse_event_rates() -> None:
    per_patient = finding("baumler2021_sae_per_patient")
    assert (per_patient.estimate, per_patient.ci_lower, per_patient.ci_upper) == (1.01, 0.23, 2.33)
    assert per_patient.unit == "per 10,000 patients"
    per_treatment = finding("baumler2021_sae_per_treatment")
    assert per_treatment.estimate == pytest.approx(7.98)
    assert per_treatment.unit == "per million treatments"


def test_safety_findings_span_conditions_and_have_no_comparator() -> None:
    base = bundled_base()
    safety_sources = {
        "witt2009",
        "baumler2021",
        "zhang2010",
        "mcculloch2015",
        "carr2015",
        "park2014",
        "macpherson2004",
        "white2001",
        "white2006",
    }
    safety = [f for f in base.findings.values() if f.source in safety_sources]
    assert len(safety) >= 30
    for f in safety:
        assert f.condition is None, f.id
        assert f.comparator == "none", f.id
