"""SQLAlchemy engines for a SQLite file and for a database server, with the settings that
keep several desks safe (busy timeout, write lock up front, UTC, no password from the URL)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import create_engine

from hr_wizard.errors import StoreError, UnusableLocationError
from hr_wizard.paths import display_location
from hr_wizard.texts import text

BUSY_TIMEOUT_S = 15
CONNECT_TIMEOUT_S = 5


def sqlite_engine(path: Path, readonly: bool) -> Engine:
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if readonly else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "isolation_level": None})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        if not readonly:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: durable across process crashes
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")  # erased personal data is overwritten, not left in free pages
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # Writers take the write lock up front, so two desks queue on the busy timeout
        # instead of failing with "database is locked" when a reader upgrades to a writer.
        write = connection.get_execution_options().get("hr_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write and not readonly else "BEGIN")

    return engine



def server_engine(location: str) -> Engine:
    """An engine for a database server. The password never comes from the URL: libpq reads
    PGPASSWORD, ~/.pgpass or a service file itself."""
    from sqlalchemy.engine import make_url

    url = make_url(location)
    if url.password:
        raise UnusableLocationError(text("error_password_in_url", location=display_location(location)))
    if not url.drivername.startswith("postgresql"):
        raise UnusableLocationError(text("error_unsupported_url", scheme=url.drivername))
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _utc(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")  # timestamps are stored as UTC, as on SQLite
        dbapi_connection.commit()

    return engine


def server_error(location: str, exc: Exception) -> StoreError:
    """A Dutch message for why a database server could not be used (no password in it)."""
    from sqlalchemy.engine import make_url

    url = make_url(location)
    detail = str(getattr(exc, "orig", exc) or exc).lower()
    where = {"host": url.host or "localhost", "port": url.port or 5432, "user": url.username or "", "database": url.database or ""}
    if "does not exist" in detail and "database" in detail:
        return UnusableLocationError(text("error_pg_no_database", **where))
    if "password" in detail or "authentication" in detail or ("role" in detail and "does not exist" in detail):
        return UnusableLocationError(text("error_pg_login", **where))
    if "no module named" in detail or isinstance(exc, ModuleNotFoundError):
        return UnusableLocationError(text("error_pg_driver"))
    return UnusableLocationError(text("error_pg_unreachable", seconds=CONNECT_TIMEOUT_S, **where))
