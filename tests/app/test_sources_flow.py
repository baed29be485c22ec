"""The screens show where a statement about current practice was checked, with the panel."""

from __future__ import annotations

from ..helpers import seeded_application
from .pilot import make_app, open_first_application


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
