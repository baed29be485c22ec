"""A panel that explains a misleading notice: what you see, what it means, what to do."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from hr_wizard.roadmap import Explanation


class ExplanationPanel(Static):
    DEFAULT_CSS = """
    ExplanationPanel {
        border: round $accent;
        padding: 0 1;
        margin: 1 0 0 0;
        height: auto;
    }
    """

    def __init__(self, explanation: Explanation) -> None:
        text = Text.assemble(
            ("Wat u ziet: ", "bold"), explanation.see, "\n",
            ("Wat het betekent: ", "bold"), explanation.means, "\n",
            ("Wat u doet: ", "bold"), explanation.todo,
        )
        super().__init__(text)
        self.border_title = explanation.title
