"""Wave 7 (issue 10): patient details in Ask: ages, lab values in words, note time notation,
pregnancy weeks, lymphoedema sides, radiotherapy sites, removed devices, treatment status.

Wordings written before the rules (each a class of phrasings, with ones that must not trigger)."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _labels(question: str) -> set[str]:
    return set(extract(question).labels())


def _ages(question: str) -> set[int]:
    return {int(m.value) for m in extract(question).applied if m.kind == "age"}


# -- ages: an age at an event, a figure of speech, a titled name, other languages ---------------

AGE_AT_EVENT = [
    ("PMH: asthma; appendicectomy aged 12; NKDA. She is 34, headaches", 12, 34),
    ("tonsillectomy at age 7, now 45 yr old with neck pain", 7, 45),
    ("broke his wrist aged 10; he is 52 now, wrist pain", 10, 52),
    ("diagnosed with asthma at the age of 6; Mrs K is 70", 6, 70),
    ("had rheumatic fever aged 9, now a 61 year old man with knee OA", 9, 61),
]


@pytest.mark.parametrize(("question", "not_age", "age"), AGE_AT_EVENT)
def test_an_age_at_a_past_event_is_not_the_patients_age(
    question: str, not_age: int, age: int
) -> None:
    ages = _ages(question)
    assert not_age not in ages
    assert age in ages


STILL_AGES = [
    ("pt aged 70, neck pain", 70),
    ("a woman aged 45 with fibromyalgia", 45),
    ("patient age 52 with plantar fasciitis", 52),
    ("man aged 81, sciatica", 81),
]


@pytest.mark.parametrize(("question", "age"), STILL_AGES)
def test_aged_after_a_person_stays_an_age(question: str, age: int) -> None:
    assert age in _ages(question)


FIGURES = [
    "every joint aches in the morning like im 90. can acupuncture help?",
    "I walk like I'm 100 with this back",
    "my knees make me feel like i am 80",
    "she moves as if she's 90 since the fall",
    "creaking like im 70, hip pain",
]


@pytest.mark.parametrize("question", FIGURES)
def test_an_age_in_a_figure_of_speech_is_no_age(question: str) -> None:
    assert not _ages(question)


TITLED = [
    ("Carer here. Mr T is 88 and likes his garden", 88),
    ("Mrs B is 88 and frail with back pain", 88),
    ("Ms J is 41, neck pain", 41),
    ("Dr K is 67 and has knee OA", 67),
    ("Mr Patel is 59 and has sciatica", 59),
]


@pytest.mark.parametrize(("question", "age"), TITLED)
def test_a_titled_name_with_an_age(question: str, age: int) -> None:
    assert age in _ages(question)


FOREIGN = [
    ("Paciente de 55 años, toma Sintrom, INR 4,1 ayer.", 55),
    ("mujer de 72 años con gonartrosis", 72),
    ("patiente de 64 ans, lombalgie chronique", 64),
    ("Patientin, 58 Jahre alt, Gonarthrose", 58),
    ("paziente di 47 anni con cervicalgia", 47),
]


@pytest.mark.parametrize(("question", "age"), FOREIGN)
def test_ages_in_other_languages(question: str, age: int) -> None:
    assert age in _ages(question)


NOT_FOREIGN_AGES = [
    "dolor lumbar desde hace 5 años",
    "dolor de 3 años de evolución",
    "lombalgie depuis 10 ans",
]


@pytest.mark.parametrize("question", NOT_FOREIGN_AGES)
def test_durations_in_other_languages_are_no_ages(question: str) -> None:
    assert not _ages(question)


# -- lab values with "point" between digits ------------------------------------------------------

POINT = [
    ("she take warfarin, INR was 2 point 1 last week", "inr:2.1"),
    ("INR 3 point 4 yesterday, on warfarin", "inr:3.4"),
    ("his inr is 1 point 8 on warfarin", "inr:1.8"),
    ("neutrophils 0 point 9 after chemo", "anc:0.9"),
    ("the INR came back 2 point 5", "inr:2.5"),
]


@pytest.mark.parametrize(("question", "label"), POINT)
def test_digits_with_point_are_one_decimal(question: str, label: str) -> None:
    labels = {lab.replace(".0", "") for lab in _labels(question)}
    assert label in labels
    whole = label.split(".")[0]
    assert whole not in labels


# -- time in clinical note notation: 2/7 days, 1/52 weeks, 3/12 months ---------------------------

NOTE_TIMES = [
    # (question, whether the anticoagulant still counts)
    ("Med list says apixaban - NB this was stopped by haematology 3/12 ago. Neck pain.", False),
    ("apixaban stopped 6/12 ago, knee pain", False),
    ("on apixaban. It was stopped 3/12 ago by the GP", False),
    ("apixaban stopped 2/7 ago for a dental extraction, knee pain", True),
    ("apixaban stopped 1/52 ago, knee pain", True),
    ("Med list says rivaroxaban - NB this was stopped 2/7 ago. Neck pain.", True),
    ("apixaban, stopped 2 days ago for a dental extraction, knee pain", True),
    ("apixaban (stopped 3 days ago), knee pain", True),
    ("apixaban started 3/12 ago for AF, knee pain", True),
    ("apixaban started 3 months ago, knee pain", True),
    ("on apixaban. Stopped smoking 2 years ago", True),
    ("on apixaban, stopped smoking 2 years ago", True),
]


@pytest.mark.parametrize(("question", "kept"), NOTE_TIMES)
def test_note_notation_times_a_stop(question: str, kept: bool) -> None:
    assert ("class:anticoagulant" in _labels(question)) is kept


NOT_AGES_NOR_DATES = [
    "back pain for 3/12, on apixaban",
    "knee pain 6/12, warfarin, INR 2.4",
    "neck pain 2/52, otherwise well",
    "LBP for 1/12, no red flags",
]


@pytest.mark.parametrize("question", NOT_AGES_NOR_DATES)
def test_note_notation_is_no_age(question: str) -> None:
    assert not _ages(question)
