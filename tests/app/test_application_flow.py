"""One application walked through all 7 steps in the real app, with a restart half-way."""

from __future__ import annotations

import datetime as dt

import pytest

from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.roster import RosterScreen
from hr_wizard.store import Store
from hr_wizard.widgets.roster_table import RosterTable

from ..helpers import seeded
from .pilot import make_app, open_roster, type_filter, wait_for

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server


async def test_walk_all_steps_with_restart_in_step_5(db_path):
    seeded(db_path, debiteurnummer="DEB-123").close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("f4")
        screen = await wait_for(pilot, ApplicationScreen)
        await pilot.press(*"Jan de Werker", "enter", *"Afd. Werk en Inkomen", "enter", *"j.dewerker@testdorp.nl", "enter", "enter")
        assert screen.page == 1
        await pilot.press("enter")  # step 1: the form's address is shown
        assert screen.page == 2
        assert "Afd. Werk en Inkomen / Jan de Werker" in str(screen.query_one("#copy-text").render())
        await pilot.press("enter", "enter", "enter")  # accept the composed Kenmerk
        assert screen.page == 3
        date_input = screen.query_one("#applied-on Input")
        date_input.value = ""
        await pilot.press(*"24-04-2026")
        await pilot.pause()
        assert "per post uiterlijk 04-05-2026" in str(screen.query_one("#expectations").render())
        await pilot.press("enter")
        assert screen.page == 4
        assert screen.query("ExplanationPanel")
        await pilot.press("enter")
        assert screen.page == 5
        await pilot.press(*"28-04")  # half typed, then the terminal closes

    store = Store.open(str(db_path))
    saved = store.roster_page(store.get_project().id)[0]
    assert (saved.furthest_step, saved.kenmerk, saved.letter_due) == (5, "Afd. Werk en Inkomen / Jan de Werker", dt.date(2026, 5, 4))

    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        await pilot.press("enter")
        screen = await wait_for(pilot, ApplicationScreen)
        assert screen.page == 5
        await pilot.press(*"28-04-2026", "enter")
        assert screen.page == 6
        assert screen.query_one("#debiteurnummer Input").value == "DEB-123"  # prefilled from the project
        await pilot.press("space")  # first choice: debiteurnummer van de organisatie
        await pilot.press("enter")
        assert screen.page == 7
        await pilot.press("space", "enter")  # first search done: finished
        await wait_for(pilot, RosterScreen)
        assert "actief" in str(roster.query_one(RosterTable).render_line(0))

    application = store.get_application(saved.id)
    assert application.finished_on == dt.date.today()
    assert (application.letter_received, application.debiteur_choice, application.debiteurnummer) == (dt.date(2026, 4, 28), "organisation", "DEB-123")


async def test_invalid_kenmerk_blocks_going_on(db_path):
    store = seeded(db_path)
    application = store.create_application(store.get_project().id, "Jan de Werker", "Burgerzaken", "jan@testdorp.nl")
    store.save_application(application.id, application.version, current_step=2)
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("enter")
        screen = await wait_for(pilot, ApplicationScreen)
        assert screen.page == 2
        screen.set_focus(screen.query_one("#kenmerk-whole Input"))
        await pilot.press(*"Burgerzaken/J", "enter")
        assert screen.page == 2
        message = str(screen.query_one("#kenmerk-whole .field--message").render())
        assert "te kort" in message and "Afd. Werk en Inkomen / M.E de Werker" in message
        assert str(screen.query_one("#kenmerk-message").render()) == ""  # said once, at the field
        assert store.get_application(application.id).kenmerk == ""


async def test_roster_filters_by_typing_and_status(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    for naam, team in [("Jan de Werker", "Werk en Inkomen"), ("Özlem Yılmaz", "Burgerzaken"), ("Kees Jansen", "Belastingen")]:
        store.create_application(project_id, naam, team, f"{naam.split()[0].lower()}@testdorp.nl")
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        table = roster.query_one(RosterTable)
        assert table.total == 3
        roster.set_focus(roster.query_one("#roster-filter"))
        await type_filter(pilot, *"jan")
        assert table.total == 2  # Jan de Werker, Kees Jansen
        await type_filter(pilot, "backspace", "backspace", "backspace", *"burger")
        assert table.total == 1 and table.current_row.naam == "Özlem Yılmaz"
        await pilot.press("f2")  # status: nog aanvragen
        assert table.total == 1
        await pilot.press("f2")  # status: wacht op brief
        assert table.total == 0


async def test_typing_in_the_roster_list_filters(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    for naam in ("Jan de Werker", "Özlem Yılmaz", "Kees Jansen"):
        store.create_application(project_id, naam, "Burgerzaken", f"{naam.split()[0].lower()}@testdorp.nl")
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        table = roster.query_one(RosterTable)
        assert roster.focused is table
        await type_filter(pilot, "down", *"kees")
        assert roster.query_one("#roster-filter").value == "kees"
        assert table.total == 1 and table.current_row.naam == "Kees Jansen"
        await pilot.press("enter")  # from the search box: to the list
        assert roster.focused is table
        await pilot.press("enter")  # opens Kees
        await wait_for(pilot, ApplicationScreen)


async def test_a_wide_roster_gives_room_to_team_and_kenmerk(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        roster = await open_roster(pilot)
        wide = dict(roster._layout(119))
        narrow = dict(roster._layout(79))
        assert wide["team"] > narrow["team"] and wide["kenmerk"] > narrow["kenmerk"]
        assert wide["naam"] >= narrow["naam"] and sum(wide.values()) + len(wide) - 1 <= 119  # a space between cells
