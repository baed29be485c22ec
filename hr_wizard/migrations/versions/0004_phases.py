"""Fase 1 and Fase 2 tools: preparation record, process inventory, terugmeldingen.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "preparation",
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("project.id"), primary_key=True),
        sa.Column("website_consulted", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("form_filled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("terugmelden", sa.String(), nullable=False, server_default=""),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("contact_naam", sa.String(), nullable=False, server_default=""),
        sa.Column("contact_email", sa.String(), nullable=False, server_default=""),
        sa.Column("existing_connection", sa.String(), nullable=False, server_default=""),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_table(
        "process",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("project.id"), nullable=False),
        sa.Column("naam", sa.String(), nullable=False),
        sa.Column("afdeling", sa.String(), nullable=False, server_default=""),
        sa.Column("eigenaar", sa.String(), nullable=False, server_default=""),
        sa.Column("hr_data", sa.String(), nullable=False, server_default=""),
        sa.Column("source", sa.String(), nullable=False, server_default="eigen registratie"),
        sa.Column("switch_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_index("ix_process_project_id", "process", ["project_id"])
    op.create_table(
        "terugmelding",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("project.id"), nullable=False),
        sa.Column("status", sa.String(), nullable=False, server_default="concept"),
        sa.Column("kvk_nummer", sa.String(), nullable=False, server_default=""),
        sa.Column("not_registered", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("nevenvestiging", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("vestigingsnummer", sa.String(), nullable=False, server_default=""),
        sa.Column("object", sa.String(), nullable=False, server_default=""),
        sa.Column("attribute", sa.String(), nullable=False, server_default=""),
        sa.Column("betwijfelde_waarde", sa.String(), nullable=False, server_default=""),
        sa.Column("voorgestelde_waarde", sa.String(), nullable=False, server_default=""),
        sa.Column("peilmoment", sa.Date(), nullable=True),
        sa.Column("toelichting", sa.String(), nullable=False, server_default=""),
        sa.Column("referentie", sa.String(), nullable=False, server_default=""),
        sa.Column("melder_naam", sa.String(), nullable=False, server_default=""),
        sa.Column("melder_email", sa.String(), nullable=False, server_default=""),
        sa.Column("melder_telefoon", sa.String(), nullable=False, server_default=""),
        sa.Column("melder_afdeling", sa.String(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_index("ix_terugmelding_project_id", "terugmelding", ["project_id"])
    op.create_table(
        "terugmelding_status",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("terugmelding_id", sa.Integer(), sa.ForeignKey("terugmelding.id", ondelete="CASCADE"), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_terugmelding_status_terugmelding_id", "terugmelding_status", ["terugmelding_id"])


def downgrade() -> None:
    op.drop_table("terugmelding_status")
    op.drop_table("terugmelding")
    op.drop_table("process")
    op.drop_table("preparation")
