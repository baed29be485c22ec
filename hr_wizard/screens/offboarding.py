"""The end of an account's life: "uit dienst / geen toegang meer nodig", with the checklist
KvK expects of the organisation (revoke the toegangscode, revoke autorisaties)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from hr_wizard import validation
from hr_wizard.applications import OFFBOARDING_FIELDS, PageProblem, offboarding_changes
from hr_wizard.errors import StoreError
from hr_wizard.rows import row_id
from hr_wizard.ui import wizard
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.keys import settle

if TYPE_CHECKING:
    from hr_wizard.models import Application
    from hr_wizard.store import Store


def _day(value: dt.date | None) -> str:
    return validation.format_date(value) if value else ""


class OffboardingScreen(ModalScreen[bool]):
    """Dismissed with True when the checklist was saved."""

    AUTO_FOCUS = "#offboarded_on Input"
    BINDINGS = [
        Binding("enter", "next", id="offboard.save", priority=True),
        Binding("escape", "dismiss(False)", id="offboard.cancel"),
    ]

    def __init__(self, store: Store, application: Application) -> None:
        super().__init__()
        self.store = store
        self.application = application

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        a = self.application
        with Vertical(id="offboarding-dialog"):
            yield Static(t("offboard_title", naam=a.naam), classes="title", markup=False)
            yield Static(t("offboard_intro"), markup=False)
            yield Field(t("offboard_on"), validation.optional_date, value=_day(a.offboarded_on or dt.date.today()),
                        placeholder=t("date_placeholder"), id="offboarded_on", compact=True)
            yield Field(t("offboard_code_revoked"), validation.optional_date, value=_day(a.code_revoked_on),
                        placeholder=t("date_placeholder"), id="code_revoked_on", compact=True)
            yield Field(t("offboard_autorisaties"), validation.optional_date, value=_day(a.autorisaties_revoked_on),
                        placeholder=t("date_placeholder"), id="autorisaties_revoked_on", compact=True)
            yield Static("", id="offboard-message", markup=False)
        yield AppFooter()

    async def action_next(self) -> None:
        """Enter: on to the next field when this one is right; on the last one, save."""
        await settle(self.focused)
        fields = list(self.query(Field))
        field = next((f for f in fields if f.input is self.focused), fields[-1])
        if not field.show(force=True).ok:
            return
        if field is not fields[-1]:
            self.set_focus(fields[fields.index(field) + 1].input)
            return
        self.save()

    def save(self) -> None:
        results = {field.id: field.show(force=True) for field in self.query(Field)}
        message = self.query_one("#offboard-message", Static)
        if not all(result.ok for result in results.values()):
            return
        outcome = offboarding_changes({name: results[name].value for name in OFFBOARDING_FIELDS}, self.application,
                                      dt.date.today())
        if isinstance(outcome, PageProblem):
            self.query_one(f"#{outcome.field}", Field).set_error(outcome.message)
            return
        try:
            self.store.save_page(row_id(self.application), self.application.version, outcome, None)
        except StoreError as error:
            message.update(f"! {error}")
            return
        self.dismiss(True)
