"""Acceptance: the seed question, answered from the shipped evidence base.

The seed answer (``shared/seeds/001_*.txt``) covers low back pain, cancer pain and neuropathic
pain, integration with conventional care, mechanisms, dose, points, technique, safety and
limitations. acupath's answer must cover the same ground, cite every figure, drop the figures
that could not be traced, state the NICE NG59 / ACP disagreement, and report the claims the
seed gets wrong with their status.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from acupath.answer import Answer, ask, check
from acupath.evidence import present
from acupath.evidence.loader import bundled_base

SEED_QUESTION = (
    "What is the role of acupuncture in chronic pain management and how is it used in "
    "conjunction with conventional treatments?"
)
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def answer() -> Answer:
    return ask(SEED_QUESTION)


def test_answer_is_verified_and_grounded(answer: Answer) -> None:
    assert answer.verified and not answer.verification_problems
    assert not answer.insufficient_evidence and not answer.out_of_scope
    assert len(answer.findings_used) >= 20
    assert all(s.citations for s in answer.sections)


def test_covers_the_seed_outline(answer: Answer) -> None:
    titles = [s.title for s in answer.sections]
    for title in (
        "Bottom line",
        "Evidence by condition",
        "Integration with conventional care",
        "Guidelines",
        "Mechanisms",
        "Clinical application: dose, points, technique",
        "Safety",
        "Durability of benefit",
        "Limitations and conflicting evidence",
    ):
        assert title in titles


def test_covers_the_seed_conditions(answer: Answer) -> None:
    text = answer.markdown
    for heading in (
        "### Chronic low back pain",
        "### Cancer-related pain",
        "### Chronic musculoskeletal pain in cancer survivors",
        "### Aromatase-inhibitor arthralgia",
    ):
        assert heading in text
    assert "HIV" in text  # the neuropathic-pain claims of the seed, with their status


def test_cites_every_figure_and_drops_untraced_ones(answer: Answer) -> None:
    base = bundled_base()
    text = answer.markdown
    untraced = [
        c
        for c in base.claims.values()
        if c.origin == "seed:001" and c.status in ("unverified", "contradicted")
    ]
    assert untraced
    for figure in ("0.72", "9.55", "10.56", "7-24"):
        assert figure not in text
    # the traceable seed figures that the answer shows are each in a cited sentence, and most
    # of them are shown. (The figures are read from the base, not listed by hand: with the
    # larger base, Lam 2013's 16.76 against sham and Mao 2021's 1.9 are no longer among the
    # records ranked first for their conditions, which is a choice of records, not an error.)
    traced = {
        present.number(abs(base.findings[fid].estimate or 0))
        for c in base.claims.values()
        if c.origin == "seed:001" and c.status == "supported" and c.topic == "effect_size"
        for fid in c.findings
        if base.findings[fid].estimate is not None
    }
    assert len(traced) >= 4
    shown = 0
    for figure in sorted(traced):
        lines = [
            ln for ln in text.splitlines() if re.search(rf"(?<![\d.]){re.escape(figure)}(?!\d)", ln)
        ]
        shown += bool(lines)
        assert all(re.search(r"\[\d+(?:, \d+)*\]", ln) for ln in lines), figure
    assert shown * 2 >= len(traced), (shown, sorted(traced))


def test_states_the_guideline_disagreement(answer: Answer) -> None:
    text = answer.markdown
    assert "Guidelines disagree on chronic low back pain" in text
    assert "American College of Physicians" in text and "NICE" in text
    assert "not averaged" in text


def test_reports_what_the_seed_gets_wrong(answer: Answer) -> None:
    text = answer.markdown
    assert "contradicted by the evidence" in text
    assert "amitriptyline" in text
    assert "could not be traced to a source (unverified)" in text


def test_integration_mechanisms_dose_points_safety(answer: Answer) -> None:
    sections = {s.title: s.text for s in answer.sections}
    assert re.search(r"analges|drug|medication", sections["Integration with conventional care"])
    assert re.search(r"opioid|endorphin", sections["Mechanisms"])
    application = sections["Clinical application: dose, points, technique"]
    assert re.search(r"\bBL23\b", application) and "a week for" in application
    assert re.search(r"serious adverse events", sections["Safety"])


def test_patient_version_of_the_seed_question() -> None:
    patient = ask(SEED_QUESTION, audience="patient")
    assert patient.verified and patient.reading_grade is not None
    assert patient.reading_grade <= 8
    assert patient.findings_used == ask(SEED_QUESTION).findings_used


def test_check_on_every_seed_document() -> None:
    # CI clones the repository with shared/ beside it, as every developer has it.
    assert SEEDS.is_dir(), f"the seed documents are expected at {SEEDS} (shared/ beside the repo)"
    for path in sorted(SEEDS.glob("*.txt")):
        audit = check(path.read_text(encoding="utf-8"), source=path.name)
        counts = audit.counts()
        assert len(audit.claims) >= 10, path.name
        assert counts["supported"] + counts["partly_supported"] >= 3, path.name
        for claim in audit.claims:
            if claim.status != "unverified" or claim.matched_claim:
                assert claim.evidence or claim.matched_claim, claim.text
    seed001 = next(SEEDS.glob("001_*.txt"))
    audit = check(seed001.read_text(encoding="utf-8"))
    # a sentence joining two figures ("SMD -0.72 ... and SMD -0.94") is one claim in two parts,
    # each matched and judged on its own
    statuses = {c.matched_claim: c.status for c in audit.claims if c.matched_claim}
    statuses.update(
        {
            p["matched_claim"]: p["status"]
            for c in audit.claims
            for p in c.parts
            if p["matched_claim"]
        }
    )
    assert statuses.get("seed001_hiv_acupuncture_independent_of_amitriptyline") == "contradicted"
    assert statuses.get("seed001_lbp_pain_smd_0_72") == "unverified"
    assert statuses.get("seed001_peace_electroacupuncture_1_9") == "supported"
