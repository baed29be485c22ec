"""What the screens know about a stored row without importing the database layer (cheap to
import: the start-up path uses it)."""

from __future__ import annotations

from typing import Protocol


class Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def row_id(row: Stored) -> int:
    """The id of a row that came from the database: only a row not saved yet has none."""
    if row.id is None:
        raise ValueError("a row that is not saved yet has no id")
    return row.id
