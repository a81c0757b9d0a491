"""One urgency per safety box: the screen's urgency wins when the screen refers (issue 10, probe
F11); answer-only flags the intake cannot carry may still raise it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from acupath.answer import ask
from acupath.answer.lexicon import red_flag_urgencies
from acupath.answer.safety import _urgency


def test_screen_urgency_wins_over_answer_table() -> None:
    table = red_flag_urgencies()
    result = SimpleNamespace(decision="refer", urgency="soon")
    # immunosuppression is "urgent" in red_flags.yaml, the screen says "soon"
    assert _urgency(result, ["immunosuppression"], table) == "soon"


def test_answer_only_flag_still_raises_urgency() -> None:
    table = red_flag_urgencies()
    result = SimpleNamespace(decision="refer", urgency="soon")
    assert _urgency(result, ["immunosuppression", "thunderclap_headache"], table) == "emergency"


def test_without_screen_urgency_the_table_decides() -> None:
    table = red_flag_urgencies()
    result = SimpleNamespace(decision="proceed", urgency=None)
    assert _urgency(result, ["thunderclap_headache"], table) == "emergency"


HEADS = {"emergency": "emergency", "urgent": "today", "soon": "within days"}


@pytest.mark.parametrize(
    "question",
    [
        # immune suppression refers only with spinal pain or a headache (AHCPR 1994, Becker
        # 2015), or with a fever (issue 10 follow-up, screen engineer); these still refer
        "Kidney transplant recipient on tacrolimus and mycophenolate with low back pain. Any "
        "infection precautions for acupuncture?",
        "My husband had a liver transplant and now has knee arthritis and a fever, is "
        "acupuncture ok?",
        "immunosuppressed after a heart transplant, can I have acupuncture for my headaches?",
    ],
)
def test_box_head_matches_screen_urgency(question: str) -> None:
    r = ask(question)
    d = r.as_dict()
    screen = d["screen"]
    assert screen["decision"] == "refer"
    head = r.brief_markdown.split("## Safety for this patient", 1)[1].split("\n")[2]
    assert HEADS[screen["urgency"]] in head.lower()
    others = {HEADS[u] for u in HEADS if u != screen["urgency"]}
    assert not any(o in head.lower() for o in others)


@pytest.mark.parametrize(
    "question",
    [
        "Kidney transplant recipient on tacrolimus and mycophenolate with plantar heel pain. Any "
        "infection precautions for acupuncture?",
        "My husband had a liver transplant and now has knee arthritis, is acupuncture ok?",
        "immunosuppressed after a heart transplant, can I have acupuncture for my shoulder?",
    ],
)
def test_immune_suppression_with_other_complaints_sets_asepsis_not_referral(
    question: str,
) -> None:
    """Probe 1 (x035, x036): immune suppression is a spinal and headache red flag in its
    sources; with other complaints the screen asks for asepsis and no indwelling needles."""
    screen = ask(question).as_dict()["screen"]
    assert screen["decision"] == "proceed_with_modifications"
    assert screen["urgency"] is None
    assert "semi_permanent_needles" in screen["excluded_techniques"]
