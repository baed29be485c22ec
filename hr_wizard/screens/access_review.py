"""The periodic access review: active accounts whose access was last checked longer ago than
`toegang_controle_maanden`. Mark each one checked, or open its offboarding checklist."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static

from hr_wizard.applications import PageChanges
from hr_wizard.errors import StoreError
from hr_wizard.rows import row_id
from hr_wizard.ui import wizard
from hr_wizard.validation import format_date
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.options import plain_option

if TYPE_CHECKING:
    from hr_wizard.models import Project
    from hr_wizard.store import RosterRow, Store


class AccessReviewScreen(Screen[None]):
    AUTO_FOCUS = "#review-list"
    BINDINGS = [
        Binding("enter", "reviewed", id="review.mark"),
        Binding("f5", "offboard", id="roster.offboard"),
        Binding("escape", "back", id="review.back"),
    ]

    def __init__(self, store: Store, project: Project) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.rows: dict[str, RosterRow] = {}

    @property
    def months(self) -> int:
        return int(wizard(self).content.settings["toegang_controle_maanden"])

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        yield AppHeader()
        yield Static(t("review_intro", months=self.months), id="review-intro", markup=False)
        yield OptionList(id="review-list")
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = wizard(self).content.text("review_title")

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        t = wizard(self).content.text
        rows = self.store.access_review_due(row_id(self.project), self.months, dt.date.today())
        self.rows = {str(row.id): row for row in rows}
        options = self.query_one(OptionList)
        highlighted = options.highlighted or 0
        options.clear_options()
        if not rows:
            options.add_option(plain_option(t("review_none", months=self.months), id="none", disabled=True))
            return
        for row in rows:
            last = row.access_reviewed_on or row.finished_on
            options.add_option(plain_option(t("review_row", naam=row.naam, team=row.team, date=format_date(last)) if last
                                            else row.naam, id=str(row.id)))
        options.highlighted = min(highlighted, len(rows) - 1)

    def _current(self) -> RosterRow | None:
        option = self.query_one(OptionList).highlighted_option
        return self.rows.get(option.id) if option and option.id else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_reviewed()  # Enter in the list

    def action_reviewed(self) -> None:
        row = self._current()
        application = self.store.get_application(row.id) if row else None
        if application is None:
            return
        try:
            self.store.save_page(row_id(application), application.version, PageChanges({"access_reviewed_on": dt.date.today()}), None)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(wizard(self).content.text("review_done", naam=application.naam), timeout=4)
        self.reload()

    def action_offboard(self) -> None:
        row = self._current()
        application = self.store.get_application(row.id) if row else None
        if application is not None:
            from hr_wizard.screens.offboarding import OffboardingScreen

            self.app.push_screen(OffboardingScreen(self.store, application))

    def action_back(self) -> None:
        self.dismiss(None)
