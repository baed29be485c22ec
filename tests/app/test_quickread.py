"""The quick first state (sqlite3, no SQLModel) says exactly what the store says, and the
main screen shows it while the store is still loading."""

from __future__ import annotations

import datetime as dt
import socket
import time
from pathlib import Path

import pytest

from hr_wizard.quickread import quick_state
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store

from ..helpers import seeded_for_quickread
from ..make_v1_db import make_v1_db
from .pilot import make_app, wait_for

TODAY = dt.date(2026, 11, 28)


@pytest.mark.both_backends
def test_quick_state_agrees_with_the_store(db_path):
    store = seeded_for_quickread(db_path, TODAY)
    quick = quick_state(str(db_path), store.actor, today=TODAY)
    project, _ = store.choose_project()
    assert quick.project.id == project.id and quick.project.gemeente == "Gemeente Testdorp"
    rows = store.step_progress(project.id)
    assert {k: (r.status, r.note, r.version) for k, r in quick.progress.items()} == {
        k: (r.status, r.note, r.version) for k, r in rows.items()}
    assert quick.last_step == "fase2.processen"
    assert quick.overdue == store.overdue_count(project.id, TODAY) == 1
    named = quick_state(str(db_path), store.actor, gemeente="gemeente eerst", today=TODAY)
    assert named.project.gemeente == "Gemeente Eerst"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def silent_server() -> socket.socket:
    """A port that takes connections and never answers: a server that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    return listener


def was_called(listener: socket.socket) -> bool:
    try:
        listener.accept()[0].close()
        return True
    except BlockingIOError:
        return False


def test_quick_state_never_connects_where_the_store_would_refuse():
    """A password libpq would read (urllib ends the user part at '?' or '#', libpq only at '@'),
    several hosts (libpq's 2 s count per host) or a malformed address: no connection, no error."""
    with silent_server() as listener:
        port = listener.getsockname()[1]
        for address in (f"postgresql://u:geheim?@127.0.0.1:{port}/db", f"postgresql://u:ge#heim@127.0.0.1:{port}/db",
                        f"postgresql://u@127.0.0.1:{port},127.0.0.1:{port}/db", "postgresql://u:geheim@[::1/db",
                        f"postgresql://u@127.0.0.1:{port}/db?passfile=/tmp/x"):
            assert quick_state(address, "u") is None, address
        assert not was_called(listener)


async def test_a_malformed_server_address_gets_the_stores_message_without_its_password(tmp_path):
    from hr_wizard.screens.problem import ProblemScreen

    app = make_app("postgresql://u:geheim@[::1/db")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, ProblemScreen)
        shown = " ".join(str(widget.render()) for widget in screen.query("Static"))
        assert "databaseadres" in shown and "geheim" not in shown


async def test_quitting_while_a_server_hangs_does_not_open_the_store(monkeypatch):
    """Ctrl+Q while the quick read waits on a server that does not answer: the worker stops
    there, instead of importing SQLModel and waiting another 5 s for the store."""
    import threading

    import hr_wizard.app

    opened: list[str] = []
    done = threading.Event()
    real_open = Store.open
    monkeypatch.setattr(Store, "open", staticmethod(lambda location: opened.append(location) or real_open(location)))

    class Watched(hr_wizard.app.HrWizardApp):
        CSS_PATH = str(Path(hr_wizard.app.__file__).parent / hr_wizard.app.HrWizardApp.CSS_PATH)

        def _open_in_thread(self) -> None:
            try:
                super()._open_in_thread()
            finally:
                done.set()

    from hr_wizard.content_file import load_content

    with silent_server() as listener:
        app = Watched(f"postgresql://u@127.0.0.1:{listener.getsockname()[1]}/db", load_content())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)
            await pilot.press("ctrl+q")
        assert done.wait(10)  # the quick read gives up after 2 s
    assert opened == []


def test_quick_state_steps_aside_for_anything_unusual(tmp_path):
    # A server that does not answer, an address the store refuses (a password in it, another
    # database): no quick state, the store says what is wrong.
    assert quick_state(f"postgresql+psycopg://u@127.0.0.1:{closed_port()}/db", "u") is None
    assert quick_state(f"postgresql://u:geheim@127.0.0.1:{closed_port()}/db", "u") is None
    assert quick_state(f"postgresql://u@127.0.0.1:{closed_port()}/db?password=geheim", "u") is None
    assert quick_state("mysql://u@127.0.0.1/db", "u") is None
    assert quick_state(str(tmp_path / "bestaat-niet.sqlite"), "u") is None
    junk = tmp_path / "ruis.sqlite"
    junk.write_bytes(b"geen database" * 100)
    assert quick_state(str(junk), "u") is None
    old = tmp_path / "v1.sqlite"
    make_v1_db(old)  # an older schema: the store must migrate it first
    assert quick_state(str(old), "u") is None


