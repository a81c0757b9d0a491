"""Certainty of the shipped findings: every efficacy finding rated, by rules that hold."""

from __future__ import annotations

import pytest

from acupath.evidence.certainty import (
    OIS_CONTINUOUS,
    Judgement,
    imprecision,
    inconsistency,
    rate,
    stale_domains,
)
from acupath.evidence.loader import DATA_DIR, is_pooled, load_base
from acupath.evidence.schemas import Finding

BASE = load_base(DATA_DIR)
EFFICACY = [f for f in BASE.findings.values() if f.is_efficacy]


def test_at_least_95_percent_of_efficacy_findings_are_rated() -> None:
    rated = [f for f in EFFICACY if f.certainty != "not_graded"]
    assert len(EFFICACY) >= 140
    assert len(rated) / len(EFFICACY) >= 0.95, (len(rated), len(EFFICACY))


def test_every_efficacy_finding_says_where_its_certainty_comes_from() -> None:
    for f in EFFICACY:
        assert f.certainty_basis in ("source", "acupath", "not_ratable"), f.id
        if f.certainty_basis == "source":
            assert f.certainty_source, f.id
        if f.certainty_basis == "not_ratable":
            assert f.certainty_reason, f.id


def test_data_driven_domains_still_follow_from_the_numbers() -> None:
    """A changed estimate, CI or I² that would change a domain must be re-rated, not left stale."""
    stale = {f.id: stale_domains(f) for f in BASE.findings.values() if stale_domains(f)}
    assert not stale


def test_every_condition_has_a_search_date_and_pooled_evidence_or_says_it_has_none() -> None:
    for c in BASE.conditions.values():
        assert c.searched is not None, c.id
        covered = any(f.covers(c.id) and is_pooled(f, BASE.sources) for f in BASE.findings.values())
        assert covered or c.no_pooled_estimate, c.id


def _finding(**kw: object) -> Finding:
    raw: dict[str, object] = {
        "id": "x",
        "source": "s",
        "population": "adults",
        "intervention": "any",
        "comparator": "sham",
        "outcome": "pain",
        "measure": "SMD",
        "estimate": 0.3,
        "better": "higher",
        "direction": "favours_acupuncture",
        "summary": "A fixture finding for the rating rules.",
        "reviewed": "2026-12-03",
    }
    raw.update(kw)
    return Finding.model_validate(raw)


def test_heterogeneity_of_50_percent_or_more_rates_down_one_level() -> None:
    f = _finding(ci_lower=0.1, ci_upper=0.5, i2=78.0, n_studies=8)
    d = inconsistency(f)
    assert d is not None and d.downgrade == 1 and "78%" in d.reason
    assert inconsistency(_finding(ci_lower=0.1, ci_upper=0.5, i2=20.0, n_studies=8)).downgrade == 0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lo", "hi", "n", "levels"),
    [
        (0.1, 0.5, 5000, 0),  # excludes no effect, above the OIS
        (-0.1, 0.5, 5000, 1),  # crosses no effect
        (0.1, 0.5, OIS_CONTINUOUS - 10, 1),  # below the OIS
        (0.1, 0.5, OIS_CONTINUOUS // 3, 2),  # below half the OIS
    ],
)
def test_imprecision_from_the_ci_and_the_optimal_information_size(
    lo: float, hi: float, n: int, levels: int
) -> None:
    d = imprecision(_finding(ci_lower=lo, ci_upper=hi, n_participants=n, n_studies=4))
    assert d is not None and d.downgrade == levels, d


def test_ratios_are_judged_on_the_log_scale() -> None:
    f = _finding(measure="RR", estimate=0.8, ci_lower=0.7, ci_upper=0.95, better="lower")
    d = imprecision(f)
    assert d is not None and d.downgrade == 0


def test_rate_combines_judgements_and_data_into_a_level() -> None:
    f = _finding(ci_lower=-0.1, ci_upper=0.5, i2=60.0, n_studies=6, n_participants=2000)
    out = rate(
        f,
        risk_of_bias=Judgement(1, "Unblinded outcome assessment in most trials."),
        indirectness=Judgement(0, "Matches the question asked."),
        publication_bias=Judgement(0, "Too few studies to test."),
    )
    assert out["certainty"] == "very_low"  # high - 1 (bias) - 1 (I² 60%) - 1 (CI crosses 0)
    assert [d["domain"] for d in out["certainty_domains"]] == [
        "risk_of_bias",
        "inconsistency",
        "indirectness",
        "imprecision",
        "publication_bias",
    ]
    Finding.model_validate(f.model_dump() | out | {"certainty_basis": "acupath"})
