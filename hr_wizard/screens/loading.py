"""Shown for the moment it takes to open the database in the background."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from hr_wizard.ui import wizard


class LoadingScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        # No Header here: this screen can be replaced before a Header finishes mounting.
        yield Static(wizard(self).content.text("loading"), id="loading", markup=False)
