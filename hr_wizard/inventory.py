"""Fase 2's process inventory and Fase 1's preparation record: the fields and their rules.

Pure: never imports Textual or the database layer.
"""

from __future__ import annotations

from collections.abc import Callable

from hr_wizard import validation as v
from hr_wizard.validation import Check

# Stored codes; the words are source_<code> and answer_<code> in the content file.
SOURCES = ("own_register", "handelsregister", "both")
SOURCE_DONE = "handelsregister"  # a process is over when the HR is its only source
SOURCE_MARKS = {"own_register": "[ ]", "both": "[~]", "handelsregister": "[x]"}

PROCESS_RULES: dict[str, Callable[[str], Check]] = {
    "naam": lambda s: v.short_text(s, "proces_naam", required=True, max_length=80),
    "afdeling": lambda s: v.optional(v.team_name(s), s),
    "eigenaar": lambda s: v.optional(v.person_name(s), s),
    "hr_data": lambda s: v.short_text(s, "hr_data"),
    "switch_on": v.optional_date,
    "note": v.note,
}

YES_NO_UNKNOWN = ("yes", "no", "undecided")
YES_NO = ("yes", "no")

PREPARATION_RULES: dict[str, Callable[[str], Check]] = {
    "sent_on": v.optional_date,
    "contact_naam": lambda s: v.optional(v.person_name(s), s),
    "contact_email": lambda s: v.optional(v.work_email(s), s),
    "note": v.note,
}
