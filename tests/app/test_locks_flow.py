"""The real app while another desk holds the write lock or saves the same note."""

from __future__ import annotations

import sqlite3

import pytest

from hr_wizard.screens.note import NoteScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store, engines

from ..helpers import seeded
from .pilot import make_app, wait_for


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(engines, "BUSY_TIMEOUT_S", 0.2)


async def test_a_held_lock_keeps_the_typed_note_and_saves_it_after(db_path, short_busy_timeout):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        await pilot.press("down", "up", "n")  # moving the cursor remembers the step: no crash either
        note = await wait_for(pilot, NoteScreen)
        await pilot.press(*"Eerst bellen")
        await pilot.pause(0.9)
        assert "bezet" in str(note.query_one("#note-message").render())
        assert app.is_running and note.query_one("TextArea").text == "Eerst bellen"
        holder.rollback()
        holder.close()
        await pilot.press("escape")  # the same action again: now it is saved
        await wait_for(pilot, RoadmapScreen)
    store = Store.open(str(db_path))
    assert [row.note for row in store.step_progress(store.get_project().id).values()] == ["Eerst bellen"]
    store.close()


async def test_esc_after_a_note_conflict_keeps_the_other_desks_text(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("n")
        note = await wait_for(pilot, NoteScreen)
        other = Store.open(str(db_path))
        project_id = other.get_project().id
        key = note.step.key
        other.set_step_note(project_id, key, "Tekst van balie B", expected_version=0)
        await pilot.press(*"Tekst van A")
        await pilot.pause(0.7)
        assert "Iemand anders" in str(note.query_one("#note-message").render())
        await pilot.press("escape")
        await wait_for(pilot, RoadmapScreen)
        assert other.step_progress(project_id)[key].note == "Tekst van balie B"
        other.close()
