"""Typing a letter while a list has focus goes to the list's search box, as in a file manager."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


def type_into(search: Input, event: events.Key) -> bool:
    """Send a typed character to `search` (focusing it) unless it already has focus; True if it did."""
    if search.has_focus or not event.is_printable or not event.character:
        return False
    search.focus()
    search.insert_text_at_cursor(event.character)
    event.stop()
    event.prevent_default()
    return True
