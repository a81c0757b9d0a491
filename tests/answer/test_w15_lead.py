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
