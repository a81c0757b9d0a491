"""The claims of issue 15, and rewordings of them, judged on the shipped evidence base.

Each case names the verdict and the deciding record the issue asks for; the numbers compared
must appear in the note ("0.92 points vs a 2-point threshold").
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from acupath.answer import check
from acupath.answer.audit import CheckedClaim, CheckReport
from acupath.answer.claims import parts_of, quantities, strip_markers
from acupath.evidence.loader import EvidenceBase, bundled_base

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "check"

CASES = [
    # NICE NG59: do not offer acupuncture for low back pain
    (
        "NICE recommends acupuncture as a first-line treatment for low back pain.",
        "contradicted",
        "nice2016_ng59_chronic_lbp",
        ["NICE"],
    ),
    (
        "Our approach follows NICE, which recommends needling for lower back pain.",
        "contradicted",
        "nice2016_ng59_chronic_lbp",
        [],
    ),
    (
        "NICE says do not offer acupuncture for low back pain.",
        "supported",
        "nice2016_ng59_chronic_lbp",
        [],
    ),
    (
        "Under NICE guidance, acupuncture should not be offered to people with back pain.",
        "supported",
        "nice2016_ng59_chronic_lbp",
        [],
    ),
    # Medicare NCD 30.3.3
    (
        "Medicare also pays for acupuncture for knee osteoarthritis and for fibromyalgia.",
        "contradicted",
        "cms2020_ncd3033_clbp",
        ["knee osteoarthritis", "fibromyalgia"],
    ),
    (
        "Fibromyalgia and knee arthritis are covered by Medicare too.",
        "contradicted",
        "cms2020_ncd3033_clbp",
        [],
    ),
    (
        "Medicare covers 12 visits in 90 days for chronic low back pain, 8 more if the patient "
        "improves, and no more than 20 a year.",
        "supported",
        "cms2020_ncd3033_clbp",
        ["12", "90"],
    ),
    (
        "Medicare pays for as many acupuncture sessions as you need for chronic back pain.",
        "contradicted",
        "cms2020_ncd3033_clbp",
        ["20"],
    ),
    # anticoagulants, whatever the INR
    (
        "Acupuncture is safe for everyone who takes blood thinners, whatever their INR.",
        "contradicted",
        "inr_above_policy",
        ["3", "3974"],
    ),
    (
        "Patients on warfarin can always be needled safely, regardless of their INR.",
        "contradicted",
        "inr_above_policy",
        [],
    ),
    # S1200: 0.92 points vs a 2-point threshold
    (
        "For women taking aromatase inhibitors, acupuncture reduces joint pain by a clinically "
        "meaningful amount compared with sham.",
        "contradicted",
        "hershman2018_ta_vs_sham_week6",
        ["0.92 points vs a 2-point"],
    ),
    (
        "Compared with sham, acupuncture gives a clinically important reduction in aromatase "
        "inhibitor joint pain.",
        "contradicted",
        "hershman2018_ta_vs_sham_week6",
        ["0.92", "2-point"],
    ),
    # true figures, judged on the records, not on an unrelated registry note
    (
        "Medicare covers up to 12 acupuncture visits in 90 days.",
        "supported",
        "cms2020_ncd3033_clbp",
        ["12", "90"],
    ),
    (
        "About 90% of the benefit of acupuncture persists at 12 months.",
        "supported",
        "macpherson2017_retained_vs_no_acupuncture",
        ["90%"],
    ),
    # cures and tumours
    (
        "Acupuncture strengthens the immune system and helps shrink tumours.",
        "unsupported",
        None,
        [],
    ),
    ("Regular treatment can cure cancer.", "unsupported", None, []),
]


@pytest.fixture(scope="module")
def shipped() -> EvidenceBase:
    return bundled_base()


def _only(report: CheckReport) -> CheckedClaim:
    assert len(report.claims) == 1, [c.text for c in report.claims]
    return report.claims[0]


@pytest.mark.parametrize(("text", "status", "record", "in_note"), CASES)
def test_issue_claims(
    shipped: EvidenceBase, text: str, status: str, record: str | None, in_note: list[str]
) -> None:
    claim = _only(check(text, base=shipped))
    assert claim.status == status, claim.note
    if record is not None:
        assert claim.deciding == record, claim.note
        assert claim.evidence[0]["id"] == record and claim.evidence[0]["role"] == "deciding"
    for words in in_note:
        assert words in claim.note, claim.note
    assert "5-6 weeks" not in claim.note


def test_claims_split_across_sentences_are_extracted(shipped: EvidenceBase) -> None:
    text = (
        "Medicare covers acupuncture for chronic low back pain. NICE, however, says clinicians "
        "should not offer it for that condition. It also pays for treatment of knee "
        "osteoarthritis and for fibromyalgia."
    )
    report = check(text, base=shipped)
    assert [c.status for c in report.claims] == ["supported", "supported", "contradicted"]
    assert report.claims[1].deciding == "nice2016_ng59_chronic_lbp"
    assert report.claims[2].deciding == "cms2020_ncd3033_clbp"
    for c in report.claims:
        assert text[c.start : c.end] == c.text


def test_conjunction_is_judged_part_by_part(shipped: EvidenceBase) -> None:
    assert parts_of("Acupuncture is safe and has no side effects.") == [
        "Acupuncture is safe.",
        "Acupuncture has no side effects.",
    ]
    claim = _only(check("Acupuncture is safe and has no side effects.", base=shipped))
    assert claim.status == "contradicted"
    assert [p["status"] for p in claim.parts] == ["supported", "contradicted"]


def test_figures_ignore_markers_and_scales() -> None:
    assert strip_markers("Auricular acupuncture reduced pain by 1.6 points 1, 2") == (
        "Auricular acupuncture reduced pain by 1.6 points"
    )
    assert strip_markers("Medicare allows no more than 20") == "Medicare allows no more than 20"
    values = [q.value for q in quantities("pain fell 1.9 points on a 0-10 scale at six months")]
    assert values == [1.9, 6.0]
    assert [q.timepoint for q in quantities("at six months")] == [True]
    # a thousands separator is part of a figure; a comma after a year is not ("2020, US")
    assert [q.value for q in quantities("nearly 18,000 patients")] == [18000.0]
    assert quantities("Since January 2020, US Medicare has covered it") == ()
    (fraction,) = quantities("about one patient in ten")
    assert fraction.value == pytest.approx(0.1) and fraction.approximate


def test_out_of_scope_is_unverified_not_judged(shipped: EvidenceBase) -> None:
    claim = _only(check("Acupuncture doubles the success rate of IVF.", base=shipped))
    assert claim.status == "unverified" and not claim.evidence


def _benchmark_items() -> list[tuple[str, str, int]]:
    out = []
    for name in ("claims.yaml", "claims_holdout.yaml"):
        for item in yaml.safe_load((BENCHMARK / name).read_text(encoding="utf-8")):
            for n, exp in enumerate(item.get("claims") or [item]):
                out.append((item["text"], exp["verdict"], n))
    return out


def test_no_contradicted_claim_is_ever_marked_supported(shipped: EvidenceBase) -> None:
    """Across both parts of the benchmark (the held-out part included)."""
    wrong = []
    for text, expected, n in _benchmark_items():
        if expected != "contradicted":
            continue
        claims = check(text, base=shipped).claims
        if n < len(claims) and claims[n].status == "supported":
            wrong.append(text)
    assert not wrong