@pytest.mark.both_backends
async def test_main_screen_shows_the_real_state_before_the_store_has_loaded(db_path, monkeypatch):
    seeded_for_quickread(db_path, TODAY).close()
    real_open = Store.open

    def slow_open(location):  # the store takes a second, as on a loaded jump host
        time.sleep(1.0)
        return real_open(location)

    monkeypatch.setattr(Store, "open", staticmethod(slow_open))
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(500):  # until the quick main screen is mounted (its title set), not only pushed
            if isinstance(app.screen, RoadmapScreen) and app.screen.title:
                break
            await pilot.pause(0.01)
        screen = app.screen
        assert isinstance(screen, RoadmapScreen) and screen.store is None
        assert screen.title == "Gemeente Testdorp"
        assert screen.sub_title.startswith("1 van 17 stappen klaar")
        assert screen.current_step.key == "fase2.processen"
        await pilot.press("k")  # typed before the store is there: it waits, it is not lost
        assert screen.progress["fase2.processen"].status == "in_progress"
        await wait_for(pilot, RoadmapScreen)  # the store is attached
        await pilot.pause()
        assert app.screen is screen
        assert screen.progress["fase2.processen"].status == "done"
        assert app.store.step_progress(screen.project.id)["fase2.processen"].status == "done"


async def test_quitting_at_once_after_the_first_frame_is_clean(db_path):
    """Quitting right after the first frame, while the main screen is still being mounted
    (a quick hand, or a script), must not crash on the way out."""
    import hr_wizard.app
    from hr_wizard.content_file import load_content

    class QuitAtOnce(hr_wizard.app.HrWizardApp):
        # CSS_PATH is relative to the defining module: point at the package's stylesheet.
        CSS_PATH = str(Path(hr_wizard.app.__file__).parent / hr_wizard.app.HrWizardApp.CSS_PATH)

        def on_ready(self) -> None:
            super().on_ready()
            self.call_after_refresh(self.exit)

    seeded_for_quickread(db_path, TODAY).close()
    for _ in range(5):
        app = QuitAtOnce(str(db_path), load_content())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
        assert app.return_code == 0


async def test_the_first_render_of_the_main_screen_reaches_the_terminal(db_path):
    """Textual mounts the app inside a batch that keeps every frame from the terminal. The main
    screen, pushed while the app mounted, was rendered once in vain inside it and again after
    it: about 30 ms later on screen at every start (bench: state shown)."""
    import hr_wizard.app
    from hr_wizard.content_file import load_content

    renders: list[int] = []

    class Watched(hr_wizard.app.HrWizardApp):
        CSS_PATH = str(Path(hr_wizard.app.__file__).parent / hr_wizard.app.HrWizardApp.CSS_PATH)

        def _display(self, screen, renderable) -> None:  # where a frame goes to the terminal (pinned Textual)
            if renderable is not None and isinstance(screen, RoadmapScreen):
                renders.append(self._batch_count)
            super()._display(screen, renderable)

    seeded_for_quickread(db_path, TODAY).close()
    app = Watched(str(db_path), load_content())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
    assert renders, "the main screen was never rendered"
    assert renders[0] == 0, "the main screen's first render was kept from the terminal by Textual's start-up batch"


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_frame_of_the_main_screen_shows_the_remembered_step_whole(db_path, size):
    """From its first frame: the remembered step in the pane (not the list's first step, which
    OptionList highlights when it is made), the titles wrapped for the width they get (not
    first for the width without a scrollbar, cut off), and on a narrow terminal the narrow
    layout (not first the wide one, until the screen's first resize)."""
    import hr_wizard.app
    from hr_wizard.content_file import load_content
    from hr_wizard.widgets.step_list import StepList

    frames: list[tuple[str, str]] = []
    layouts: list[tuple[bool, int]] = []

    class Watched(hr_wizard.app.HrWizardApp):
        CSS_PATH = str(Path(hr_wizard.app.__file__).parent / hr_wizard.app.HrWizardApp.CSS_PATH)

        def _display(self, screen, renderable) -> None:  # where a frame goes to the terminal (pinned Textual)
            if renderable is not None and isinstance(screen, RoadmapScreen) and not self._batch_count:
                step_list = screen.query_one(StepList)
                painted = " ".join("".join(s.text for s in step_list.render_line(y)).strip()
                                   for y in range(step_list.size.height))
                frames.append((str(screen.query_one("#step-title").render()), " ".join(painted.split())))
                layouts.append((screen.has_class("-narrow"), step_list.size.width))
            super()._display(screen, renderable)

    seeded_for_quickread(db_path, TODAY).close()
    app = Watched(str(db_path), load_content())
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, RoadmapScreen)
    content = app.content
    assert len(set(layouts)) == 1 and layouts[0][0] is (size[0] < 76), layouts
    remembered = content.step("fase2.processen").title
    assert frames and all(title == remembered for title, _ in frames), [title for title, _ in frames]
    for step in content.steps[:4]:  # in view, whole: "Lees de informatie op kvk.nl"
        assert step.title in frames[0][1], (step.title, frames[0][1])


async def test_what_lives_as_long_as_the_app_is_left_out_of_collections_until_it_ends(db_path):
    """With the store open, Python's full garbage collection no longer walks the app's
    libraries (45 ms and more, now and then in the middle of a key; bench: roster open); once
    the app has ended, everything can be collected again (tests and the kiosk run several
    apps in one process)."""
    import gc

    seeded_for_quickread(db_path, TODAY).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        assert gc.get_freeze_count() > 50_000
    assert gc.get_freeze_count() == 0
