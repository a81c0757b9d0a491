"""Fixtures shared by the start-up tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from acupath import kbcache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty cache folder for one test."""
    root = tmp_path / "cache"
    monkeypatch.setenv(kbcache.CACHE_DIR_ENV, str(root))
    monkeypatch.delenv(kbcache.DISABLE_ENV, raising=False)
    return root
