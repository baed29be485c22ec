"""All account applications of the project: filter by typing and by status, sort, open, delete."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from hr_wizard.applications import STATUSES, offboarding_open, status_of
from hr_wizard.rows import row_id
from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.confirm import confirm_forget
from hr_wizard.summaries import counted
from hr_wizard.ui import wizard
from hr_wizard.validation import format_date
from hr_wizard.widgets.field import QuietInput
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.roster_table import PAGE, RosterTable
from hr_wizard.widgets.type_to_filter import type_into

if TYPE_CHECKING:

    from hr_wizard.models import Project
    from hr_wizard.store import RosterRow, RosterTotals, Store

SORTS = (("naam",), ("team",), ("kenmerk",), ("furthest_step",), ("letter_due",))
# Column widths at 80 columns; the name takes what is left.
WIDTHS = {"team": 12, "kenmerk": 14, "step": 4, "status": 15, "due": 10}
NAME_MIN = 12
NAME_WIDE = 24  # the name's width at 80 columns; beyond it the room is shared
TEAM_MAX, KENMERK_MAX = 30, 60


class RosterScreen(Screen[None]):
    AUTO_FOCUS = "RosterTable"
    BINDINGS = [
        Binding("f2", "cycle_status", id="roster.status"),
        Binding("f3", "cycle_sort", id="roster.sort"),
        Binding("f4", "new", id="roster.new"),
        # Shown in the summary line when there is something to review ("... klaar langer dan 24
        # maanden: F6") and in F1; the footer keeps the daily keys within 80 columns.
        Binding("f6", "retention", id="roster.retention", show=False),
        Binding("f5", "offboard", id="roster.offboard", show=False),
        Binding("f7", "access_review", id="roster.review", show=False),
        Binding("f8", "forget", id="roster.forget"),
        # The employee's instruction sheet; in F1 (the footer keeps the daily keys within 80 columns).
        Binding("f9", "instruction", id="roster.instruction", show=False),
        Binding("escape", "back", id="roster.back"),
    ]

    def __init__(self, store: Store, project: Project) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.status: str | None = None
        self.sort_index = 0
        self.today = dt.date.today()
        self._totals: RosterTotals | None = None
        self._filter_pending = False

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        yield AppHeader()
        yield QuietInput(placeholder=t("roster_filter"), id="roster-filter", select_on_focus=False)
        yield Static("", id="roster-summary", markup=False)
        yield Static("", id="roster-columns", markup=False)
        yield RosterTable(self._format_row, id="roster")
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = wizard(self).content.text("roster_title")

    def on_screen_resume(self) -> None:
        """Shown for the first time, or again after a screen on top closed: read the rows."""
        self.today = dt.date.today()
        self.reload()

    # --- data ---------------------------------------------------------------

    def _status_word(self, status: str) -> str:
        return wizard(self).content.text(f"status_{status}")

    def _layout(self, width: int) -> list[tuple[str, int]]:
        """(column, width) that fit: on a narrow terminal the Kenmerk, then the team, go first."""
        columns = dict(WIDTHS)
        for optional in ("kenmerk", "team"):
            if width - sum(columns.values()) - len(columns) >= NAME_MIN:
                break
            del columns[optional]
        name = max(width - sum(columns.values()) - len(columns), NAME_MIN)
        # Wider than the 80 columns the widths are made for: the team and the Kenmerk (often cut
        # short at 80) get a share of the room, not only the name.
        extra = max(0, name - NAME_WIDE)
        for column, share, most in (("team", 3, TEAM_MAX), ("kenmerk", 4, KENMERK_MAX)):
            if column in columns:
                grow = min(extra * share // 10, most - columns[column])
                columns[column] += grow
                name -= grow
        return [("naam", name), *columns.items()]

    def _format_row(self, row: RosterRow, width: int) -> Text:
        status = status_of(row, self.today)
        alarm = status == "late" or offboarding_open(row)
        status_text = ("! " if alarm else "") + self._status_word(status)
        due = format_date(row.letter_due) if row.letter_due and status in ("waiting", "late") else ""
        values = {"naam": row.naam, "team": row.team, "kenmerk": row.kenmerk, "step": f"{row.furthest_step}/7",
                  "status": status_text, "due": due}
        late = self.query_one(RosterTable).get_component_rich_style("roster--late", partial=True) if alarm else ""
        text = Text()
        for column, cell_width in self._layout(width):
            value = values[column]
            cell = value if len(value) <= cell_width else value[: cell_width - 1] + "…"
            text.append(cell.ljust(cell_width) + " ", style=late if column == "status" else "")
        return text

    def _columns(self, width: int) -> str:
        sort_column = {"furthest_step": "step", "letter_due": "due"}.get(SORTS[self.sort_index][0], SORTS[self.sort_index][0])
        t = wizard(self).content.text
        return " " + "".join((t(f"roster_col_{column}") + (" ↑" if column == sort_column else "")).ljust(cell) + " "
                             for column, cell in self._layout(width))

    def reload(self, recount: bool = True) -> None:
        """Query the visible result again; `recount` also refreshes the totals, which only
        change when applications change (not when the filter or sort changes)."""
        text = self.query_one("#roster-filter", Input).value
        sort = SORTS[self.sort_index][0]
        project_id, status, today = row_id(self.project), self.status, self.today
        months = wizard(self).content.settings["bewaartermijn_maanden"]
        review_months = wizard(self).content.settings["toegang_controle_maanden"]
        if recount or self._totals is None:
            self._totals = self.store.roster_totals(project_id, months, today, review_months)
        totals = self._totals
        everything = totals.everything
        filtered = bool(text.strip()) or status is not None
        first_page = None
        if filtered:  # the count comes with the first page: one query a keystroke
            total, first_page = self.store.roster_first_page(project_id, text=text, status=status, sort=sort,
                                                             limit=PAGE, today=today)
        else:
            total = everything
        self.query_one(RosterTable).load(
            total,
            lambda offset, limit: self.store.roster_page(project_id, text=text, status=status, sort=sort, offset=offset, limit=limit, today=today),
            first_page,
        )
        t = wizard(self).content.text
        summary = t("roster_count", shown=total, total=everything)
        summary += f" · {wizard(self).content.text('status_label')}: {self._status_word(status) if status else t('status_all')}"
        if totals.overdue:
            summary += " · " + counted(t, "roster_overdue", totals.overdue)
        if totals.offboarding_open:
            summary += " · " + t("offboarding_hint", count=totals.offboarding_open)
        if totals.reviews_due:
            summary += " · " + t("review_hint", count=totals.reviews_due)
        if totals.past_retention:
            summary += " · " + t("retention_hint", count=totals.past_retention, months=months)
        if not everything:
            summary = t("roster_empty")
        _update_if_changed(self.query_one("#roster-summary", Static), summary)
        self._show_columns()

    def _show_columns(self) -> None:
        table = self.query_one(RosterTable)
        _update_if_changed(self.query_one("#roster-columns", Static),
                           self._columns(max(table.scrollable_content_region.width - 1, 40)))

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_columns)  # the table has its new width after the refresh

    def on_input_changed(self, event: Input.Changed) -> None:
        # The typed letter is painted first; the list follows once that frame is out, and keys
        # typed before then are filtered together, so typing never waits for a query.
        if not self._filter_pending:
            self._filter_pending = True
            self.call_after_refresh(self._filter)

    def _filter(self) -> None:
        self._filter_pending = False
        self.reload(recount=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.set_focus(self.query_one(RosterTable))

    def on_key(self, event: events.Key) -> None:
        type_into(self.query_one("#roster-filter", Input), event)

    # --- actions ------------------------------------------------------------

    def action_cycle_status(self) -> None:
        options = (None, *STATUSES)
        self.status = options[(options.index(self.status) + 1) % len(options)]
        self.reload(recount=False)

    def action_cycle_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self.reload(recount=False)

    def action_new(self) -> None:
        self.app.push_screen(ApplicationScreen(self.store, self.project))

    def on_roster_table_opened(self, event: RosterTable.Opened) -> None:
        application = self.store.get_application(event.row.id)
        if application is not None:
            self.app.push_screen(ApplicationScreen(self.store, self.project, application))

    def action_forget(self) -> None:
        row = self.query_one(RosterTable).current_row
        if row is not None:
            confirm_forget(self, self.store, row, self.reload)

    def action_instruction(self) -> None:
        """The selected employee's instruction sheet, to copy into an e-mail (OSC 52) or read."""
        from hr_wizard.instruction import sheet_text
        from hr_wizard.screens.text_view import TextViewScreen

        row = self.query_one(RosterTable).current_row
        application = self.store.get_application(row.id) if row is not None else None
        if application is None:
            return
        t = wizard(self).content.text
        self.app.push_screen(TextViewScreen(t("sheet_view_title", naam=application.naam),
                                            sheet_text(application, self.project, wizard(self).content),
                                            t("sheet_view_hint", email=application.email)))

    def action_offboard(self) -> None:
        row = self.query_one(RosterTable).current_row
        application = self.store.get_application(row.id) if row is not None else None
        if application is None:
            return
        from hr_wizard.screens.offboarding import OffboardingScreen

        self.app.push_screen(OffboardingScreen(self.store, application))

    def action_access_review(self) -> None:
        from hr_wizard.screens.access_review import AccessReviewScreen

        self.app.push_screen(AccessReviewScreen(self.store, self.project))

    def action_retention(self) -> None:
        from hr_wizard.screens.retention import RetentionScreen

        self.app.push_screen(RetentionScreen(self.store, self.project))

    def action_back(self) -> None:
        self.dismiss(None)


def _update_if_changed(line: Static, content: str) -> None:
    """A Static's update lays out the whole screen; the summary and column lines mostly stay the same."""
    if line.content != content:
        line.update(content)
