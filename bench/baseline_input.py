"""Baseline: a bare Textual app with one Input (blinking cursor, as Textual ships it)."""

from textual.app import App, ComposeResult
from textual.widgets import Input, Static


class InputApp(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Stoppen")]

    def compose(self) -> ComposeResult:
        yield Static("Basislijn gereed")
        yield Input(placeholder="Team of afdeling")


if __name__ == "__main__":
    InputApp().run()
