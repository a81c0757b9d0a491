"""Database fixtures shared by the store, FHIR and command tests: every test runs on both
SQLite and PostgreSQL.

The PostgreSQL leg needs ``ACUPATH_TEST_POSTGRES_URL`` (``.ci/run`` starts a throwaway cluster
and sets it). Without it the leg is skipped on a developer's machine, but FAILS when
``CI=true``: CI must never pass without having tested PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from acupath.store import open_database
from acupath.store.engine import normalise_url

BACKENDS = ("sqlite", "postgresql")


def postgres_url() -> str:
    """The PostgreSQL test URL, or skip (fail under CI) when there is none."""
    url = os.environ.get("ACUPATH_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI=true but ACUPATH_TEST_POSTGRES_URL is not set: .ci/postgres.sh must run"
            )
        pytest.skip("PostgreSQL leg: set ACUPATH_TEST_POSTGRES_URL to run it")
    return url


def reset_postgres(url: str) -> None:
    """Empty the test database (drop and recreate its public schema)."""
    engine = create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
            conn.execute(text("DROP FUNCTION IF EXISTS audit_log_append_only() CASCADE"))
    finally:
        engine.dispose()


def url_for(backend: str, tmp_path: Path) -> str:
    """A fresh, empty database of ``backend``."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'acupath.db'}"
    url = postgres_url()
    reset_postgres(url)
    return url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """URL of a fresh, empty database, once for SQLite and once for PostgreSQL."""
    return url_for(str(request.param), tmp_path)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated engine on each backend."""
    eng = open_database(db_url)
    yield eng
    eng.dispose()
