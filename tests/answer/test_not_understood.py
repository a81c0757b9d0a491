"""Wave 4 (issue 10): patient details and asking words are not "not understood"; real
unaddressed parts still are, and the no-records sentence quotes the question's own words
(written before the rules in acupath.answer.details)."""

from __future__ import annotations

import re

import pytest

from acupath.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "mum is 79 and takes pradaxa for her irregular heartbeat, she wants acupuncture for her "
        "stiff neck is that safe?",
        "Clopidogrel 75 mg once daily after a TIA; shoulder pain for 3 months. Is acupuncture "
        "reasonable?",
        "On warfarin for a mechanical valve, INR 2.6 last Tuesday (target 2.5-3.5). Hip OA - "
        "fine to needle?",
        "58M, Lixiana 60 mg for a DVT last spring, chronic LBP. Any precautions before needling?",
        "Dual-chamber pacemaker, chronic neck pain. Can I add electroacupuncture?",
        "my daughter is 15 and has leukaemia, shes on chemo and her platelets were 40 on "
        "tuesday. can acupuncture help her feeling sick?",
        "My husband's on apixaban because of a clot in his leg in the summer. Can he have "
        "acupuncture for his knee arthritis?",
        "my dad has a pacemaker fitted and the physio wants to try acupuncture on his back. "
        "Is it ok?",
        "She is booked for acupuncture for her neck this afternoon, INR 2.4 on warfarin. Can we "
        "go ahead?",
        "G3P2 at 20/40 with low back pain. Acupuncture?",
        "my wifes on rivaroxaban since her stroke in march and her lower back is troublesome. "
        "is acupuncture suitable?",
    ],
)
def test_patient_details_are_not_reported(question: str) -> None:
    answer = ask(question)
    assert answer.answered_fully, answer.as_dict()["not_understood"]


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Can acupuncture help my chilblains?", "chilblains"),
        ("My mum has chilblains and knee pain. Can acupuncture help?", "chilblains"),
        ("Does acupuncture help bunions in a 70 year old on warfarin?", "bunions"),
        ("Is acupuncture good for her chilblains, she is 28 weeks pregnant", "chilblains"),
    ],
)
def test_real_unaddressed_parts_are_still_reported(question: str, word: str) -> None:
    answer = ask(question)
    missing = " ".join(answer.as_dict()["not_understood"]).lower()
    assert word.lower() in missing, answer.as_dict()["not_understood"]
    assert not answer.answered_fully


@pytest.mark.parametrize(
    "question",
    [
        "If my mums platelets drop under 50 on the next cycle would she have to stop "
        "acupuncture? right now theyre 120 and it helps her nausea",
        "Can acupuncture help my chilblains? My mum is 80 and on warfarin.",
        "does acupunture help bunions",
    ],
)
def test_the_no_records_sentence_names_only_quoted_words(question: str) -> None:
    for audience in ("clinician", "patient"):
        text = ask(question, audience=audience).markdown
        for sentence in re.findall(r"(?:holds no records on|no studies on) ([^.]*)\.", text):
            # every topic named is the question's own words, in quotes, joined by "or"
            parts = re.split(r" or |, so ", sentence)
            quoted = [p for p in parts if p.startswith("“")]
            assert quoted, sentence
            for p in quoted:
                words = p.strip("“”")
                assert words.lower() in question.lower(), (words, question)
