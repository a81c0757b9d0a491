"""The judge: one verdict per condition x comparator from all its records (issue 14).

The rule tests build a tiny base of findings in memory, so each rule is tested on records made
for it; the last tests run the judge on the shipped base, on the cases that exposed the defects.
"""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace
from typing import Any

import pytest

from acupath.answer.judge import (
    COMPARATORS,
    conflicting,
    differences,
    guideline_stance,
    judge,
    judge_condition,
)
from acupath.evidence.loader import bundled_base
from acupath.evidence.schemas import Condition, Finding, Recommendation, Source

DAY = dt.date(2026, 11, 21)


def source(sid: str, kind: str, authors: str = "Doe J", year: int = 2020) -> Source:
    return Source(
        id=sid,
        kind=kind,
        authors=authors,
        year=year,
        title=f"A {kind} called {sid}",
        url="https://example.org/" + sid,
        checked=DAY,
    )


def finding(fid: str, src: str, **kw: Any) -> Finding:
    fields: dict[str, Any] = {
        "id": fid,
        "source": src,
        "condition": "back",
        "population": "adults",
        "intervention": "any",
        "comparator": "sham",
        "outcome": "pain",
        "measure": "SMD",
        "estimate": 0.3,
        "ci_lower": 0.1,
        "ci_upper": 0.5,
        "better": "higher",
        "direction": "favours_acupuncture",
        "summary": "A result made for a test.",
        "reviewed": DAY,
    }
    fields.update(kw)
    if fields["measure"] == "categorical":
        for k in ("estimate", "ci_lower", "ci_upper", "better"):
            fields.pop(k, None)
    return Finding(**fields)


def condition(cid: str) -> Condition:
    return Condition(id=cid, name=cid.title(), category="chronic_pain", icd10=["M54.5"])


def make_base(findings: list[Finding], sources: list[Source], recs: list[Any] = ()) -> Any:
    farrar = source("farrar", "cohort", "Farrar JT", 2001)
    thr = Finding(
        id="farrar_points",
        source="farrar",
        condition=None,
        population="chronic pain",
        intervention="any",
        comparator="none",
        outcome="clinically_important_change",
        measure="threshold",
        scale="0-10 numerical rating scale",
        unit="points reduction (approximate)",
        estimate=2,
        direction="not_applicable",
        summary="About two points on the 0-10 scale is important.",
        reviewed=DAY,
    )
    return SimpleNamespace(
        findings={f.id: f for f in [*findings, thr]},
        sources={s.id: s for s in [*sources, farrar]},
        conditions={c: condition(c) for c in ("back", "neck", "knee")},
        recommendations={r.id: r for r in recs},
    )


REVIEW = source("review", "meta_analysis", "Lam M", 2013)
TRIAL = source("trial", "rct", "Haake M", 2007)
IPD = source("ipd", "ipd_meta_analysis", "Vickers AJ", 2012)
OTHER_REVIEW = source("review2", "systematic_review", "Mu J", 2020)


def test_a_pooled_review_outweighs_a_large_null_trial_which_is_named() -> None:
    base = make_base(
        [
            finding("r", "review", estimate=0.3),
            finding(
                "t",
                "trial",
                measure="MD",
                estimate=0.5,
                ci_lower=-0.5,
                ci_upper=1.5,
                direction="no_difference",
                n_participants=1162,
            ),
        ],
        [REVIEW, TRIAL],
    )
    v = judge(base, "back", "sham")
    assert v.direction == "benefit" and v.decider is not None and v.decider.id == "r"
    assert [f.id for f in v.dissenting_trials] == ["t"]
    assert v.basis == "condition"


def test_condition_specific_review_comes_before_one_pooling_conditions() -> None:
    base = make_base(
        [
            finding("pooled", "ipd", condition=None, related_conditions=["back", "neck"]),
            finding("own", "review", estimate=0.2, ci_lower=0.05, ci_upper=0.35),
        ],
        [REVIEW, IPD],
    )
    assert judge(base, "back", "sham").decider.id == "own"  # type: ignore[union-attr]
    neck = judge(base, "neck", "sham")
    assert neck.basis == "pooled" and neck.decider is not None and neck.decider.id == "pooled"


def test_reviews_disagreeing_make_the_verdict_mixed() -> None:
    base = make_base(
        [
            finding("a", "review"),
            finding(
                "b",
                "review2",
                estimate=0.02,
                ci_lower=-0.1,
                ci_upper=0.14,
                direction="no_difference",
            ),
        ],
        [REVIEW, OTHER_REVIEW],
    )
    assert judge(base, "back", "sham").direction == "mixed"


