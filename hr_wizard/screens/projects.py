"""Choose the gemeente to work on, when one database holds several (a regional cooperation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static

from hr_wizard.ui import wizard
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.options import plain_option

if TYPE_CHECKING:
    from hr_wizard.models import Project


class ProjectPickerScreen(Screen[None]):
    AUTO_FOCUS = "#project-list"
    BINDINGS = [
        Binding("f4", "app.new_project", id="projects.new"),
        Binding("escape", "back", id="projects.back"),
    ]

    def __init__(self, projects: list[Project], current: int | None = None) -> None:
        super().__init__()
        self.projects = projects
        self.current = current

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        yield AppHeader()
        intro = t("projects_only_one", gemeente=self.projects[0].gemeente) if len(self.projects) == 1 else t("projects_intro")
        yield Static(intro, id="projects-intro", markup=False)
        yield OptionList(*(plain_option(p.gemeente, id=str(p.id)) for p in self.projects), id="project-list")
        yield AppFooter()

    def on_mount(self) -> None:
        self.sub_title = wizard(self).content.text("projects_title")
        ids = [p.id for p in self.projects]
        if self.current in ids:
            self.query_one(OptionList).highlighted = ids.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        project = next(p for p in self.projects if str(p.id) == event.option.id)
        wizard(self).open_project(project)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.current is not None  # opened over a gemeente (F1, g): Esc goes back to it
        return True

    def action_back(self) -> None:
        self.dismiss(None)
