"""The store on real SQLite files: creation, permissions, saving, conflicts, damaged files."""

from __future__ import annotations

import os
import random
import sqlite3
import stat

import pytest

from hr_wizard.errors import (
    ConflictError,
    NewerDatabaseError,
    NotADatabaseError,
    UnusableLocationError,
)
from hr_wizard.store import HEAD_REVISION, Store


def new_store(db_path) -> Store:
    store = Store.open(str(db_path))
    store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    return store


def test_new_database_is_private_and_in_wal_mode(db_path):
    Store.open(str(db_path)).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)


def test_existing_shared_database_keeps_its_permissions(db_path):
    Store.open(str(db_path)).close()
    os.chmod(db_path, 0o660)
    Store.open(str(db_path)).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o660


@pytest.mark.both_backends
def test_status_and_note_survive_reopening(db_path):
    store = new_store(db_path)
    project = store.get_project()
    store.set_step_status(project.id, "fase1.website", "done")
    row = store.set_step_note(project.id, "fase1.website", "Gelezen", expected_version=1)
    assert row.version == 2
    store.close()
    again = Store.open(str(db_path))
    rows = again.step_progress(again.get_project().id)
    assert (rows["fase1.website"].status, rows["fase1.website"].note) == ("done", "Gelezen")


@pytest.mark.both_backends
def test_second_save_of_same_note_is_detected(db_path):
    desk_a = new_store(db_path)
    desk_b = Store.open(str(db_path))
    project_id = desk_a.get_project().id
    desk_a.set_step_note(project_id, "fase2.processen", "Versie A", expected_version=0)
    with pytest.raises(ConflictError) as caught:
        desk_b.set_step_note(project_id, "fase2.processen", "Versie B", expected_version=0)
    assert caught.value.current.note == "Versie A"
    assert desk_b.step_progress(project_id)["fase2.processen"].note == "Versie A"


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"", "leeg"), (random.Random(4096).randbytes(4096), "geen SQLite-database"),
     (b"SQLite format 3\x00" + b"\x00" * 10, "geen SQLite-database")],
    ids=["empty", "random-bytes", "header-only"],  # the same ids every run (pytest-xdist compares them)
)
def test_not_a_database_is_refused_and_left_alone(db_path, content, why):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(NotADatabaseError, match=why):
        Store.open(str(db_path))
    assert db_path.read_bytes() == content


def test_truncated_database_is_refused(db_path):
    store = new_store(db_path)
    for index in range(200):
        store.set_setting(f"k{index}", "x" * 500)
    store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(NotADatabaseError, match="afgekapt"):
        Store.open(str(db_path))


def test_database_of_another_program_is_refused(db_path):
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE recepten (naam TEXT)")
    with pytest.raises(NotADatabaseError, match="ander programma"):
        Store.open(str(db_path))


def test_newer_database_is_refused_and_not_changed(db_path):
    new_store(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="nieuwere versie"):
        Store.open(str(db_path))
    assert db_path.read_bytes() == before


def test_folder_that_cannot_be_written_gives_clear_message(tmp_path):
    if os.geteuid() == 0:
        target = tmp_path / "een-bestand" / "db.sqlite"
        (tmp_path / "een-bestand").write_text("geen map")  # even root cannot make a folder here
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "sub" / "db.sqlite"
    with pytest.raises(UnusableLocationError, match="Kies een map waarin u mag schrijven"):
        Store.open(str(target))


def test_db_path_that_is_a_folder_gives_clear_message(tmp_path):
    with pytest.raises(UnusableLocationError, match="is een map"):
        Store.open(str(tmp_path))
