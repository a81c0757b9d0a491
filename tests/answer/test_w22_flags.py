"""Wave 22 (issue 10), flags: a cancer history with thoracic back pain told as a story, in our
own wordings (none is a benchmark question).

1. A cancer had and over ("all clear since", "in remission for years") and pain now in the upper
   or middle back, between the shoulder blades or at the back of the ribs: the cancer being past
   is the point of the flag, so the pain is still a possible spinal metastasis (refer soon,
   red_flag:history_of_cancer and thoracic_pain_with_cancer).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = list((answer.patient_context or {}).get("applied", []))
    return screen.get("decision"), screen.get("urgency"), applied


# 1. a past cancer and thoracic pain now ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Had bowel cancer back in 2012, been given the all clear for years. For the last six "
        "weeks there's a deep ache in my mid back that won't shift. Worth trying acupuncture?",
        "I was treated for lymphoma in 2009 and I've been fine since. Now the middle of my back "
        "aches all the time, even at night. Can acupuncture help?",
        "Prostate cancer eight years ago, all clear now. Recently a nagging pain between my "
        "shoulder blades. Is acupuncture a good idea?",
        "I had a melanoma removed in 2016, no problems since then. Lately it hurts around the "
        "back of my ribs on the left. Could I book acupuncture?",
        "Breast cancer in 2018, in remission since. My upper back has been sore for a month, "
        "a deep pain, not muscular. Acupuncture for it?",
    ],
)
def test_past_cancer_with_thoracic_pain_now_refers_soon(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert decision == "refer", (question, decision, applied)
    assert urgency in ("soon", "urgent", "emergency"), (question, urgency)


@pytest.mark.parametrize(
    "question",
    [
        # no thoracic pain: a past cancer and a knee
        "I had breast cancer in 2015, all clear since. My knee hurts when I climb stairs. Can "
        "acupuncture help?",
        # someone else's cancer
        "My sister had breast cancer in 2015. My upper back hurts after gardening. Acupuncture?",
        # the upper back denied
        "I had bowel cancer in 2012, all clear since. No pain in my upper back at all, just "
        "tension headaches. Acupuncture?",
    ],
)
def test_no_thoracic_flag_without_own_cancer_and_thoracic_pain(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "red_flag:thoracic_pain_with_cancer" not in applied, (question, applied)
    assert decision != "refer", (question, decision, applied)


# 2. a needle fear treated and over, needles used since ----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I used to be scared stiff of needles, but I inject myself with insulin four times a "
        "day now. Is acupuncture ok for my hip?",
        "Years ago I was petrified of needles. Hypnotherapy cured it and these days I do my own "
        "fertility injections. Could acupuncture help my low back?",
        "I used to have a needle phobia; I had exposure therapy for it and it worked. Now I "
        "give myself a weekly methotrexate jab. Acupuncture for my knee?",
        "As a child I was terrified of needles but now I self-inject my Humira every fortnight. "
        "Can I have acupuncture for my neck?",
        "I used to be afraid of needles until CBT sorted it out, and I give my own B12 shots "
        "now. Is acupuncture for tennis elbow worth a try?",
    ],
)
def test_needle_fear_treated_and_over_is_no_phobia(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "needle_phobia" not in applied, (question, applied)
    assert decision != "defer", (question, decision)


@pytest.mark.parametrize(
    "question",
    [
        # treated, yet still there
        "I used to be terrified of needles and had CBT for it but it didn't work, I still "
        "panic. Acupuncture for my shoulder?",
        # a fear now; the nurse gives the injections
        "I'm terrified of needles, the nurse gives my B12 injections and I nearly faint every "
        "time. Acupuncture for my back?",
    ],
)
def test_needle_fear_still_there_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert "needle_phobia" in applied, (question, applied)


# 3. mild nerves, the asker going ahead ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm a little anxious about needles but I've booked in for Thursday anyway. What "
        "happens at a first acupuncture appointment for knee pain?",
        "Slightly nervous of needles if I'm honest, but I'm going ahead with it next week. "
        "How many acupuncture sessions for neck pain?",
        "I'm a bit worried about needles, but I want to give it a go. Acupuncture for my "
        "migraines, what should I expect?",
        "Bit nervous about needles, still going through with it on Monday. Will acupuncture "
        "for my back hurt?",
        "Nervous about needles but determined to try it, my appointment is on Friday. "
        "Acupuncture for plantar fasciitis, what's the first session like?",
    ],
)
def test_mild_nerves_going_ahead_is_no_phobia(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "needle_phobia" not in applied, (question, applied)
    assert decision != "defer", (question, decision)


@pytest.mark.parametrize(
    "question",
    [
        # a real fear, even going ahead
        "I'm terrified of needles and I faint at jabs but I've booked anyway. Acupuncture for "
        "my shoulder?",
        # nerves and no resolve
        "I'm nervous about needles and I'm not sure I can go through with it. Acupuncture for "
        "my knee?",
    ],
)
def test_needle_fear_without_resolve_or_severe_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert "needle_phobia" in applied, (question, applied)
