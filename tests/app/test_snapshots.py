"""Screens at 80x24 as a user sees them. Update deliberately: `make test PYTEST_WORKERS=0 PYTEST_ARGS=--snapshot-update`,
with the pinned Textual, and read the SVG diff report first."""

from __future__ import annotations

from hr_wizard.screens.intake import IntakeScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store

from ..helpers import seeded_application, seeded_roster, seeded_steps
from .pilot import make_app, open_first_application, wait_for


def test_intake_with_an_error(snap_compare, db_path):
    async def run_before(pilot):
        await wait_for(pilot, IntakeScreen)
        await pilot.press(*"Gemeente Testdorp", "enter", *"Mila de Vries", "enter", *"mila-testdorp.nl", "enter")

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)


def test_roadmap_main_screen(snap_compare, db_path):
    seeded_steps(db_path)

    async def run_before(pilot):
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("down", "down")

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)


def test_kenmerk_step_with_an_error(snap_compare, db_path):
    seeded_application(db_path, 2)

    async def run_before(pilot):
        screen = await open_first_application(pilot)
        screen.set_focus(screen.query_one("#kenmerk-whole Input"))
        await pilot.press(*"Burgerzaken", "enter")

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)


def test_incasso_panel(snap_compare, db_path):
    seeded_application(db_path, 4)

    async def run_before(pilot):
        await open_first_application(pilot)

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)


async def open_roster(pilot):
    await wait_for(pilot, RoadmapScreen)
    await pilot.press("a")
    await pilot.pause()


def test_roster(snap_compare, db_path):
    seeded_roster(db_path)
    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=open_roster)


# --- a jump host: no colour, a small window --------------------------------------
# With NO_COLOR every status must still read from text: [x] [~] [ ] [-] and "! brief te laat".


def test_roadmap_main_screen_no_color(snap_compare, db_path, monkeypatch):
    seeded_steps(db_path)
    monkeypatch.setenv("NO_COLOR", "1")

    async def run_before(pilot):
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("down", "down")

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)


def test_roster_no_color(snap_compare, db_path, monkeypatch):
    seeded_roster(db_path)
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=open_roster)


def test_roadmap_main_screen_at_60x20(snap_compare, db_path):
    seeded_steps(db_path)

    async def run_before(pilot):
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("down", "down")

    assert snap_compare(make_app(db_path), terminal_size=(60, 20), run_before=run_before)


def test_process_inventory(snap_compare, db_path):
    from hr_wizard.screens.processes import ProcessesScreen

    store = Store.open(str(db_path))
    project = store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    store.create_process(project.id, naam="Vergunning horeca", afdeling="Afd. Vergunningen", source="handelsregister")
    store.create_process(project.id, naam="Subsidie evenementen", afdeling="Afd. Cultuur", source="both", switch_on="2026-07-01")
    store.create_process(project.id, naam="Inkoop en aanbesteding", source="own_register", switch_on="2027-01-01")
    store.close()

    async def run_before(pilot):
        screen = await wait_for(pilot, RoadmapScreen)
        screen.query_one("StepList").select_step("fase2.processen")
        await pilot.press("enter")
        await wait_for(pilot, ProcessesScreen)

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)


def test_terugmelding_form_with_an_error(snap_compare, db_path):
    from hr_wizard.screens.terugmeldingen import TerugmeldingFormScreen

    seeded_steps(db_path)

    async def run_before(pilot):
        screen = await wait_for(pilot, RoadmapScreen)
        screen.query_one("StepList").select_step("fase2.terugmelden")
        await pilot.press("enter", "f4")
        await wait_for(pilot, TerugmeldingFormScreen)
        await pilot.press(*"6959908", "enter")
        await pilot.pause(0.5)

    assert snap_compare(make_app(db_path), terminal_size=(80, 24), run_before=run_before)
