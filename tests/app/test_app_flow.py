"""The real app, driven by Pilot, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import pytest

from hr_wizard.screens.help import HelpScreen
from hr_wizard.screens.intake import IntakeScreen
from hr_wizard.screens.note import NoteScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store
from hr_wizard.widgets.step_list import StepList

from .pilot import do_intake, make_app, wait_for

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server


def project_rows(db_path):
    store = Store.open(str(db_path))
    try:
        return [(p.gemeente, p.projectleider_naam, p.projectleider_email) for p in store.projects()]
    finally:
        store.close()


async def test_intake_creates_project_and_opens_roadmap(db_path):
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await do_intake(pilot, email="M.deVries@Testdorp.NL")
        screen = await wait_for(pilot, RoadmapScreen)
        assert "Gemeente Testdorp" in screen.title
        assert screen.sub_title == "0 van 17 stappen klaar"
    assert project_rows(db_path) == [("Gemeente Testdorp", "Mila de Vries", "M.deVries@testdorp.nl")]


async def test_intake_rejects_bad_email_with_message_and_keeps_text(db_path):
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await do_intake(pilot, email="mila-at-testdorp.nl")
        screen = await wait_for(pilot, IntakeScreen)
        message = str(screen.query_one("#email .field--message").render())
        assert "@" in message and "bijvoorbeeld" in message.lower()
        assert screen.query_one("#email Input").value == "mila-at-testdorp.nl"
        assert screen.query_one("#gemeente Input").value == "Gemeente Testdorp"
    assert project_rows(db_path) == []


async def test_quitting_during_intake_writes_no_row(db_path):
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, IntakeScreen)
        await pilot.press(*"Gemeente Half", "enter", *"Mila")
        await pilot.press("ctrl+q")
    assert project_rows(db_path) == []
    # Next start asks again, without a crash.
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, IntakeScreen)


async def test_navigate_every_part_mark_steps_note_and_restart(db_path, content):
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await do_intake(pilot)
        screen = await wait_for(pilot, RoadmapScreen)
        step_list = screen.query_one(StepList)
        seen_parts = []
        for index, step in enumerate(content.steps):
            if index:
                await pilot.press("down")
            assert screen.current_step.key == step.key
            assert str(screen.query_one("#step-title").render()) == step.title
            if step.part_key not in seen_parts:
                seen_parts.append(step.part_key)
        assert seen_parts == [part.key for part in content.parts]
        # Back to the top, then mark a few steps.
        await pilot.press("home")
        assert screen.current_step.key == "doorlooptijd.startpunt"
        await pilot.press("k", "down", "down", "b", "down", "o")
        assert screen.sub_title == "1 van 17 stappen klaar, 1 overgeslagen"
        await pilot.press("n")
        note = await wait_for(pilot, NoteScreen)
        await pilot.press(*"Besproken met team")
        await pilot.press("escape")
        await wait_for(pilot, RoadmapScreen)
        assert "Besproken met team" in str(screen.query_one("#step-note").render())
        assert step_list.highlighted is not None
        selected = screen.current_step.key
        assert selected == "fase1.terugmelden"
        del note

    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)
        assert screen.current_step.key == "fase1.terugmelden"
        assert screen.sub_title == "1 van 17 stappen klaar, 1 overgeslagen"
        assert "Besproken met team" in str(screen.query_one("#step-note").render())
        statuses = {key: row.status for key, row in screen.progress.items()}
        assert statuses == {
            "doorlooptijd.startpunt": "done",
            "fase1.aanvraagformulier": "in_progress",
            "fase1.terugmelden": "skipped",
        }
        assert "[x] Bepaal uw startpunt" in str(screen.query_one(StepList).get_option_at_index(1).prompt)


async def test_note_is_saved_while_typing_without_leaving(db_path):
    """A killed process or dropped SSH link loses at most the last moment of typing."""
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await do_intake(pilot)
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("n")
        await wait_for(pilot, NoteScreen)
        await pilot.press(*"Eerst bellen")
        await pilot.pause(0.6)
        other_desk = Store.open(str(db_path))  # a separate connection sees it: it is committed
        progress = other_desk.step_progress(other_desk.get_project().id)
        other_desk.close()
        assert [row.note for row in progress.values()] == ["Eerst bellen"]


async def test_f1_lists_the_keys_of_the_current_screen(db_path):
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await do_intake(pilot)
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("f1")
        help_screen = await wait_for(pilot, HelpScreen)
        descriptions = [description for _, description in help_screen.keys]
        for expected in ("Klaar", "Bezig", "Overslaan", "Nog doen", "Notitie", "Stoppen"):
            assert expected in descriptions
        await pilot.press("escape")
        await wait_for(pilot, RoadmapScreen)
