"""Alembic environment. hr-wizard runs migrations itself (store.migrate) and passes
the open connection in `config.attributes["connection"]`."""

from alembic import context

from hr_wizard.models import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
