"""The screens show where a statement about current practice was checked, with the panel."""

from __future__ import annotations

from ..helpers import seeded_application
from .pilot import make_app, open_first_application, wait_for


async def test_a_panel_shows_its_source_and_date(db_path):
    seeded_application(db_path, 4)
    async with make_app(db_path).run_test(size=(80, 24)) as pilot:
        screen = await open_first_application(pilot)
        panel = str(screen.query_one("ExplanationPanel").render())
        assert "Bron: kvk.nl/advies-en-informatie/overheid/inputfinanciering, gecontroleerd op 28-11-2026" in panel


async def test_step_1_copies_kvks_short_address(db_path):
    seeded_application(db_path, 1)
    async with make_app(db_path).run_test(size=(80, 24)) as pilot:
        screen = await open_first_application(pilot)
        assert screen.page_widget.copy_text() == "https://www.kvk.nl/toegangscode"
        assert "https://www.kvk.nl/toegangscode" in str(screen.query_one("#copy-text").render())


async def test_the_kenmerk_page_says_to_go_on_when_kvk_says_the_organisation_has_a_code(db_path):
    seeded_application(db_path, 2)
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first_application(pilot)
        title = app.content.explain["al_toegangscode"].title
        panel = next(text for text in (str(panel.render()) for panel in screen.query("ExplanationPanel"))
                     if text.startswith(title))  # the panel's title is its first line
        assert "Betalingskenmerken" in panel and "Ga gewoon verder" in panel and "Bron: kvk.nl/toegangscode" in panel


async def test_the_main_screen_shows_a_steps_sources_under_its_text(db_path):
    from hr_wizard.screens.roadmap import RoadmapScreen
    from hr_wizard.widgets.step_list import StepList

    from ..helpers import seeded

    seeded(db_path).close()
    async with make_app(db_path).run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)
        screen.query_one(StepList).select_step("fase2.digimelding")
        await pilot.pause()
        body = str(screen.query_one("#step-body").render())
        assert body.rstrip().endswith("Bron: kvk.nl/over-het-handelsregister/terugmelden-via-digimelding, gecontroleerd op 28-11-2026")
        assert "Bron: logius.nl/diensten/digimelding, gecontroleerd op 28-11-2026" in body
