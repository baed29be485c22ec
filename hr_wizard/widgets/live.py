"""Text that changes on every keystroke (a live preview, a message): only a repaint, and a
new layout only when the number of lines changes. A layout of a whole page costs about
10 ms; a repaint of one line well under 1 ms."""

from __future__ import annotations

from textual.widgets import Static


def set_live_text(widget: Static, text: str) -> None:
    old = str(widget.render())
    if old == text:
        return
    width = max(widget.size.width, 1)

    def lines(s: str) -> int:
        return sum(max(1, -(-len(line) // width)) for line in s.split("\n")) if s else 0

    widget.update(text, layout=lines(old) != lines(text))
