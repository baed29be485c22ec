"""No error ends the kiosk: a damaged file at start, a write lock held mid-visit, a database
server that stops mid-visit, a bug in a screen. The visitor sees one calm sentence that only the
operator (F12 and the code) gets past; the operator reads the real message and chooses; the
operator log names the error without personal data."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from hr_wizard.errors import StoreError
from hr_wizard.kiosk import log_path
from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.kiosk import KioskMessageScreen, KioskWelcomeScreen, OperatorProblemScreen, OutOfOrderScreen

from ..helpers import seeded
from .kiosk_pilot import kiosk, new_visit, screen_text, type_operator_code
from .pilot import wait_for

OUT_OF_ORDER = "Deze kiosk is tijdelijk buiten gebruik. Roep een medewerker."
# Keys that once led out of a kiosk: the problem screen's q and v, Esc, and the signals' keys.
ESCAPES = ("q", "v", "escape", "ctrl+c", "ctrl+q", "ctrl+backslash", "ctrl+z", "enter", "f6", "tab")


async def assert_out_of_order_holds(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, OutOfOrderScreen)
    for key in ESCAPES:
        await pilot.press(key)
        assert app.is_running and isinstance(app.screen, OutOfOrderScreen), key
    assert screen_text(app).startswith(OUT_OF_ORDER)
    await type_operator_code(pilot, "geen-idee")  # a wrong code: still out of order
    await pilot.press("escape")
    assert isinstance(app.screen, OutOfOrderScreen)


async def operator_reads_the_problem(pilot, settle: bool = True) -> str:
    await pilot.pause(pilot.app.config.guard.wait_left(time.monotonic()) + 0.05)  # after the wrong code
    await type_operator_code(pilot)
    screen = await wait_for(pilot, OperatorProblemScreen)
    if settle:  # the choices wait a moment, so that the code typed on is not taken for one
        await pilot.pause(OperatorProblemScreen.SETTLE_SECONDS)
    return str(screen.query_one("#problem-message").render())


def assert_logged_without_personal_data(*kinds: str) -> None:
    logged = log_path().read_text(encoding="utf-8")
    assert any(kind in logged for kind in kinds), logged
    for personal in ("Jan", "jan@testdorp.nl", "Burgerzaken", "Testdorp"):
        assert personal not in logged


async def test_a_damaged_file_at_start_is_out_of_order_until_the_operator_moves_it_aside(tmp_path):
    db = tmp_path / "hr-wizard.sqlite"
    db.write_bytes(b"dit is geen database " * 200)
    app = kiosk(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await assert_out_of_order_holds(pilot)
        assert db.read_bytes().startswith(b"dit is geen database")  # 'v' moved nothing for a visitor
        message = await operator_reads_the_problem(pilot, settle=False)
        assert str(db) in message
        await pilot.press("r", "v", "q")  # letters of the code typed on, as the check took a moment: no choice
        assert isinstance(app.screen, OperatorProblemScreen) and db.read_bytes().startswith(b"dit is geen database")
        await pilot.pause(OperatorProblemScreen.SETTLE_SECONDS)
        await pilot.press("v")  # the operator's choice: move it aside and begin afresh
        await wait_for(pilot, KioskMessageScreen)
        assert app.is_running and "nog niet ingericht" in screen_text(app)  # a new, empty file
    assert len(list(tmp_path.glob("hr-wizard.sqlite.beschadigd-*"))) == 1
    assert_logged_without_personal_data("NotADatabaseError")


@pytest.mark.parametrize("where", ["action", "handler"])
async def test_a_bug_in_a_screen_puts_the_kiosk_out_of_order_not_into_a_shell(db_path, monkeypatch, where):
    def broken(*args, **kwargs):
        raise RuntimeError("Jan Jansen jan@testdorp.nl")  # an error message may hold typed values

    seeded(db_path).close()
    if where == "action":  # a key's action: it runs in the app's own message loop
        monkeypatch.setattr(ApplicationScreen, "action_next", broken)
    else:  # a handler of the screen: it runs in the screen's message loop
        monkeypatch.setattr(ApplicationScreen, "on_input_changed", broken)
    app = kiosk(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, KioskWelcomeScreen)
        await pilot.press("enter")
        await wait_for(pilot, ApplicationScreen)
        await pilot.press(*"Jan", "enter")
        await assert_out_of_order_holds(pilot)
        message = await operator_reads_the_problem(pilot)
        assert "RuntimeError" in message
        await pilot.press("r")  # try again: a fresh welcome for the next visitor
        await wait_for(pilot, KioskWelcomeScreen)
        assert "Jan" not in screen_text(app)
    assert_logged_without_personal_data("RuntimeError")


async def test_a_write_lock_held_mid_visit_puts_the_kiosk_out_of_order(db_path, monkeypatch):
    monkeypatch.setattr("hr_wizard.store.engines.BUSY_TIMEOUT_S", 1)  # 15 s in use; the test waits 1 s per try
    seeded(db_path).close()
    app = kiosk(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_visit(pilot)
        other = sqlite3.connect(db_path, isolation_level=None)  # another desk holds the write lock
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("enter")  # saving the page waits for the lock, then gives up
            await assert_out_of_order_holds(pilot)
            message = await operator_reads_the_problem(pilot)
            assert "database is locked" in message or isinstance(app.problem, StoreError)  # the store's own words
        finally:
            other.execute("ROLLBACK")
            other.close()
        await pilot.press("r")
        await new_visit(pilot)
        await pilot.press("enter")  # the lock is gone: saving works again
        await pilot.pause()
        assert isinstance(app.screen, ApplicationScreen) and app.screen.page == 1
    assert_logged_without_personal_data("unexpected error: ")  # whichever kind the store raises


# --- a PostgreSQL server of this test's own, so stopping it disturbs no other test -----------

PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))), None) \
    if Path("/usr/lib/postgresql").is_dir() else None


class OwnServer:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="hr-wizard-kiosk-pg."))
        self.as_owner: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.folder, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._pg("initdb", "-D", f"{self.folder}/data", "-U", "postgres", "-A", "trust", "--no-sync")
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _pg(self, program: str, *args: str) -> None:
        subprocess.run([*self.as_owner, str(PG_BIN / program), *args], check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        self._pg("pg_ctl", "-D", f"{self.folder}/data", "-l", f"{self.folder}/server.log", "-w", "-o",
                 f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off", "start")

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", f"{self.folder}/data", "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def own_server():
    if PG_BIN is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: PostgreSQL must be installed (scripts/with-postgres.sh installs it)")
        pytest.skip("PostgreSQL is not installed; scripts/with-postgres.sh installs it")
    server = OwnServer()
    server.start()
    yield server
    server.remove()


async def test_postgresql_stopped_mid_visit_puts_the_kiosk_out_of_order(own_server):
    seeded(own_server.url).close()
    app = kiosk(own_server.url)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_visit(pilot)
        own_server.stop()
        await pilot.press("enter")  # saving the page finds no server
        await assert_out_of_order_holds(pilot)
        message = await operator_reads_the_problem(pilot)
        assert "OperationalError" in message or isinstance(app.problem, StoreError)
        own_server.start()
        await pilot.press("r")
        await wait_for(pilot, KioskWelcomeScreen, timeout=20)
        assert app.is_running
    assert_logged_without_personal_data("unexpected error: ")
