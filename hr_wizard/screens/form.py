"""A form that saves itself: every valid value is stored a moment after typing stops, and
every choice at once. Invalid text stays on screen with its message; nothing is stored
that did not pass its rule. Subclasses say how values are stored (`persist`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Checkbox, Input, RadioSet, Static

from hr_wizard.errors import ConflictError, StoreError
from hr_wizard.ui import wizard
from hr_wizard.widgets.choice import ChoiceField
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.keys import settle

SAVE_DELAY_S = 0.4


def as_form_value(value: Any) -> Any:
    """A stored value as the form holds it: dates as ISO text, None as ""."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def changed_values(record: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if as_form_value(getattr(record, name)) != value}


class FormScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "next_field", id="form.next", priority=True, show=False),
        Binding("escape", "leave", id="form.leave"),
    ]

    record: Any = None

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None
        self._touched = False  # the user changed something since the form opened

    # --- subclasses ----------------------------------------------------------

    def persist(self, values: dict[str, Any]) -> None:
        """Store the valid values (only what changed). May raise StoreError or ConflictError."""
        raise NotImplementedError

    def describe(self, record: Any) -> str:
        """The other desk's version, for the conflict message."""
        return ""

    # --- values --------------------------------------------------------------

    def form_values(self) -> tuple[dict[str, Any], list[Field]]:
        """(valid values by field id, fields whose text does not pass its rule)."""
        values: dict[str, Any] = {}
        invalid = []
        for field in self.query(Field):
            result = field.result()
            if not result.ok:
                invalid.append(field)
            elif field.id:
                values[field.id] = result.value
        for choice in self.query(ChoiceField):
            if choice.id:
                values[choice.id] = choice.value
        for box in self.query(Checkbox):
            if box.id:
                values[box.id] = box.value
        return values, invalid

    def save_now(self) -> bool:
        """Store what is valid now. True if everything on screen is stored."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        values, invalid = self.form_values()
        other = self.query_one("#form-other", Static)
        try:
            self.persist(values)
        except ConflictError as conflict:
            # Told and shown, never overwritten silently: the next change saves over the newer version.
            self.record = conflict.current
            other.update(f"! {conflict} {self.describe(conflict.current)}")
            return False
        except StoreError as error:
            self.notify(str(error), severity="error")
            return False
        return not invalid

    # --- events --------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self._touched = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY_S, self.save_now)

    async def action_next_field(self) -> None:
        """Enter: show this field's message and go on to the next one, but never away from a
        field that is not right (Tab still moves on). A priority binding, so that text typed
        ahead after Enter (a burst over SSH) lands in the next field."""
        await settle(self.focused)
        if isinstance(self.focused, RadioSet):
            self.focused.action_toggle_button()  # Enter chooses the highlighted answer, as Space does
        for field in self.query(Field):
            if field.input is self.focused and not field.show(force=True).ok:
                return
        self.focus_next()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._touched = True
        self.save_now()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._touched = True
        self.save_now()

    def action_leave(self) -> None:
        """Esc: everything right is saved; an untouched form just closes; otherwise ask once,
        in a dialog that cannot be missed, whether to go back without what is not right."""
        if self.save_now() or not self._touched:
            self.dismiss(None)
            return
        invalid = [field for field in self.query(Field) if not field.show(force=True).ok]

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)
            elif invalid:
                invalid[0].input.focus()

        from hr_wizard.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(wizard(self).content.text("form_fix_or_leave")), answered)
