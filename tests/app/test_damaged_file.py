"""A damaged database in the real app: the damaged-file screen, and V moves the file aside
with its -wal and -shm (one name stem), so what was in them stays together."""

from __future__ import annotations

import os
import sqlite3

from hr_wizard.screens.intake import IntakeScreen
from hr_wizard.screens.problem import ProblemScreen

from ..helpers import damage_a_page, seeded
from .pilot import make_app, wait_for


async def test_v_moves_the_file_with_its_wal_and_shm(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(os.urandom(8192))
    wal, shm = db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")
    wal.write_bytes(b"wal of the damaged file")
    shm.write_bytes(b"shm of the damaged file")
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, ProblemScreen)
        await pilot.press("v")
        await wait_for(pilot, IntakeScreen)
    moved = sorted(p.name for p in db_path.parent.iterdir() if ".beschadigd-" in p.name)
    assert len(moved) == 3, moved
    stem = moved[0]
    assert moved == [stem, stem + "-shm", stem + "-wal"]
    assert (db_path.parent / (stem + "-wal")).read_bytes() == b"wal of the damaged file"


async def test_a_damaged_page_shows_the_damaged_file_screen(db_path):
    store = seeded(db_path)
    store.import_applications(store.get_project().id, [{"naam": f"Naam {i}", "team": "Team", "email": f"n{i}@t.nl",
                                                         "telefoon": "", "kenmerk": ""} for i in range(2000)])
    store.close()
    damage_a_page(db_path)
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, ProblemScreen)
        assert screen.can_move_aside
        assert "beschadigd" in screen.message
        await pilot.press("a", "down", "enter")  # keys do not crash it
        assert app.is_running
    with sqlite3.connect(db_path) as connection:  # left as it was: still the same damaged file
        assert connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    connection.close()
