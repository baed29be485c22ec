"""Account applications per employee.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "application",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("project.id"), nullable=False),
        sa.Column("naam", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("telefoon", sa.String(), nullable=False, server_default=""),
        sa.Column("kenmerk", sa.String(), nullable=False, server_default=""),
        sa.Column("current_step", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("letter_due", sa.Date(), nullable=True),
        sa.Column("letter_received", sa.Date(), nullable=True),
        sa.Column("debiteur_choice", sa.String(), nullable=False, server_default=""),
        sa.Column("debiteurnummer", sa.String(), nullable=False, server_default=""),
        sa.Column("first_search_done", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("finished_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_index("ix_application_project_id", "application", ["project_id"])
    op.create_index("ix_application_project_naam", "application", ["project_id", "naam"])
    op.create_index("ix_application_project_due", "application", ["project_id", "letter_due"])


def downgrade() -> None:
    op.drop_table("application")
