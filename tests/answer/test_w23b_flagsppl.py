"""Wave 23b, flags and people: kinds of wording from the once-run held-out part 23, in our own
wordings (none is a benchmark question), with the wordings that must not trigger.

1. A triage form's bare "no" answers the field before it ("Pacemaker: NO.").
2. A denial right after the person's age or sex ("44M: denies ...", "He denies ...") denies
   what follows.
3. Red flags in staff shorthand: urine not passed for hours, low-grade temps, weight lost
   without trying told by an amount.
4. Family history said apart from the patient by "she herself".
5. A treatment the asker is only around, when a relative is on it.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract
from acupath.answer.negation import Span, Triggers, governed


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = [str(x) for x in (answer.patient_context or {}).get("applied", [])]
    return screen.get("decision"), screen.get("urgency"), applied


def _current(question: str) -> set[str]:
    """Labels of the facts read as the patient's, present and not denied."""
    return {
        f"{m.kind}:{m.value}"
        for m in extract(question).mentions
        if not m.negated and not m.hypothetical and m.status == "current"
    }


_T = Triggers(
    negation_before=(("no",), ("deni",), ("nil",)),
    negation_after=(),
    pseudo=(),
    hypothetical_before=(),
    terminate=(),
    negation_after_near=(("deni",), ("nil",)),
)


# 1. a form's bare "no" -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "gone"),
    [
        ("Intake form: Pregnant: NO. Chronic neck pain, any precautions?", "pregnant:yes"),
        ("Checklist - Pacemaker: no. Knee OA for acupuncture.", "device:pacemaker"),
        ("Pacemaker - no, knee OA 5 years. Acupuncture OK?", "device:pacemaker"),
        ("Screening: fever: no; weight loss: no. Low back pain 6 months.", "red_flag:fever"),
        ("Screening: fever: no; weight loss: none. Low back pain 6 months.", "red_flag:fever"),
    ],
)
def test_form_no_denies_the_field_before_it(question: str, gone: str) -> None:
    assert gone not in _current(question), (question, _current(question))


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # a "yes", an unsure answer or a plain "no X" reading forwards must stand
        ("Form: Pregnant: no. Pacemaker: yes. Knee OA.", "device:pacemaker"),
        ("Pacemaker: no idea, she thinks so. Knee pain.", "device:pacemaker"),
        ("Complaint: no fever but pacemaker fitted. Knee pain.", "device:pacemaker"),
        ("Pregnant: no, pacemaker: yes. Knee pain.", "device:pacemaker"),
        ("Fever: yes. Back pain 2 weeks.", "red_flag:fever"),
    ],
)
def test_form_no_keeps_what_it_does_not_answer(question: str, kept: str) -> None:
    assert kept in _current(question), (question, _current(question))


def test_form_no_in_the_algorithm() -> None:
    words = ["pregnant", ":", "no", ".", "pacemaker", ":", "yes", "."]
    concepts = [Span(0, 1, "pregnant"), Span(4, 5, "device")]
    negated, _ = governed(words, [3, 7], concepts, _T)
    assert negated == {0}


# 2. a denial after the person's age or sex ---------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Back pain referral, 44M: denies saddle numbness. 9 months, mechanical. OK?",
        "51F: denies saddle anaesthesia, chronic LBP 2 years, acupuncture OK?",
        "He denies saddle numbness. Low back pain for a year. Acupuncture?",
        "She denied any saddle numbness; chronic back pain. Acupuncture?",
        "38M denies saddle numbness, no bladder change, back pain 8 months.",
    ],
)
def test_denial_after_the_person_denies_forwards(question: str) -> None:
    decision, _, applied = _screen(question)
    assert decision != "refer", (question, decision, applied)


