"""A desk that has the database open while another process restores it (`hr-wizard restore`):
its next action, read or write, is told so (RestoredError, a StoreError) and nothing it does
lands in the restored file, until it reopens. The restore raises PRAGMA user_version; the store
compares it at the start of every transaction."""

from __future__ import annotations

import pytest

from hr_wizard.errors import RestoredError, StoreError
from hr_wizard.store import Store

from ..helpers import count_applications, run, seeded_backup_and_later


def test_the_next_action_of_a_running_desk_is_told_and_writes_nothing(db_path):
    desk, backup = seeded_backup_and_later(db_path)
    project = desk.get_project()
    restored = run("--db", str(db_path), "restore", str(backup))  # another process
    assert restored.returncode == 0, restored.stderr
    with pytest.raises(RestoredError) as caught:
        desk.create_application(project.id, "Ans Smit", "Burgerzaken", "ans@testdorp.nl")
    assert isinstance(caught.value, StoreError) and "teruggezet" in str(caught.value)
    with pytest.raises(RestoredError):
        desk.roster_count(project.id)  # a read too: it would show the restored file as if nothing happened
    assert desk.restored()
    assert count_applications(db_path) == 1  # Jan de Werker, from the backup; Ans Smit did not land

    desk.accept_restore()  # what the app does when it reopens
    assert not desk.restored()
    assert desk.roster_count(project.id) == 1
    desk.close()


def test_a_desk_that_opened_after_the_restore_and_one_that_saw_no_restore_are_not_disturbed(db_path):
    desk, backup = seeded_backup_and_later(db_path)
    other = Store.open(str(db_path))
    assert not desk.restored() and not other.restored()
    desk.close()
    other.close()
    assert run("--db", str(db_path), "restore", str(backup)).returncode == 0
    later = Store.open(str(db_path))
    assert not later.restored()
    assert later.roster_count(later.get_project().id) == 1
    later.close()
