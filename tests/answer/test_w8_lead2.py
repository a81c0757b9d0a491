"""Issue 10, wave 8 (lead, second round): a skull defect and a fear of needles in the words
people use. Wordings written before the rules."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(text: str) -> dict:
    answer = ask(text)
    assert answer.screen is not None, text
    return answer.screen


@pytest.mark.parametrize(
    "text",
    [
        (
            "part of my skull was removed after a brain bleed (they never put the bone back) and "
            "I get headaches daily. can acupuncture be done on my head"
        ),
        "He had a piece of his skull taken out after the accident, never replaced; headaches",
        "Post decompressive surgery, bone flap not replaced. Chronic headache. Acupuncture?",
        "she has a hole in her skull from her brain operation, neck pain, any areas to avoid?",
    ],
)
def test_a_skull_defect_in_lay_words_keeps_needles_off_it(text: str) -> None:
    screen = _screen(text)
    assert screen["decision"] == "proceed_with_modifications", text
    assert any("skull" in f.get("rule", "") for f in screen.get("findings", [])) or (
        "head" in " ".join(screen["excluded_regions"])
    ), screen


@pytest.mark.parametrize(
    "text",
    [
        "I had brain surgery for a tumour years ago and the bone went back fine; headaches?",
        "My skull x-ray was normal after the fall; neck pain, acupuncture?",
    ],
)
def test_a_skull_named_without_a_defect_is_not_one(text: str) -> None:
    answer = ask(text)
    rules = [f.get("rule") for f in (answer.screen or {}).get("findings", [])]
    assert "skull_defect" not in rules, text


@pytest.mark.parametrize(
    "text",
    [
        "Im 16 and have a needle fear but my mum wants me to try acupuncture for my migranes",
        "I'm petrified of needles, could acupuncture still work for my back?",
        "he has a real phobia of needles and faints at the sight of one; knee pain",
        "needles freak me out tbh, neck pain for months, worth trying?",
        "she is frightened of needles but wants help for her migraines",
    ],
)
def test_a_fear_of_needles_in_many_words_defers(text: str) -> None:
    assert _screen(text)["decision"] == "defer", text


@pytest.mark.parametrize(
    "text",
    [
        "im not scared of needles at all, have tattoos everywhere lol. period pain, acupuncture?",
        "Are the needles frightening? My back hurts and I'm thinking about it",
    ],
)
def test_no_fear_of_needles_does_not_defer(text: str) -> None:
    assert (ask(text).screen or {}).get("decision") != "defer", text


def test_a_supposed_fact_carries_one_supposed_badge_on_the_page() -> None:
    from acupath.answer.page import page_parts

    answer = ask(
        "My patient, 58, chronic neck pain. If she were on warfarin would that change things? "
        "At present no anticoagulant."
    )
    facts = page_parts(answer.as_dict())["facts"]
    warfarin = next(f for f in facts if "warfarin" in f["text"])
    badges = [warfarin["status"], "supposed" if warfarin["hypothetical"] else None]
    assert badges.count("supposed") == 1, warfarin
    assert "(supposed)" not in warfarin["text"]
