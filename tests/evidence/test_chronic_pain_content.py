"""Pinned values of the chronic-pain evidence, as read in the sources' stored copies.

If one of these fails, a shipped number was changed: re-check it against the source (the
source's ``note`` says where it was read) before changing the test.
"""

from __future__ import annotations

import pytest

from acupath.evidence.loader import bundled_base
from acupath.evidence.schemas import Finding

CHRONIC_PAIN_SOURCES = {
    "vickers2012",
    "vickers2018",
    "macpherson2017",
    "lam2013",
    "mu2020",
    "yuan2016",
    "skelly2020",
    "haake2007",
    "brinkhaus2006",
    "cherkin2009",
    "dworkin2008",
    "farrar2001",
    "shlay1998",
    "goyata2016",
    "linde2016",
    "witt2005",
    "hinman2014",
    "macpherson2015",
    "melchart2005",
    "kelly2019",
}


def finding(fid: str) -> Finding:
    return bundled_base().findings[fid]


def test_chronic_pain_sources_present_and_cited() -> None:
    base = bundled_base()
    missing = CHRONIC_PAIN_SOURCES - set(base.sources)
    assert not missing
    for sid in CHRONIC_PAIN_SOURCES:
        assert any(f.source == sid for f in base.findings.values()), sid


def test_vickers2018_penetrating_sham_row() -> None:
    f = finding("vickers2018_penetrating_sham")
    assert (f.estimate, f.ci_lower, f.ci_upper) == (0.17, 0.11, 0.22)
    assert f.n_studies == 11
    assert f.comparator == "sham"
    assert f.better == "higher"
    assert f.p_value == "<0.0001"


@pytest.mark.parametrize(
    ("fid", "estimate", "ci", "n_studies"),
    [
        ("vickers2018_nonpenetrating_or_non_needle_sham", 0.48, (0.22, 0.74), 15),
        ("vickers2018_nonpenetrating_or_non_needle_sham_excl_vas", 0.27, (0.10, 0.44), 12),
        ("vickers2018_nonpenetrating_needle_sham", 0.52, (0.14, 0.91), 10),
        ("vickers2018_non_needle_sham", 0.37, (0.21, 0.52), 5),
        ("vickers2018_no_acupuncture_high_intensity", 0.34, (0.11, 0.57), 5),
        ("vickers2018_no_acupuncture_usual_care_or_low_intensity", 0.56, (0.43, 0.69), 19),
        ("vickers2018_no_acupuncture_usual_care", 0.50, (0.40, 0.60), 17),
        ("vickers2018_no_acupuncture_low_intensity", 1.14, (0.71, 1.58), 2),
    ],
)
def test_vickers2018_table7_rows(
    fid: str, estimate: float, ci: tuple[float, float], n_studies: int
) -> None:
    f = finding(fid)
    assert f.estimate == estimate
    assert (f.ci_lower, f.ci_upper) == ci
    assert f.n_studies == n_studies
    assert f.locator is not None and f.locator.startswith("Table 7")


def test_vickers2018_table7_is_complete() -> None:
    rows = [
        f
        for f in bundled_base().findings.values()
        if f.source == "vickers2018" and (f.locator or "").startswith("Table 7")
    ]
    # 16 sham rows (with sensitivity rows) and 4 no-acupuncture rows.
    assert len(rows) == 20
    assert all(f.comparator_detail for f in rows)


def test_vickers2012_headline_effect_sizes() -> None:
    assert finding("vickers2012_msk_sham").estimate == 0.23
    assert finding("vickers2012_oa_no_acupuncture").estimate == 0.57
    primary = finding("vickers2012_primary_all_conditions")
    assert (primary.n_studies, primary.n_participants) == (29, 17922)


def test_gerac_responder_rates_and_risk_differences() -> None:
    rates = [
        finding(fid).estimate
        for fid in (
            "haake2007_responders_verum",
            "haake2007_responders_sham_arm",
            "haake2007_responders_conventional_arm",
        )
    ]
    assert rates == [0.476, 0.442, 0.274]
    vs_sham = finding("haake2007_rd_verum_vs_sham")
    assert (vs_sham.estimate, vs_sham.ci_lower, vs_sham.ci_upper) == (3.4, -3.7, 10.3)
    assert vs_sham.direction == "no_difference"
    vs_conv = finding("haake2007_rd_verum_vs_conventional")
    assert (vs_conv.estimate, vs_conv.ci_lower, vs_conv.ci_upper) == (20.2, 13.4, 26.7)
    assert vs_conv.unit == "percentage points"


def test_lam2013_sham_pain_with_its_ci() -> None:
    f = finding("lam2013_sham_pain_post")
    assert (f.estimate, f.ci_lower, f.ci_upper) == (-16.76, -33.33, -0.19)
    assert f.i2 == 90
    assert f.better == "lower"
    assert f.condition == "chronic_low_back_pain"


def test_mu2020_usual_care_pain_is_low_certainty() -> None:
    f = finding("mu2020_usual_care_pain_post")
    assert (f.estimate, f.ci_lower, f.ci_upper) == (-10.26, -17.11, -3.40)
    assert (f.n_studies, f.n_participants) == (5, 1054)
    assert f.certainty == "low"


def test_macpherson2017_persistence_slopes() -> None:
    no_acu = finding("macpherson2017_decline_vs_no_acupuncture")
    sham = finding("macpherson2017_decline_vs_sham")
    assert (no_acu.estimate, no_acu.ci_lower, no_acu.ci_upper) == (0.011, -0.014, 0.037)
    assert (sham.estimate, sham.ci_lower, sham.ci_upper) == (0.025, 0.0, 0.05)


def test_clinically_important_change_thresholds() -> None:
    assert [
        finding(fid).estimate
        for fid in (
            "dworkin2008_nrs_minimal",
            "dworkin2008_nrs_moderate",
            "dworkin2008_nrs_substantial",
        )
    ] == [10, 30, 50]
    assert finding("farrar2001_nrs_points").estimate == 2
    assert finding("farrar2001_nrs_percent").estimate == 30


def test_shlay1998_is_recorded_as_no_difference() -> None:
    ids = [f for f in bundled_base().findings.values() if f.source == "shlay1998"]
    assert ids
    assert all(f.direction == "no_difference" for f in ids)
    assert all(f.condition == "hiv_neuropathy" for f in ids)


def test_derived_values_say_so() -> None:
    for f in bundled_base().findings.values():
        if f.source in CHRONIC_PAIN_SOURCES and f.provenance == "derived":
            assert "computed" in (f.locator or "") or "Derived" in f.summary, f.id
