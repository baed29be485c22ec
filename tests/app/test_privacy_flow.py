"""The privacy tools in the real app: the Logboek, "medewerker vergeten" and the bewaartermijn."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, OptionList

from hr_wizard.screens.audit import AuditScreen
from hr_wizard.screens.confirm import ConfirmScreen
from hr_wizard.screens.retention import RetentionScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store

from ..helpers import seeded
from .pilot import make_app, open_roster, wait_for

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server


def cells(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_logboek_shows_changes_and_filters_them(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("k", "down", "b")
        await pilot.press("l")
        screen = await wait_for(pilot, AuditScreen)
        table = screen.query_one(DataTable)
        rows = cells(table)
        assert [row[3:] for row in rows] == [["gewijzigd", "status: bezig"], ["gewijzigd", "status: klaar"], ["aangemaakt", ""]]
        assert rows[0][1] == app.store.actor
        await pilot.press(*"klaar")
        assert [row[4] for row in cells(table)] == ["status: klaar"]
        assert "1 wijzigingen" in str(screen.query_one("#audit-summary").render())
        await pilot.press(*"xyz")
        assert table.row_count == 0
        assert "Geen wijzigingen" in str(screen.query_one("#audit-summary").render())
        await pilot.press("escape")
        await wait_for(pilot, RoadmapScreen)


async def test_forget_from_the_roster_asks_first_and_erases(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    store.create_application(project_id, "Quirinus Zwaluwstaart", "Team Zwaluw", "q@testdorp.nl")
    store.close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        await pilot.press("f8")
        await wait_for(pilot, ConfirmScreen)
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert app.store.roster_count(project_id) == 1
        await pilot.press("f8")
        await wait_for(pilot, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert app.store.roster_count(project_id) == 0
        assert "Nog geen aanvragen" in str(roster.query_one("#roster-summary").render())
    store = Store.open(str(db_path))
    assert [e.action for e in store.audit_entries(project_id, entity="application")] == ["forgotten", "created"]


async def test_bewaartermijn_lists_old_finished_applications_and_forgets_one(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    long_ago = dt.date.today() - dt.timedelta(days=800)
    for naam, finished in (("Oud Afgerond", long_ago), ("Net Afgerond", dt.date.today())):
        application = store.create_application(project_id, naam, "Team", "x@testdorp.nl")
        store.save_application(application.id, application.version, finished_on=finished, current_step=7)
    store.close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        assert "1 klaar langer dan 24 maanden: F6" in str(roster.query_one("#roster-summary").render())
        await pilot.press("f6")
        screen = await wait_for(pilot, RetentionScreen)
        options = screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
            f"Oud Afgerond (Team), klaar op {long_ago:%d-%m-%Y}"
        ]
        await pilot.press("f8")
        await wait_for(pilot, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert "Er zijn geen aanvragen" in str(options.get_option_at_index(0).prompt)
        await pilot.press("escape")
        await pilot.pause()
        assert app.store.roster_count(project_id) == 1
        assert "klaar langer" not in str(roster.query_one("#roster-summary").render())