@pytest.mark.parametrize(
    "question",
    [
        # must NOT be denied: a finding stated, the person's words about it
        "44M: saddle numbness since yesterday, back pain. Acupuncture?",
        "He has saddle numbness since this morning and back pain.",
        "Back pain 3 days, he denies trauma but now has saddle numbness.",
    ],
)
def test_stated_saddle_numbness_still_refers(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert decision == "refer" and urgency == "emergency", (question, decision, applied)


def test_person_before_a_near_trigger_is_not_denied_in_the_algorithm() -> None:
    words = ["he", "deni", "fever", "."]
    negated, _ = governed(words, [3], [Span(0, 1, "sex"), Span(2, 3, "red_flag")], _T)
    assert negated == {1}


# 3. red flags in staff shorthand ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("48M, back pain 2 days, hasn't passed urine since last night.", "bladder_dysfunction"),
        ("Back pain, has not passed urine for 12 hours.", "bladder_dysfunction"),
        ("LBP, not passed water since yesterday evening.", "bladder_dysfunction"),
        ("Injects heroin, back pain 2 weeks, low-grade temps.", "fever"),
        ("Thoracic pain, low grade temperature for 3 days.", "fever"),
        ("62M, LBP 4 months, lost 8kg without trying.", "unexplained_weight_loss"),
        ("She has lost 6 kg unintentionally, back pain at night.", "unexplained_weight_loss"),
        ("Back pain and dropped half a stone without trying.", "unexplained_weight_loss"),
    ],
)
def test_shorthand_red_flags(question: str, label: str) -> None:
    assert f"red_flag:{label}" in _current(question), (question, _current(question))


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Back pain. No low-grade temps.", "fever"),
        ("I lost 5kg on purpose with my diet, knee pain.", "unexplained_weight_loss"),
        ("Lost feeling in my toe without trying to, no back pain.", "unexplained_weight_loss"),
        ("What if a patient lost 8kg without trying - would you refer?", "unexplained_weight_loss"),
        ("Denies weight loss; lost no sleep. Back pain.", "unexplained_weight_loss"),
    ],
)
def test_shorthand_red_flags_must_not_trigger(question: str, label: str) -> None:
    assert f"red_flag:{label}" not in _current(question), (question, _current(question))


# 4. family history said apart by "she herself" -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "gone"),
    [
        (
            "Pt mentions her mother had a pacemaker. She herself: fit and well, heel pain.",
            "device:pacemaker",
        ),
        (
            "Pt reports his father had a pacemaker and he himself is well, neck pain.",
            "device:pacemaker",
        ),
        (
            "Pt says her sister had lymphoedema after breast cancer. She herself has knee OA.",
            "lymphedema:both_arm",
        ),
    ],
)
def test_relatives_facts_set_apart(question: str, gone: str) -> None:
    assert gone not in _current(question), (question, _current(question))


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("Pt says her sister had a pacemaker and she herself is on warfarin.", "medicine:warfarin"),
        ("Mother had a pacemaker. She herself has a pacemaker, knee pain.", "device:pacemaker"),
        ("Pt has a pacemaker; her mother had one too. Knee pain.", "device:pacemaker"),
    ],
)
def test_patients_own_facts_kept(question: str, kept: str) -> None:
    assert kept in _current(question), (question, _current(question))


# 5. a treatment the asker is only around -----------------------------------------------------


def test_around_a_relatives_chemo() -> None:
    q = (
        "I'm 40 and I look after my mum who's on chemo. I have neck pain. Is acupuncture "
        "safe for me, since I'm around chemo all the time?"
    )
    decision, _, applied = _screen(q)
    assert decision == "proceed", (decision, applied)


@pytest.mark.parametrize(
    "question",
    [
        "I'm a nurse, I'm around chemo all the time, back pain. Acupuncture?",
        "My wife is on chemo. I'm on chemo too, back pain.",
        "My dad is on chemo and I'm also having chemo myself, back pain.",
    ],
)
def test_own_chemo_kept(question: str) -> None:
    current = _current(question)
    assert "class:chemotherapy" in current or "cancer:on_treatment" in current, (question, current)


# 6. a decade told loosely --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "band"),
    [
        ("Care home: resident, 'ninety-something', shoulder pain. Acupuncture?", "older_adult"),
        ("Resident, eighty-something, knee OA. Acupuncture?", "older_adult"),
        ("My gran is ninety-ish and has a sore hip.", "older_adult"),
        ("A thirty-something mum with back pain, acupuncture?", "adult"),
        ("Patient 70 something, neck pain. OK?", "older_adult"),
    ],
)
def test_vague_decade_is_an_age(question: str, band: str) -> None:
    assert f"age_band:{band}" in _current(question), (question, _current(question))


@pytest.mark.parametrize(
    "question",
    [
        "I've had twenty-something sessions for my back, worth more?",
        "Forty-odd needles in one session, is that normal?",
        "We treat eighty-something patients a week with back pain.",
    ],
)
def test_vague_count_is_no_age(question: str) -> None:
    assert not any(x.startswith("age:") for x in _current(question)), _current(question)


@pytest.mark.parametrize(
    "question",
    [
        "My platelets were 'seventy-something', knee arthritis. OK?",
        "INR was two-something... no, her BP was ninety-something over sixty. Neck pain.",
    ],
)
def test_vague_value_is_no_age(question: str) -> None:
    assert not any(x.startswith("age:") for x in _current(question)), _current(question)
