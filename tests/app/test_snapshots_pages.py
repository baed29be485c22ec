"""Every application page and every form as a user sees it: at 80x24 in colour, and at 60x20
without colour (a jump host). Together with tests/app/test_page_layout.py (the instruction,
the notice's panel and the fields in view without scrolling) these show what is on screen.
Update deliberately: `make test PYTEST_WORKERS=0 PYTEST_ARGS=--snapshot-update`, then read the SVG diff report."""

from __future__ import annotations

import pytest

from hr_wizard.screens.intake import IntakeScreen
from hr_wizard.screens.roadmap import RoadmapScreen

from ..helpers import seeded_page, seeded_steps
from .pilot import make_app, open_first_application, open_tool, wait_for

# (terminal size, NO_COLOR): every size and both colour modes, without every combination.
VIEWS = {"80x24": ((80, 24), False), "60x20_no_color": ((60, 20), True)}


@pytest.fixture(params=list(VIEWS))
def view(request, monkeypatch):
    size, no_color = VIEWS[request.param]
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    return size


@pytest.mark.parametrize("page", range(8))
def test_application_page(snap_compare, db_path, view, page):
    seeded_page(db_path, page)

    async def run_before(pilot):
        await open_first_application(pilot)
        await pilot.pause()

    assert snap_compare(make_app(db_path), terminal_size=view, run_before=run_before)


def test_intake_form(snap_compare, db_path, view):
    async def run_before(pilot):
        await wait_for(pilot, IntakeScreen)

    assert snap_compare(make_app(db_path), terminal_size=view, run_before=run_before)


def test_fase1_form(snap_compare, db_path, view):
    from hr_wizard.screens.preparation import PreparationScreen

    seeded_steps(db_path)

    async def run_before(pilot):
        await open_tool(pilot, "fase1.aanvraagformulier")
        await wait_for(pilot, PreparationScreen)

    assert snap_compare(make_app(db_path), terminal_size=view, run_before=run_before)


def test_process_form(snap_compare, db_path, view):
    from hr_wizard.screens.processes import ProcessesScreen, ProcessFormScreen

    seeded_steps(db_path)

    async def run_before(pilot):
        await open_tool(pilot, "fase2.processen")
        await wait_for(pilot, ProcessesScreen)
        await pilot.press("f4")
        await wait_for(pilot, ProcessFormScreen)

    assert snap_compare(make_app(db_path), terminal_size=view, run_before=run_before)


def test_terugmelding_form(snap_compare, db_path, view):
    from hr_wizard.screens.terugmeldingen import TerugmeldingFormScreen

    seeded_steps(db_path)

    async def run_before(pilot):
        await open_tool(pilot, "fase2.terugmelden")
        await pilot.press("f4")
        await wait_for(pilot, TerugmeldingFormScreen)
        await pilot.pause()

    assert snap_compare(make_app(db_path), terminal_size=view, run_before=run_before)


def test_gemeente_details_form(snap_compare, db_path, view):
    from hr_wizard.screens.project_details import ProjectDetailsScreen

    seeded_steps(db_path)

    async def run_before(pilot):
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("e")
        await wait_for(pilot, ProjectDetailsScreen)

    assert snap_compare(make_app(db_path), terminal_size=view, run_before=run_before)
