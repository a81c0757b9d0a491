"""Settings of a running acupath: one validated :class:`Settings` read from ``ACUPATH_*`` variables.

===========================  ==========================================================
``ACUPATH_ENVIRONMENT``      ``development`` (default), ``test`` or ``production``
``ACUPATH_DATA_DIR``         folder for the default SQLite file and backups
                             (default ``$XDG_DATA_HOME/acupath`` or ``~/.local/share/acupath``)
``ACUPATH_DATABASE_URL``     a SQLAlchemy URL; ``postgresql://user:pw@host/db`` selects
                             PostgreSQL (psycopg 3). Default: ``sqlite:///<data dir>/acupath.db``
``ACUPATH_SECRET_KEY``       secret for signing; a placeholder is refused outside development
``ACUPATH_USER``             who the command line acts as in the audit log (default: OS user)
===========================  ==========================================================

Other layers (the web app) add their fields to this class; there is one ``Settings`` only.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from acupath.errors import InputError

PLACEHOLDER_SECRETS = frozenset({"", "changethis", "changeme", "secret", "placeholder", "dev"})
"""Values that mark a secret nobody chose; refused outside development."""


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "acupath"


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers): still name someone
        return "acupath"


class Settings(BaseSettings):
    """Validated settings; build with :func:`get_settings` to get acupath's error on bad values."""

    model_config = SettingsConfigDict(env_prefix="ACUPATH_", extra="ignore", frozen=True)

    environment: Literal["development", "test", "production"] = "development"
    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = None
    secret_key: str = "changethis"
    user: str = Field(default_factory=_default_user, min_length=1, max_length=80)

    @model_validator(mode="after")
    def _no_placeholder_secrets(self) -> Settings:
        if self.environment != "development" and self.secret_key.lower() in PLACEHOLDER_SECRETS:
            raise ValueError(
                "ACUPATH_SECRET_KEY must be set to a real secret outside development; "
                f"got the placeholder {self.secret_key!r}"
            )
        return self

    @property
    def effective_database_url(self) -> str:
        """The database to use: ``ACUPATH_DATABASE_URL`` or the SQLite file in the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'acupath.db'}"


def get_settings() -> Settings:
    """Read the settings from the environment, or raise :class:`InputError` naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = "_".join(str(p) for p in err["loc"]).upper()
        field = f"ACUPATH_{loc}" if loc else "ACUPATH_SECRET_KEY"
        msg = str(err["msg"]).removeprefix("Value error, ")
        raise InputError(f"{field}: {msg}", field=field, value=err.get("input")) from None
