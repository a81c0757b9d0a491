"""Wave 9, engineer "person": suppositions answered as asked, facts over or denied, a person
described, red flags in lay words."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _answer(text: str):  # type: ignore[no-untyped-def]
    return ask(text, with_follow_ups=False)


def _box(answer) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in answer.opening if s.title.startswith("Safety"))


# --- 1. a supposition answered as asked: the real decision, and the supposed one ---------------

SUPPOSED_CHANGES = [
    # (question, supposed decision that must differ from the real one)
    ("If she were on warfarin, would that change things? At present none. Knee OA.", "proceed"),
    ("What if he had a pacemaker? He doesn't have one. Low back pain for a year.", "proceed"),
    ("Suppose she became pregnant during the course. Not pregnant now. Neck pain.", "proceed"),
    (
        "Were she to start apixaban, would acupuncture change? At present no anticoagulant. "
        "Chronic neck pain.",
        "proceed",
    ),
    (
        "In case he starts clopidogrel, is that an issue? For now he only takes paracetamol. "
        "Knee OA.",
        "proceed",
    ),
    (
        "Should she become pregnant, would we stop? She is not pregnant now. Low back pain.",
        "proceed",
    ),
    (
        "Platelets 220 today. If her platelets were 40, would that stop needling? "
        "Chemo-induced nausea.",
        "proceed",
    ),
    (
        "Knee OA, no fever now. What if she developed a fever with back pain, would you refer?",
        "proceed",
    ),
]


@pytest.mark.parametrize(("text", "real"), SUPPOSED_CHANGES)
def test_a_supposition_gets_its_own_decision_and_never_the_real_one(text: str, real: str) -> None:
    a = _answer(text)
    assert a.screen is not None
    assert a.screen["decision"] == real  # the supposed fact never enters the real decision
    supposed = (a.patient_context or {}).get("supposed")
    assert supposed, text
    alt = supposed[0]
    assert alt["words"]
    assert alt["decision"] in ("proceed", "proceed_with_modifications", "defer", "refer")
    assert alt["says"].startswith("If ")
    box = _box(a)
    assert alt["says"] in box


def test_the_supposed_decision_differs_where_the_screen_would_change() -> None:
    a = _answer("Suppose she became pregnant during the course. Not pregnant now. Neck pain.")
    alt = a.patient_context["supposed"][0]  # type: ignore[index]
    assert alt["decision"] == "proceed_with_modifications"
    assert "pregnan" in alt["says"].lower()
    a = _answer(
        "Knee OA, no fever now. What if she developed a fever with back pain, would you refer?"
    )
    assert a.screen is not None and a.screen["decision"] == "proceed"


def test_a_supposition_that_changes_nothing_says_so() -> None:
    a = _answer(
        "In case he starts paracetamol, is that an issue? For now he takes nothing. Knee OA."
    )
    supposed = (a.patient_context or {}).get("supposed") or []
    if supposed:
        assert "same" in supposed[0]["says"]


def test_a_supposed_lab_value_leaves_the_real_one_applied() -> None:
    a = _answer("Platelets 220 today. What if her platelet count fell to 40? Chemo nausea.")
    assert "lab:platelets:220" in a.patient_context["applied"]  # type: ignore[index]
    assert "lab:platelets:40" not in a.patient_context["applied"]  # type: ignore[index]
    alt = a.patient_context["supposed"][0]  # type: ignore[index]
    assert alt["decision"] in ("defer", "refer")


@pytest.mark.parametrize(
    "text",
    [
        "If I have acupuncture will it help my back pain?",
        "If acupuncture works for knee OA, how many sessions are needed?",
        "I'm on warfarin. If I have acupuncture, will I bruise?",
        "If the needles hurt, can we stop? She has neck pain and takes apixaban.",
        "Does acupuncture help migraine if started early?",
    ],
)
def test_if_without_a_supposed_fact_makes_no_alternative(text: str) -> None:
    a = _answer(text)
    assert not (a.patient_context or {}).get("supposed")


def test_a_real_anticoagulant_stays_applied_beside_an_if() -> None:
    a = _answer("I'm on warfarin. If I have acupuncture, will I bruise?")
    assert "class:anticoagulant" in a.patient_context["applied"]  # type: ignore[index]
