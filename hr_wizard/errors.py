"""Errors the user must be told about. `str()` is Dutch and says what to do.

Kept apart from `store` so screens can catch them without importing the database layer
(and SQLAlchemy) on the start-up path.
"""

from __future__ import annotations

from pathlib import Path

from hr_wizard.paths import display_location


class StoreError(Exception):
    """A database problem for the user."""


class NotADatabaseError(StoreError):
    """The file is there but is not (or no longer) a usable hr-wizard database."""

    def __init__(self, path: Path, why: str) -> None:
        self.path = path
        super().__init__(f"Het bestand {path} is geen bruikbare HR-wizard-database: {why}")


class NewerDatabaseError(StoreError):
    def __init__(self, location: str, revision: str) -> None:
        super().__init__(
            f"De database {display_location(location)} is gemaakt met een nieuwere versie van hr-wizard "
            f"(schemaversie {revision}). Deze versie kan hem niet openen en verandert er niets aan. "
            "Installeer de nieuwste versie van hr-wizard."
        )


class UnusableLocationError(StoreError):
    """No database can be made or read at the given place."""


class ReadOnlyError(StoreError):
    def __init__(self) -> None:
        super().__init__("De database is alleen te lezen. Deze wijziging is niet bewaard.")


class ConflictError(StoreError):
    """Someone else saved the same record since it was read; `current` is their version."""

    def __init__(self, current: object) -> None:
        self.current = current
        super().__init__(
            "Iemand anders heeft dit intussen ook gewijzigd. Uw wijziging is niet bewaard; "
            "u ziet hieronder de andere versie."
        )
