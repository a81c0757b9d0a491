"""Settings of a running acupath: one validated :class:`Settings` read from ``ACUPATH_*`` variables.

===========================  ==========================================================
``ACUPATH_ENVIRONMENT``      ``development`` (default), ``test`` or ``production``
``ACUPATH_DATA_DIR``         folder for the default SQLite file and backups
                             (default ``$XDG_DATA_HOME/acupath`` or ``~/.local/share/acupath``)
``ACUPATH_DATABASE_URL``     a SQLAlchemy URL; ``postgresql://user:pw@host/db`` selects
                             PostgreSQL (psycopg 3). Default: ``sqlite:///<data dir>/acupath.db``
``ACUPATH_SECRET_KEY``       secret for signing cookies and tokens. Unset: a random key is
                             made on first run and kept in ``<data dir>/secret_key`` (0600).
                             A placeholder (``changethis``...) is refused unless
                             ``ACUPATH_ENVIRONMENT=development`` is set explicitly
``ACUPATH_MIGRATION_DATABASE_URL``  PostgreSQL: the role that owns the schema and runs
                             migrations; the app then connects as ``ACUPATH_DATABASE_URL``,
                             a role that may only INSERT and SELECT the audit log
``ACUPATH_USER``             a name the command line user claims; the audit log records the
                             operating-system account and the claim next to it
``ACUPATH_MAX_BODY_BYTES``   the largest request body the web app reads (default 10 MiB)
===========================  ==========================================================

Other layers (the web app) add their fields to this class; there is one ``Settings`` only.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import secrets
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
    migration_database_url: str | None = None
    secret_key: str | None = None
    user: str = Field(default_factory=_default_user, min_length=1, max_length=80)
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)

    @model_validator(mode="after")
    def _no_placeholder_secrets(self) -> Settings:
        explicit_dev = self.environment == "development" and "environment" in self.model_fields_set
        if self.secret_key is None:
            return self
        if self.secret_key.lower() in PLACEHOLDER_SECRETS and not explicit_dev:
            raise ValueError(
                "ACUPATH_SECRET_KEY must be a real secret (leave it unset and acupath makes "
                "one in the data folder); the placeholder "
                f"{self.secret_key!r} is accepted only with ACUPATH_ENVIRONMENT=development"
            )
        if len(self.secret_key) < 16 and not explicit_dev:
            raise ValueError("ACUPATH_SECRET_KEY must be at least 16 characters")
        return self

    def signing_key(self) -> str:
        """``ACUPATH_SECRET_KEY``, else the key kept in ``<data dir>/secret_key``, made on
        first use (256 random bits, file created 0600 in a 0700 folder, never replaced)."""
        if self.secret_key is not None:
            return self.secret_key
        return load_or_create_secret(self.data_dir / "secret_key")

    @property
    def audit_actor(self) -> str:
        """Who the command line acts as in the audit log: the operating-system account, with
        the ``ACUPATH_USER`` claim beside it when that differs (a claim is not proof)."""
        os_user = _default_user()
        if self.user == os_user:
            return f"cli:{os_user}"
        return f"cli:{os_user} as {self.user}"[:80]

    @property
    def effective_database_url(self) -> str:
        """The database to use: ``ACUPATH_DATABASE_URL`` or the SQLite file in the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'acupath.db'}"


def load_or_create_secret(path: Path) -> str:
    """Read the key in ``path`` or make it (two processes starting at once agree on one)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        if path.parent.stat().st_uid == os.getuid():
            path.parent.chmod(0o700)
    if not path.exists():
        # written whole to a private temporary file, then linked into place: link() fails
        # when another process got there first, and nobody ever reads a half-written key
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secrets.token_urlsafe(48) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    key = path.read_text(encoding="utf-8").strip()
    if len(key) < 32:
        raise InputError.invalid("ACUPATH_SECRET_KEY", str(path), "a key file of 32+ characters")
    return key


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
