"""Screens at 80x24 as a user sees them. Update deliberately: `make test PYTEST_ARGS=--snapshot-update`,
with the pinned Textual, and read the SVG diff report first."""

from __future__ import annotations

from hr_wizard.screens.intake import IntakeScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store

from .helpers import make_app, wait_for


def seeded(db_path):
    store = Store.open(str(db_path))
    project = store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    store.set_step_status(project.id, "doorlooptijd.startpunt", "klaar")
    store.set_step_status(project.id, "fase1.website", "klaar")
    store.set_step_status(project.id, "fase1.aanvraagformulier", "bezig")
    store.set_step_note(project.id, "fase1.aanvraagformulier", "Formulier ligt bij de teamleider.", expected_version=1)
    store.set_step_status(project.id, "fase1.terugmelden", "overgeslagen")
    store.close()


def test_intake_with_an_error(snap_compare, db_path):
    async def run_before(pilot):
        await wait_for(pilot, IntakeScreen)
        await pilot.press(*"Gemeente Testdorp", "enter", *"Mila de Vries", "enter", *"mila-testdorp.nl", "enter")

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)


def test_roadmap_main_screen(snap_compare, db_path):
    seeded(db_path)

    async def run_before(pilot):
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("down", "down")

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)
