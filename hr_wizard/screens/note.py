"""Edit the note of one step. Every change is saved a moment after typing stops, and on leaving."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from hr_wizard import validation
from hr_wizard.content import Step
from hr_wizard.errors import ConflictError, StoreError
from hr_wizard.ui import wizard
from hr_wizard.widgets.footer import AppFooter

if TYPE_CHECKING:
    from hr_wizard.models import StepProgress
    from hr_wizard.store import Store

SAVE_DELAY_S = 0.4


class NoteScreen(ModalScreen["StepProgress | None"]):
    BINDINGS = [Binding("escape", "close", id="note.close")]

    def __init__(self, store: Store, project_id: int, step: Step, row: StepProgress | None) -> None:
        super().__init__()
        self.store = store
        self.project_id = project_id
        self.step = step
        self.row = row
        self.version = row.version if row else 0
        self.saved_text = row.note if row else ""
        self._timer: Timer | None = None
        self._conflict = False  # the other desk's text is newer than what is typed here

    def compose(self) -> ComposeResult:
        text = wizard(self).content.text
        with Vertical(id="note-dialog"):
            yield Static(text("note_title", step=self.step.title), classes="title", markup=False)
            yield Static(text("note_hint"), markup=False)
            area = TextArea(self.saved_text, soft_wrap=True, id="note-text")
            area.cursor_blink = False
            yield area
            yield Static("", id="note-message", markup=False)
            yield Static("", id="note-other", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._conflict and self.query_one(TextArea).text == self._conflict_text:
            return  # no new typing since the conflict
        self._conflict = False  # typing on after the conflict: that saves over the other version
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY_S, self.save)

    def save(self) -> bool:
        """Save what is typed now. False if it could not be saved (the text stays on screen)."""
        message = self.query_one("#note-message", Static)
        check = validation.note(self.query_one(TextArea).text)
        if not check.ok:
            message.update(f"! {check.message}")
            return False
        if check.value == self.saved_text:
            message.update("")
            return True
        try:
            self.row = self.store.set_step_note(self.project_id, self.step.key, check.value, self.version)
        except ConflictError as conflict:
            other = conflict.current
            self.row = other if other is not None else self.row
            self.version = other.version if other else 0
            self.saved_text = other.note if other else ""
            message.update(f"! {conflict} {wizard(self).content.text('note_conflict_esc')}")
            self._conflict, self._conflict_text = True, self.query_one(TextArea).text
            self.query_one("#note-other", Static).update(wizard(self).content.text("note_other", note=self.saved_text or wizard(self).content.text("note_other_empty")))
            return False
        except StoreError as error:
            message.update(f"! {error}")
            return False
        self.version = self.row.version
        self.saved_text = check.value
        message.update("")
        return True

    def action_close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._conflict:  # Esc never saves over the other desk's newer text
            self.dismiss(self.row)
            return
        if self.save():
            self.dismiss(self.row)
