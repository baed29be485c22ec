"""Stable English codes for every stored status and choice (the words come from the content
file), and the columns round 2 needs: the furthest step reached, how the toegangscode came,
the kiosk's resume code, the end of an account's life and its periodic review, and the
address and follow-up date of a terugmelding.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# (table, column, {old stored value: new code})
RENAMES = [
    ("step_progress", "status", {"bezig": "in_progress", "klaar": "done", "overgeslagen": "skipped"}),
    ("terugmelding", "status", {
        "concept": "draft", "gemeld": "reported", "in_behandeling": "in_progress", "ingepland": "scheduled",
        "onvoldoende_informatie": "insufficient_information", "verkeerde_bronhouder": "wrong_source_holder",
        "ingetrokken": "withdrawn", "afgehandeld": "resolved"}),
    ("terugmelding_status", "status", {
        "concept": "draft", "gemeld": "reported", "in_behandeling": "in_progress", "ingepland": "scheduled",
        "onvoldoende_informatie": "insufficient_information", "verkeerde_bronhouder": "wrong_source_holder",
        "ingetrokken": "withdrawn", "afgehandeld": "resolved"}),
    ("terugmelding", "object", {
        "maatschappelijke activiteit": "business_activity", "onderneming": "enterprise", "vestiging": "establishment",
        "rechtspersoon": "legal_entity", "eigenaar": "owner", "functionaris": "officer"}),
    ("process", "source", {"eigen registratie": "own_register", "Handelsregister": "handelsregister", "beide": "both"}),
    ("preparation", "terugmelden", {"ja": "yes", "nee": "no", "nog niet besloten": "undecided"}),
    ("preparation", "existing_connection", {"ja": "yes", "nee": "no"}),
    ("application", "debiteur_choice", {"organisatie": "organisation", "nieuw": "new", "geen": "none"}),
]


# The audit trail: kinds and actions as codes, and the values in its details too.
AUDIT_ENTITIES = {"stap": "step", "aanvraag": "application", "voorbereiding": "preparation", "proces": "process"}
AUDIT_ACTIONS = {"aangemaakt": "created", "gewijzigd": "changed", "verwijderd": "deleted", "vergeten": "forgotten",
                 "geïmporteerd": "imported"}
_YES_NO = {"ja": "yes", "nee": "no", "nog niet besloten": "undecided"}
_BOOLEANS = {"ja": "true", "nee": "false"}
AUDIT_VALUES = {
    ("step", "status"): RENAMES[0][2], ("terugmelding", "status"): RENAMES[1][2], ("", "object"): RENAMES[3][2],
    ("", "source"): RENAMES[4][2], ("", "terugmelden"): _YES_NO, ("", "existing_connection"): _YES_NO,
    ("", "debiteur_choice"): RENAMES[7][2], ("", "first_search_done"): _BOOLEANS, ("", "website_consulted"): _BOOLEANS,
    ("", "form_filled"): _BOOLEANS, ("", "not_registered"): _BOOLEANS, ("", "nevenvestiging"): _BOOLEANS,
}


def _audit_detail(entity: str, action: str, detail: str) -> str:
    if action == "imported":
        count = detail.split(" ", 1)[0]
        return f"count: {count}" if count.isdigit() else ""
    if action == "forgotten":
        return ""
    items = []
    for item in filter(None, detail.split(", ")):
        name, colon, value = item.partition(": ")
        if name == "notitie" and not colon:
            name = "note"
        if colon:
            mapping = AUDIT_VALUES.get((entity, name)) or AUDIT_VALUES.get(("", name)) or {}
            value = "" if value == "leeg" else mapping.get(value, value)
        items.append(f"{name}: {value}" if colon else name)
    return ", ".join(items)


def _convert_audit() -> None:
    connection = op.get_bind()
    changes = []
    for row_id, entity, action, detail in connection.execute(sa.text("SELECT id, entity, action, detail FROM audit")):
        entity = AUDIT_ENTITIES.get(entity, entity)
        action = AUDIT_ACTIONS.get(action, action)
        changes.append({"entity": entity, "action": action, "detail": _audit_detail(entity, action, detail), "id": row_id})
    if changes:  # one statement, many rows
        connection.execute(sa.text("UPDATE audit SET entity = :entity, action = :action, detail = :detail WHERE id = :id"),
                           changes)


def _rename(table: str, column: str, mapping: dict[str, str]) -> None:
    for old, new in mapping.items():
        op.execute(sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old").bindparams(new=new, old=old))


def upgrade() -> None:
    for table, column, mapping in RENAMES:
        _rename(table, column, mapping)
    _convert_audit()
    with op.batch_alter_table("process") as batch:
        batch.alter_column("source", server_default="own_register", existing_type=sa.String(), existing_nullable=False)
    with op.batch_alter_table("terugmelding") as batch:
        batch.add_column(sa.Column("adres_straat", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("adres_postcode", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("adres_plaats", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("follow_up_on", sa.Date(), nullable=True))
    with op.batch_alter_table("application") as batch:
        batch.add_column(sa.Column("furthest_step", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("code_channel", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("resume_code_hash", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("resume_code_expires", sa.Date(), nullable=True))
        batch.add_column(sa.Column("offboarded_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("code_revoked_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("autorisaties_revoked_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("access_reviewed_on", sa.Date(), nullable=True))
    # Until now the page on screen was the only step stored; it is at least the furthest reached.
    op.execute("UPDATE application SET furthest_step = current_step")
    op.execute("UPDATE application SET code_channel = 'letter' WHERE letter_received IS NOT NULL")
    op.create_table(
        "kiosk_resume_attempt",
        sa.Column("email_key", sa.String(), primary_key=True),  # a hash of gemeente and e-mail, not the address
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("kiosk_resume_attempt")
    with op.batch_alter_table("application") as batch:
        for column in ("access_reviewed_on", "autorisaties_revoked_on", "code_revoked_on", "offboarded_on",
                       "resume_code_expires", "resume_code_hash", "code_channel", "furthest_step"):
            batch.drop_column(column)
    with op.batch_alter_table("terugmelding") as batch:
        for column in ("follow_up_on", "adres_plaats", "adres_postcode", "adres_straat"):
            batch.drop_column(column)
    with op.batch_alter_table("process") as batch:
        batch.alter_column("source", server_default="eigen registratie", existing_type=sa.String(), existing_nullable=False)
    for table, column, mapping in RENAMES:
        _rename(table, column, {new: old for old, new in mapping.items()})
    # The audit trail keeps its codes: an older hr-wizard shows them as they are.
