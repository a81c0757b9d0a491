"""Issue 10, wave 7: a suspected stroke and chest pain that may be cardiac, in the words people
use, refer as emergencies whatever the complaint asked about; the same words as a topic, in the
past, or about chest-wall pain do not. Wordings written before the rules."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract

STROKE = [
    (
        "My dad is 74 and has knee arthritis. This morning his face started drooping on "
        "one side and his speech is slurred. Should he still go to his acupuncture?"
    ),
    (
        "Mum suddenly can't lift her arm and her words are coming out wrong, she has her "
        "acupuncture for her back at 3"
    ),
    "pt with chronic neck pain, woke with L sided weakness and dysphasia today, ok to needle?",
    (
        "my husband has fibromyalgia, an hour ago his mouth started drooping and he can't "
        "speak properly"
    ),
    "FAST positive in the waiting room - patient booked for shoulder acupuncture",
    (
        "I think my wife is having a stroke, her arm went weak all of a sudden. She's due "
        "acupuncture for migraine"
    ),
    (
        "all of a sudden the side of my face went numb and my arm is weak, can I still "
        "have acupuncture for my knee"
    ),
]
CHEST = [
    (
        "shoulder pain for 2 days, now crushing chest pain and sweating, can acupuncture "
        "help my shoulder"
    ),
    (
        "I get a tight chest with pain going down my left arm, my neck is sore too, could "
        "acupuncture help?"
    ),
    "Pt 62 for knee OA, c/o central chest pain for 30 mins, clammy. Proceed?",
    (
        "my dad has chest pain and is short of breath and sweaty, he's got acupuncture "
        "for his back later"
    ),
    "heaviness in my chest and I feel sick, should I still go for my acupuncture for my hip",
    "Query ACS - chest pain radiating to jaw, booked for acupuncture for low back pain",
]
NOT_STROKE = [
    "I had a stroke 2 years ago and my speech is still slurred. Acupuncture for my shoulder?",
    "Does acupuncture help people recover speech after a stroke?",
    (
        "my face was numb on one side after the dental injection this morning, is "
        "acupuncture ok tomorrow for my jaw pain"
    ),
    "Is there evidence for acupuncture in stroke rehabilitation?",
]
NOT_CHEST = [
    "Does acupuncture help chest pain from costochondritis?",
    "my chest wall pain is tender to touch over the ribs, can acupuncture help?",
    (
        "Can acupuncture cause a collapsed lung with chest pain and shortness of breath? "
        "What is the risk?"
    ),
    (
        "I used to get chest pains years ago but the cardiologist cleared me. Acupuncture "
        "for knee pain?"
    ),
]


@pytest.mark.parametrize("text", STROKE)
def test_a_sudden_face_arm_or_speech_sign_is_a_suspected_stroke(text: str) -> None:
    answer = ask(text)
    assert answer.screen is not None, text
    assert (answer.screen["decision"], answer.screen["urgency"]) == ("refer", "emergency"), text


@pytest.mark.parametrize("text", CHEST)
def test_chest_pain_with_cardiac_features_is_an_emergency(text: str) -> None:
    answer = ask(text)
    assert answer.screen is not None, text
    assert (answer.screen["decision"], answer.screen["urgency"]) == ("refer", "emergency"), text
    assert "red_flag:cardiac_chest_pain" in extract(text).labels(), text


@pytest.mark.parametrize("text", NOT_STROKE)
def test_an_old_stroke_or_stroke_as_a_topic_is_not_an_emergency(text: str) -> None:
    assert "red_flag:suspected_stroke" not in extract(text).labels(), text


@pytest.mark.parametrize("text", NOT_CHEST)
def test_chest_wall_pain_past_chest_pain_or_a_risk_question_is_not_cardiac(text: str) -> None:
    assert "red_flag:cardiac_chest_pain" not in extract(text).labels(), text


def test_the_emergency_leads_the_answer_in_both_voices() -> None:
    text = CHEST[0]
    for audience in ("clinician", "patient"):
        answer = ask(text, audience=audience)
        opening = answer.all_sections[0].text.lower()
        assert "emergency" in opening or "ambulance" in opening or "999" in opening, opening


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Husband, 58, his left arm went floppy and his face is lopsided since lunchtime. "
            "He has acupuncture for his shoulder at 4. Go or not?",
            "suspected_stroke",
        ),
        (
            "Client rang to cancel: tight band across the chest walking the dog this morning, "
            "still there and feeling clammy.",
            "cardiac_chest_pain",
        ),
    ],
)
def test_wordings_found_in_review(text: str, flag: str) -> None:
    """Written while reviewing the wave: lay words the first rules lacked."""
    answer = ask(text)
    assert answer.screen is not None, text
    assert (answer.screen["decision"], answer.screen["urgency"]) == ("refer", "emergency")
    assert f"red_flag:{flag}" in extract(text).labels()


@pytest.mark.parametrize(
    "text",
    [
        "my arm went floppy after sleeping on it funny, it came back after 10 minutes. neck pain?",
        "does acupuncture help chest discomfort from reflux?",
    ],
)
def test_review_look_alikes_are_not_emergencies(text: str) -> None:
    assert (ask(text).screen or {}).get("urgency") != "emergency", text
