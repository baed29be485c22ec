"""Checkbox and radio button whose state shows in the characters, not only in colour:
"[X]" / "[ ]" and "(●)" / "( )". Readable with NO_COLOR, in tmux captures and for
screen readers that read the terminal text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton

if TYPE_CHECKING:
    from textual.widgets._toggle_button import ToggleButton as _Base
else:
    # A plain mixin at run time: with ToggleButton as its base, its Changed message would come
    # before Checkbox.Changed and RadioButton.Changed in the order Python looks things up.
    _Base = object


class _TextToggle(_Base):
    """Mixed in before Checkbox or RadioButton (Textual does not export their common base)."""

    BUTTON_MARK = "X"

    @property
    def _button(self) -> Content:
        """Brackets and mark in one style. Textual paints the sides in the mark's background
        colour (meant for half-block caps), which made "[" and "]" invisible; the colours
        are in styles/app.tcss."""
        mark = self.BUTTON_MARK if self.value else " "
        return Content.assemble((f"{self.BUTTON_LEFT}{mark}{self.BUTTON_RIGHT}", self.get_visual_style("toggle--button")))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """A long label wraps on a narrow screen (Textual's toggle is always one line, cut off)."""
        return max(1, self.render().get_height({}, width))  # wrapped at word ends, as the CSS says


class TextCheckbox(_TextToggle, Checkbox):
    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"


class TextRadioButton(_TextToggle, RadioButton):
    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"
    BUTTON_MARK = "●"
