"""Two roles on PostgreSQL, so the application cannot rewrite its own audit log.

The *migration owner* (``ACUPATH_MIGRATION_DATABASE_URL``) owns every table, the audit log's
trigger and its trigger function. The *application role* (``ACUPATH_DATABASE_URL``) is granted
by :func:`grant_app_role` (``acupath db grant ROLE``):

- SELECT, INSERT, UPDATE, DELETE on the record tables;
- only SELECT and INSERT on ``audit_log`` (no UPDATE, DELETE or TRUNCATE), only SELECT on
  ``alembic_version``;
- USAGE on the sequences.

Not being the owner, the application role cannot ``ALTER TABLE ... DISABLE TRIGGER``, drop the
trigger, or replace the trigger function either. :func:`check` (``acupath db verify``) reports
the guards that are missing, on either backend.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

from acupath.errors import InputError

APPEND_ONLY = "audit_log"
READ_ONLY = "alembic_version"
SQLITE_TRIGGERS = (
    "audit_log_no_update",
    "audit_log_no_delete",
    "audit_log_no_replace",
    "audit_log_chain",
)
_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _quoted(role: str) -> str:
    if not _ROLE.match(role):
        raise InputError.invalid("ROLE", role, "a PostgreSQL role name (a-z, 0-9, _)")
    return f'"{role}"'


def grant_app_role(owner: Engine, role: str) -> list[str]:
    """Grant ``role`` what the application needs and no more (run as the owner); returns the
    statements run."""
    if owner.dialect.name != "postgresql":
        raise InputError.invalid("ACUPATH_DATABASE_URL", "sqlite", "a PostgreSQL database")
    name = _quoted(role)
    statements = [
        f"GRANT USAGE ON SCHEMA public TO {name}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}",
        f"REVOKE ALL ON {APPEND_ONLY} FROM {name}",
        f"GRANT SELECT, INSERT ON {APPEND_ONLY} TO {name}",
        f"REVOKE ALL ON {READ_ONLY} FROM {name}",
        f"GRANT SELECT ON {READ_ONLY} TO {name}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}",
    ]
    with owner.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    return statements


def check(engine: Engine) -> list[str]:
    """The guards of the audit log that are missing for the connected role (empty: all there)."""
    problems: list[str] = []
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            found = set(
                conn.execute(
                    text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                ).scalars()
            )
            problems += [f"trigger {t} is missing" for t in SQLITE_TRIGGERS if t not in found]
            return problems
        trigger = conn.execute(
            text(
                "SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass "
                "AND tgname = 'audit_log_append_only'"
            )
        ).scalar()
        if trigger is None:
            problems.append("trigger audit_log_append_only is missing")
        elif trigger == "D":
            problems.append("trigger audit_log_append_only is disabled")
        owner = conn.execute(
            text(
                "SELECT pg_get_userbyid(relowner) = current_user FROM pg_class "
                "WHERE oid = 'audit_log'::regclass"
            )
        ).scalar()
        if owner:
            problems.append(
                "the application connects as the owner of audit_log, which could rewrite it: "
                "migrate with ACUPATH_MIGRATION_DATABASE_URL and grant the app role "
                "(acupath db grant ROLE)"
            )
        for privilege in ("UPDATE", "DELETE", "TRUNCATE"):
            allowed = conn.execute(
                text(f"SELECT has_table_privilege('audit_log', '{privilege}')")
            ).scalar()
            if allowed and not owner:
                problems.append(f"the application role may {privilege} audit_log")
    return problems
