"""Lost typing is impossible: in every form Tab lands only on a control that shows its cursor
and is in view, and nothing a user chooses hides a field or the text typed into it. These are
about the screen, so they run on SQLite only."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, RadioSet

from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.confirm import ConfirmScreen
from hr_wizard.screens.preparation import PreparationScreen
from hr_wizard.screens.processes import ProcessFormScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.screens.terugmeldingen import TerugmeldingFormScreen
from hr_wizard.widgets.field import Field

from ..helpers import seeded
from .pilot import make_app, open_tool, wait_for

CONTROLS = (Input, RadioSet, Checkbox)  # each shows where the cursor is
FORMS = (("fase1.website", [], PreparationScreen), ("fase2.processen", ["f4"], ProcessFormScreen),
         ("fase2.terugmelden", ["f4"], TerugmeldingFormScreen), ("uitbreiden.accounts", ["f4"], ApplicationScreen))


def in_view(widget) -> bool:
    """Displayed, and inside the screen once scrolled to (Tab scrolls the focused one into view)."""
    screen = widget.screen.region
    region = widget.region
    return widget.display and widget.visible and region.height > 0 and screen.contains_region(region)


async def back_to_the_roadmap(pilot) -> None:
    await pilot.press("escape")
    while not isinstance(pilot.app.screen, RoadmapScreen):
        await pilot.press("j" if isinstance(pilot.app.screen, ConfirmScreen) else "escape")


async def test_tab_lands_only_on_a_control_in_view_and_comes_round(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for tool, keys, screen_type in FORMS:
            await open_tool(pilot, tool)
            await pilot.press(*keys)
            screen = await wait_for(pilot, screen_type)
            stops = [widget for widget in screen.query("*") if widget.focusable]
            first = app.focused
            for _ in range(len(stops)):
                await pilot.press("tab")
                await pilot.pause()
                assert isinstance(app.focused, CONTROLS), f"{screen_type.__name__}: {app.focused!r}"
                assert in_view(app.focused), f"{screen_type.__name__}: {app.focused!r} is out of view"
            assert app.focused is first  # every stop once, then round again
            await back_to_the_roadmap(pilot)


async def test_choosing_never_hides_a_field_or_what_was_typed_in_it(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for tool, keys, screen_type in FORMS[:3]:
            await open_tool(pilot, tool)
            await pilot.press(*keys)
            screen = await wait_for(pilot, screen_type)
            fields = list(screen.query(Field))
            for n, field in enumerate(fields):
                field.input.value = f"getypt {n}"  # not valid everywhere: that is the point, it stays
            for box in screen.query(Checkbox):  # every choice there is, on and off again
                box.value = not box.value
                await pilot.pause()
                box.value = not box.value
            for radio_set in screen.query(RadioSet):
                for button in radio_set.query("RadioButton"):
                    button.value = True
                    await pilot.pause()
            await pilot.pause()
            for n, field in enumerate(fields):
                assert field.is_attached and field.display and field.input.display, f"{screen_type.__name__}: {field.id}"
                assert field.input.value == f"getypt {n}", f"{screen_type.__name__}: {field.id}"
            await back_to_the_roadmap(pilot)
