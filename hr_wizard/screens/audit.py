"""Logboek: who changed what and when, newest first, filtered by text and by kind."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from hr_wizard.audit_trail import ACTIONS, ENTITIES, describe, search_terms
from hr_wizard.rows import row_id
from hr_wizard.ui import wizard
from hr_wizard.widgets.field import QuietInput
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.type_to_filter import type_into

if TYPE_CHECKING:
    from hr_wizard.models import AuditEntry, Project
    from hr_wizard.store import Store

KINDS = (None, *ENTITIES)
# Text keys whose suffix is a stored code: a word typed in the filter also finds its code.
CODE_WORDS = ("status_", "tm_status_", "source_", "answer_", "debiteur_", "tm_object_", "channel_", "audit_entity_",
              "audit_action_", "field_")


class AuditScreen(Screen[None]):
    AUTO_FOCUS = "#audit-filter"
    BINDINGS = [
        Binding("f2", "cycle_kind", id="audit.kind"),
        Binding("escape", "back", id="audit.back"),
    ]

    def __init__(self, store: Store, project: Project) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.kind: str | None = None

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        yield AppHeader()
        yield Static(t("audit_intro"), id="audit-intro", markup=False)
        yield QuietInput(placeholder=t("audit_filter"), id="audit-filter", select_on_focus=False)
        yield Static("", id="audit-summary", markup=False)
        yield DataTable(id="audit-table", cursor_type="row", zebra_stripes=False)
        yield AppFooter()

    def on_mount(self) -> None:
        t = wizard(self).content.text
        self.title = self.project.gemeente
        self.sub_title = t("audit_title")
        table = self.query_one(DataTable)
        for key in ("when", "who", "what", "action", "detail"):
            table.add_column(t(f"audit_col_{key}"), key=key)
        self.reload()

    def _kind_word(self, kind: str | None) -> str:
        return wizard(self).content.text(f"audit_entity_{kind}" if kind else "audit_all")

    def _what(self, entry: AuditEntry) -> str:
        """A step is shown by its title; other records by kind and number (no personal data)."""
        if entry.entity == "step":
            try:
                return wizard(self).content.step(entry.entity_id).title
            except KeyError:
                return entry.entity_id
        return f"{self._kind_word(entry.entity) if entry.entity in KINDS else entry.entity} {entry.entity_id}"

    def reload(self) -> None:
        t = wizard(self).content.text
        text = self.query_one("#audit-filter", Input).value
        also = search_terms(text, self._code_words())[1:]
        entries = self.store.audit_entries(row_id(self.project), text, self.kind, also=also)
        table = self.query_one(DataTable)
        table.clear()
        for entry in entries:
            at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=dt.UTC)  # stored in UTC
            action = t(f"audit_action_{entry.action}") if entry.action in ACTIONS else entry.action
            table.add_row(at.astimezone().strftime("%d-%m-%Y %H:%M"), entry.actor, self._what(entry), action,
                          describe(entry.entity, entry.action, entry.detail, t))
        summary = t("audit_count", shown=len(entries), kind=self._kind_word(self.kind)) if entries else t("audit_empty")
        self.query_one("#audit-summary", Static).update(summary)

    def _code_words(self) -> list[tuple[str, str]]:
        texts = wizard(self).content.texts
        return [(key.removeprefix(prefix), word) for key, word in texts.items() for prefix in CODE_WORDS
                if key.startswith(prefix) and "{" not in word]

    def on_input_changed(self, event: Input.Changed) -> None:
        self.reload()

    def on_key(self, event: events.Key) -> None:
        type_into(self.query_one("#audit-filter", Input), event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.set_focus(self.query_one(DataTable))

    def action_cycle_kind(self) -> None:
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]
        self.reload()

    def action_back(self) -> None:
        self.dismiss(None)
