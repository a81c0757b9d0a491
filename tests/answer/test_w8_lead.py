"""Issue 10, wave 8 (lead): contractions typed without the apostrophe ("cant pass urine",
"dont", "im") read as the same words with it, for patient facts, red flags and negations; and
"lumbar" pain read as low back pain. Wordings written before the rules."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _flags(text: str) -> set[str]:
    return set((ask(text).screen or {}).get("red_flags", ()))


BLADDER_NO_APOSTROPHE = [
    "back is agony and since this morning i cant pass urine, acupuncture?",
    "sciatica and now he cant pass water properly, can he have needles",
    "my lower back is killing me and i cant feel when i need to wee",
    "numb down below and cannot pass urine since yesterday with my back pain",
]


@pytest.mark.parametrize("text", BLADDER_NO_APOSTROPHE)
def test_bladder_symptoms_without_an_apostrophe_are_read(text: str) -> None:
    answer = ask(text)
    assert answer.screen is not None, text
    assert "bladder_dysfunction" in answer.screen["red_flags"], text
    assert answer.screen["decision"] == "refer", text


NEGATED_NO_APOSTROPHE = [
    ("i dont have a fever, my lower back aches after gardening, acupuncture ok?", "fever"),
    ("he doesnt have any fever or chills, neck pain for months", "fever"),
    ("she didnt lose any weight, knee arthritis, needles?", "unexplained_weight_loss"),
]


@pytest.mark.parametrize(("text", "flag"), NEGATED_NO_APOSTROPHE)
def test_negations_without_an_apostrophe_still_negate(text: str, flag: str) -> None:
    assert flag not in _flags(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Lumbar pain for three weeks after lifting, acupuncture?",
        "He has lumbar spine pain most days; is acupuncture worth trying?",
        "Pain in the lumbar region since the spring - would needling help?",
        "New severe lumbar pain after a fall, INR 2.4 on warfarin, osteoporotic",
    ],
)
def test_lumbar_pain_is_low_back_pain(text: str) -> None:
    conditions = set(ask(text).understanding["conditions"])
    assert conditions & {"chronic_low_back_pain", "acute_low_back_pain"}, text


def test_an_osteoporotic_fall_with_lumbar_pain_refers_at_the_fracture_urgency() -> None:
    answer = ask(
        "Warfarinised (INR 2.4), osteoporotic, fell on the ice yesterday: new severe lumbar pain."
    )
    assert answer.screen is not None
    assert answer.screen["decision"] == "refer"
    assert answer.screen["urgency"] in ("emergency", "urgent")


@pytest.mark.parametrize(
    "text",
    [
        "Does lumbar puncture hurt more than acupuncture?",
        "Acupuncture for knee pain after a lumbar fusion years ago?",
    ],
)
def test_other_lumbar_words_are_not_low_back_pain(text: str) -> None:
    conditions = set(ask(text).understanding["conditions"])
    assert not conditions & {"chronic_low_back_pain", "acute_low_back_pain"}, (text, conditions)


@pytest.mark.parametrize(
    ("name", "cls"),
    [("Arava", "immunosuppressant"), ("leflunomide", "immunosuppressant"),
     ("Aggrenox", "antiplatelet"), ("Asasantin Retard", "antiplatelet")],
)  # fmt: skip
def test_formulary_gaps_found_by_the_wave_8_writers(name: str, cls: str) -> None:
    from acupath.care.medications import classify

    assert cls in classify([name]).classes


def test_leflunomide_in_a_question_sets_immunosuppression_precautions() -> None:
    answer = ask("She takes Arava for rheumatoid arthritis and wants acupuncture for her knees.")
    assert answer.screen is not None
    assert answer.screen["decision"] == "proceed_with_modifications"
