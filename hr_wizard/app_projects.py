"""Several gemeenten in one database: choosing one, opening it at its last step, correcting
the intake, and every open screen taking the gemeente's newest record (a mixin of the apps)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from hr_wizard.remembered import last_step_setting
from hr_wizard.rows import row_id
from hr_wizard.screens.roadmap import RoadmapScreen

if TYPE_CHECKING:
    from hr_wizard.models import Project
    from hr_wizard.store import Store


class ProjectChoice(App[None]):
    store: Store | None
    project: Project | None

    def open_project(self, project: Project) -> None:
        """Work on this gemeente: remembered for this user, opened at its last step."""
        assert self.store is not None
        self.project = project
        self.store.remember_project(row_id(project))
        progress = self.store.step_progress(row_id(project))
        last_step = self.store.get_setting(last_step_setting(row_id(project)))
        self._show_only(RoadmapScreen(project, progress, last_step))

    def project_saved(self, project: Project) -> None:
        """A screen saved the gemeente's record (its debiteurnummer): every open screen works on
        the new version from now on, so the next save is checked against it."""
        self.project = project
        for screen in self.screen_stack:
            held = getattr(screen, "project", None)
            if held is not None and held.id == row_id(project):
                screen.project = project  # type: ignore[attr-defined]

    def _to_base(self) -> None:
        """Close every screen over the first one (the app's default screen: the main screen, or
        whichever screen took its place)."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def _show_only(self, screen: Screen) -> None:
        """`screen` in the first one's place, with every screen over it closed: never a dialog
        replaced (F1 pressed while the store opened), to leave the old first screen below."""
        self._to_base()
        self.switch_screen(screen)

    def action_choose_project(self) -> None:
        from hr_wizard.screens.projects import ProjectPickerScreen

        assert self.store is not None
        self._to_base()
        if self.project is None:
            self.switch_screen(ProjectPickerScreen(self.store.projects()))
        else:  # over the open gemeente, so that Esc goes back to it
            self.push_screen(ProjectPickerScreen(self.store.projects(), row_id(self.project)))

    def action_edit_project(self) -> None:
        """Correct the intake: the gemeente's name and its projectleider."""
        from hr_wizard.screens.project_details import ProjectDetailsScreen

        if self.store is None or self.project is None:
            return
        self._to_base()
        self.push_screen(ProjectDetailsScreen(self.store, self.project))

    def action_new_project(self) -> None:
        from hr_wizard.screens.intake import IntakeScreen

        self._show_only(IntakeScreen())
