"""Which screen each step's tool opens (the `tool` of a step in the content file). The
screens are imported when first opened: they are not on the first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from hr_wizard.app import HrWizardApp


def tool_screen(tool: str | None, app: HrWizardApp) -> Screen | None:
    store, project = app.store, app.project
    if tool is None or store is None or project is None:
        return None
    if tool == "preparation":
        from hr_wizard.screens.preparation import PreparationScreen

        return PreparationScreen(store, project)
    if tool == "processes":
        from hr_wizard.screens.processes import ProcessesScreen

        return ProcessesScreen(store, project)
    if tool == "terugmeldingen":
        from hr_wizard.screens.terugmeldingen import TerugmeldingenScreen

        return TerugmeldingenScreen(store, project)
    from hr_wizard.screens.roster import RosterScreen

    return RosterScreen(store, project)
