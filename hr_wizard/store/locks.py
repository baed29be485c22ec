"""A database that is busy: another desk or program holds the write lock longer than the
busy timeout, or a server does not answer in time. Told in Dutch, never a crash."""

from __future__ import annotations

from hr_wizard.errors import BusyError

_BUSY = ("database is locked", "database table is locked", "database is busy")


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" (SQLITE_BUSY), from sqlite3 or wrapped by SQLAlchemy."""
    detail = str(getattr(exc, "orig", None) or exc).lower()
    return any(words in detail for words in _BUSY)


def busy_error() -> BusyError:
    return BusyError()
