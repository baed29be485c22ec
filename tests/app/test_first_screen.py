"""The first screen, the bottom of the app's stack: replaced when the store opens, never left
below a dialog to come back later; and what the app freezes out of Python's garbage
collection lives no longer than the app and its store."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref
from pathlib import Path

import hr_wizard.app
from hr_wizard.content_file import load_content
from hr_wizard.screens.help import HelpScreen
from hr_wizard.screens.intake import IntakeScreen
from hr_wizard.screens.loading import LoadingScreen
from hr_wizard.screens.project_details import ProjectDetailsScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.screens.roster import RosterScreen

from ..helpers import run, seeded_backup_and_later
from .pilot import do_intake, make_app, open_roster, wait_for

APP_CSS = str(Path(hr_wizard.app.__file__).parent / hr_wizard.app.HrWizardApp.CSS_PATH)


class HeldStore(hr_wizard.app.HrWizardApp):
    """The store opens only when the test lets it: keys can come first, as on a slow disk."""

    CSS_PATH = APP_CSS

    def __init__(self, location: str) -> None:
        super().__init__(location, load_content())
        self.go = threading.Event()
        self.opened = threading.Event()

    def _open_in_thread(self) -> None:
        self.go.wait(10)
        try:
            super()._open_in_thread()
        finally:
            self.opened.set()


async def test_a_dialog_opened_while_the_store_loads_is_closed_when_the_first_screen_is_replaced(db_path):
    """F1 on the loading screen, then the store opens: the intake replaced the dialog and the
    loading screen stayed below, to come back (empty, no keys) at Esc from the gemeente's
    details. Now the loading screen itself is replaced."""
    app = HeldStore(str(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press("f1")
        await wait_for(pilot, HelpScreen)
        app.go.set()
        await wait_for(pilot, IntakeScreen)
        assert [type(screen) for screen in app.screen_stack] == [IntakeScreen]
        await do_intake(pilot)
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("e")
        await wait_for(pilot, ProjectDetailsScreen)
        await pilot.press("escape")
        await wait_for(pilot, RoadmapScreen)
        assert [type(screen) for screen in app.screen_stack] == [RoadmapScreen]


async def test_nothing_stays_frozen_when_the_app_ends_before_its_store_opens(db_path):
    """Quitting while the store still opens (a slow disk, a server that does not answer):
    the store opening afterwards must not freeze the heap of a process that goes on (a test
    run, the kiosk's restart)."""
    app = HeldStore(str(db_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    app.go.set()
    for _ in range(200):
        if app.opened.is_set():
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.1)
    assert app.opened.is_set()
    assert gc.get_freeze_count() == 0


async def test_a_reopened_store_does_not_keep_the_closed_one(db_path):
    """After a restore the desk opens the database again: the closed store and the screens
    that held it are garbage and are collected, not frozen with the new store (the same
    path as the kiosk's retry, where a visitor's typed values would stay in memory)."""
    desk, backup = seeded_backup_and_later(db_path)
    desk.close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        closed, roster = weakref.ref(app.store), weakref.ref(app.screen)
        assert isinstance(roster(), RosterScreen)
        assert run("--db", str(db_path), "restore", str(backup)).returncode == 0
        await pilot.press("down")  # the desk notices the restore and opens the file again
        for _ in range(200):
            if app.store is not None and app.store is not closed():
                break
            await pilot.pause(0.02)
        await wait_for(pilot, RoadmapScreen)
        gc.collect()
        assert closed() is None and roster() is None
