"""Ask yes or no before something that cannot be undone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from hr_wizard.widgets.footer import AppFooter


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("j", "answer(True)", id="confirm.yes"),
        Binding("n", "answer(False)", id="confirm.no"),
        Binding("escape", "answer(False)", "Nee", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.question, markup=False)
            yield Static(self.app.content.text("confirm_hint"), classes="hint", markup=False)
        yield AppFooter()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
