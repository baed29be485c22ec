"""Helpers for driving the real app with Pilot."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.screen import Screen

from hr_wizard.app import HrWizardApp
from hr_wizard.content_file import load_content
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.widgets.step_list import StepList


def make_app(db_path: Path) -> HrWizardApp:
    return HrWizardApp(str(db_path), load_content())


async def wait_for(pilot: Pilot, screen_type: type[Screen], timeout: float = 10.0) -> Screen:
    """Wait until the app shows a screen of `screen_type` (the database opens in a thread)."""
    steps = int(timeout / 0.02)
    for _ in range(steps):
        screen = pilot.app.screen
        # The main screen may show first from quickread; it is ready once the store is attached.
        if isinstance(screen, screen_type) and getattr(screen, "store", True) is not None:
            await pilot.pause()
            return screen
        await pilot.pause(0.02)
    raise AssertionError(f"{screen_type.__name__} did not appear; the app shows {pilot.app.screen!r}")


async def do_intake(pilot: Pilot, gemeente: str = "Gemeente Testdorp", naam: str = "Mila de Vries", email: str = "m.devries@testdorp.nl") -> None:
    from hr_wizard.screens.intake import IntakeScreen

    await wait_for(pilot, IntakeScreen)
    await pilot.press(*gemeente, "enter", *naam, "enter", *email, "enter")


async def open_roster(pilot: Pilot):
    from hr_wizard.screens.roster import RosterScreen

    await wait_for(pilot, RoadmapScreen)
    await pilot.press("a")
    return await wait_for(pilot, RosterScreen)


async def open_first_application(pilot: Pilot):
    from hr_wizard.screens.application import ApplicationScreen

    await wait_for(pilot, RoadmapScreen)
    await pilot.press("a", "enter")
    return await wait_for(pilot, ApplicationScreen)


async def open_tool(pilot: Pilot, step_key: str) -> None:
    """Select a step on the main screen and press Enter to open its tool."""
    screen = await wait_for(pilot, RoadmapScreen)
    screen.query_one(StepList).select_step(step_key)
    await pilot.pause()
    await pilot.press("enter")


async def type_filter(pilot: Pilot, *keys: str) -> None:
    """Type into a list's search box; the list filters after the typed letters are painted."""
    await pilot.press(*keys)
    await pilot.app.screen.wait_for_refresh()
    await pilot.pause()


async def paste(pilot: Pilot, text: str) -> None:
    pilot.app.focused.post_message(events.Paste(text))
    await pilot.pause()


def text_of(screen: Screen, selector: str) -> str:
    return str(screen.query_one(selector).render())