def test_a_sources_sensitivity_analysis_does_not_outvote_its_main_result() -> None:
    base = make_base(
        [
            finding("main", "ipd", n_studies=20),
            finding(
                "main_excl_vas",
                "ipd",
                comparator_detail="excluding trials with VAS outcomes",
                estimate=0.1,
                ci_lower=-0.05,
                ci_upper=0.25,
                direction="no_difference",
                n_studies=15,
            ),
        ],
        [IPD],
    )
    v = judge(base, "back", "sham")
    assert v.direction == "benefit" and v.decider is not None and v.decider.id == "main"


@pytest.mark.parametrize(
    ("scale", "estimate", "ci", "important", "reaches"),
    [
        ("pain NRS 0-10", -1.1, (-1.8, -0.4), "no", False),
        ("pain NRS 0-10", -2.4, (-3.0, -1.8), "yes", True),
        ("VAS 0-100; negative favours acupuncture", -10.26, (-17.11, -3.4), "no", False),
        ("VAS 0-100", -16.8, (-33.3, -0.2), "no", True),
        ("knee pain NRS 0-10 (MCID 1.8)", -1.9, (-2.5, -1.3), "yes", True),
    ],
)
def test_clinical_importance_against_the_threshold_in_the_base(
    scale: str, estimate: float, ci: tuple[float, float], important: str, reaches: bool
) -> None:
    base = make_base(
        [
            finding(
                "md",
                "review",
                measure="MD",
                better="lower",
                scale=scale,
                estimate=estimate,
                ci_lower=ci[0],
                ci_upper=ci[1],
            )
        ],
        [REVIEW],
    )
    v = judge(base, "back", "sham")
    assert v.important == important and v.ci_reaches_threshold is reaches
    assert v.threshold is not None
    assert v.threshold.own is ("MCID" in scale)


def test_a_standardised_difference_gets_a_size_word_and_no_importance_claim() -> None:
    base = make_base(
        [finding("s", "review", estimate=0.16, ci_lower=0.07, ci_upper=0.25)], [REVIEW]
    )
    v = judge(base, "back", "sham")
    assert v.size is not None and v.size.smd_word == "very small"
    assert v.important == "unknown" and v.threshold is None


def test_certainty_comes_from_the_deciding_record() -> None:
    base = make_base([finding("s", "review", certainty="low")], [REVIEW])
    assert judge(base, "back", "sham").certainty == "low"
    assert judge(base, "back", "sham").rated
    base = make_base([finding("s", "review")], [REVIEW])
    assert not judge(base, "back", "sham").rated


def test_harms_mechanisms_and_single_arm_results_are_not_efficacy() -> None:
    base = make_base(
        [
            finding(
                "bruising",
                "trial",
                outcome="adverse_events",
                measure="categorical",
                verdict="supported",
                direction="favours_comparator",
            ),
            finding("arm", "trial", measure="mean", comparator="sham", direction="not_applicable"),
        ],
        [TRIAL],
    )
    assert judge(base, "back", "sham").direction == "insufficient"


def test_unknown_comparator_and_condition_are_refused_with_the_choices() -> None:
    base = make_base([], [])
    with pytest.raises(ValueError, match="choose one of: sham, usual_care"):
        judge(base, "back", "placebo pill")
    with pytest.raises(ValueError, match="unknown condition"):
        judge(base, "gout", "sham")


def test_the_verdict_does_not_depend_on_the_order_of_the_records() -> None:
    records = [
        finding("a", "review"),
        finding("b", "trial", estimate=0.0, ci_lower=-0.2, ci_upper=0.2, direction="no_difference"),
        finding(
            "c",
            "ipd",
            condition=None,
            related_conditions=["back"],
            estimate=0.5,
            ci_lower=0.4,
            ci_upper=0.6,
        ),
    ]
    keys = set()
    for seed in range(6):
        shuffled = list(records)
        random.Random(seed).shuffle(shuffled)
        keys.add(judge(make_base(shuffled, [REVIEW, TRIAL, IPD]), "back", "sham").key())
    assert len(keys) == 1


