"""Choose a terugmelding's next status: only the ones Digimelding advises from here are
listed, the cursor row carries a '>' (readable without colour), and a final status is asked
about first, because after it nothing can change any more."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from hr_wizard import terugmelding as tm
from hr_wizard import validation
from hr_wizard.screens.confirm import ConfirmScreen
from hr_wizard.ui import wizard
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.options import plain_option


class StatusChoiceScreen(ModalScreen["tuple[str, dt.date] | None"]):
    AUTO_FOCUS = "#status-options"
    BINDINGS = [Binding("escape", "dismiss(None)", id="status.back")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        self.allowed = tm.TRANSITIONS.get(current, ())

    def label(self, status: str) -> str:
        return wizard(self).content.text(f"tm_status_{status}")

    def _prompt(self, status: str, cursor: bool) -> str:
        return f"{'>' if cursor else ' '} {self.label(status)}"

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        with Vertical(id="status-dialog"):
            yield Static(t("tm_status_title", status=self.label(self.current)), classes="title", markup=False)
            if not self.allowed:
                yield Static(t("tm_status_final", status=self.label(self.current)), id="status-message", markup=False)
            else:
                yield OptionList(*(plain_option(self._prompt(status, False), id=status) for status in self.allowed),
                                 id="status-options")
                yield Field(t("tm_status_date"), validation.parse_date, value=validation.format_date(dt.date.today()),
                            id="status-date")
                yield Static("", id="status-message", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        if self.allowed:
            self.query_one(OptionList).highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        options = self.query_one(OptionList)
        for status in self.allowed:
            options.replace_option_prompt(status, self._prompt(status, status == event.option_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        status = event.option.id
        if status is None:
            return
        date = self.query_one(Field).show(force=True)
        if not date.ok:
            return
        chosen = (status, dt.date.fromisoformat(date.value))
        if status in tm.FINAL_STATUSES:

            def answered(yes: bool | None) -> None:
                if yes:
                    self.dismiss(chosen)

            question = wizard(self).content.text("tm_status_confirm_final", status=self.label(status))
            self.app.push_screen(ConfirmScreen(question), answered)
            return
        self.dismiss(chosen)
