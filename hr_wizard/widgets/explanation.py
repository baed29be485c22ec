"""A panel that explains a misleading notice: what you see, what it means, what to do, and
where that was checked ("Bron: kvk.nl/toegangscode, gecontroleerd op 28-11-2026")."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from hr_wizard.content import Content, Explanation


def explanation_labels(content: Content) -> tuple[str, str, str]:
    return content.text("explain_see"), content.text("explain_means"), content.text("explain_todo")


class ExplanationPanel(Static):
    DEFAULT_CSS = """
    ExplanationPanel {
        border-left: outer $accent;
        padding: 0 1;
        margin: 1 0 0 0;
        height: auto;
    }
    """

    def __init__(self, explanation: Explanation, labels: tuple[str, str, str]) -> None:
        """`labels`: the words before what you see, what it means and what to do."""
        see, means, todo = labels
        # A bar on the left and the title as its first line: two lines fewer than a box, so
        # the panel stays in view beside the fields it explains.
        text = Text.assemble(
            (explanation.title, "bold underline"), "\n",
            (f"{see}: ", "bold"), explanation.see, "\n",
            (f"{means}: ", "bold"), explanation.means, "\n",
            (f"{todo}: ", "bold"), explanation.todo,
        )
        if explanation.source_note:
            text.append("\n" + explanation.source_note, style="italic")
        super().__init__(text)
