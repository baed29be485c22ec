"""The audit trail's words: what the store writes (stable codes, never personal data) and
how the logboek reads it in Dutch. Pure: never imports Textual or the database layer.

A record is named by its kind and number; `detail` lists the changed fields, with the value
for the fields below that say nothing about a person ("status: done, applied_on: 2026-04-24"),
and only the name for the others ("naam, email").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

ENTITIES = ("project", "step", "application", "preparation", "process", "terugmelding")
ACTIONS = ("created", "changed", "deleted", "forgotten", "imported")

# Fields whose values say nothing about a person, so the trail may keep them.
SHOWS_VALUE = frozenset({
    "status", "current_step", "furthest_step", "applied_on", "letter_due", "letter_received", "code_channel",
    "debiteur_choice", "first_search_done", "finished_on", "website_consulted", "form_filled", "terugmelden", "sent_on",
    "existing_connection", "source", "switch_on", "object", "not_registered", "nevenvestiging", "peilmoment",
    "follow_up_on", "offboarded_on", "code_revoked_on", "autorisaties_revoked_on", "access_reviewed_on", "count",
})
# The text key prefix that words a coded value, by field (and by kind of record for "status").
_VALUE_WORDS = {
    ("step", "status"): "status_", ("terugmelding", "status"): "tm_status_", ("", "source"): "source_",
    ("", "terugmelden"): "answer_", ("", "existing_connection"): "answer_", ("", "debiteur_choice"): "debiteur_",
    ("", "object"): "tm_object_", ("", "code_channel"): "channel_",
}

Text = Callable[..., str]


def stored_value(value: Any) -> str:
    """A value as the trail keeps it: codes and numbers as they are, dates ISO, yes/no as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def detail_of(changes: Mapping[str, Any]) -> str:
    """The stored detail for changed fields: "field: value" where the value may be kept, else the name."""
    return ", ".join(f"{name}: {stored_value(changes[name])}" if name in SHOWS_VALUE else name for name in sorted(changes))


def _parse(detail: str) -> list[tuple[str, str | None]]:
    items: list[tuple[str, str | None]] = []
    for item in filter(None, (part.strip() for part in detail.split(","))):
        name, colon, value = item.partition(":")
        items.append((name.strip(), value.strip() if colon else None))
    return items


def _word(text: Text, key: str, fallback: str) -> str:
    try:
        return text(key)
    except KeyError:  # a value or field this version has no word for (an older or newer trail)
        return fallback


def _value_words(entity: str, name: str, value: str, text: Text) -> str:
    if value == "":
        return text("audit_empty_value")
    if value in ("true", "false"):
        return text("answer_yes" if value == "true" else "answer_no")
    try:
        return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
    except ValueError:
        pass
    prefix = _VALUE_WORDS.get((entity, name)) or _VALUE_WORDS.get(("", name))
    return _word(text, f"{prefix}{value}", value) if prefix else value


def describe(entity: str, action: str, detail: str, text: Text) -> str:
    """The detail in Dutch: field names and coded values in words, dates as dd-mm-jjjj."""
    items = _parse(detail)
    if action == "imported":
        count = next((value for name, value in items if name == "count"), "?")
        return text("audit_detail_imported", count=count)
    if action == "forgotten":
        return text("audit_detail_forgotten")
    words = []
    for name, value in items:
        field = _word(text, f"field_{name}", name)
        words.append(field if value is None else f"{field}: {_value_words(entity, name, value, text)}")
    return ", ".join(words)


def search_terms(typed: str, words: Iterable[tuple[str, str]]) -> list[str]:
    """What to look for in the stored trail when the user types `typed`: the text itself and
    every code whose Dutch word contains it ("klaar" also finds "done"). `words`: (code, word)."""
    wanted = typed.strip().casefold()
    if not wanted:
        return []
    return [typed.strip(), *sorted({code for code, word in words if wanted in word.casefold()})]
