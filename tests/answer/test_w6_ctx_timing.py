"""Wave 6 (issue 10): when a treatment or medicine is taken: current, past, planned, supposed.

Planned treatment that will have started by the planned acupuncture session counts as current
for the screen (:mod:`acupath.answer.timing`). Wordings written before the rules; ``HELD_OUT``
were kept out of tuning."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _status(question: str, value: str) -> str:
    """The status of the first medicine, class or regimen mention with this value."""
    ctx = extract(question)
    for m in ctx.mentions:
        if m.kind in ("medicine", "class", "regimen") and m.value == value:
            if m.negated:
                return "negated"
            if m.hypothetical:
                return "hypothetical"
            return "current" if m.status in ("current", "stopped_recently") else m.status
    return "absent"


CASES = [
    # planned, starting before the session: current for the screen
    ("starts Eliquis tomorrow, first acupuncture session next week", "apixaban", "current"),
    (
        "she begins apixaban on Monday and sees me on Thursday for acupuncture",
        "apixaban",
        "current",
    ),
    ("starting warfarin today, booked for acupuncture next week", "warfarin", "current"),
    ("he is due to start warfarin on Monday", "warfarin", "current"),
    (
        "will start clopidogrel tomorrow; acupuncture appointment next Tuesday",
        "clopidogrel",
        "current",
    ),
    # planned or possible, no start before a session: future or hypothetical
    ("might go on warfarin, would acupuncture be safe?", "warfarin", "future"),
    ("her GP is considering apixaban", "apixaban", "future"),
    ("may need to start rivaroxaban next month", "rivaroxaban", "future"),
    # still taking it
    ("restarting after surgery: back on apixaban from tomorrow", "apixaban", "current"),
    ("holding her apixaban for 48 h before the procedure", "apixaban", "current"),
    ("warfarin paused for 3 days for a dental extraction", "warfarin", "current"),
    ("on rivaroxaban 20 mg daily", "rivaroxaban", "current"),
    ("he takes Xarelto for AF", "rivaroxaban", "current"),
    # past
    ("was on warfarin until last month", "warfarin", "past"),
    ("used to take clopidogrel years ago", "clopidogrel", "past"),
    ("came off apixaban in the summer", "apixaban", "past"),
    ("had a course of rivaroxaban after a DVT in 2018, nothing since", "rivaroxaban", "past"),
]


@pytest.mark.parametrize(("question", "value", "status"), CASES)
def test_medicine_timing(question: str, value: str, status: str) -> None:
    assert _status(question, value) == status


@pytest.mark.parametrize(
    "question",
    [
        "finished chemo (carbo and taxol) in October, numb feet left over",
        "completed chemotherapy last year and has neuropathy in her feet since",
        "had 6 cycles of FOLFOX, finished in the spring; tingling hands",
        "chemo ended 3 months ago, left with CIPN",
    ],
)
def test_finished_chemotherapy_is_history_not_treatment(question: str) -> None:
    ctx = extract(question)
    assert "treatment:chemotherapy" not in ctx.labels()
    assert "cancer:history" in ctx.labels()


HELD_OUT = [
    (
        "she starts dabigatran tomorrow and her first needling session is on Friday",
        "dabigatran",
        "current",
    ),
    ("planning to put him on apixaban at some point", "apixaban", "future"),
    ("warfarin stopped 2 years ago", "warfarin", "past"),
    ("off her clopidogrel for a week before the op, restarts after", "clopidogrel", "current"),
    ("was taking edoxaban till January", "edoxaban", "past"),
    ("if she went on warfarin would that matter?", "warfarin", "hypothetical"),
]


def test_held_out_timing() -> None:
    """Held-out wordings (not tuned on)."""
    missed = [(q, _status(q, v)) for q, v, s in HELD_OUT if _status(q, v) != s]
    ctx = extract("finished docetaxel in August, feet still numb")
    if "treatment:chemotherapy" in ctx.labels():
        missed.append(("finished docetaxel in August", "treatment"))
    assert not missed, missed
