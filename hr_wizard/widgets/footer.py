"""The footer every screen uses: compact (80 columns hold more keys), without the command
palette key, and with F1 Hulp always in view at the right: on a narrow screen the other keys
are cut first, never the one that lists them all."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class AppFooter(Footer):
    DEFAULT_CSS = """
    AppFooter FooterKey.-help {
        dock: right;
        margin-right: 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.key == "f1":
                widget.add_class("-help")
            yield widget
