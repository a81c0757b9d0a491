"""Wave 18 (lead, after held-out part 16's one run; tuned on part 16): a body-range decimal said
of a person is a temperature; injecting told as a route; skin lesions on both lower legs."""

import pytest

from acupath.answer import ask


def _applied(question: str) -> set[str]:
    answer = ask(question)
    return set(answer.patient_context["applied"]) if answer.patient_context else set()


@pytest.mark.parametrize(
    "question",
    [
        "3 days into chemo cycle 4 and I'm 38.6 and shaking. Acupuncture for the sickness?",
        "i'm 39.5 today and shivery, sciatica, acupuncture?",
        "He was 39.1 last night, on chemo, neck pain - can he still come?",
        "she's 38.4 and off her food, back ache, acupuncture tomorrow?",
        "I am 38.9 and my lower back is killing me. Acupuncture?",
    ],
)
def test_a_body_range_decimal_said_of_a_person_is_a_temperature(question: str) -> None:
    assert "red_flag:fever" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm 38.5 years old with back pain, acupuncture?",
        "I'm 40.5 weeks pregnant with back pain",
        "she's 37.2 and fine, knee pain acupuncture",
        "I'm 36.6 kg after chemo, neck pain, acupuncture?",
    ],
)
def test_ages_weeks_weights_and_normal_readings_are_no_fever(question: str) -> None:
    assert "red_flag:fever" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "i use heroin by injection, trying to get clean, and my back is really sore",
        "He takes heroin intravenously most days and has neck pain, acupuncture?",
        "she puts crack into her veins, back pain for a week, acupuncture?",
    ],
)
def test_injecting_told_as_a_route_is_injecting_drug_use(question: str) -> None:
    assert "red_flag:iv_drug_use" in _applied(question)


def test_insulin_by_injection_is_no_drug_use() -> None:
    question = "He takes his methadone by mouth and insulin by injection, back pain, acupuncture?"
    assert "red_flag:iv_drug_use" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "my eczema is flared up badly on both lower legs, weeping a bit. Plantar fasciitis - ok?",
        "eczema on my lower legs, plantar fasciitis acupuncture?",
    ],
)
def test_a_lesion_on_the_lower_legs_keeps_needles_off_them(question: str) -> None:
    assert "skin_lesion:lower_limb" in _applied(question)
