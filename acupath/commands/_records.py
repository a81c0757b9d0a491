"""Shared plumbing of the record commands: settings, database, clinic, actor, option parsing."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, select
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
    """The clinic new records go to, the same one the web app shows.

    - ``--clinic NAME``: that clinic; created only when it does not exist yet, and then said
      so on stderr;
    - no name and one clinic (the one ``acupath serve`` or ``user add`` made): that clinic;
    - no name and several clinics: refused, listing them (never guess);
    - no name and no clinic at all: the default clinic is created, and that is said on stderr.
    """
    if name is not None:
        found = db.scalar(select(Clinic).where(Clinic.name == name))
        if found is not None:
            return found
        created = clinics.get_or_create(db=db, name=name)
        _note(f"created clinic {name!r} (it did not exist)")
        return created
    existing = clinics.list_all(db=db)
    if len(existing) == 1:
        return existing[0]
    if existing:
        names = ", ".join(repr(c.name) for c in existing)
        raise InputError.invalid("--clinic", None, f"one of the clinics: {names}")
    created = clinics.get_or_create(db=db, name=clinics.DEFAULT_CLINIC)
    _note(f"no clinic yet: created {clinics.DEFAULT_CLINIC!r}; name one with --clinic")
    return created


def _note(message: str) -> None:
    print(f"acupath: {message}", file=sys.stderr)


def parse_date(field: str, value: str | None) -> dt.date:
    """An ISO date (``2026-11-21``); today when not given."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError.invalid(field, value, "a date written YYYY-MM-DD") from None
