"""Errors the user must be told about. `str()` is Dutch and says what to do.

Kept apart from `store` so screens can catch them without importing the database layer
(and SQLAlchemy) on the start-up path.
"""

from __future__ import annotations

from pathlib import Path

from hr_wizard.paths import display_location
from hr_wizard.texts import text


class StoreError(Exception):
    """A database problem for the user."""


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


class ReadOnlyError(StoreError):
    def __init__(self) -> None:
        super().__init__(text("error_readonly"))


class ConflictError(StoreError):
    """Someone else saved the same record since it was read; `current` is their version."""

    def __init__(self, current: object) -> None:
        self.current = current
        super().__init__(text("error_conflict"))
