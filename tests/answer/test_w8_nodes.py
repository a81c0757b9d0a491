"""Issue 10, wave 8 (lead): lymph nodes taken out are cancer surgery, so a question that names
only the node surgery describes a cancer history (sentinel-node biopsy and axillary clearance
stage a cancer); with neck or back pain that history refers until the pain is assessed."""

from __future__ import annotations

import pytest

from acupath.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        "SLNB right axilla (2 nodes) in 2022, no swelling. Neck pain. Any arm to avoid?",
        "sentinel node biopsy only, left side, one node, no swelling ever; neck pain from work.",
        "axillary clearance on the left three years ago; now chronic low back pain, acupuncture?",
        "They removed 12 lymph nodes from her right armpit in 2019. Sciatica now. Needles ok?",
    ],
)
def test_node_surgery_is_a_cancer_history(text: str) -> None:
    screen = ask(text).screen
    assert screen is not None, text
    assert screen["intake"].get("cancer") is not None, text
    assert screen["decision"] == "refer", (text, screen["decision"])


@pytest.mark.parametrize(
    "text",
    [
        "Primary lymphoedema of the left leg since birth; neck pain, acupuncture?",
        "My left arm swells after a sprained wrist; neck pain",
    ],
)
def test_swelling_without_node_surgery_is_no_cancer_history(text: str) -> None:
    screen = ask(text).screen or {}
    assert (screen.get("intake") or {}).get("cancer") is None, text
