"""SQLAlchemy engines for a SQLite file and for a database server, with the settings that
keep several desks safe (busy timeout, write lock up front, UTC, no password from the URL,
a deadline for a server that stops answering)."""

from __future__ import annotations

import os
import socket
import threading
import weakref
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlmodel import create_engine

from hr_wizard.errors import BusyError, RestoredError, StoreError, UnusableLocationError
from hr_wizard.paths import sqlite_uri
from hr_wizard.store.locks import is_busy
from hr_wizard.texts import text

# How long a desk waits for another desk's write lock; HR_WIZARD_BUSY_TIMEOUT (seconds) lets
# a test make it short.
BUSY_TIMEOUT_S: float = float(os.environ.get("HR_WIZARD_BUSY_TIMEOUT", "15"))
CONNECT_TIMEOUT_S = 5
SERVER_DEADLINE_S: float = 8  # a statement on the server, after which the desk is told (well within 10 s)
# Per server engine: whether it ever connected, and whether its server did not answer the last
# time it was asked (until it answers again).
_SERVER_STATE: weakref.WeakKeyDictionary[Engine, dict[str, bool]] = weakref.WeakKeyDictionary()


def unanswered(engine: Engine) -> bool:
    """The database server did not answer this engine the last time it was asked: a convenience
    (a remembered setting) need not wait for it again, and ctrl+q quits at once."""
    return _SERVER_STATE.get(engine, {}).get("unanswered", False)


def sqlite_engine(path: Path, readonly: bool, journal_mode: str = "WAL") -> Engine:
    busy = BUSY_TIMEOUT_S
    url = URL.create("sqlite", database=sqlite_uri(path, mode="ro" if readonly else "rw"), query={"uri": "true"})
    engine = create_engine(url, connect_args={"timeout": busy, "isolation_level": None})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy * 1000)}")
        if not readonly:
            cursor.execute(f"PRAGMA journal_mode={journal_mode}")
            cursor.execute("PRAGMA synchronous=NORMAL" if journal_mode == "WAL" else "PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")  # erased personal data is overwritten, not left in free pages
        cursor.close()

    marker: dict[str, int | None] = {"seen": None}
    _RESTORE_MARKER[engine] = marker

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # Writers take the write lock up front, so two desks queue on the busy timeout
        # instead of failing with "database is locked" when a reader upgrades to a writer.
        write = connection.get_execution_options().get("hr_write", False) and not readonly
        driver = connection.connection.dbapi_connection
        if not write:  # before BEGIN: a read of its own would keep a snapshot (and block a checkpoint)
            _check_marker(driver, marker)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
        if write:  # under the write lock: no restore can come in between
            _check_marker(driver, marker, rollback=True)

    @event.listens_for(engine, "handle_error")
    def _busy(context) -> None:
        if is_busy(context.original_exception):
            raise BusyError() from None

    return engine


def _check_marker(driver, marker: dict[str, int | None], rollback: bool = False) -> None:
    """A restore (backup.py) raises user_version: read from the header page SQLite already
    holds (a few microseconds, and not a statement SQLAlchemy counts), all of it, so that the
    statement ends and keeps no read open."""
    try:
        current = driver.execute("PRAGMA user_version").fetchall()[0][0]
    except Exception as exc:  # the driver's own error: SQLAlchemy does not see this statement
        if is_busy(exc):  # the rollback journal (a network folder): a writer holds the file
            raise BusyError() from None
        raise
    if marker["seen"] is None:
        marker["seen"] = current
    elif current != marker["seen"]:
        if rollback:
            driver.execute("ROLLBACK")
        raise RestoredError()


# Per SQLite engine: the restore marker (PRAGMA user_version) it saw in its first transaction.
_RESTORE_MARKER: weakref.WeakKeyDictionary[Engine, dict[str, int | None]] = weakref.WeakKeyDictionary()


def restored(engine: Engine) -> bool:
    """The file under this SQLite engine was restored since its first transaction (one cheap
    read of the marker, outside SQLAlchemy's statements)."""
    marker = _RESTORE_MARKER.get(engine)
    if marker is None or marker["seen"] is None:
        return False
    try:
        raw = engine.raw_connection()
        try:
            driver = raw.driver_connection
            if driver is None:  # the connection was closed meanwhile: the action itself will say why
                return False
            return driver.execute("PRAGMA user_version").fetchall()[0][0] != marker["seen"]
        finally:
            raw.close()
    except Exception:  # the file cannot be read now: the action itself will say why
        return False


def accept_restore(engine: Engine) -> None:
    """Work on the restored file from now on (its marker is the one to compare with)."""
    marker = _RESTORE_MARKER.get(engine)
    if marker is not None:
        marker["seen"] = None


