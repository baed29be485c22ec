"""A problem with the database that the user must decide about: move the file aside, or stop."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from hr_wizard.ui import wizard
from hr_wizard.widgets.footer import AppFooter


class ProblemScreen(Screen[None]):
    """V moves a damaged file aside and starts afresh (only where that makes sense); Q quits."""

    BINDINGS = [
        Binding("v", "move_aside", id="problem.move"),
        Binding("q", "app.quit", id="problem.quit"),
    ]

    def __init__(self, message: str, can_move_aside: bool = False) -> None:
        super().__init__()
        self.message = message
        self.can_move_aside = can_move_aside

    def compose(self) -> ComposeResult:
        text = wizard(self).content.text
        with Vertical(id="problem"):
            yield Static(text("error_title"), classes="title", markup=False)
            yield Static(self.message, id="problem-message", markup=False)
            if self.can_move_aside:
                yield Static(text("problem_move_hint"), markup=False)
            yield Static(text("quit_hint"), markup=False)
        yield AppFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move_aside":
            return self.can_move_aside
        return True

    def action_move_aside(self) -> None:
        wizard(self).move_aside_and_restart()
