"""Wave 15 (lead, after held-out part 12): an ordinal pregnancy is the present one when said to
be or given its weeks; one said to be over stays over."""

import pytest

from acupath.answer import ask


@pytest.mark.parametrize(
    "question",
    [
        "It's my second pregnancy, 20 weeks, back pain. First pregnancy was fine.",
        "This is my third pregnancy and I am 12 weeks, neck pain - acupuncture?",
        "second pregnancy, 30 wks, pelvic girdle pain, which points to avoid?",
        "She's in her second pregnancy, back ache - can she have acupuncture?",
        "1st pregnancy at 16 weeks, migraines, is acupuncture ok?",
    ],
)
def test_an_ordinal_pregnancy_said_to_be_now_is_a_pregnancy(question: str) -> None:
    answer = ask(question)
    assert answer.screen is not None and answer.screen["decision"] != "proceed"
    assert "pregnant" in answer.patient_context["applied"]


@pytest.mark.parametrize(
    "question",
    [
        "my second pregnancy ended in 2019, now knee pain",
        "In my first pregnancy I had bad sciatica, knee pain now",
        "I had pre-eclampsia in my second pregnancy, 2015. Knee OA.",
        "My first pregnancy was fine, my son is 6 now. Neck pain - acupuncture?",
    ],
)
def test_an_ordinal_pregnancy_that_is_over_stays_over(question: str) -> None:
    answer = ask(question)
    applied = answer.patient_context["applied"] if answer.patient_context else []
    assert "pregnant" not in applied, applied


# --- after held-out part 13: the chest as the subject of a feeling; not telling is no denial --
@pytest.mark.parametrize(
    "question",
    [
        "Chest has felt tight and heavy for the last half hour, going down my left arm, I'm "
        "sweaty. Is acupuncture worth trying?",
        "My chest feels heavy and I'm clammy and short of breath - can acupuncture calm it?",
        "his chest went tight an hour ago and it's going down his left arm, should he still "
        "have his needles?",
        "Chest is hurting, I feel sick and sweaty - acupuncture today?",
        "chest has been aching since lunch, into my jaw, grey and sweaty",
    ],
)
def test_the_chest_as_subject_with_acs_features_refers_now(question: str) -> None:
    answer = ask(question)
    assert answer.screen is not None
    assert (answer.screen["decision"], answer.screen["urgency"]) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "my chest hurts when I press on the rib after a fall, knee OA - acupuncture?",
        "does acupuncture help chest wall pain? my chest is sore when I cough",
    ],
)
def test_chest_wall_pain_is_not_cardiac(question: str) -> None:
    answer = ask(question)
    applied = answer.patient_context["applied"] if answer.patient_context else []
    assert "red_flag:cardiac_chest_pain" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "My acupuncturist says there is zero risk so I don't need to mention I'm on Coumadin, "
        "right? It's for my sciatica.",
        "I didn't tell my acupuncturist I take warfarin, knee pain",
        "No need to mention my apixaban to them, is there? Neck pain.",
        "I haven't told the clinic I'm on rivaroxaban - does it matter for my back?",
        "Mum won't mention she takes Eliquis, she's booked for her hip tomorrow",
    ],
)
def test_not_telling_a_medicine_leaves_it_taken(question: str) -> None:
    assert "class:anticoagulant" in ask(question).patient_context["applied"]


def test_a_denial_beside_not_to_mention_still_denies() -> None:
    answer = ask("I am not on warfarin, not to mention no other pills, knee pain")
    applied = answer.patient_context["applied"] if answer.patient_context else []
    assert "class:anticoagulant" not in applied
