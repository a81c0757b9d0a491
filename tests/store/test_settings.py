"""Settings from ACUPATH_* variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from acupath.errors import InputError
from acupath.settings import get_settings
from acupath.store.engine import normalise_url


def test_default_database_is_a_file_in_the_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("ACUPATH_DATABASE_URL", raising=False)
    monkeypatch.setenv("ACUPATH_DATA_DIR", str(tmp_path))
    assert get_settings().effective_database_url == f"sqlite:///{tmp_path / 'acupath.db'}"


def test_placeholder_secret_refused_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACUPATH_ENVIRONMENT", "production")
    monkeypatch.setenv("ACUPATH_SECRET_KEY", "changethis")
    with pytest.raises(InputError, match="ACUPATH_SECRET_KEY"):
        get_settings()
    monkeypatch.setenv("ACUPATH_SECRET_KEY", "a-real-secret-3f9c")
    assert get_settings().environment == "production"
    monkeypatch.setenv("ACUPATH_ENVIRONMENT", "staging")
    with pytest.raises(InputError, match="ACUPATH_ENVIRONMENT"):
        get_settings()


def test_database_urls() -> None:
    assert normalise_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(InputError, match="sqlite:// or postgresql://"):
        normalise_url("mysql://u@h/db")
