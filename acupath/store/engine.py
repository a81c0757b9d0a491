"""Connecting to the database: engines, sessions and the SQLite settings that make writes durable.

SQLite (the default) is opened with:

- ``journal_mode=WAL``: readers do not block the writer, and a crash leaves either the old or
  the new state of each transaction;
- ``synchronous=FULL``: the WAL is synced at every commit, so an acknowledged write survives a
  crash or a power cut (``NORMAL`` would only guarantee consistency, not durability);
- ``foreign_keys=ON``: SQLite leaves references unchecked unless asked;
- ``recursive_triggers=ON``: so that ``INSERT OR REPLACE`` fires DELETE triggers (the audit
  log's among them) instead of silently deleting the row it replaces;
- ``busy_timeout``: a writer waits for the lock instead of failing at once;
- writing transactions start with ``BEGIN IMMEDIATE``, so two writers queue for the lock up
  front instead of both reading and then one failing to upgrade (SQLite's deferred default).
  Read-only work uses :func:`read_session`, which starts with a plain ``BEGIN``.

The database file, its WAL and shared-memory files are created ``0600`` in a ``0700`` folder
(they hold patient data): the process umask is not trusted for that.

PostgreSQL is reached through psycopg 3; ``postgresql://`` URLs are given that driver.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from acupath.errors import InputError

BUSY_TIMEOUT_MS = 30_000
_READONLY = "acupath_readonly"


def normalise_url(url: str | URL) -> URL:
    """Parse a database URL; plain ``postgresql://`` gets the psycopg 3 driver.

    Only SQLite and PostgreSQL are supported; anything else is refused.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError.invalid(
            "ACUPATH_DATABASE_URL", str(url), "a URL such as sqlite:///path or postgresql://..."
        ) from None
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError.invalid(
            "ACUPATH_DATABASE_URL", parsed.render_as_string(hide_password=True),
            "a sqlite:// or postgresql:// URL",
        )  # fmt: skip
    return parsed


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook issue BEGIN itself (pysqlite otherwise defers it).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA recursive_triggers=ON")
    row = cur.execute("PRAGMA database_list").fetchone()
    cur.close()
    if row and row[2]:
        private_files(Path(row[2]))


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) and make it ``0700``: only the owner may list it."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):  # a folder we do not own (/tmp): leave it
        if folder.stat().st_uid == os.getuid():
            folder.chmod(0o700)


def private_files(database: Path) -> None:
    """Make a SQLite file and its ``-wal``/``-shm``/``-journal`` companions ``0600``."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = database.with_name(database.name + suffix)
        with contextlib.suppress(FileNotFoundError, PermissionError):
            candidate.chmod(0o600)


def _sqlite_begin(conn: Any) -> None:
    readonly = conn.get_execution_options().get(_READONLY, False)
    conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """An engine for ``url`` with acupath's settings (see the module docstring).

    A SQLite file's folder is created on first use.
    """
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            folder = Path(database).expanduser().parent
            if not folder.exists():
                private_folder(folder)
            path = Path(database).expanduser()
            if not path.exists():
                # create the file 0600 before SQLite does (SQLite would honour the umask)
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        connect_args = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        engine = create_engine(parsed, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(parsed, pool_pre_ping=True, **kwargs)


def is_sqlite(engine: Engine) -> bool:
    """True when ``engine`` talks to SQLite."""
    return engine.dialect.name == "sqlite"


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (commands print them)."""
    return sessionmaker(engine, expire_on_commit=False)


@contextlib.contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit if the block succeeds, roll back (nothing changed) if it raises."""
    with session_factory(engine)() as session, session.begin():
        yield session


@contextlib.contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A read-only unit of work (shared lock on SQLite); rolled back at the end."""
    reader = engine.execution_options(**{_READONLY: True})
    with sessionmaker(reader)() as session:
        yield session
        session.rollback()
