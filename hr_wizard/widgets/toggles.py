"""Checkbox and radio button whose state shows in the characters, not only in colour:
"[X]" / "[ ]" and "(●)" / "( )". Readable with NO_COLOR, in tmux captures and for
screen readers that read the terminal text."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class _TextToggle:
    """Mixed in before Checkbox or RadioButton (Textual does not export their common base)."""

    BUTTON_MARK = "X"

    @property
    def _button(self) -> Content:
        """Brackets and mark in one style. Textual paints the sides in the mark's background
        colour (meant for half-block caps), which made "[" and "]" invisible; the colours
        are in styles/app.tcss."""
        mark = self.BUTTON_MARK if self.value else " "
        return Content.assemble((f"{self.BUTTON_LEFT}{mark}{self.BUTTON_RIGHT}", self.get_visual_style("toggle--button")))


class TextCheckbox(_TextToggle, Checkbox):
    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"


class TextRadioButton(_TextToggle, RadioButton):
    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"
    BUTTON_MARK = "●"
