"""F9 in the roster: the selected employee's instruction sheet, on screen and on the clipboard."""

from __future__ import annotations

from hr_wizard.screens.help import HelpScreen
from hr_wizard.screens.roster import RosterScreen
from hr_wizard.screens.text_view import TextViewScreen

from ..helpers import seeded, seeded_roster
from .pilot import make_app, open_roster, wait_for


async def test_f9_shows_the_selected_employees_sheet_and_copies_it(db_path):
    seeded_roster(db_path)
    app = make_app(db_path)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("f9")
        view = await wait_for(pilot, TextViewScreen)
        assert "Jan de Werker" in view.heading
        assert "Kenmerk: Afd. Werk en Inkomen / Jan de Werker" in view.text  # the stored one
        assert "https://www.kvk.nl/toegangscode" in view.text and "Mila de Vries" in view.text
        assert copied == [view.text]
        await pilot.press("escape")
        await wait_for(pilot, RosterScreen)
        await pilot.press("down", "f9")
        view = await wait_for(pilot, TextViewScreen)
        assert "Kenmerk: Burgerzaken / Özlem Yılmaz" in view.text  # built from team and name


async def test_f9_is_in_f1_and_does_nothing_without_a_row(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        roster = await open_roster(pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert app.screen is roster
        await pilot.press("f1")
        help_screen = await wait_for(pilot, HelpScreen)
        assert ("f9", "Instructie") in help_screen.keys
