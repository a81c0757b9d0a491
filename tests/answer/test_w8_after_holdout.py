"""Issue 10, wave 8, after the eighth held-out part's first run: the classes of its unsafe
misses, in our own wordings (tuned: these are fixed after the clean run, and reported so)."""

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
        "My head suddenly exploded with pain while lifting, the worst I've ever had, an hour ago",
        (
            "Out of nowhere this evening my head went bang, like being "
            "hit with a bat. Migraines usually."
        ),
        "sudden agonising pain in the back of my head during sex, never felt anything like it",
        "Pt reports an instant, explosive occipital headache at the gym 40 minutes ago",
    ],
)
def test_a_sudden_explosive_headache_is_an_emergency(text: str) -> None:
    screen = _screen(text)
    assert screen["decision"] == "refer", text
    assert screen["urgency"] == "emergency", (text, screen["urgency"])


@pytest.mark.parametrize(
    "text",
    [
        "I turned my head suddenly and got a sharp pain in my neck; acupuncture?",
        "my migraines build slowly over hours; acupuncture?",
    ],
)
def test_migraine_words_are_not_thunderclap(text: str) -> None:
    assert (ask(text).screen or {}).get("urgency") != "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "My knee blew up overnight, red hot and I can't bend it. No injury.",
        "his ankle swelled up like a balloon since yesterday and is hot to touch",
        "her wrist came up hot, red and puffy this morning, can't move it",
        "Acutely hot, swollen right knee since last night, afebrile. Known OA.",
    ],
)
def test_a_joint_gone_hot_and_swollen_is_urgent(text: str) -> None:
    screen = _screen(text)
    assert screen["decision"] == "refer", text
    assert "hot_swollen_joint" in screen["red_flags"], text


@pytest.mark.parametrize(
    "text",
    [
        (
            "I'm 58 and never got headaches before but for the last 2 "
            "months I've had one nearly every day."
        ),
        (
            "Mum is 67, she's never been a headache person, but these "
            "last few weeks she has one daily."
        ),
        "62M, no headache history, now daily headaches for 6 weeks.",
    ],
)
def test_headaches_new_after_fifty_refer(text: str) -> None:
    screen = _screen(text)
    assert screen["decision"] == "refer", text
    assert "new_headache_after_50" in screen["red_flags"], text


@pytest.mark.parametrize(
    "text",
    [
        (
            "72F with known osteoporosis, sudden thoracolumbar pain "
            "after stepping off a kerb awkwardly yesterday."
        ),
        "She has thin bones and jarred her back missing the bottom step; now severe low back pain.",
        (
            "osteoporotic, twisted awkwardly getting out of the car and "
            "now sharp pain in her lower back"
        ),
    ],
)
def test_a_small_jolt_with_osteoporosis_is_a_possible_fracture(text: str) -> None:
    screen = _screen(text)
    assert screen["decision"] == "refer", text


@pytest.mark.parametrize(
    ("text", "anc"),
    [
        ("my neutrophils are point eight today, chemo sickness, acupuncture tomorrow?", 0.8),
        ("the nurse said her neutrophils were nought point six, she's on chemo", 0.6),
    ],
)
def test_neutrophils_in_words(text: str, anc: float) -> None:
    screen = _screen(text)
    assert screen["intake"].get("labs", {}).get("anc") == pytest.approx(anc), screen["intake"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "After my mastectomy I had reconstruction with silicone "
            "implants both sides. Shoulder pain."
        ),
        "She had breast reconstruction with an implant on the right; neck pain, needles near it?",
    ],
)
def test_breast_reconstruction_implants_are_devices(text: str) -> None:
    screen = _screen(text)
    assert any(d.get("type") == "breast_implant" for d in screen["intake"].get("devices", []))


def test_pain_stays_correctable_when_rules_name_it() -> None:
    """A one-word phrase in patient.yaml is a fact word the speller guards; "pain" must not
    become one, or "neck pian" is no longer corrected."""
    corrections = ask("acupunture for neck pian?").understanding["statement"]["corrections"]
    assert corrections.get("pian") == "pain"


@pytest.mark.parametrize(
    "text",
    [
        "Metastatic spinal disease, unstable T10 lesion awaiting a surgical opinion; rib pain",
        "He has an unstable L2 lesion from myeloma; back pain",
        "unstable spinal fracture from her mets, rib pain, acupuncture?",
    ],
)
def test_an_unstable_spinal_lesion_is_spinal_instability(text: str) -> None:
    assert "spinal_instability" in _screen(text)["intake"].get("comorbidities", []), text
