"""Baseline: a bare Textual app (Header, one Static, Footer). The floor for the first frame."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Stoppen")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Basislijn gereed")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
