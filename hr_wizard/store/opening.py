"""Opening a database: which schema revision it has, and migrating it to ours (after a
backup copy of a SQLite file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from hr_wizard.errors import StoreError
from hr_wizard.paths import display_location
from hr_wizard.revisions import HEAD_REVISION
from hr_wizard.store.backup import backup_sqlite
from hr_wizard.texts import text

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def current_revision(engine: Engine) -> str | None:
    """The revision on a database server (PostgreSQL), or "foreign" for another program's
    tables. (A SQLite file is judged read-only before its engine is made: files.py.)"""
    from sqlalchemy import inspect

    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            return "foreign" if tables else None
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) != 1 or not rows[0][0]:
        raise StoreError(text("error_not_a_database", path=display_location(str(engine.url)), why=text("why_no_revision")))
    return rows[0][0]


def migrate(engine: Engine, path: Path | None, revision: str | None) -> None:
    from alembic import command  # deferred: only when the schema must change
    from alembic.config import Config

    if path is not None and revision is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_sqlite(path, path.with_name(f"{path.name}.voor-{HEAD_REVISION}-{stamp}.bak"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # SQLite changes a table by copying it and dropping the old one; with foreign keys on,
            # that drop would cascade into the rows that point at it (a terugmelding's history).
            # The pragma works only outside a transaction, so it goes to the driver first.
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("foreign key check failed after the migration")
        finally:
            if sqlite:
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
