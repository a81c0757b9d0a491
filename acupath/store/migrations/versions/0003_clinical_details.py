"""Clinical details: consent, per-point depth/needles/stimulation, SOAP notes, course reviews.

- ``patients.consent``: who consented and when (a guardian for a minor);
- ``session_points.depth``, ``needles``, ``stimulation``: what STRICTA asks per point;
- ``treatment_sessions.soap``: the SOAP note of a visit;
- ``plans.end_reason`` and ``plans.reviews``: the decision taken at each review point
  (continue, stop, refer) and why a course ended.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent", sa.JSON(), nullable=True))
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("end_reason", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("reviews", sa.JSON(), nullable=True))
    with op.batch_alter_table("treatment_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("soap", sa.JSON(), nullable=True))
    with op.batch_alter_table("session_points", schema=None) as batch_op:
        batch_op.add_column(sa.Column("depth", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("needles", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("stimulation", sa.String(length=80), nullable=True))
        batch_op.create_check_constraint(
            "needles", "needles IS NULL OR (needles >= 1 AND needles <= 20)"
        )


def downgrade() -> None:
    with op.batch_alter_table("session_points", schema=None) as batch_op:
        batch_op.drop_constraint("ck_session_points_needles", type_="check")
        batch_op.drop_column("stimulation")
        batch_op.drop_column("needles")
        batch_op.drop_column("depth")
    with op.batch_alter_table("treatment_sessions", schema=None) as batch_op:
        batch_op.drop_column("soap")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_column("reviews")
        batch_op.drop_column("end_reason")
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_column("consent")
