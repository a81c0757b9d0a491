"""Shared helpers for the care tests: vignette loading and a default policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

VIGNETTE_DIR = Path(__file__).resolve().parent.parent / "data" / "vignettes"


def load_vignettes(*, heldout: bool = False) -> list[dict[str, Any]]:
    """Every vignette file of the development set (or of the held-out set), in name order."""
    out = []
    folder = VIGNETTE_DIR / "heldout" if heldout else VIGNETTE_DIR
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc["path"] = path
        out.append(doc)
    return out


@pytest.fixture(autouse=True)
def _no_clinic_policy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests use the shipped thresholds unless they set a policy themselves."""
    monkeypatch.delenv("ACUPATH_CLINIC_POLICY", raising=False)
