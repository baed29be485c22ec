"""How progress reads: the codes of a roadmap step's status and the marks that show them
without colour. Pure: never imports Textual or the database layer."""

from __future__ import annotations

STEP_STATUSES = ("todo", "in_progress", "done", "skipped")
STEP_MARKS = {"todo": "[ ]", "in_progress": "[~]", "done": "[x]", "skipped": "[-]"}
