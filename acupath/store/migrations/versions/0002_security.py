"""Security: server-side sign-ins and tokens, sign-in throttle, idempotency keys, a fuller
audit log (clinic, address, outcome, request id, SQLite hash chain) that cannot be rewritten.

- ``auth_sessions``: one row per browser session or API token (only a hash of the secret).
- ``sign_in_throttle``: failed sign-ins per username and per address, counted atomically.
- ``idempotency_keys``: the stored answer of a POST sent with ``Idempotency-Key``.
- ``audit_log`` gains ``clinic_id``, ``address``, ``outcome``, ``request_id`` and, on SQLite,
  ``prev_hash``/``hash`` (existing rows are chained here); its actions include security events.
- SQLite: triggers refuse UPDATE, DELETE, ``INSERT OR REPLACE`` over an existing row and a row
  that does not continue the chain. PostgreSQL: nobody but the owner (the migration role) has
  any right on the log until :mod:`acupath.store.audit_roles` grants the application role
  INSERT and SELECT only.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_ACTIONS = ("create", "read", "update", "delete", "export", "import", "restore")
NEW_ACTIONS = (
    *OLD_ACTIONS,
    "list",
    "backup",
    "verify",
    "sign_in",
    "sign_out",
    "token_create",
    "token_revoke",
    "user_create",
    "user_update",
    "denied",
)
GENESIS = "0" * 64


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    # INSERT OR REPLACE deletes the old row without firing DELETE triggers: refuse it first.
    "CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log "
    "WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log "
    "WHEN NEW.hash IS NULL OR NEW.prev_hash IS NOT "
    f"COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '{GENESIS}') "
    "BEGIN SELECT RAISE(ABORT, 'audit_log row does not continue the hash chain'); END",
)
SQLITE_TRIGGER_NAMES = ("audit_log_no_update", "audit_log_no_delete")


def _create_security_tables() -> None:
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('session', 'token')", name=op.f("ck_auth_sessions_kind")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_auth_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_sessions")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_auth_sessions_secret_hash")),
    )
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auth_sessions_user_id"), ["user_id"], unique=False)
    op.create_table(
        "sign_in_throttle",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_throttle")),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("request", sa.String(length=400), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("user_id", "key", name="uq_idempotency_keys_user_key"),
    )


def _chain_existing_rows() -> None:
    """Give the rows written before this revision their place in the SQLite hash chain."""
    from acupath.store.audit import row_hash
    from acupath.store.models import AuditEntry

    conn = op.get_bind()
    table = AuditEntry.__table__
    rows = conn.execute(sa.select(table).order_by(table.c.id)).mappings()
    prev = GENESIS
    for row in list(rows):
        entry = AuditEntry(**{k: v for k, v in row.items() if k not in ("prev_hash", "hash")})
        entry.outcome = entry.outcome or "ok"
        digest = row_hash(prev, entry)
        conn.execute(
            sa.update(AuditEntry)
            .where(AuditEntry.id == row["id"])
            .values(prev_hash=prev, hash=digest, outcome=entry.outcome)
        )
        prev = digest


def upgrade() -> None:
    _create_security_tables()
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in SQLITE_TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("clinic_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("address", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("outcome", sa.String(length=10), nullable=False, server_default="ok")
        )
        batch_op.add_column(sa.Column("request_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.drop_constraint(op.f("ck_audit_log_action"), type_="check")
        batch_op.create_check_constraint(op.f("ck_audit_log_action"), _in("action", NEW_ACTIONS))
        batch_op.create_index(batch_op.f("ix_audit_log_clinic_id"), ["clinic_id"], unique=False)
    if sqlite:
        _chain_existing_rows()
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    else:
        # Only the owner (the role that ran this migration) may touch the log until the
        # application role is granted INSERT and SELECT (acupath db grant).
        op.execute("REVOKE ALL ON audit_log FROM PUBLIC")
        op.execute("REVOKE ALL ON FUNCTION audit_log_append_only() FROM PUBLIC")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in (
            "audit_log_no_update",
            "audit_log_no_delete",
            "audit_log_no_replace",
            "audit_log_chain",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_clinic_id"))
        batch_op.drop_constraint(op.f("ck_audit_log_action"), type_="check")
        batch_op.create_check_constraint(op.f("ck_audit_log_action"), _in("action", OLD_ACTIONS))
        for column in ("hash", "prev_hash", "request_id", "outcome", "address", "clinic_id"):
            batch_op.drop_column(column)
    if sqlite:
        for statement in SQLITE_TRIGGERS[:2]:
            op.execute(statement)
    op.drop_table("idempotency_keys")
    op.drop_table("sign_in_throttle")
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_sessions_user_id"))
    op.drop_table("auth_sessions")
