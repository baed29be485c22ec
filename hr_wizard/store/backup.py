"""Backups and restores of a SQLite database, with SQLite's online backup API (safe while
others write). Copies are private (0600) from their first byte and never replace a file
unless asked; a restore checks the copy whole and migrates it before it is put in place."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from hr_wizard.errors import NotADatabaseError, StoreError
from hr_wizard.paths import sqlite_uri
from hr_wizard.private_file import PRIVATE, private_path
from hr_wizard.store.base import StoreBase
from hr_wizard.store.files import check_sqlite_file, inspect_sqlite_file
from hr_wizard.texts import text


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup from `source` (read-only) into the existing file `target`."""
    with closing(sqlite3.connect(sqlite_uri(source, mode="ro"), uri=True)) as src, \
            closing(sqlite3.connect(sqlite_uri(target, mode="rw"), uri=True)) as dst:
        src.backup(dst)


def backup_sqlite(source: Path, target: Path, overwrite: bool = False) -> Path:
    """Copy a live database with SQLite's online backup API (safe while others write)."""
    with private_path(target, overwrite, live=str(source)) as temp:
        _copy(source, temp)
    return target


class BackupStore(StoreBase):
    def backup_to(self, target: Path, overwrite: bool = False) -> Path:
        """A consistent copy while others keep working (SQLite's online backup API)."""
        if self.path is None:
            raise StoreError(text("error_backup_not_sqlite"))
        return backup_sqlite(self.path, target, overwrite)

    def restored(self) -> bool:
        """Another process restored this SQLite file since the store opened it (see
        _mark_restored). Every transaction checks it too and raises RestoredError; this asks
        without one, so the app can reopen before a screen reads anything."""
        if self.path is None:
            return False
        from hr_wizard.store.engines import restored

        return restored(self.engine)

    def accept_restore(self) -> None:
        """Work on the restored file from now on: no RestoredError for it any more."""
        from hr_wizard.store.engines import accept_restore

        accept_restore(self.engine)


def check_restorable(path: Path) -> str:
    """The schema revision of an hr-wizard database file, or StoreError if it cannot be restored:
    read-only, SQLite's full integrity_check, a known revision."""
    if not path.is_file():
        raise StoreError(text("error_restore_missing", path=path))
    header = check_sqlite_file(path)
    revision = inspect_sqlite_file(path, header, timeout=5)
    if revision is None:
        raise NotADatabaseError(path, text("why_foreign"))
    try:
        with closing(sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)) as connection:
            if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                raise NotADatabaseError(path, text("why_damaged"))
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(path, text("why_unreadable", reason=exc)) from None
    return revision


def _missing_parts(path: Path) -> list[str]:
    """The tables and columns of today's models that the file lacks."""
    from sqlmodel import SQLModel

    import hr_wizard.models  # noqa: F401  (the tables)

    missing = []
    with closing(sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)) as connection:
        for table in SQLModel.metadata.sorted_tables:
            columns = {row[1] for row in connection.execute("SELECT * FROM pragma_table_info(?)", (table.name,))}
            if not columns:
                missing.append(table.name)
            missing += [f"{table.name}.{column.name}" for column in table.columns if columns and column.name not in columns]
    return missing


def _prepared(source: Path, work: Path, revision: str) -> None:
    """`work` becomes a copy of `source`, migrated to today's schema and checked complete."""
    from hr_wizard.revisions import HEAD_REVISION
    from hr_wizard.store.engines import sqlite_engine
    from hr_wizard.store.opening import migrate

    _copy(source, work)
    if revision != HEAD_REVISION:
        engine = sqlite_engine(work, readonly=False, journal_mode="DELETE")
        try:
            migrate(engine, None, revision)
        finally:
            engine.dispose()
    missing = _missing_parts(work)
    if missing:
        raise NotADatabaseError(source, text("why_incomplete", missing=", ".join(missing[:5])))


def restore_sqlite(source: Path, target: Path) -> Path | None:
    """Replace the database at `target` by `source`, after checking `source` whole, migrating a
    copy of it and keeping a copy of the current file next to it. Returns the path of that
    copy (None if there was none). Desks that have the file open see the new contents."""
    revision = check_restorable(source)
    if not target.parent.is_dir():
        raise StoreError(text("error_output_no_folder", folder=target.parent))
    temp = target.with_name(f".{target.name}.herstel-{os.getpid()}")
    os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
    try:
        _prepared(source, temp, revision)
        kept = None
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = backup_sqlite(target, target.with_name(f"{target.name}.voor-herstel-{stamp}.bak"))
        else:
            with suppress(FileExistsError):
                os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
        _mark_restored(temp, target)
        _copy(temp, target)  # writes through SQLite, so the target's -wal stays consistent
    finally:
        temp.unlink(missing_ok=True)
        temp.with_name(temp.name + "-journal").unlink(missing_ok=True)
    return kept


def _mark_restored(work: Path, target: Path) -> None:
    """A new user_version tells desks that have `target` open that it was restored under them."""
    try:
        with closing(sqlite3.connect(sqlite_uri(target, mode="ro"), uri=True)) as connection:
            old = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        old = 0
    with closing(sqlite3.connect(sqlite_uri(work, mode="rw"), uri=True)) as connection:
        connection.execute(f"PRAGMA user_version={int(old) + 1}")
        connection.commit()
