"""Pages 3 and 5: the day of the application (and so the letter's due date), and the day the
toegangscode came in, by letter or by e-mail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widgets import RadioSet, Static

from hr_wizard import validation
from hr_wizard.applications import CODE_CHANNELS, letter_due, status_of
from hr_wizard.screens.application.page import ApplicationPage
from hr_wizard.widgets.field import Field, room_for
from hr_wizard.widgets.live import set_live_text
from hr_wizard.widgets.toggles import TextRadioButton


class AppliedPage(ApplicationPage):
    FIELDS = {"applied-on": "applied_on"}

    def compose(self) -> ComposeResult:
        assert self.application is not None
        applied = self.application.applied_on or dt.date.today()
        yield Field(self.t("applied_on"), validation.parse_date, value=validation.format_date(applied), id="applied-on",
                    max_length=room_for(10))
        yield Static("", id="expectations", markup=False)

    def refresh_live(self, show_errors: bool = False) -> None:
        check = self.query_one("#applied-on", Field).result()
        lines = [self.t("expect_password")]
        if check.ok:
            due = letter_due(dt.date.fromisoformat(check.value), self.content.facts["letter_working_days"])
            lines.append(self.t("expect_letter", due=validation.format_date(due)))
        set_live_text(self.query_one("#expectations", Static), "\n".join(lines))


class CodeReceivedPage(ApplicationPage):
    FIELDS = {"letter-received": "letter_received"}

    def compose(self) -> ComposeResult:
        a = self.application
        assert a is not None
        received = validation.format_date(a.letter_received) if a.letter_received else ""
        yield Field(self.t("letter_received"), validation.optional_date, value=received, id="letter-received",
                    placeholder=self.t("date_placeholder"),
                    max_length=room_for(10))
        yield Static(self.t("code_channel_question"), markup=False)
        with RadioSet(id="code-channel"):
            for channel in CODE_CHANNELS:
                chosen = a.code_channel == channel or (not a.code_channel and channel == CODE_CHANNELS[0])
                yield TextRadioButton(self.t(f"channel_choice_{channel}"), value=chosen, name=channel)
        if status_of(a, dt.date.today()) == "late":
            yield Static(self.t("late_letter_advice"), id="late-advice", classes="warning", markup=False)

    def values(self) -> dict[str, Any] | None:
        values = super().values()
        if values is None:
            return None
        pressed = self.query_one("#code-channel", RadioSet).pressed_button
        return {**values, "code_channel": pressed.name if pressed else ""}
