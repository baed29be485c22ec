"""Ask yes or no before something that cannot be undone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from hr_wizard.errors import StoreError
from hr_wizard.ui import wizard
from hr_wizard.widgets.footer import AppFooter

if TYPE_CHECKING:
    from hr_wizard.store import RosterRow, Store


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
            yield Static(wizard(self).content.text("confirm_hint"), classes="hint", markup=False)
        yield AppFooter()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def confirm_then(screen: Screen, question: str, action: Callable[[], object], after: Callable[[], None], done: str = "") -> None:
    """Ask yes or no; on yes run `action` (a store call), say what went wrong if it fails,
    else say `done` (if any) and call `after` (usually: read the list again)."""

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            result = action()
        except StoreError as error:  # a read-only file, a record another desk removed, a busy database
            screen.notify(str(error), severity="error")
            return
        if isinstance(result, str):  # done, with something still to tell (the store's words)
            screen.notify(result, severity="warning", timeout=15)
        elif done:
            screen.notify(done)
        after()

    screen.app.push_screen(ConfirmScreen(question), answered)


def confirm_forget(screen: Screen, store: Store, row: RosterRow, after: Callable[[], None]) -> None:
    """"Medewerker vergeten": ask, then erase the application with all personal fields."""
    t = wizard(screen).content.text
    confirm_then(screen, t("confirm_forget", naam=row.naam), lambda: store.forget_application(row.id), after,
                 done=t("forgotten", naam=row.naam))
