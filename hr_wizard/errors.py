"""Errors the user must be told about. `str()` is Dutch and says what to do.

Kept apart from `store` so screens can catch them without importing the database layer
(and SQLAlchemy) on the start-up path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hr_wizard.paths import display_location
from hr_wizard.safe_text import clean
from hr_wizard.texts import text


class StoreError(Exception):
    """A database problem for the user. The message is cleaned of control characters: it may
    hold a path or a stored value, and it is printed on a terminal."""

    def __str__(self) -> str:
        return clean(super().__str__())


class NotADatabaseError(StoreError):
    """The file is there but is not (or no longer) a usable hr-wizard database."""

    def __init__(self, path: Path, why: str) -> None:
        self.path = path
        super().__init__(text("error_not_a_database", path=path, why=why))


class NewerDatabaseError(StoreError):
    def __init__(self, location: str, revision: str) -> None:
        super().__init__(text("error_newer_database", location=display_location(location), revision=revision))


class UnusableLocationError(StoreError):
    """No database can be made or read at the given place."""


class BusyError(StoreError):
    """Another desk or program holds the write lock longer than the busy timeout, or the
    server did not answer in time. Nothing was saved; the same action can simply be tried again."""

    def __init__(self, key: str = "error_busy") -> None:
        super().__init__(text(key))


class RestoredError(StoreError):
    """Another program restored the database (from a backup) while this desk had it open: what
    this desk shows and was about to save belongs to the file before. Nothing was done; the
    store must be reopened (the app does that on the next key)."""

    def __init__(self) -> None:
        super().__init__(text("error_restored"))


class ReadOnlyError(StoreError):
    def __init__(self) -> None:
        super().__init__(text("error_readonly"))


class ConflictError(StoreError):
    """Someone else saved the same record since it was read; `current` is their version."""

    def __init__(self, current: Any) -> None:
        self.current = current
        super().__init__(text("error_conflict"))


class DuplicateEmailError(StoreError):
    """One person, one application: this work e-mail address already has one (`existing_id`)."""

    def __init__(self, existing_id: int, naam: str) -> None:
        self.existing_id = existing_id
        self.naam = naam
        super().__init__(text("error_duplicate_email", naam=naam))
