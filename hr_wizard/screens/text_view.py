"""Show a text to copy: it goes to the clipboard (OSC 52) and stays on screen for terminals
where copying does not work."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from hr_wizard.widgets.footer import AppFooter


class TextViewScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", id="text.close")]

    def __init__(self, title: str, text: str, hint: str) -> None:
        super().__init__()
        self.heading = title
        self.text = text
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="text-dialog"):
            yield Static(self.heading, classes="title", markup=False)
            with VerticalScroll():
                yield Static(self.text, id="text-body", markup=False)
            yield Static(self.hint, classes="hint", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.app.copy_to_clipboard(self.text)
