"""The wizard on a PostgreSQL server that stops answering mid-session (SIGSTOP, on a server of
the tests' own): the Dutch message shows, nothing crashes, and ctrl+q quits at once."""

from __future__ import annotations

import time

from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store, engines

from .pilot import make_app, wait_for


async def test_the_message_shows_and_ctrl_q_quits(stoppable_server, monkeypatch):
    monkeypatch.setattr(engines, "SERVER_DEADLINE_S", 1.0)  # short, to keep the test fast (the store test uses 8 s)
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT_S", 2)
    location = stoppable_server.new_database()
    Store.open(location).create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    app = make_app(location)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, RoadmapScreen)
            await pilot.press("down")  # a step to remember when quitting: a write, if it tried
            stoppable_server.stop_answering()
            await pilot.press("k")  # mark the step done: the server does not answer
            messages = []
            for _ in range(100):
                messages = [str(n.message) for n in app._notifications]
                if any("databaseserver" in message for message in messages):
                    break
                await pilot.pause(0.05)
            assert any("antwoordt niet meer" in message for message in messages), messages
            assert app.is_running
            started = time.monotonic()
            await pilot.press("ctrl+q")
            await pilot.pause()
        quit_in = time.monotonic() - started
    finally:
        stoppable_server.answer_again()
    assert app.return_code == 0
    assert quit_in < 1.5, f"ctrl+q took {quit_in:.1f} s"
