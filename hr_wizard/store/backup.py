"""Backups and restores of a SQLite database, with SQLite's online backup API (safe while
others write)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

from hr_wizard.errors import NewerDatabaseError, NotADatabaseError, StoreError
from hr_wizard.revisions import KNOWN_REVISIONS
from hr_wizard.store.base import StoreBase
from hr_wizard.store.files import check_sqlite_file
from hr_wizard.texts import text


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API (safe while others write)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    return target



class BackupStore(StoreBase):
    def backup_to(self, target: Path) -> Path:
        """A consistent copy while others keep working (SQLite's online backup API)."""
        if self.path is None:
            raise StoreError(text("error_backup_not_sqlite"))
        return backup_sqlite(self.path, target)



def check_restorable(path: Path) -> str:
    """The schema revision of an hr-wizard database file, or StoreError if it cannot be restored."""
    check_sqlite_file(path)
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables or "project" not in tables:
                raise NotADatabaseError(path, text("why_foreign"))
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise NotADatabaseError(path, text("why_damaged"))
        connection.close()
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(path, text("why_unreadable", reason=exc)) from None
    if revision is None or revision[0] not in KNOWN_REVISIONS:
        raise NewerDatabaseError(str(path), revision[0] if revision else "?")
    return revision[0]


def restore_sqlite(source: Path, target: Path) -> Path | None:
    """Replace the database at `target` by `source`, after checking `source` and keeping a
    copy of the current file next to it. Returns the path of that copy (None if there was none)."""
    check_restorable(source)
    kept = None
    if target.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = backup_sqlite(target, target.with_name(f"{target.name}.voor-herstel-{stamp}.bak"))
    else:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)  # writes through SQLite, so the target's -wal stays consistent
    src.close()
    dst.close()
    return kept
