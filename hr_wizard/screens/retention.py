"""Bewaartermijn (AVG): applications finished longer ago than the configured months, to review."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static

from hr_wizard.rows import row_id
from hr_wizard.screens.confirm import confirm_forget
from hr_wizard.ui import wizard
from hr_wizard.validation import format_date
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.options import plain_option

if TYPE_CHECKING:
    from hr_wizard.models import Project
    from hr_wizard.store import RosterRow, Store


class RetentionScreen(Screen[None]):
    AUTO_FOCUS = "#retention-list"
    BINDINGS = [
        Binding("f8", "forget", id="retention.forget"),
        Binding("escape", "back", id="retention.back"),
    ]

    def __init__(self, store: Store, project: Project) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.rows: dict[str, RosterRow] = {}

    @property
    def months(self) -> int:
        return wizard(self).content.settings["bewaartermijn_maanden"]

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        yield AppHeader()
        yield Static(t("retention_intro", months=self.months), id="retention-intro", markup=False)
        yield OptionList(id="retention-list")
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = wizard(self).content.text("retention_title")
        self.reload()

    def reload(self) -> None:
        t = wizard(self).content.text
        rows = self.store.retention_due(row_id(self.project), self.months, dt.date.today())
        self.rows = {str(row.id): row for row in rows}
        options = self.query_one(OptionList)
        options.clear_options()
        if not rows:
            options.add_option(plain_option(t("retention_none", months=self.months), id="none", disabled=True))
            return
        options.add_options(
            plain_option(t("retention_row", naam=row.naam, team=row.team, date=format_date(row.finished_on) if row.finished_on else ""), id=str(row.id))
            for row in rows
        )
        options.highlighted = 0

    def action_forget(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        row = self.rows.get(option.id or "") if option else None
        if row is not None:
            confirm_forget(self, self.store, row, self.reload)

    def action_back(self) -> None:
        self.dismiss(None)
