"""Another desk holding the write lock, saves that change nothing, the project's
debiteurnummer, and forgetting a person while another connection reads."""

from __future__ import annotations

import sqlite3

import pytest

from hr_wizard.errors import ConflictError, StoreError
from hr_wizard.store import Store, engines

from ..helpers import run, seeded


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(engines, "BUSY_TIMEOUT_S", 0.2)


def hold_write_lock(db_path) -> sqlite3.Connection:
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_held_write_lock_gives_a_dutch_busy_error_and_the_save_can_be_retried(db_path, short_busy_timeout):
    store = seeded(db_path)
    project_id = store.get_project().id
    holder = hold_write_lock(db_path)
    with pytest.raises(StoreError, match="De database is bezet"):
        store.set_step_note(project_id, "fase1.website", "Mijn tekst", expected_version=0)
    holder.rollback()
    holder.close()
    row = store.set_step_note(project_id, "fase1.website", "Mijn tekst", expected_version=0)  # the same action again
    assert row.note == "Mijn tekst"
    store.close()


def test_remembered_settings_are_skipped_while_another_desk_writes(db_path, short_busy_timeout):
    store = seeded(db_path)
    holder = hold_write_lock(db_path)
    store.set_setting("laatste-stap", "fase1.website")  # a convenience: never an error for moving the cursor
    holder.rollback()
    holder.close()
    store.close()


def test_a_command_under_a_held_lock_says_busy_without_a_traceback(db_path):
    seeded(db_path).close()
    holder = hold_write_lock(db_path)
    result = run("--db", str(db_path), "import", "accounts", str(csv_file(db_path.parent)),
                 env={"HR_WIZARD_BUSY_TIMEOUT": "0.3"})
    holder.rollback()
    holder.close()
    assert result.returncode == 1
    assert "bezet" in result.stderr and "Traceback" not in result.stderr


def csv_file(folder):
    path = folder / "import.csv"
    path.write_text("naam;team;email\nJan Jansen;Burgerzaken;jan@testdorp.nl\n", encoding="utf-8")
    return path


@pytest.mark.both_backends
def test_a_save_that_changes_nothing_keeps_the_version(db_path):
    desk_a, desk_b = seeded(db_path), Store.open(str(db_path))
    project_id = desk_a.get_project().id
    application = desk_a.create_application(project_id, "Jan de Werker", "Team", "jan@testdorp.nl")
    opened_by_b = desk_b.get_application(application.id)
    same = desk_a.save_application(application.id, application.version, naam="Jan de Werker", current_step=0)
    assert same.version == application.version  # desk A pressed Esc without an edit
    saved = desk_b.save_application(opened_by_b.id, opened_by_b.version, team="Burgerzaken")  # no false conflict
    assert saved.team == "Burgerzaken"
    desk_a.set_step_status(project_id, "fase1.website", "done")
    before = desk_a.step_progress(project_id)["fase1.website"].version
    desk_a.set_step_status(project_id, "fase1.website", "done")
    assert desk_a.step_progress(project_id)["fase1.website"].version == before
    desk_a.close()
    desk_b.close()


@pytest.mark.both_backends
def test_the_debiteurnummer_is_version_checked(db_path):
    desk_a, desk_b = seeded(db_path), Store.open(str(db_path))
    project = desk_a.get_project()
    stale = desk_b.get_project()
    desk_a.set_project_debiteurnummer(project.id, "111", expected_version=project.version)
    with pytest.raises(ConflictError) as caught:
        desk_b.set_project_debiteurnummer(stale.id, "222", expected_version=stale.version)
    assert caught.value.current.debiteurnummer == "111"
    assert desk_a.get_project().debiteurnummer == "111"
    desk_a.close()
    desk_b.close()


def test_forgetting_while_another_connection_reads(db_path, short_busy_timeout):
    store = seeded(db_path)
    project_id = store.get_project().id
    secret = "Geheime Naam Xq"
    application = store.create_application(project_id, secret, "Team", "geheim@testdorp.nl")
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM application").fetchall()  # a long read holds the WAL
    finished = store.forget_application(application.id)
    assert isinstance(finished, str) and "volgende start" in finished
    assert store.pending_erasure()  # it knows it could not finish
    reader.rollback()
    reader.close()
    store.close()
    again = Store.open(str(db_path))  # the next start finishes it
    assert not again.pending_erasure()
    again.close()
    for name in (db_path.name, db_path.name + "-wal"):
        path = db_path.with_name(name)
        assert not path.exists() or secret.encode() not in path.read_bytes(), name


def test_forgetting_without_other_readers_finishes_at_once(db_path):
    store = seeded(db_path)
    secret = "Geheime Naam Zw"
    application = store.create_application(store.get_project().id, secret, "Team", "geheim@testdorp.nl")
    assert store.forget_application(application.id) is True
    for name in (db_path.name, db_path.name + "-wal"):
        path = db_path.with_name(name)
        assert not path.exists() or secret.encode() not in path.read_bytes(), name
    store.close()
