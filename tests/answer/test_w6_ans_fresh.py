"""A second set of wordings of our own (issue 10, wave 6), written after the first commit of
the wave-6 rules and run once before any further change: how the rules do on wordings they were
not written for. The first run's result is in the report; failures found here were fixed only
by general rules (never by adding one of these phrasings)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from acupath.answer import Answer, ask

BOTTOM = {"Bottom line", "The short answer"}


def _correction(answer: Answer) -> str:
    return next((s.text for s in answer.opening if s.title == "First, a correction"), "")


def _screen_leads(answer: Answer) -> bool:
    meta: dict[str, Any] = answer.understanding.get("bottom_line") or {}
    return answer.screen is not None and meta.get("screen") == answer.screen["decision"]


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Knee OA: does acupuncture cut how much pain medicine people take?", "analgesic"),
        ("In cancer survivors with joint pain, does electroacupuncture reduce painkiller use?",
         "analgesic"),
        ("CINV - fewer vomiting episodes with electroacupuncture added to antiemetics?", "5"),
        ("Does acupuncture raise white cell counts during chemo?", "white"),
        ("breast cancer hot flushes - how much do they drop with acupuncture at 12 weeks?",
         "hot"),
        ("How often is a collapsed lung reported after acupuncture?", "pneumothorax"),
        ("Bäumler 2021: adverse events per 100 treatments?", "9.4"),
        ("What did Vickers et al. 2018 find against sham?", "0.17"),
    ],
)  # fmt: skip
def test_outcome_or_study_figure(question: str, figure: str) -> None:
    answer = ask(question)
    assert figure.lower() in answer.markdown.lower(), answer.markdown[:1200]


@pytest.mark.parametrize(
    "question",
    [
        "Mrs K, 67, on edoxaban for AF, OA knees. Appropriate to needle?",
        "my dad is on dabigatran - is there any reason he can't have acupuncture for his back?",
        "Is she ok to go ahead with acupuncture? 36 weeks pregnant, sciatica.",
        "Chemo last week, platelets 40. Can we needle today for her CIPN?",
        "He has an ICD fitted; fine to have acupuncture for neck pain?",
        "15 year old with migraines, would she be allowed acupuncture?",
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_suitability_gets_the_screen(question: str, audience: str) -> None:
    assert _screen_leads(ask(question, audience=audience))


@pytest.mark.parametrize(
    "question",
    [
        "Acupuncture will repair the cartilage in my knee for good, won't it?",
        "so acupuncture means I can come off my gabapentin for the nerve pain?",
        "my oncologist wants chemo but could acupuncture do the job instead?",
        "acupuncture is 100 percent safe isn't it",
        "the acupuncturist said it will melt the tumour away - true?",
        "it's guaranteed to sort out my neck, right?",
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_premise_corrected(question: str, audience: str) -> None:
    assert _correction(ask(question, audience=audience))


@pytest.mark.parametrize(
    "question",
    [
        "acupuncture for gout in my knee?",
        "Does acupuncture help lupus joint pain?",
        "can acupuncture treat tinnitus?",
        "Is there evidence for acupuncture in complex regional pain syndrome?",
    ],
)
def test_unheld_condition(question: str) -> None:
    answer = ask(question)
    assert answer.insufficient_evidence, answer.markdown[:900]


@pytest.mark.parametrize(
    "question",
    [
        "hes 12 and gets tension headaches most days - acupuncture worth a try?",
        "Referral: 80-year-old lady, on apixaban, knee OA. Family ask about acupuncture.",
    ],
)
def test_patient_voice_about_someone_else(question: str) -> None:
    answer = ask(question, audience="patient")
    assert not re.search(r"What you told us(?! about)", answer.markdown)
