"""The verifier: every figure must come from a record; a failing answer is withheld."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acupath.answer import ask, records_of
from acupath.answer.compose import compose
from acupath.answer.models import Answer, Section
from acupath.answer.retrieve import index_for
from acupath.answer.verify import (
    UnverifiedAnswer,
    check_text,
    codes,
    evidence_of,
    figures,
    verify_or_raise,
)
from acupath.evidence.loader import EvidenceBase


def test_figures_ignore_markers_and_codes() -> None:
    text = "SMD 0.31 (95% CI 0.12 to 0.49); 4,242 participants [1, 2]. Points BL23 and COX-2."
    assert figures(text) == ["0.31", "95", "0.12", "0.49", "4,242"]
    assert codes(text) == ["BL23", "COX-2"]


def test_record_values_and_derived_percentages_are_traced(base: EvidenceBase) -> None:
    f = base.findings["gamma_adverse_events"]
    assert check_text("7.3% of 50,505 patients (95% CI)", [f]) == []


def test_wrong_number_is_caught(base: EvidenceBase) -> None:
    f = base.findings["alpha_sham_pain"]
    assert check_text("SMD 0.13 in 4,242 participants", [f]) == ["0.13"]
    with pytest.raises(UnverifiedAnswer):
        verify_or_raise("SMD 0.32", [f])


def test_unknown_code_is_caught(base: EvidenceBase) -> None:
    protocol = index_for(base).documents[-1].record
    assert check_text("Points: BL23, BL40.", [protocol]) == []
    assert check_text("Points: BL24.", [protocol]) == ["BL24"]


def test_untraced_claim_does_not_lend_its_figures(base: EvidenceBase) -> None:
    claim = base.claims["claim_untraced_smd"]
    assert check_text("an SMD of -0.88", [claim]) == ["0.88"]
    supported = base.claims["claim_sham_small"]
    assert check_text("an SMD of 0.31", [supported]) == []


@given(st.sampled_from(["alpha_sham_pain", "alpha_usual_care_pain", "beta_opioid_use"]))
def test_every_field_value_of_a_record_is_traced(fid: str) -> None:
    from tests.answer.conftest import FINDINGS

    raw = next(f for f in FINDINGS if f["id"] == fid)
    values = [v for v in raw.values() if isinstance(v, int | float) and not isinstance(v, bool)]
    from acupath.evidence.schemas import Finding

    record = Finding.model_validate(raw)
    ev = evidence_of([record])
    assert all(ev.has_value(abs(float(v))) for v in values)


@given(st.floats(min_value=100.5, max_value=99999, allow_nan=False).map(lambda x: round(x, 1)))
def test_a_number_in_no_record_is_never_traced(x: float) -> None:
    from acupath.evidence.schemas import Finding
    from tests.answer.conftest import FINDINGS

    records = [Finding.model_validate(f) for f in FINDINGS]
    ev = evidence_of(records)
    text = f"a figure of {x}"
    if not ev.has_value(x):
        assert check_text(text, records) == [f"{x}"]


def _tamper(retrieval: Any, voice: Any, **kw: Any) -> Answer:
    """A composer that writes one wrong figure into an otherwise real answer."""
    answer = compose(retrieval, voice, **kw)
    first = answer.sections[0]
    bad = Section(first.title, first.text + " The effect was 7.77 points.", first.citations)
    return dataclasses.replace(answer, sections=(bad, *answer.sections[1:]))


def test_injected_wrong_number_withholds_the_answer(base: EvidenceBase) -> None:
    answer = ask("Does acupuncture help chronic low back pain?", base=base, composer=_tamper)
    assert not answer.verified
    assert answer.verification_problems == ("7.77",)
    assert answer.title == "Answer withheld"
    assert "7.77" not in answer.markdown
    assert answer.findings_used == () and answer.references == ()
    assert answer.insufficient_evidence


QUESTIONS = [
    "Does acupuncture help chronic low back pain?",
    "What is the role of acupuncture in chronic pain and how is it combined with usual care?",
    "Is acupuncture safe?",
    "How many sessions and which points for back pain?",
    "Does Medicare cover acupuncture?",
    "Does acupuncture help cancer pain alongside opioids?",
    "How does acupuncture work?",
]


@pytest.mark.parametrize("audience", ["clinician", "patient"])
@pytest.mark.parametrize("question", QUESTIONS)
def test_real_answers_pass_verification(base: EvidenceBase, question: str, audience: str) -> None:
    answer = ask(question, base=base, audience=audience)
    assert answer.verified, answer.verification_problems
    index = index_for(base)
    r = index.search(index.understand(question))
    assert check_text(answer.markdown, records_of(answer, base, r)) == []


def test_markers_resolve_to_references(base: EvidenceBase) -> None:
    answer = ask(QUESTIONS[1], base=base)
    body = "\n".join(s.text for s in answer.sections)
    markers = re.findall(r"\[(\d+(?:, \d+)*)\]", body)
    numbers = {int(n) for m in markers for n in m.split(", ")}
    assert numbers == {r.number for r in answer.references}
    cited = {c for s in answer.sections for c in s.citations}
    assert cited == {r.id for r in answer.references}


def test_question_words_quoted_as_not_understood_do_not_withhold_the_answer() -> None:
    """A code-like word of the question ("G3P2", "mm3") quoted back as not understood is the
    question's own word, traced to it, not a figure the answer made up (wave 3)."""
    from acupath.answer import ask

    answer = ask("G3P2 with neck pain, platelets 120 000/mm3: does acupuncture help?")
    assert answer.verified, answer.verification_problems
