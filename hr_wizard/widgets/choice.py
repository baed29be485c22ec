"""A labelled choice between a few fixed answers (a RadioSet that knows its values)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, RadioSet

from hr_wizard.widgets.toggles import TextRadioButton


class ChoiceField(Vertical):
    DEFAULT_CSS = """
    ChoiceField { height: auto; }
    ChoiceField RadioSet { width: auto; }
    """

    def __init__(self, label: str, options: list[tuple[str, str]], value: str = "", *, id: str | None = None) -> None:
        """`options`: (value, label shown). `value` "" means no answer yet."""
        super().__init__(id=id)
        self.label = label
        self.options = options
        self._initial = value

    def compose(self) -> ComposeResult:
        yield Label(self.label)
        with RadioSet():
            for value, label in self.options:
                yield TextRadioButton(label, value=value == self._initial)

    @property
    def value(self) -> str:
        index = self.query_one(RadioSet).pressed_index
        return self.options[index][0] if index >= 0 else ""
