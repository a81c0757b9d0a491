"""The Ask benchmark's fact scorer (benchmarks/ask/patient_bench.fact_in): a figure counts only
when the answer states it, in the forms answers print (thousands separators, a proportion as a
percentage), and never inside another number."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "ask"))

from patient_bench import fact_in


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        ("0.346", "34.6% still had dry mouth"),
        ("0.346", "a proportion of 0.346"),
        ("0.019", "about 1.9 % of women"),
        ("0.35", "35% used less pain relief"),
        ("1649", "1,649 participants"),
        ("1,649", "1649 participants"),
        ("1.9", "mean difference 1.9 points"),
    ],
)
def test_found(fact: str, text: str) -> None:
    assert fact_in(fact, text)


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        ("0.346", "134.6% of baseline"),
        ("0.35", "3.5% of patients"),
        ("0.35", "35 patients"),
        ("1.9", "-1.96 on the scale"),
        ("0.019", "11.9% of women"),
    ],
)
def test_not_found(fact: str, text: str) -> None:
    assert not fact_in(fact, text)
