"""Patient vignettes: each file states an intake and what screening and planning must do.

``tests/data/vignettes/*.yaml`` is the development set; ``tests/data/vignettes/heldout/`` was
written before the rules of issue 11 and is never used to tune them. Both must pass; the
held-out test prints its pass rate so a failure there is reported, not hidden.
"""

from __future__ import annotations

from typing import Any

import pytest

from acupath.care.screening import bundled_rules
from tests.care.conftest import load_vignettes
from tests.care.vignette_check import check

VIGNETTES = load_vignettes()
HELDOUT = load_vignettes(heldout=True)


def test_at_least_150_vignettes_with_a_held_out_part() -> None:
    assert len(VIGNETTES) + len(HELDOUT) >= 150
    assert len(HELDOUT) >= 30


def test_every_rule_fires_in_some_development_vignette() -> None:
    fired: set[str] = set()
    for v in VIGNETTES:
        fired.update(v["expect"].get("fired", []))
    missing = {r.id for r in bundled_rules()} - fired
    assert not missing, f"rules without a vignette: {sorted(missing)}"


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["name"] for v in VIGNETTES])
def test_vignette(vignette: dict[str, Any]) -> None:
    problems = check(vignette)
    assert not problems, problems


@pytest.mark.parametrize("vignette", HELDOUT, ids=[v["name"] for v in HELDOUT])
def test_held_out_vignette(vignette: dict[str, Any]) -> None:
    problems = check(vignette)
    assert not problems, problems
