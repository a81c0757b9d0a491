"""Schema migrations with Alembic, configured in code (the scripts live in ``migrations/``).

``upgrade(engine)`` brings any database (a new empty one included) to the newest schema;
every schema change since the first table is a revision under ``migrations/versions``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """An Alembic configuration pointing at the bundled migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The newest revision shipped with this version of acupath."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None  # the package always ships at least the first revision
    return revision


def current(engine: Engine) -> str | None:
    """The revision the database is at (``None`` for a database never migrated)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Migrate the database to ``revision`` (default: the newest); return the revision reached."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    reached = current(engine)
    assert reached is not None
    return reached
