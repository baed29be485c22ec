"""The main screen's first state, read with the standard library's sqlite3 (a SQLite file)
or with psycopg alone (a PostgreSQL server) while SQLModel still loads in the background
(importing it costs about 0.4 s): the gemeente, the marks and notes of the steps, the last
step and the number of late letters.

Read-only, and only for a database at today's schema; for anything else it returns None
and the app waits for the store, which says what is wrong. The late-letter rule is
status_sql.STATUS_SQL, the store's too (tests/app/test_quickread.py checks quickread and
the store agree, on both). Never imports Textual or SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any, NamedTuple

from hr_wizard.paths import is_url, sqlite_uri
from hr_wizard.remembered import last_step_setting, pick_project, project_setting
from hr_wizard.revisions import HEAD_REVISION
from hr_wizard.safe_text import clean
from hr_wizard.status_sql import STATUS_SQL


class QuickProject(NamedTuple):  # named tuples: cheaper to create than dataclasses, at every start
    id: int
    gemeente: str
    projectleider_naam: str
    projectleider_email: str
    debiteurnummer: str


class QuickStep(NamedTuple):
    step_key: str
    status: str
    note: str
    version: int


class QuickState(NamedTuple):
    project: QuickProject
    progress: dict[str, QuickStep]
    last_step: str = ""
    overdue: int = 0


_LATE = f"SELECT count(*) FROM application WHERE project_id = :project AND {STATUS_SQL['late']}"
Query = Callable[[str, dict[str, Any]], list[tuple[Any, ...]]]


def quick_state(location: str, actor: str, gemeente: str = "", today: dt.date | None = None) -> QuickState | None:
    """From a SQLite file with the standard library's sqlite3 (a few milliseconds: the app
    runs it before its first paint), or from a PostgreSQL server with psycopg alone (its
    import takes about 50 ms and the server may be slow: the app runs it in a thread)."""
    today = today or dt.date.today()
    if is_url(location):
        return _from_server(location, actor, gemeente, today)
    if not Path(location).is_file():
        return None
    try:
        with closing(sqlite3.connect(sqlite_uri(Path(location), mode="ro"), uri=True, timeout=1)) as connection:
            return _read(lambda sql, params: connection.execute(sql, params).fetchall(), actor, gemeente,
                         today.isoformat())  # SQLite keeps dates as ISO text
    except sqlite3.Error:  # locked, damaged, an older schema, not ours: the store will say what is wrong
        return None


# The store's rules for a server address (store/engines.py): only PostgreSQL, never a password
# in the address (libpq reads PGPASSWORD or ~/.pgpass), "postgresql" alone means psycopg.
_SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://")
_NAMED = re.compile(r"(?<![:\w]):([a-z_]+)")  # :name, as sqlite3 takes it, becomes psycopg's %(name)s


def _from_server(location: str, actor: str, gemeente: str, today: dt.date) -> QuickState | None:
    scheme = next((s for s in _SERVER_SCHEMES if location.startswith(s)), None)
    if scheme is None:
        return None
    try:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:
        return None
    address = "postgresql://" + location[len(scheme):]
    try:
        # What libpq itself will use (it ends the user part only at '@' or '/', where urllib
        # stops at '?' and '#' too): any password, and the store refuses the address instead.
        params = conninfo_to_dict(address)
        if params.keys() & {"password", "passfile"} or "," in str(params.get("host", "")) + str(params.get("hostaddr", "")):
            return None  # several hosts: libpq's connect timeout counts per host
        # A short wait: the store connects again anyway, and says what is wrong if it cannot.
        with psycopg.connect(address, autocommit=True, connect_timeout=2, options="-c statement_timeout=2000") as connection:
            def query(sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
                return connection.execute(_NAMED.sub(r"%(\1)s", sql), params).fetchall()

            return _read(query, actor, gemeente, today)
    except (psycopg.Error, OSError, ValueError):  # malformed, down, refused, an older schema: the store says what
        return None


def _setting(query: Query, key: str) -> str:
    rows = query("SELECT value FROM setting WHERE key = :key", {"key": key})
    return rows[0][0] if rows else ""


def _read(query: Query, actor: str, gemeente: str, today: object) -> QuickState | None:
    revision = query("SELECT version_num FROM alembic_version", {})
    if not revision or revision[0][0] != HEAD_REVISION:
        return None
    projects = [QuickProject(project_id, clean(gemeente), clean(naam), clean(email), clean(debiteur))
                for project_id, gemeente, naam, email, debiteur in query(
                    "SELECT id, gemeente, projectleider_naam, projectleider_email, debiteurnummer FROM project ORDER BY id", {})]
    project = pick_project(projects, gemeente, _setting(query, project_setting(actor)))
    if project is None:
        return None
    progress = {row[0]: QuickStep(row[0], row[1], clean(row[2]), row[3]) for row in query(
        "SELECT step_key, status, note, version FROM step_progress WHERE project_id = :project", {"project": project.id})}
    last_step = _setting(query, last_step_setting(project.id))
    overdue = query(_LATE, {"project": project.id, "today": today})[0][0]
    return QuickState(project, progress, last_step, overdue)
