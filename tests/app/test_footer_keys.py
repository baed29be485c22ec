"""The footer is built again only when the keys it shows change: Textual rebuilds it at every
update of the screen's bindings (each focus change, each highlighted step), which cost
5-10 ms of every move and of opening the roster, to show the same keys."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from hr_wizard.widgets.footer import AppFooter

from ..helpers import seeded_roster
from .pilot import make_app, open_roster, wait_for


def shown(app) -> list[str]:
    return [key.key for key in app.screen.query(FooterKey) if key.display]


async def test_moving_around_does_not_rebuild_the_footer_but_other_keys_do(db_path, monkeypatch):
    seeded_roster(db_path)
    rebuilt: list[str] = []
    recompose = AppFooter.recompose

    async def counted(self):
        rebuilt.append(type(self.screen).__name__)
        await recompose(self)

    monkeypatch.setattr(AppFooter, "recompose", counted)
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        from hr_wizard.screens.roadmap import RoadmapScreen

        await wait_for(pilot, RoadmapScreen)
        await pilot.pause()
        rebuilt.clear()
        await pilot.press("down", "down", "down", "up")
        await pilot.pause()
        assert rebuilt == []  # a highlighted step changes no key

        roster = await open_roster(pilot)
        await pilot.pause()
        assert "enter" in shown(app)  # the list has the focus: Enter opens an application
        rebuilt.clear()
        await pilot.press("down", "down", "up")
        await pilot.pause()
        assert rebuilt == []
        await pilot.press("shift+tab")  # to the search box: Enter opens nothing there
        await pilot.pause()
        assert app.screen is roster and app.focused is roster.query_one("#roster-filter")
        assert rebuilt and "enter" not in shown(app)
        await pilot.press("tab")
        await pilot.pause()
        assert "enter" in shown(app)
