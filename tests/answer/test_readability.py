"""acupath's readability counts agree with textstat's, which acupath no longer imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import textstat  # type: ignore[import-untyped]
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from acupath.answer import ask
from acupath.answer import readability as rd
from acupath.answer.audience import prose

EDGE_TEXTS = [
    "",
    "Yes.",
    "Ask. Me. Now.",
    "It's fine - don't worry; she'll be OK, won't she? 'Quoted' words aren't contractions.",
    "Pain fell by 1.5 points (95% CI 0.9 to 2.1) over 8 weeks!! Really?",
    "Acupuncture: a needle-based treatment... used for knee pain, back pain and headache.",
    "Café naïve résumé — unicode words, and numbers like 3,000 and 10^9/L.",
]


def _patient_answers() -> list[str]:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "ask" / "questions_patient.yaml"
    questions = [q["question"] for q in yaml.safe_load(path.read_text())][::4]
    return [prose(ask(q, audience="patient").markdown) for q in questions]


def _same(text: str) -> None:
    assert rd.sentence_count(text) == textstat.sentence_count(text), text
    assert rd.word_count(text) == textstat.lexicon_count(text), text
    assert rd.automated_readability_index(text) == textstat.automated_readability_index(text)
    assert rd.coleman_liau_index(text) == textstat.coleman_liau_index(text), text


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_counts_equal_textstat_on_edge_texts(text: str) -> None:
    _same(text)


def test_counts_equal_textstat_on_patient_answers() -> None:
    answers = _patient_answers()
    assert len(answers) >= 20
    for text in answers:
        _same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXY '’.,!?-;:()\n0123é")), max_size=80))
def test_counts_equal_textstat_on_generated_text(text: str) -> None:
    _same(text)


def test_grading_a_patient_answer_does_not_import_textstat_or_scipy() -> None:
    code = (
        "import sys\n"
        "from acupath.answer import ask\n"
        "a = ask('Can acupuncture help my back pain?', audience='patient')\n"
        "assert a.reading_grade is not None\n"
        "print(sorted(m for m in ('textstat', 'nltk', 'scipy', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
