"""Wave 12, lead: a question that speaks of a pregnancy but gets no patient box (a general
question, or a pregnancy the reader missed) never shows a point avoided in pregnancy."""

from __future__ import annotations

import pytest

from acupath.answer import TITLES, ask
from acupath.answer.safety import line_violations, pregnancy_guard


def _listed(question: str, audience: str) -> list[str]:
    answer = ask(question, audience=audience)
    guard = pregnancy_guard()
    found: list[str] = []
    for sec in (*answer.opening, *answer.sections, *answer.brief_sections):
        if answer.screen is not None and sec.title == TITLES[audience]["safety"]:
            continue  # the patient box may name what it excludes
        for line in sec.text.splitlines():
            found += line_violations(line, guard)
    return found


QUESTIONS = [
    "Which points does the tension-type headache protocol use, and are they ok in pregnancy?",
    "What acupuncture protocol is used for migraine? Asking for antenatal clinics",
    "Low back pain protocols: which points, and which of them are avoided in the first trimester?",
    "Could needling bring on labour? Which points were used in the neck pain trials?",
    "Is there a knee osteoarthritis protocol that is safe for pregnant women? Which points?",
]


@pytest.mark.parametrize("audience", ["clinician", "patient"])
@pytest.mark.parametrize("question", QUESTIONS)
def test_no_point_avoided_in_pregnancy_is_listed(question, audience):
    assert _listed(question, audience) == []


def test_the_guard_excludes_the_pregnancy_points():
    assert {"LI4", "SP6", "BL60", "BL67"} <= pregnancy_guard().blocked_codes


def test_a_question_about_labour_pain_itself_keeps_its_trials():
    answer = ask("Which points were used in the acupuncture trials for labour pain?")
    assert answer.screen is None
    assert "left out" not in answer.markdown.lower() or "pregnan" not in answer.markdown.lower()
