"""A line at the foot of a scrolling page that says there is more below it ("↓ meer:
PageDown"), so nobody thinks the page ends where the screen does. The line is always there
(blank when there is nothing more): a line that came and went would change the page's height,
and with it whether there is more."""

from __future__ import annotations

from textual.widgets import Static


class MoreBelow(Static):
    DEFAULT_CSS = """
    MoreBelow {
        dock: bottom;
        height: 1;
        width: 100%;
        text-style: bold;
        content-align: right middle;
        padding: 0 1;
    }
    """

    def __init__(self, text: str) -> None:
        super().__init__("", markup=False)
        self.text = text
        self.showing = False

    def show(self, more: bool) -> None:
        if more != self.showing:
            self.showing = more
            self.update(self.text if more else "")
