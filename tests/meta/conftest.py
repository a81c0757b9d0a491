"""Shared fixtures for the meta-analysis tests: the metafor golden files."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

GOLDEN_DIR = Path(__file__).parent / "golden"

RTOL = 1e-6
"""Relative tolerance against metafor (the issue's requirement).

Values that are zero in exact arithmetic (a tau² of 0, an estimate of exactly 0) are compared
with an absolute tolerance of ``ATOL`` instead, because relative error is undefined there and
both programs produce rounding noise of order 1e-16 around them."""

ATOL = 1e-12


def golden_files() -> list[Path]:
    return sorted(GOLDEN_DIR.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


EXTRA_FILES = ("mh_peto.json", "metareg.json", "fuzz.json", "revman.json")
"""Golden files with their own layout (make_golden_mh.R, make_golden_metareg.R,
make_golden_fuzz.R); the others hold one ``rma.uni`` dataset each."""


def golden_cases() -> Iterator[tuple[str, dict[str, Any]]]:
    """The cases of the per-dataset ``rma.uni`` golden files."""
    for path in golden_files():
        if path.name in EXTRA_FILES:
            continue
        for case in load(path)["cases"]:
            yield case["id"], case


def close(ours: float | None, ref: float | None) -> bool:
    """True when ``ours`` matches metafor's ``ref`` within RTOL (NaN/None must match None)."""
    if ref is None:
        return ours is None or not math.isfinite(ours)
    if ours is None or not math.isfinite(ours):
        return False
    return abs(ours - ref) <= RTOL * abs(ref) + ATOL


def mismatches(label: str, ours: Sequence[Any], ref: Sequence[Any]) -> list[str]:
    """Describe every position where ``ours`` and ``ref`` differ beyond the tolerance."""
    out = []
    if len(ours) != len(ref):
        return [f"{label}: {len(ours)} values, metafor has {len(ref)}"]
    for i, (a, b) in enumerate(zip(ours, ref, strict=True)):
        a = None if a is None or (isinstance(a, float | np.floating) and np.isnan(a)) else float(a)
        if not close(a, b):
            out.append(f"{label}[{i}]: ours {a!r}, metafor {b!r}")
    return out
