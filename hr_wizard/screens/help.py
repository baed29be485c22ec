"""F1: the keys of the screen the user came from, taken from its live bindings."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from hr_wizard.ui import wizard
from hr_wizard.widgets.footer import AppFooter


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("c", "app.toggle_contrast", id="help.contrast"),
        Binding("g", "app.choose_project", id="help.gemeente"),
        Binding("e", "app.edit_project", id="help.project"),
        Binding("escape", "dismiss", id="help.close"),
        Binding("f1", "dismiss", "Sluiten", show=False),
    ]

    def __init__(self, keys: list[tuple[str, str]], legend: str = "") -> None:
        super().__init__()
        self.keys = keys
        self.legend = legend

    def compose(self) -> ComposeResult:
        text = wizard(self).content.text
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, description in self.keys:
            table.add_row(key, description)
        with Vertical(id="help-dialog"):
            yield Static(text("help_title"), classes="title", markup=False)
            with VerticalScroll():
                yield Static(table)
                if self.legend:
                    yield Static(self.legend, markup=False, classes="legend")
                yield Static(text("help_glossary_title"), classes="section", markup=False)
                yield Static(text("help_glossary"), markup=False, classes="glossary")
            yield Static(text("help_close"), markup=False, classes="hint")
        yield AppFooter()


def keys_of(screen) -> list[tuple[str, str]]:
    """(key, description) for every hr-wizard binding active on `screen`.

    Only bindings with an id: those are ours, with Dutch descriptions. Textual's own widget
    keys (arrows, Tab) are summed up in one line.
    """
    app = screen.app
    seen: set[str] = set()
    rows = [("↑ ↓ Tab", app.content.text("help_arrows"))]
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or not binding.description or binding.description in seen or not active.enabled:
            continue
        seen.add(binding.description)
        rows.append((app.get_key_display(binding), binding.description))
    return rows
