"""The quick first state (sqlite3, no SQLModel) says exactly what the store says, and the
main screen shows it while the store is still loading."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from hr_wizard.quickread import quick_state
from hr_wizard.remembered import last_step_setting
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store

from ..make_v1_db import make_v1_db
from .pilot import make_app, wait_for

TODAY = dt.date(2026, 11, 28)


def seeded(db_path) -> Store:
    store = Store.open(str(db_path))
    store.create_project("Gemeente Eerst", "Piet Puk", "piet@eerst.nl")
    project = store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    store.remember_project(project.id)
    store.set_step_status(project.id, "fase1.website", "done")
    store.set_step_note(project.id, "fase1.website", "Gelezen", expected_version=1)
    store.set_step_status(project.id, "fase2.processen", "in_progress")
    store.set_setting(last_step_setting(project.id), "fase2.processen")
    for naam, due, received in (("Laat", dt.date(2026, 11, 27), None), ("Vandaag", TODAY, None),
                                ("Binnen", dt.date(2026, 1, 7), dt.date(2026, 1, 6))):
        application = store.create_application(project.id, naam, "Team", f"{naam.lower()}@testdorp.nl")
        store.save_application(application.id, application.version, applied_on=due - dt.timedelta(days=3),
                               letter_due=due, letter_received=received)
    return store


def test_quick_state_agrees_with_the_store(db_path):
    store = seeded(db_path)
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


def test_quick_state_steps_aside_for_anything_unusual(tmp_path):
    assert quick_state("postgresql+psycopg://u@h/db", "u") is None
    assert quick_state(str(tmp_path / "bestaat-niet.sqlite"), "u") is None
    junk = tmp_path / "ruis.sqlite"
    junk.write_bytes(b"geen database" * 100)
    assert quick_state(str(junk), "u") is None
    old = tmp_path / "v1.sqlite"
    make_v1_db(old)  # an older schema: the store must migrate it first
    assert quick_state(str(old), "u") is None


async def test_main_screen_shows_the_real_state_before_the_store_has_loaded(db_path, monkeypatch):
    seeded(db_path).close()
    real_open = Store.open

    def slow_open(location):  # the store takes a second, as on a loaded jump host
        time.sleep(1.0)
        return real_open(location)

    monkeypatch.setattr(Store, "open", staticmethod(slow_open))
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):  # until the quick main screen is mounted (its title set), not only pushed
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

        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(self.exit)

    seeded(db_path).close()
    for _ in range(5):
        app = QuitAtOnce(str(db_path), load_content())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
        assert app.return_code == 0
