"""Shared plumbing of the record commands: settings, database, clinic, actor, option parsing."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from acupath.errors import InputError
from acupath.settings import Settings, get_settings
from acupath.store import clinics, open_database, write_session
from acupath.store.models import Clinic


@dataclass(frozen=True)
class Context:
    """What a record command works with."""

    settings: Settings
    engine: Engine

    @property
    def actor(self) -> str:
        return self.settings.audit_actor


def context() -> Context:
    """Settings from the environment and a migrated database."""
    settings = get_settings()
    if settings.migration_database_url:  # the owner migrates; the app role cannot
        open_database(settings.migration_database_url).dispose()
        return Context(settings, open_database(settings.effective_database_url, upgrade=False))
    return Context(settings, open_database(settings.effective_database_url))


@contextlib.contextmanager
def transaction(ctx: Context) -> Iterator[Session]:
    """One unit of work; any error rolls it back and nothing is stored."""
    with write_session(ctx.engine) as db:
        yield db


def clinic_for_write(db: Session, name: str | None) -> Clinic:
    """The clinic new records go to: the one named, else the default clinic (created)."""
    return clinics.get_or_create(db=db, name=name or clinics.DEFAULT_CLINIC)


def parse_date(field: str, value: str | None) -> dt.date:
    """An ISO date (``2026-11-21``); today when not given."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError.invalid(field, value, "a date written YYYY-MM-DD") from None
