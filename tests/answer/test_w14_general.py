"""Wave 14 (general): a question written for a document (an FAQ, a poster, a leaflet, a quiz,
a service spec, an audit) or an audience (students, trainees), or said to be for no one ("not
for me"), names its facts as topics and carries no patient box; a question that also
describes a real person keeps its box.

Each behaviour has several phrasings, and wordings that must not trigger it."""

from __future__ import annotations

from functools import cache

import pytest

from acupath.answer import ask


@cache
def _applied(text: str) -> tuple[str, ...]:
    return tuple(sorted((ask(text).patient_context or {}).get("applied", [])))


@cache
def _decision(text: str) -> str | None:
    return (ask(text).screen or {}).get("decision")


_DOCUMENTS = [
    # a document the question is written for
    "For our anticoagulation clinic's FAQ: what does the McCulloch review say about bleeding "
    "when people on blood thinners have acupuncture?",
    "Putting together a leaflet on acupuncture for people taking apixaban or rivaroxaban - "
    "what bleeding risk should we quote?",
    "We're drafting a poster for our waiting room: which red-flag symptoms should make a "
    "patient stop and tell reception before any needling - numb saddle area, bladder "
    "changes, chest pain?",
    "I'm drafting a patient information sheet: can people with pacemakers have electroacupuncture?",
    "For a CPD quiz: which points are traditionally avoided in pregnancy and is that based on "
    "evidence?",
    "For an exam question: is acupuncture contraindicated in the first trimester of pregnancy?",
    "Can acupuncture be offered to children and teenagers in general, and what extra "
    "safeguards apply? Writing a paediatric service spec.",
    "For our audit of the lymphoedema service: do practitioners avoid needling an arm with "
    "lymphoedema?",
]
_AUDIENCES = [
    # an audience the question is asked for, or no one
    "Students keep asking: what counts as a thunderclap headache and why is it an emergency "
    "rather than something to needle?",
    "My students often ask whether you can needle someone on warfarin - what's the answer?",
    "Teaching trainees next month: why is saddle numbness with new bladder problems an "
    "emergency rather than something to needle?",
    "random question, not for me - why do acupuncturists ask if you're on blood thinners? "
    "does warfarin make it dangerous?",
    "Not about a real patient: can acupuncture be used in children and teenagers?",
    "Asking for our trainees, not for me: does a pacemaker rule out electroacupuncture?",
]


@pytest.mark.parametrize("text", _DOCUMENTS + _AUDIENCES)
def test_no_patient_box(text: str) -> None:
    applied = [a for a in _applied(text) if not a.startswith("sex:")]
    assert not applied, applied
    assert _decision(text) in (None, "proceed"), _decision(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a real person beside the document keeps the box
        (
            "For our FAQ - and my patient on warfarin today, can I needle her?",
            "class:anticoagulant",
        ),
        (
            "I'm writing our leaflet but I'm on warfarin myself - is acupuncture safe for me?",
            "class:anticoagulant",
        ),
        (
            "I'm taking a blood thinner and writing our FAQ - is acupuncture ok?",
            "class:anticoagulant",
        ),
        (
            "For the clinic poster: she has numbness in the saddle area since this morning, "
            "should she come in?",
            "red_flag:saddle_anesthesia",
        ),
        (
            "Random question, not for me. My patient is on apixaban today - can I needle her back?",
            "class:anticoagulant",
        ),
        (
            "Students keep asking about this patient: 8 weeks pregnant, which points to avoid?",
            "pregnant",
        ),
        (
            "For our audit: a patient came in with a thunderclap headache yesterday and we "
            "needled - was that wrong?",
            "red_flag:thunderclap_headache",
        ),
        (
            "Warfarin, INR 3.4. For our FAQ, is it ok to needle?",
            "class:anticoagulant",
        ),
        (
            "Worst sudden headache of my life an hour ago - for the poster, what should I do?",
            "red_flag:thunderclap_headache",
        ),
        (
            "For our audit - a lady with fever and back pain, was needling ok?",
            "red_flag:fever",
        ),
        (
            "For the leaflet: an older man on warfarin asked us whether needling is safe?",
            "class:anticoagulant",
        ),
        # no document or audience: the cautious reading stays
        ("On warfarin - does acupuncture make bleeding dangerous?", "class:anticoagulant"),
        (
            "Numb saddle area and bladder changes - can acupuncture help my back?",
            "red_flag:saddle_anesthesia",
        ),
    ],
)
def test_patient_kept(text: str, label: str) -> None:
    assert label in _applied(text), _applied(text)
