"""The SQLite file itself: is it a database, can it be made, may we write there. No SQLAlchemy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from hr_wizard.errors import NotADatabaseError, UnusableLocationError
from hr_wizard.texts import text

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(path: Path) -> None:
    """Refuse files that are not SQLite databases, before SQLite tries to use them."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise UnusableLocationError(text("error_is_folder", path=path, example=path / "hr-wizard.sqlite")) from None
    except PermissionError:
        raise UnusableLocationError(text("error_no_read", path=path)) from None
    if len(header) == 0:
        raise NotADatabaseError(path, text("why_empty"))
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError(path, text("why_not_sqlite"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if page_count and path.stat().st_size < page_size * page_count:
        raise NotADatabaseError(path, text("why_truncated"))


def create_sqlite_file(path: Path) -> None:
    """A new, empty database in WAL mode, private to this user (folder 0700, file 0600)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = path.with_name(path.name + ".new")
        temp.unlink(missing_ok=True)
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        with sqlite3.connect(temp) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
        connection.close()
        os.replace(temp, path)  # atomic: no half-made database at the real name
    except OSError as exc:
        raise UnusableLocationError(text("error_cannot_create", folder=path.parent, reason=exc.strerror or exc)) from None


def is_writable(path: Path) -> bool:
    # WAL mode needs the folder writable too (for the -wal and -shm files).
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
