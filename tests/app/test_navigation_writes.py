"""Moving around writes nothing: the step is remembered once, when the user leaves or quits."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from hr_wizard.remembered import last_step_setting
from hr_wizard.screens.roadmap import RoadmapScreen

from ..helpers import seeded
from .pilot import make_app, open_roster, wait_for

pytestmark = pytest.mark.both_backends

WRITES = ("INSERT", "UPDATE", "DELETE")


def count_writes(engine) -> list[str]:
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _seen(connection, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            seen.append(statement)

    return seen


async def test_moving_through_the_roadmap_and_the_roster_writes_nothing(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    for number in range(30):
        store.create_application(project_id, f"Medewerker {number:02d}", "Burgerzaken", f"m{number}@testdorp.nl")
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        writes = count_writes(app.store.engine)
        await pilot.press(*["down"] * 8, "up", "end", "home", "down", "down")
        assert writes == []
        await open_roster(pilot)
        await pilot.press(*["down"] * 12, "pagedown", "end", "home")
        assert [w for w in writes if "setting" not in w.lower()] == []
        assert len(writes) == 1  # leaving the main screen for the roster remembered the step, once
        await pilot.press("escape")
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("down")
        await pilot.press("ctrl+q")
    assert len(writes) == 2  # and quitting, once more
    assert store.get_setting(last_step_setting(project_id)) == "fase1.terugmelden"  # home, 2 down; later 1 more
    store.close()
