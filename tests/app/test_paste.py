"""A huge paste with control characters: the app stays responsive, says what is wrong,
keeps what was pasted on screen, and stores nothing that did not pass the rules."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from hr_wizard.screens.intake import IntakeScreen
from hr_wizard.screens.note import NoteScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store
from hr_wizard.widgets.field import DEFAULT_MAX_LENGTH, pasteable

from ..helpers import seeded
from .pilot import make_app, wait_for

PASTE = ("Gemeente \x1b[31mRood\x07\x00 " + "x" * 10_000)[:10_000]


async def test_huge_paste_in_intake_field_is_refused_not_stored(db_path):
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, IntakeScreen)
        field = screen.focused
        assert isinstance(field, Input)
        field.post_message(events.Paste(PASTE))
        await pilot.pause()
        # What fits is still there to correct, without its control characters (they never reach the widget).
        assert "\x1b" not in field.value and field.value == pasteable(PASTE)[:DEFAULT_MAX_LENGTH]
        await pilot.press("enter")
        message = str(screen.query_one(".field--message").render())
        assert "te lang" in message or "teken" in message, message
        assert screen.focused is field  # it did not move on
        field.value = ""  # still responsive: the user clears the field and types a good value
        await pilot.press(*"Gemeente Testdorp", "enter")
        assert screen.focused is not field
    store = Store.open(str(db_path))
    assert store.get_project() is None


async def test_huge_paste_in_a_note_is_refused_and_the_old_note_kept(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    store.set_step_note(project_id, "doorlooptijd.startpunt", "Oude notitie", expected_version=0)
    store.close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("n")
        screen = await wait_for(pilot, NoteScreen)
        area = screen.query_one(TextArea)
        area.post_message(events.Paste(PASTE))
        await pilot.pause()
        assert len(area.text) > 10_000
        await pilot.press("escape")  # leaving tries to save: refused, the text stays
        await pilot.pause()
        assert app.screen is screen
        assert "!" in str(screen.query_one("#note-message").render())
        area.text = "Nieuwe notitie"
        await pilot.press("escape")
        await wait_for(pilot, RoadmapScreen)
    store = Store.open(str(db_path))
    assert store.step_progress(project_id)["doorlooptijd.startpunt"].note == "Nieuwe notitie"


def test_a_paste_keeps_its_first_line_without_control_characters():
    assert pasteable("Jan\tde\x1b[31m Werker\x07\x9b\u200b\nregel 2") == "Jan de[31m Werker\u200b"
    assert pasteable("") == "" and pasteable("\r\n") == ""
