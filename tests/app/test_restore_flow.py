"""The wizard running while another process restores the database: the next key reopens it
and says so; the screens show the restored state and nothing crashes."""

from __future__ import annotations

from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.screens.roster import RosterScreen

from ..helpers import run, seeded_backup_and_later
from .pilot import make_app, open_roster, wait_for


def notices(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def wait_for_notice(pilot, text: str) -> None:
    for _ in range(200):
        if any(text in message for message in notices(pilot.app)):
            return
        await pilot.pause(0.02)
    raise AssertionError(f"no notice with {text!r}: {notices(pilot.app)}")


async def test_the_next_key_on_the_main_screen_reopens_and_shows_the_restored_state(db_path):
    desk, backup = seeded_backup_and_later(db_path)
    desk.close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)
        assert screen.progress["fase1.website"].status == "done"
        assert run("--db", str(db_path), "restore", str(backup)).returncode == 0
        await pilot.press("a")  # would open the roster: the desk notices the restore instead
        await wait_for_notice(pilot, "teruggezet")
        screen = await wait_for(pilot, RoadmapScreen)
        assert "fase1.website" not in screen.progress  # the backup's state: not done yet
        assert app.is_running
        await pilot.press("a")  # now the roster opens, on the restored file
        roster = await wait_for(pilot, RosterScreen)
        assert roster.store.roster_count(roster.project.id) == 1


async def test_a_desk_deep_in_an_application_returns_to_the_main_screen_without_a_crash(db_path):
    desk, backup = seeded_backup_and_later(db_path)
    desk.close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roster(pilot)
        await pilot.press("end", "enter")  # Kees Later, who is not in the backup
        await wait_for(pilot, ApplicationScreen)
        assert run("--db", str(db_path), "restore", str(backup)).returncode == 0
        await pilot.press("tab", "x")
        await wait_for_notice(pilot, "teruggezet")
        await wait_for(pilot, RoadmapScreen)
        assert len(app.screen_stack) == 1 and app.is_running
