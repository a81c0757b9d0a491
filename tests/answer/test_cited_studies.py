"""A study cited by first author and year is found in the evidence base (cited_studies.py)."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.cited_studies import find_cited
from acupath.evidence.loader import bundled_base


@pytest.mark.parametrize(
    "question,source",
    [
        ("What did Mao et al. (2021) find for joint pain in survivors?", "mao2021"),
        ("Zheng 2022 chronic tension-type headache trial: responder odds?", "zheng2022_ctth"),
        ("Llurda-Almuzara 2021 review: how big was the heel pain effect?", "llurda2021_heel"),
        ("the Bäumler 2021 review of adverse events", "baumler2021"),
        ("what did the baumler 2021 paper report", "baumler2021"),
        ("Vickers and colleagues 2018: effect versus sham?", "vickers2018"),
    ],
)
def test_a_cited_study_is_found(question: str, source: str) -> None:
    found = {s for c in find_cited(question, bundled_base()) for s in c.sources}
    assert source in found


@pytest.mark.parametrize(
    "question",
    [
        "I was born in 2018 and have knee pain",
        "since may 2020 on warfarin",
        "she had surgery in june 2021",
        "back pain since 2019",
        "Smith 1850 said acupuncture works",  # no such source
    ],
)
def test_no_study_from_ordinary_years(question: str) -> None:
    assert find_cited(question, bundled_base()) == []


def test_the_answer_shows_the_cited_study_and_does_not_call_its_author_unknown() -> None:
    answer = ask("Perioperative acupuncture - how much opioid does it save at 24 h (Sun 2008)?")
    assert "sun2008" in {r.id for r in answer.references}
    assert not any("Sun" in w for w in answer.not_understood)
