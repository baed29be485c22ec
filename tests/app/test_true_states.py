"""The account flow tells only what is true: "actief" only when it is, looking back never
lowers progress, one person has one application."""

from __future__ import annotations

import datetime as dt

import pytest

from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.confirm import ConfirmScreen
from hr_wizard.screens.roster import RosterScreen
from hr_wizard.widgets.roster_table import RosterTable

from ..helpers import seeded
from .pilot import make_app, open_roster, wait_for

pytestmark = pytest.mark.both_backends


def notifications(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_first_search_without_the_code_is_refused_and_nothing_says_actief(db_path):
    store = seeded(db_path)
    application = store.create_application(store.get_project().id, "Jan de Werker", "Burgerzaken", "jan@testdorp.nl")
    store.save_application(application.id, application.version, current_step=7, applied_on=dt.date.today())
    store.close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        await pilot.press("enter")
        screen = await wait_for(pilot, ApplicationScreen)
        assert screen.page == 7
        await pilot.press("space", "enter")  # "eerste zoekopdracht gedaan", then go on
        assert app.screen is screen and screen.page == 7
        assert "toegangscode" in str(screen.query_one("#first-search-message").render())
        assert not any("actief" in message for message in notifications(app))
        await pilot.press("escape")  # the page cannot be saved like this: asked, once, in a dialog
        await wait_for(pilot, ConfirmScreen)
        await pilot.press("j")
        await wait_for(pilot, RosterScreen)
        line = str(roster.query_one(RosterTable).render_line(0))
        assert "wacht op brief" in line and "actief" not in line


async def test_paging_back_from_step_7_keeps_the_progress(db_path):
    store = seeded(db_path)
    application = store.create_application(store.get_project().id, "Jan de Werker", "Burgerzaken", "jan@testdorp.nl")
    store.save_application(application.id, application.version, current_step=7, applied_on=dt.date(2026, 4, 24),
                           letter_received=dt.date(2026, 4, 28), first_search_done=True, finished_on=dt.date(2026, 4, 29))
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        await pilot.press("enter")
        screen = await wait_for(pilot, ApplicationScreen)
        for _ in range(7):
            await pilot.press("pageup")
        assert screen.page == 0
        await pilot.press("escape")
        await wait_for(pilot, RosterScreen)
        line = str(roster.query_one(RosterTable).render_line(0))
        assert "7/7" in line and "actief" in line
    saved = store.get_application(application.id)
    assert (saved.current_step, saved.furthest_step, saved.finished_on) == (0, 7, dt.date(2026, 4, 29))
    store.close()


async def test_the_same_work_email_cannot_be_added_twice(db_path):
    store = seeded(db_path)
    store.create_application(store.get_project().id, "Jan de Werker", "Burgerzaken", "jan@testdorp.nl")
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("f4")
        screen = await wait_for(pilot, ApplicationScreen)
        await pilot.press(*"Jan Werker", "enter", *"Belastingen", "enter", *"JAN@testdorp.nl", "enter", "enter")
        assert app.screen is screen and screen.page == 0  # not saved, not moved on
        message = str(screen.query_one("#email .field--message").render())
        assert "Jan de Werker" in message
        assert screen.query_one("#naam Input").value == "Jan Werker"  # nothing typed is lost
    assert store.roster_count(store.get_project().id) == 1
    store.close()


async def test_esc_on_a_new_untouched_application_leaves_at_once(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("f4")
        await wait_for(pilot, ApplicationScreen)
        await pilot.press("escape")
        await wait_for(pilot, RosterScreen)
