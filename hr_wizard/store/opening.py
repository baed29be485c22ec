"""Opening a database: which schema revision it has, and migrating it to ours (after a
backup copy of a SQLite file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from hr_wizard.revisions import HEAD_REVISION
from hr_wizard.store.backup import backup_sqlite

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def current_revision(engine: Engine) -> str | None:
    if engine.dialect.name != "sqlite":
        return server_revision(engine)
    with engine.connect() as connection:
        has_version = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not has_version:
            other = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar()
            return "foreign" if other else None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def server_revision(engine: Engine) -> str | None:
    """The revision on a database server (PostgreSQL), or "foreign" for another program's tables."""
    from sqlalchemy import inspect

    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            return "foreign" if tables - {"alembic_version"} else None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None



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
