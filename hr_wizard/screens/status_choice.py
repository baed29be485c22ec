"""Choose a terugmelding's next status. Every status is listed; the ones Digimelding does not
advise from here are marked and refused with a message that names the allowed ones."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from hr_wizard import terugmelding as tm
from hr_wizard import validation
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.options import plain_option


class StatusChoiceScreen(ModalScreen["tuple[str, dt.date] | None"]):
    AUTO_FOCUS = "#status-options"
    BINDINGS = [Binding("escape", "dismiss(None)", id="status.back")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def label(self, status: str) -> str:
        return self.app.content.text(f"tm_status_{status}")

    def compose(self) -> ComposeResult:
        t = self.app.content.text
        with Vertical(id="status-dialog"):
            yield Static(t("tm_status_title", status=self.label(self.current)), classes="title", markup=False)
            options = []
            for status in tm.STATUSES:
                allowed = tm.can_move(self.current, status)
                mark = "→" if allowed else " "
                options.append(plain_option(f"{mark} {self.label(status)}", id=status))
            yield OptionList(*options, id="status-options")
            yield Field(t("tm_status_date"), validation.parse_date, value=validation.format_date(dt.date.today()), id="status-date")
            yield Static("", id="status-message", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        allowed = [i for i, status in enumerate(tm.STATUSES) if tm.can_move(self.current, status)]
        options.highlighted = allowed[0] if allowed else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        status = event.option.id
        t = self.app.content.text
        message = self.query_one("#status-message", Static)
        if not tm.can_move(self.current, status):
            allowed = ", ".join(self.label(s) for s in tm.TRANSITIONS.get(self.current, ()))
            key = "tm_status_refused" if allowed else "tm_status_final"
            message.update("! " + t(key, status=self.label(self.current), target=self.label(status), allowed=allowed))
            return
        date = self.query_one(Field).show(force=True)
        if not date.ok:
            return
        self.dismiss((status, dt.date.fromisoformat(date.value)))
