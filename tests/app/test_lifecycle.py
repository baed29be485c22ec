"""The end of an account's life and the periodic access review, and the intake corrected."""

from __future__ import annotations

import datetime as dt

import pytest

from hr_wizard.screens.access_review import AccessReviewScreen
from hr_wizard.screens.help import HelpScreen
from hr_wizard.screens.offboarding import OffboardingScreen
from hr_wizard.screens.project_details import ProjectDetailsScreen
from hr_wizard.screens.projects import ProjectPickerScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.screens.roster import RosterScreen
from hr_wizard.widgets.roster_table import RosterTable

from ..helpers import seeded
from .pilot import make_app, open_roster, wait_for

pytestmark = pytest.mark.both_backends
LONG_AGO = dt.date.today() - dt.timedelta(days=500)


def active_account(store, naam: str, reviewed: dt.date | None = None):
    application = store.create_application(store.get_project().id, naam, "Burgerzaken", f"{naam.split()[0].lower()}@testdorp.nl")
    return store.save_application(application.id, application.version, current_step=7, applied_on=LONG_AGO,
                                  letter_received=LONG_AGO, first_search_done=True, finished_on=LONG_AGO,
                                  access_reviewed_on=reviewed)


async def test_offboarding_from_the_roster_says_what_is_left_until_the_code_is_revoked(db_path):
    store = seeded(db_path)
    account = active_account(store, "Jan de Werker", reviewed=dt.date.today())
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        await pilot.press("f5")
        dialog = await wait_for(pilot, OffboardingScreen)
        await pilot.press("enter", "enter", "enter")  # today; code not yet revoked; no autorisaties
        await wait_for(pilot, RosterScreen)
        line = str(roster.query_one(RosterTable).render_line(0))
        assert "! uit dienst" in line
        assert "1 uit dienst, code nog intrekken: F5" in str(roster.query_one("#roster-summary").render())
        await pilot.press("f5")
        dialog = await wait_for(pilot, OffboardingScreen)
        dialog.query_one("#code_revoked_on Input").value = dt.date.today().strftime("%d-%m-%Y")
        await pilot.press("enter", "enter", "enter")
        await wait_for(pilot, RosterScreen)
        assert "code nog intrekken" not in str(roster.query_one("#roster-summary").render())
    saved = store.get_application(account.id)
    assert (saved.offboarded_on, saved.code_revoked_on) == (dt.date.today(), dt.date.today())
    store.close()


async def test_access_review_lists_accounts_not_checked_for_a_year_and_marks_them(db_path):
    store = seeded(db_path)
    old = active_account(store, "Jan de Werker")
    active_account(store, "Kees Jansen", reviewed=dt.date.today())
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        assert "1 toegang controleren: F7" in str(roster.query_one("#roster-summary").render())
        await pilot.press("f7")
        review = await wait_for(pilot, AccessReviewScreen)
        assert list(review.rows) == [str(old.id)]
        await pilot.press("enter")
        await pilot.pause()
        assert review.rows == {}
        await pilot.press("escape")
        await wait_for(pilot, RosterScreen)
        assert "toegang controleren" not in str(roster.query_one("#roster-summary").render())
    assert store.get_application(old.id).access_reviewed_on == dt.date.today()
    store.close()


async def test_the_intake_can_be_corrected_and_f1_g_with_one_gemeente_says_so(db_path):
    store = seeded(db_path)
    project = store.get_project()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("e")
        form = await wait_for(pilot, ProjectDetailsScreen)
        form.query_one("#gemeente Input").value = ""
        await pilot.press(*"Gemeente Nieuwdorp", "tab")
        await pilot.press("escape")
        main = await wait_for(pilot, RoadmapScreen)
        assert main.title == "Gemeente Nieuwdorp"
        await pilot.press("f1")
        await wait_for(pilot, HelpScreen)
        await pilot.press("g")
        picker = await wait_for(pilot, ProjectPickerScreen)
        assert "alleen Gemeente Nieuwdorp" in str(picker.query_one("#projects-intro").render())
        await pilot.press("escape")
        assert await wait_for(pilot, RoadmapScreen) is main
    saved = store.get_project(project.id)
    assert saved.gemeente == "Gemeente Nieuwdorp" and saved.version == project.version + 1
    assert store.audit_entries(project.id, entity="project")[0].detail == "gemeente"
    store.close()
