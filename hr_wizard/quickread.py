"""The main screen's first state, read with the standard library's sqlite3 while SQLModel
still loads in the background (importing it costs about 0.4 s): the gemeente, the marks
and notes of the steps, the last step and the number of late letters.

Read-only, and only for a SQLite file at today's schema; for anything else it returns
None and the app waits for the store. The late-letter rule is applications.STATUS_SQL, the
store's too (tests/app/test_quickread.py checks quickread and the store agree).
Never imports Textual or SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from hr_wizard.applications import STATUS_SQL
from hr_wizard.paths import is_url, sqlite_uri
from hr_wizard.remembered import last_step_setting, pick_project, project_setting
from hr_wizard.revisions import HEAD_REVISION
from hr_wizard.safe_text import clean


@dataclass
class QuickProject:
    id: int
    gemeente: str
    projectleider_naam: str
    projectleider_email: str
    debiteurnummer: str


@dataclass(frozen=True)
class QuickStep:
    step_key: str
    status: str
    note: str
    version: int


@dataclass(frozen=True)
class QuickState:
    project: QuickProject
    progress: dict[str, QuickStep] = field(default_factory=dict)
    last_step: str = ""
    overdue: int = 0


_LATE = f"SELECT count(*) FROM application WHERE project_id = :project AND {STATUS_SQL['late']}"


def quick_state(location: str, actor: str, gemeente: str = "", today: dt.date | None = None) -> QuickState | None:
    if is_url(location) or not Path(location).is_file():
        return None
    try:
        with closing(sqlite3.connect(sqlite_uri(Path(location), mode="ro"), uri=True, timeout=1)) as connection:
            return _read(connection, actor, gemeente, today or dt.date.today())
    except sqlite3.Error:  # locked, damaged, an older schema, not ours: the store will say what is wrong
        return None


def _setting(connection: sqlite3.Connection, key: str) -> str:
    row = connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return row[0] if row else ""


def _read(connection: sqlite3.Connection, actor: str, gemeente: str, today: dt.date) -> QuickState | None:
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != HEAD_REVISION:
        return None
    projects = [QuickProject(project_id, clean(gemeente), clean(naam), clean(email), clean(debiteur))
                for project_id, gemeente, naam, email, debiteur in connection.execute(
                    "SELECT id, gemeente, projectleider_naam, projectleider_email, debiteurnummer FROM project ORDER BY id")]
    project = pick_project(projects, gemeente, _setting(connection, project_setting(actor)))
    if project is None:
        return None
    progress = {row[0]: QuickStep(row[0], row[1], clean(row[2]), row[3]) for row in connection.execute(
        "SELECT step_key, status, note, version FROM step_progress WHERE project_id = ?", (project.id,))}
    last_step = _setting(connection, last_step_setting(project.id))
    overdue = connection.execute(_LATE, {"project": project.id, "today": today.isoformat()}).fetchone()[0]
    return QuickState(project, progress, last_step, overdue)
