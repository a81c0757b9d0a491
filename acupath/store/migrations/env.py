"""Alembic environment: runs on the connection handed over by :mod:`acupath.store.migrate`.

There is no alembic.ini; the configuration is built in code, and the connection (with its
open transaction) comes from ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from acupath.store.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