def test_different_figures_are_explained_by_what_differs() -> None:
    own = finding("own", "review", condition="knee", estimate=0.16, ci_lower=0.07, ci_upper=0.25)
    pooled = finding(
        "pooled",
        "ipd",
        condition=None,
        related_conditions=["knee", "back"],
        comparator_detail="non-penetrating sham",
        estimate=0.46,
        ci_lower=0.21,
        ci_upper=0.7,
    )
    assert conflicting(own, pooled)
    kinds = [d.kind for d in differences(own, pooled, "knee")]
    assert "population" in kinds and "control" in kinds
    twin = finding("twin", "review2", condition="knee", estimate=0.5, ci_lower=0.4, ci_upper=0.6)
    assert conflicting(own, twin) and differences(own, twin, "knee") == ()
    close = finding("close", "review2", condition="knee", estimate=0.2, ci_lower=0.1, ci_upper=0.3)
    assert not conflicting(own, close)


def test_sign_conventions_are_normalised_before_figures_are_compared() -> None:
    """SMD -0.28 (lower better) and SMD 0.16 (higher better) both favour acupuncture by about
    the same amount: not a conflict. Read with the signs as stored, their intervals did not
    overlap and the two were shown as 'differing'."""
    from acupath.answer.conflicts import oriented, oriented_ci

    lower = finding(
        "lower",
        "review",
        condition="knee",
        estimate=-0.28,
        ci_lower=-0.45,
        ci_upper=-0.11,
        better="lower",
    )
    higher = finding(
        "higher", "review2", condition="knee", estimate=0.16, ci_lower=0.07, ci_upper=0.25
    )
    assert oriented(lower, -0.28) == 0.28 and oriented(higher, 0.16) == 0.16
    assert oriented_ci(lower) == (0.11, 0.45)
    assert not conflicting(lower, higher)
    # a real disagreement still shows through the normalisation
    harm = finding(
        "harm",
        "review3",
        condition="knee",
        estimate=0.3,
        ci_lower=0.1,
        ci_upper=0.5,
        better="lower",
        direction="favours_comparator",
    )
    assert conflicting(lower, harm)
    far = finding(
        "far",
        "review3",
        condition="knee",
        estimate=-0.9,
        ci_lower=-1.1,
        ci_upper=-0.7,
        better="lower",
    )
    assert conflicting(higher, far)


def test_guideline_disagreement_and_coverage_left_out() -> None:
    def rec(rid: str, src: str, body: str, direction: str) -> Recommendation:
        return Recommendation(
            id=rid,
            source=src,
            body=body,
            year=2017,
            condition="back",
            population="adults",
            direction=direction,
            strength="strong",
            evidence_quality="moderate",
            summary="A position made for a test.",
            reviewed=DAY,
        )

    sources = [
        source("g1", "guideline"),
        source("g2", "guideline"),
        source("pay", "coverage_policy"),
    ]
    base = make_base(
        [],
        sources,
        [
            rec("for", "g1", "ACP", "for"),
            rec("against", "g2", "NICE", "against"),
            rec("cms", "pay", "CMS", "for"),
        ],
    )
    g = guideline_stance(base, "back")
    assert g.disagree
    assert {r.id for r in g.records} == {"for", "against"}


# -- the shipped base: the cases that exposed the defects ----------------------------------------


def test_chronic_low_back_pain_vs_sham_names_the_null_landmark_trials() -> None:
    """'Did better than sham' was said of cLBP while GERAC and ART found no difference."""
    v = judge(bundled_base(), "chronic_low_back_pain", "sham")
    sources = {f.source for f in v.dissenting_trials}
    assert {"haake2007", "brinkhaus2006"} <= sources
    assert v.basis == "condition"


def test_knee_oa_vs_sham_is_decided_by_the_knee_result_and_the_pooled_one_is_explained() -> None:
    """Knee OA vs sham appeared as SMD 0.16 and 0.46 with nothing saying why."""
    v = judge(bundled_base(), "knee_osteoarthritis", "sham")
    assert v.basis == "condition" and v.decider is not None
    assert v.decider.condition == "knee_osteoarthritis"
    pooled = [c for c in v.conflicts if c.b.condition is None]
    assert pooled and all(c.explained for c in pooled)
    assert all("population" in [d.kind for d in c.differences] for c in pooled)


@pytest.mark.parametrize("cid", ["hip_osteoarthritis", "shoulder_pain", "fibromyalgia"])
def test_conditions_with_only_pooled_evidence_are_judged_as_pooled(cid: str) -> None:
    j = judge_condition(bundled_base(), cid)
    assert j.with_evidence
    for v in j.with_evidence:
        if v.decider is not None and v.decider.condition != cid:
            assert v.basis == "pooled"


def test_every_condition_and_comparator_can_be_judged() -> None:
    base = bundled_base()
    for cid in base.conditions:
        for comp in COMPARATORS:
            v = judge(base, cid, comp)
            assert v.condition == cid and v.comparator == comp
            assert (v.decider is None) == (v.direction == "insufficient")
