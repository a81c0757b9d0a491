"""Wave 11 (details): devices said in everyday words, misspelt anticoagulants and antiplatelets.

Each behaviour has several phrasings, and wordings that must not trigger it."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract

_NEURO, _PICC = "neurostimulator", "picc_line"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a pacemaker by what it does and where it sits
        ("He has a heart box fitted under his collarbone to keep his beat regular", "pacemaker"),
        ("a little box in my chest that keeps my heart beating steadily", "pacemaker"),
        ("Mum had a device put in to keep her heart rate from dropping too low", "pacemaker"),
        ("I've got a battery thing implanted that paces my heart", "pacemaker"),
        ("a gadget under the skin of my chest that regulates my heartbeat", "pacemaker"),
        # an ICD: a device inside that shocks the heart
        ("I have the thing in my chest that shocks my heart if it goes wrong", "icd"),
        ("a device fitted in his chest that shocks his heart back into rhythm", "icd"),
        ("she has an implanted gadget that will zap her heart if it stops", "icd"),
        ("the box under my collarbone that gives my heart a shock if the rhythm goes", "icd"),
        ("the defib one they put in my chest", "icd"),
        # a spinal cord or nerve stimulator
        ("a gadget put in my back with wires to the spine that buzzes to block the pain", _NEURO),
        (
            "a device implanted near my spine that sends electrical pulses for my nerve pain",
            _NEURO,
        ),
        ("they fitted a battery in my buttock with leads to my spinal cord for the pain", _NEURO),
        ("an implant with wires in my spine that zaps the pain signals", _NEURO),
        ("a box under the skin of my back with electrodes along the spine", _NEURO),
        # a PICC line: a line in the arm that runs to the heart
        (
            "a line in my arm that runs up to my heart for the chemo (the nurses flush it weekly)",
            _PICC,
        ),
        ("she has a long line in her arm going to her heart for antibiotics", _PICC),
        ("a tube in my upper arm that goes into a big vein near my heart", _PICC),
        ("a line in his arm for chemo that the district nurse flushes every week", _PICC),
        ("I've got a catheter in my arm threaded up to the heart", _PICC),
        # a central line in the chest or neck is read as a port, as patient.yaml reads one
        ("a line in my chest going into a big vein for my chemo", "port"),
        ("she has a tube in her neck that the nurses flush for dialysis", "port"),
    ],
)
def test_device_said_in_everyday_words(text: str, label: str) -> None:
    assert f"device:{label}" in extract(text).labels()


@pytest.mark.parametrize(
    "text",
    [
        "my heart beat is irregular, is that a problem?",
        "I keep a box of tablets for my heart in my bag",
        "I had an ECG with wires on my chest last week",
        "my TENS machine has wires on my back and buzzes to block the pain",
        "he wears a heart monitor box for 24 hours",
        "the AED at the gym shocks a person's heart if it stops",
        "an IV line in my arm for antibiotics in hospital",
        "a drip in my arm for fluids",
        "the pain in my chest shocks me sometimes",
        "there's a line on my arm from a scratch",
        "I do not have a device in my chest that shocks my heart",
        "The nurse flushed my ears last week",
    ],
)
def test_everyday_words_that_are_no_device(text: str) -> None:
    assert not {x for x in extract(text).labels() if x.startswith("device:")}, text


@pytest.mark.parametrize(
    ("word", "drug"),
    [
        ("Xeralto", "rivaroxaban"),
        ("Xaralto", "rivaroxaban"),
        ("Plavicks", "clopidogrel"),
        ("Clexan", "enoxaparin"),
        ("Eloquis", "apixaban"),
        ("rivaroxiban", "rivaroxaban"),
        ("warferin", "warfarin"),
        ("Brillinta", "ticagrelor"),
        ("prasugral", "prasugrel"),
        ("edoxiban", "edoxaban"),
    ],
)
def test_misspelt_anticoagulant_or_antiplatelet(word: str, drug: str) -> None:
    text = f"I take {word} every day, can I have acupuncture?"
    assert f"medicine:{drug}" in extract(text).labels()


@pytest.mark.parametrize(
    "text",
    [
        "I was relaxed after the session",
        "my neighbour recommended it",
        "I feel totally fine now after the holiday",
        "my shoulder is locked and sore",
        "she takes pilates classes twice a week",
        "a physio looked at my hip",
    ],
)
def test_ordinary_words_are_no_medicine(text: str) -> None:
    assert not {x for x in extract(text).labels() if x.startswith("medicine:")}, text
