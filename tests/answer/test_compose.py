"""Answer composition: sections by intent, citations, guideline disagreement, honesty."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.evidence.loader import EvidenceBase


def titles(question: str, base: EvidenceBase, audience: str = "clinician") -> list[str]:
    return [s.title for s in ask(question, base=base, audience=audience).sections]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Does acupuncture help chronic low back pain?", ["Evidence by condition", "Guidelines"]),
        ("How big is the effect size of acupuncture for cLBP?", ["Evidence by condition"]),
        ("Is acupuncture safe?", ["Safety"]),
        (
            "How many sessions of acupuncture for back pain?",
            ["Clinical application: dose, points, technique"],
        ),
        (
            "Which points are used for chronic low back pain?",
            ["Clinical application: dose, points, technique"],
        ),
        (
            "What needling technique is used for chronic low back pain?",
            ["Clinical application: dose, points, technique"],
        ),
        ("How does acupuncture work?", ["Mechanisms"]),
        (
            "Can acupuncture be combined with opioids for cancer pain?",
            ["Integration with conventional care"],
        ),
        ("What do guidelines recommend about acupuncture for back pain?", ["Guidelines"]),
        ("Does Medicare cover acupuncture for back pain?", ["Coverage"]),
        ("How long does the benefit of acupuncture last for back pain?", ["Durability of benefit"]),
    ],
)
def test_sections_follow_the_intent(base: EvidenceBase, question: str, expected: list[str]) -> None:
    got = titles(question, base)
    assert got[0] == "Bottom line"
    for title in expected:
        assert title in got


def test_overview_has_the_seed_outline(base: EvidenceBase) -> None:
    got = titles(
        "What is the role of acupuncture in chronic pain management and how is it "
        "used with conventional treatments?",
        base,
    )
    for title in [
        "Bottom line",
        "Evidence by condition",
        "Integration with conventional care",
        "Guidelines",
        "Mechanisms",
        "Clinical application: dose, points, technique",
        "Safety",
        "Durability of benefit",
        "Limitations and conflicting evidence",
    ]:
        assert title in got


def test_guideline_disagreement_is_stated_not_averaged(base: EvidenceBase) -> None:
    answer = ask("What do guidelines say about acupuncture for chronic low back pain?", base=base)
    text = answer.markdown
    assert "Guidelines disagree on chronic low back pain" in text
    assert "ACP" in text and "NICE" in text
    assert "recommends against acupuncture" in text and "recommends acupuncture" in text


def test_effect_sizes_cis_comparators_and_certainty(base: EvidenceBase) -> None:
    text = ask("Does acupuncture help chronic low back pain?", base=base).markdown
    assert "SMD 0.31 (95% CI 0.12 to 0.49)" in text
    assert "vs sham acupuncture" in text and "vs usual care" in text
    assert "moderate certainty" in text and "low certainty" in text
    assert "4,242 participants" in text


def test_references_resolve_with_identifiers_and_review_dates(base: EvidenceBase) -> None:
    answer = ask("Does acupuncture help chronic low back pain?", base=base)
    assert answer.references
    for ref in answer.references:
        assert ref.url.startswith("https://")
        assert ref.records and all(r.reviewed is not None for r in ref.records)
    by_id = {r.id: r for r in answer.references}
    assert by_id["alpha2020"].doi == "10.1000/alpha.2020"
    assert by_id["beta2019"].pmid == "31000001"
    assert "last reviewed 2026-11-21" in answer.markdown
    assert set(answer.findings_used) >= {"alpha_sham_pain", "alpha_usual_care_pain"}


def test_untraced_claim_figure_is_redacted(base: EvidenceBase) -> None:
    answer = ask("Does acupuncture help chronic low back pain?", base=base)
    assert "Versus no acupuncture, acupuncture lowers back pain by an SMD of …" in answer.markdown
    assert "0.88" not in answer.markdown


def test_no_good_evidence_is_said(base: EvidenceBase) -> None:
    answer = ask("Does acupuncture help dry mouth?", base=base)
    assert answer.insufficient_evidence
    assert "evidence is insufficient" in answer.markdown
    assert answer.findings_used == ("omega_xerostomia",)


def test_condition_without_findings_is_insufficient(base: EvidenceBase) -> None:
    answer = ask("Does acupuncture help migraines?", base=base)
    assert answer.insufficient_evidence
    assert "holds no effect estimates for migraine" in answer.markdown
    assert answer.findings_used == ()


def test_supported_verdict_is_not_insufficient(base: EvidenceBase) -> None:
    answer = ask("Does acupuncture help chemo nausea?", base=base)
    assert not answer.insufficient_evidence
    assert answer.findings_used == ("omega_cinv",)


@pytest.mark.parametrize(
    "question", ["What is the capital of France?", "Can acupuncture help me quit smoking?"]
)
def test_out_of_scope_answer(base: EvidenceBase, question: str) -> None:
    answer = ask(question, base=base)
    assert answer.out_of_scope and answer.insufficient_evidence
    assert answer.references == () and answer.findings_used == ()
    assert answer.sections[0].title == "Scope"


def test_unknown_topic_answer(base: EvidenceBase) -> None:
    answer = ask("Does acupuncture help gout?", base=base)
    assert not answer.out_of_scope and answer.insufficient_evidence
    assert "no records on “gout”" in answer.markdown  # the question's own word, quoted


def test_protocol_points_and_schedule(base: EvidenceBase) -> None:
    text = ask("Which points and how many sessions for chronic low back pain?", base=base).markdown
    assert "2 a week for 3 weeks, then 1 a week for 4 weeks" in text
    assert "BL23" in text and "BL40" in text
    assert "KI3" not in text  # listed in the protocol as an alternative, not selected
    assert "25 minutes needle retention" in text


def test_coverage_is_said_as_coverage(base: EvidenceBase) -> None:
    text = ask("Does Medicare cover acupuncture for back pain?", base=base).markdown
    assert "covers acupuncture" in text
    assert "Up to 12 visits in 90 days" in text