def server_url(location: str):
    """The parsed address, refused if it holds a password anywhere (the user part, ?password=)
    or cannot be read; the message never repeats the address."""
    from sqlalchemy.engine import make_url

    try:
        url = make_url(location)
    except Exception:  # a malformed address: say so without echoing it (it may hold a password)
        raise UnusableLocationError(text("error_bad_url")) from None
    query_keys = {key.lower() for key in url.query}
    if url.password is not None or "password" in query_keys or "passfile" in query_keys:
        raise UnusableLocationError(text("error_password_in_url", location=safe_location(location)))
    return url


def safe_location(location: str) -> str:
    """The address for people to read: scheme, user, host, port and database, nothing else."""
    from hr_wizard.paths import display_location

    return display_location(location)


def server_engine(location: str) -> Engine:
    """An engine for a database server. The password never comes from the URL: libpq reads
    PGPASSWORD, ~/.pgpass or a service file itself."""
    url = server_url(location)
    if not url.drivername.startswith("postgresql"):
        raise UnusableLocationError(text("error_unsupported_url", scheme=url.drivername))
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    deadline = SERVER_DEADLINE_S
    # Keepalives and tcp_user_timeout notice a server or network that is gone; the statement
    # timeout a server that is too slow; the watchdog below a server that stopped answering.
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S, "keepalives": 1, "keepalives_idle": 3,
                    "keepalives_interval": 1, "keepalives_count": 3, "tcp_user_timeout": int(deadline * 1000),
                    "options": f"-c statement_timeout={int(deadline * 1000)}"}
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=False, hide_parameters=True)
    state = _SERVER_STATE.setdefault(engine, {"connected": False, "unanswered": False})

    @event.listens_for(engine, "connect")
    def _utc(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")  # timestamps are stored as UTC, as on SQLite
        dbapi_connection.commit()
        state.update(connected=True, unanswered=False)  # once connected, a failed connect is the server gone

    @event.listens_for(engine, "before_cursor_execute")
    def _arm(connection, cursor, statement, parameters, context, executemany) -> None:
        connection.info["hr_watchdog"] = _watchdog(connection.connection.dbapi_connection, deadline + 1)

    @event.listens_for(engine, "after_cursor_execute")
    def _disarm(connection, cursor, statement, parameters, context, executemany) -> None:
        timer = connection.info.pop("hr_watchdog", None)
        if timer is not None:
            timer.cancel()
        state["unanswered"] = False

    @event.listens_for(engine, "handle_error")
    def _told(context) -> None:
        if context.connection is not None:
            timer = context.connection.info.pop("hr_watchdog", None)
            if timer is not None:
                timer.cancel()
        if context.is_pre_ping:
            return
        if context.connection is None:  # connecting: Store.open words those errors itself,
            if state["connected"]:  # later the server stopped answering or went away
                state["unanswered"] = True
                raise BusyError("error_server_gone") from None
            return
        name = type(context.original_exception).__name__
        if name == "QueryCanceled":
            state["unanswered"] = True
            raise BusyError("error_server_slow") from None
        if context.is_disconnect:
            state["unanswered"] = True
            raise BusyError("error_server_gone") from None

    return engine


def _watchdog(dbapi_connection, seconds: float) -> threading.Timer:
    """Shut the socket of a statement that got no answer in time: the wait ends with a
    lost connection (told in Dutch; the next action connects again), even when the server
    process is stopped and its machine still acknowledges every packet."""

    def fire() -> None:
        try:
            fd = dbapi_connection.pgconn.socket
            sock = socket.socket(fileno=os.dup(fd))
            try:
                sock.shutdown(socket.SHUT_RDWR)
            finally:
                sock.close()
        except Exception:  # already closed: nothing to end
            pass

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    return timer


def server_error(location: str, exc: Exception) -> StoreError:
    """A Dutch message for why a database server could not be used (no password in it)."""
    url = server_url(location)
    detail = str(getattr(exc, "orig", exc) or exc).lower()
    where = {"host": url.host or "localhost", "port": url.port or 5432, "user": url.username or "", "database": url.database or ""}
    if "does not exist" in detail and "database" in detail:
        return UnusableLocationError(text("error_pg_no_database", **where))
    if "password" in detail or "authentication" in detail or ("role" in detail and "does not exist" in detail):
        return UnusableLocationError(text("error_pg_login", **where))
    if "no module named" in detail or isinstance(exc, ModuleNotFoundError):
        return UnusableLocationError(text("error_pg_driver"))
    return UnusableLocationError(text("error_pg_unreachable", seconds=CONNECT_TIMEOUT_S, **where))
