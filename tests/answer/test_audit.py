"""Claim audit: splitting a text into claims and judging each against registry and findings."""

from __future__ import annotations

from acupath.answer import check
from acupath.answer.audit import claims_in, split_sentences
from acupath.answer.retrieve import index_for
from acupath.evidence.loader import EvidenceBase

LEAFLET = """
# Acupuncture at our clinic

What is acupuncture? Book your appointment today!

- Against sham, acupuncture lowers chronic back pain by an SMD of 0.31.
- Versus no acupuncture, acupuncture lowers back pain by an SMD of -0.88.
- Acupuncture beats painkillers alone for cancer pain, so there is no need for drugs.
- In trials, acupuncture lowered back pain by 17.7 points more than usual care did.
- Acupuncture reduces back pain by 42 points in every patient.
- Acupuncture releases endorphins in the brain, e.g. in animal studies.
"""


def test_sentences_split_on_bullets_and_stops() -> None:
    parts = split_sentences("One claim here. Another one, e.g. this.\n- A bullet\n- Next bullet")
    assert parts == ["One claim here.", "Another one, e.g. this.", "A bullet", "Next bullet"]


def test_questions_headings_and_calls_to_action_are_not_claims(base: EvidenceBase) -> None:
    found = claims_in(LEAFLET, index_for(base))
    assert len(found) == 6
    assert not any("Book" in c or c.endswith("?") or c.startswith("#") for c in found)


def test_verdicts(base: EvidenceBase) -> None:
    audit = check(LEAFLET, base=base)
    status = {c.text[:30]: c for c in audit.claims}
    sham = status["Against sham, acupuncture lowe"]
    assert sham.status == "supported" and sham.matched_claim == "claim_sham_small"
    assert sham.evidence[0]["id"] == "alpha_sham_pain"
    assert sham.evidence[0]["reference"]["doi"] == "10.1000/alpha.2020"
    assert status["Versus no acupuncture, acupunc"].status == "unverified"
    drugs = status["Acupuncture beats painkillers "]
    assert drugs.status == "contradicted" and drugs.evidence[0]["id"] == "beta_opioid_use"
    figure = status["In trials, acupuncture lowered"]
    assert figure.status == "supported" and figure.evidence[0]["id"] == "alpha_usual_care_pain"
    assert status["Acupuncture reduces back pain "].status == "unverified"
    assert status["Acupuncture releases endorphin"].status == "partly_supported"
    assert audit.counts() == {
        "supported": 2,
        "partly_supported": 1,
        "contradicted": 1,
        "unsupported": 0,
        "unverified": 2,
    }


def test_benefit_claim_without_figures_uses_findings(base: EvidenceBase) -> None:
    # Judged on the findings (both favour acupuncture for cancer pain), so supported; the old
    # "partly supported: wording not checked" came from not judging the claim at all.
    audit = check("Acupuncture is effective for cancer-related pain.", base=base)
    (claim,) = audit.claims
    assert claim.status == "supported"
    assert claim.evidence[0]["id"] in {"alpha_cancer_pain_sham", "beta_opioid_use"}


def test_empty_text_has_no_claims(base: EvidenceBase) -> None:
    assert check("", base=base).claims == ()
