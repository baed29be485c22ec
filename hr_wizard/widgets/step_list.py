"""The roadmap as a list: part titles as headings, steps with a status mark readable without colour."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from hr_wizard.content import Part
from hr_wizard.summaries import STEP_MARKS

STATUS_STYLES = {"todo": "", "in_progress": "bold", "done": "dim", "skipped": "dim italic"}


def step_prompt(title: str, status: str, selected: bool = False) -> Text:
    """ "[x] Title", with '>' before the selected step: it stays readable when the list has
    no focus and without colour."""
    return Text.assemble((">" if selected else " ", "bold"), (STEP_MARKS[status] + " ", "bold"), (title, STATUS_STYLES[status]))


class StepList(OptionList):
    """Part headings are disabled options, so the cursor only lands on steps."""

    # No step title holds a link: without this Textual looks for one in every styled piece of
    # every line it paints (a third of the main screen's first paint).
    auto_links = False

    def __init__(self, parts: tuple[Part, ...], statuses: dict[str, str], id: str | None = None) -> None:
        options: list[Option] = []
        for part in parts:
            options.append(Option(Text(part.title, style="bold underline"), disabled=True, id=f"part:{part.key}"))
            for step in part.steps:
                options.append(Option(step_prompt(step.title, statuses.get(step.key, "todo")), id=step.key))
        super().__init__(*options, id=id)
        self._titles = {step.key: step.title for part in parts for step in part.steps}
        self._statuses = {step.key: statuses.get(step.key, "todo") for part in parts for step in part.steps}
        self._marked: str | None = None

    def set_status(self, step_key: str, status: str) -> None:
        self._statuses[step_key] = status
        self.replace_option_prompt(step_key, step_prompt(self._titles[step_key], status, step_key == self._marked))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the '>' along with the cursor (the event goes on to the screen)."""
        if event.option_index != self.highlighted:
            return  # overtaken: OptionList highlights its first option when it is made
        old, self._marked = self._marked, event.option_id
        for key in (old, event.option_id):
            if key in self._titles:
                self.replace_option_prompt(key, step_prompt(self._titles[key], self._statuses[key], key == self._marked))

    def select_step(self, step_key: str) -> None:
        self.highlighted = self.get_option_index(step_key)
