"""Third evidence-depth pass, engineer A (issue 13): headache, neck and jaw, fibromyalgia, chronic
primary pain, shoulder, acute, postoperative and labour pain.

Each assertion names records read in a stored copy of their source; the tests check that the
comparators the pass set out to fill are filled, that thin and null results are recorded as such,
and that no rating claims more than its evidence allows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from acupath.cli import main
from acupath.evidence import query
from acupath.evidence.loader import bundled_base, is_pooled

BASE = bundled_base()
DATA = Path(__file__).resolve().parents[2] / "acupath" / "data"
FINDINGS_FILE = DATA / "findings" / "depth3_a.yaml"
SOURCES_FILE = DATA / "sources" / "depth3_a.yaml"

CONDITIONS = (
    "migraine",
    "tension_type_headache",
    "chronic_headache",
    "chronic_neck_pain",
    "myofascial_pain_syndrome",
    "temporomandibular_disorder",
    "dental_pain",
    "fibromyalgia",
    "chronic_primary_pain",
    "shoulder_pain",
    "acute_injury_pain",
    "emergency_acute_pain",
    "postoperative_pain",
    "labour_pain",
)


def _ids(path: Path) -> list[str]:
    return [rec["id"] for rec in yaml.safe_load(path.read_text(encoding="utf-8"))]


FINDING_IDS = _ids(FINDINGS_FILE)


def test_files_load_with_unique_ids() -> None:
    assert len(FINDING_IDS) >= 45
    assert len(FINDING_IDS) == len(set(FINDING_IDS))
    for fid in FINDING_IDS:
        assert fid in BASE.findings, fid
    for sid in _ids(SOURCES_FILE):
        src = BASE.sources[sid]
        assert src.note and len(src.note) > 40, sid
        assert src.checked.isoformat() == "2026-12-03", sid


@pytest.mark.parametrize("fid", FINDING_IDS)
def test_every_finding_is_rated_and_says_where_the_rating_comes_from(fid: str) -> None:
    f = BASE.findings[fid]
    assert f.is_efficacy
    assert f.certainty != "not_graded"
    assert f.certainty_basis in ("source", "acupath")
    if f.certainty_basis == "source":
        assert f.certainty_source and "GRADE" in f.certainty_source
    else:
        assert {d.domain for d in f.certainty_domains} == {
            "risk_of_bias",
            "inconsistency",
            "indirectness",
            "imprecision",
            "publication_bias",
        }
    assert f.condition in CONDITIONS


@pytest.mark.parametrize("fid", FINDING_IDS)
def test_a_single_trial_is_never_rated_high(fid: str) -> None:
    """One trial cannot carry high certainty: it is below the optimal information size."""
    f = BASE.findings[fid]
    if f.n_studies == 1:
        assert f.certainty != "high", fid


@pytest.mark.parametrize("condition", CONDITIONS)
def test_search_date_and_note_updated(condition: str) -> None:
    c = BASE.conditions[condition]
    assert c.searched is not None and c.searched.isoformat() == "2026-12-03"
    assert c.search_note and "depth 3" in c.search_note


@pytest.mark.parametrize(
    ("condition", "comparator", "fid"),
    [
        # fibromyalgia had no comparison with no treatment; Deare 2013's only one is thin
        ("fibromyalgia", "no_acupuncture", "deare2013_fibromyalgia_ea_vs_no_treatment"),
        ("tension_type_headache", "sham", "zheng2022_ctth_responders_wk16_vs_sham"),
        ("tension_type_headache", "sham", "endres2007_tth_headache_days_vs_sham"),
        ("migraine", "sham", "wang2015_migraine_days_vs_sham"),
        ("migraine", "medication", "streng2006_migraine_days_vs_metoprolol"),
        ("chronic_neck_pain", "other", "nejati2021_neck_vs_exercise"),
        ("chronic_headache", "usual_care", "vickers2004_headache_score_12m_vs_usual_care"),
        ("migraine", "usual_care", "vickers2004_headache_score_12m_vs_usual_care"),
        ("shoulder_pain", "usual_care", "molsberger2010_grasp_responders_vs_orthopaedic_care"),
        ("temporomandibular_disorder", "other", "wu2017_tmd_pain_vs_splint"),
        ("myofascial_pain_syndrome", "sham", "navarro2020_dn_neck_pain_short_term_vs_sham"),
        ("dental_pain", "sham", "lao1999_dental_pain_free_time_vs_placebo"),
        ("acute_injury_pain", "usual_care", "liu2020_ankle_pain_vs_rice"),
        ("emergency_acute_pain", "medication", "grissa2016_ed_responders_vs_morphine"),
        ("postoperative_pain", "any", "tedesco2017_tka_time_to_opioid"),
        ("labour_pain", "usual_care", "vixner2014_labour_pain_manual_vs_standard_care"),
        ("labour_pain", "other", "borup2009_pharmacological_relief_vs_tens"),
    ],
)
def test_comparator_filled(condition: str, comparator: str, fid: str) -> None:
    f = BASE.findings[fid]
    assert f.covers(condition) and f.comparator == comparator
    profile = query.condition_profile(BASE, condition)
    assert profile.comparators[comparator]["best_certainty"] != "not_graded"


@pytest.mark.parametrize(
    "fid",
    [
        "wu2017_tmd_pain_vs_splint",
        "vixner2014_labour_pain_manual_vs_standard_care",
        "vixner2014_labour_pain_electro_vs_standard_care",
        "borup2009_pain_vs_traditional",
        "liu2020_ankle_function_vs_rice",
        "navarro2020_dn_vs_other_physical_therapy",
        "endres2007_tth_primary_responders_vs_sham",
        "vixner2015_recalled_pain_manual_vs_standard_care",
        "vixner2015_recalled_pain_electro_vs_standard_care",
        "streng2006_migraine_days_vs_metoprolol",
        "nejati2021_neck_vs_exercise",
    ],
)
def test_null_results_are_recorded_as_null(fid: str) -> None:
    f = BASE.findings[fid]
    assert f.direction == "no_difference"
    if f.ci_lower is not None and f.ci_upper is not None:
        assert f.ci_lower < 0 < f.ci_upper
    else:
        assert f.verdict == "not_supported"


def test_thin_evidence_is_rated_low_or_below() -> None:
    """A study of 13, 39 or 50 people cannot support more than low certainty."""
    for fid in (
        "deare2013_fibromyalgia_ea_vs_no_treatment",
        "lao1999_dental_pain_free_time_vs_placebo",
        "lao1999_dental_analgesic_use_vs_placebo",
        "wang2015_migraine_days_vs_sham",
    ):
        assert BASE.findings[fid].certainty in ("low", "very_low"), fid


def test_chronic_primary_pain_has_pooled_evidence_rated_down_for_indirectness() -> None:
    profile = query.condition_profile(BASE, "chronic_primary_pain")
    assert profile.pooled and profile.no_pooled_estimate is None
    assert set(profile.comparators) >= {"sham", "no_acupuncture"}
    for fid in (
        "vickers2012_chronic_primary_msk_vs_sham",
        "vickers2012_chronic_primary_msk_vs_no_acupuncture",
    ):
        f = BASE.findings[fid]
        assert is_pooled(f, BASE.sources)
        ind = next(d for d in f.certainty_domains if d.domain == "indirectness")
        assert ind.downgrade == 1 and "ICD-11" in ind.reason
        # the same numbers as the back-and-neck records of the same source
        twin = BASE.findings[
            "vickers2012_msk_sham" if f.comparator == "sham" else "vickers2012_msk_no_acupuncture"
        ]
        assert (f.estimate, f.ci_lower, f.ci_upper) == (twin.estimate, twin.ci_lower, twin.ci_upper)
        assert f.certainty != twin.certainty


def test_acute_injury_pain_still_says_it_has_no_pooled_number() -> None:
    c = BASE.conditions["acute_injury_pain"]
    assert c.no_pooled_estimate and "Liu 2020" in c.no_pooled_estimate
    assert not query.condition_profile(BASE, "acute_injury_pain").pooled


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code = main([*args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_cli_lists_graded_findings_for_chronic_primary_pain(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = _json(capsys, "evidence", "findings", "--condition", "chronic_primary_pain")
    rows = doc["findings"] if isinstance(doc, dict) else doc
    assert {r["id"] for r in rows} >= {
        "vickers2012_chronic_primary_msk_vs_sham",
        "vickers2012_chronic_primary_msk_vs_no_acupuncture",
    }
    assert all(r["certainty"] != "not_graded" for r in rows)
