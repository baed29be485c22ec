"""First start: the gemeente and its projectleider. Nothing is written until all three are right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Static

from hr_wizard import validation
from hr_wizard.ui import wizard
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.form_body import FormBody
from hr_wizard.widgets.keys import settle


class IntakeScreen(Screen[None]):
    """Asks three things, then hands the normalised values to the app, which saves them."""

    AUTO_FOCUS = "Input"
    BINDINGS = [Binding("enter", "next_field", id="intake.next", priority=True)]

    def compose(self) -> ComposeResult:
        text = wizard(self).content.text
        with FormBody(id="intake"):
            yield Static(text("intake_title"), classes="title", markup=False)
            yield Static(text("intake_intro"), classes="intro", markup=False)
            yield Field(text("intake_gemeente"), validation.gemeente_name, placeholder=text("intake_gemeente_placeholder"), id="gemeente")
            yield Field(text("intake_naam"), validation.person_name, placeholder=text("intake_naam_placeholder"), id="naam")
            yield Field(text("intake_email"), validation.work_email, placeholder=text("intake_email_placeholder"), id="email")
            yield Static("", id="intake-status", markup=False)
            yield Button(text("intake_submit"), id="submit", variant="primary")
        yield AppFooter()

    async def action_next_field(self) -> None:
        """Enter: check this field and go to the next one, or start on the last one.

        A priority binding runs while the app reads keys, before it hands the next keys
        to a widget, so text typed ahead after Enter (a burst over SSH) lands in the next field.
        """
        await settle(self.focused)
        fields = list(self.query(Field))
        field = next((f for f in fields if f.input is self.focused), None)
        if field is None:
            self.action_submit()
            return
        if not field.show(force=True).ok:
            return
        if field is fields[-1]:
            self.action_submit()
        else:
            self.set_focus(fields[fields.index(field) + 1].input)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        results = [field.show(force=True) for field in self.query(Field)]
        status = self.query_one("#intake-status", Static)
        if all(result.ok for result in results):
            gemeente, naam, email = (result.value for result in results)
            wizard(self).finish_intake((gemeente, naam, email))
            return
        status.update(f"! {wizard(self).content.text('intake_fix_errors')}")
        first_bad = next(field for field, result in zip(self.query(Field), results, strict=True) if not result.ok)
        first_bad.input.focus()
