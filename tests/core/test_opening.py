"""Opening a SQLite file the way SQLite judges it: the -wal is part of the database, a
refused file is left byte for byte, odd paths and odd things at a path get a message."""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from hr_wizard.errors import NewerDatabaseError, NotADatabaseError, StoreError, UnusableLocationError
from hr_wizard.store import Store

from ..helpers import damage_a_page, run, seeded


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def mid_checkpoint_copy(db_path: Path, target: Path, rows: int = 300) -> None:
    """`target` as a writer leaves it when killed in the middle of a checkpoint: the newest
    page 1 (with the new, larger page count) already in the main file, the rest still only
    in the complete WAL beside it."""
    store = seeded(db_path)
    project_id = store.get_project().id
    holder = sqlite3.connect(db_path)  # a second connection: closing the store does not checkpoint
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("SELECT count(*) FROM project").fetchall()
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    store.import_applications(project_id, [{"naam": f"Naam {i}", "team": "Team", "email": f"n{i}@testdorp.nl",
                                             "telefoon": "", "kenmerk": "x" * 200} for i in range(rows)])
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_path, target)
    shutil.copyfile(f"{db_path}-wal", f"{target}-wal")
    store.close()
    holder.close()
    wal = Path(f"{target}-wal").read_bytes()
    page_size = struct.unpack(">I", wal[8:12])[0]
    newest, offset = None, 32
    while offset + 24 + page_size <= len(wal):
        if struct.unpack(">I", wal[offset:offset + 4])[0] == 1:
            newest = wal[offset + 24:offset + 24 + page_size]
        offset += 24 + page_size
    assert newest is not None
    with open(target, "r+b") as handle:
        handle.write(newest)
    pages = struct.unpack(">I", newest[28:32])[0]
    assert target.stat().st_size < pages * page_size, "the header must claim more pages than the file has"


def test_a_writer_killed_mid_checkpoint_opens_with_every_committed_row(db_path, tmp_path):
    target = tmp_path / "copy" / "hr-wizard.sqlite"
    mid_checkpoint_copy(db_path, target)
    store = Store.open(str(target))
    assert store.roster_count(store.get_project().id) == 300
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    store.close()


def test_a_damaged_page_is_refused_and_left_byte_for_byte(db_path):
    store = seeded(db_path)
    store.import_applications(store.get_project().id, [{"naam": f"Naam {i}", "team": "Team", "email": f"n{i}@t.nl",
                                                         "telefoon": "", "kenmerk": ""} for i in range(2000)])
    store.close()
    damage_a_page(db_path)
    before = files_in(db_path.parent)
    with pytest.raises(NotADatabaseError, match="beschadigd"):
        Store.open(str(db_path))
    assert files_in(db_path.parent) == before


def rollback_database_of_another_program(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE recepten (naam TEXT)")
        connection.execute("INSERT INTO recepten VALUES ('soep')")
    connection.close()


def empty_alembic_version(db_path: Path) -> None:
    seeded(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("DELETE FROM alembic_version")
    connection.close()


def newer_schema(db_path: Path) -> None:
    seeded(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()


@pytest.mark.parametrize(("make", "error", "words"), [
    (rollback_database_of_another_program, NotADatabaseError, "ander programma"),
    (empty_alembic_version, NotADatabaseError, "alembic_version is leeg"),
    (newer_schema, NewerDatabaseError, "nieuwere versie"),
])
def test_a_refused_file_is_left_byte_for_byte(db_path, make, error, words):
    make(db_path)
    before = files_in(db_path.parent)
    with pytest.raises(error, match=words):
        Store.open(str(db_path))
    assert files_in(db_path.parent) == before


def test_a_mistyped_path_for_a_command_creates_nothing(tmp_path):
    missing = tmp_path / "typo" / "sub" / "x.sqlite"
    result = run("--db", str(missing), "status")
    assert result.returncode == 1
    assert "geen database" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "typo").exists()


def test_store_open_without_create_makes_nothing(tmp_path):
    with pytest.raises(UnusableLocationError, match="geen database"):
        Store.open(str(tmp_path / "nieuw" / "db.sqlite"), create=False)
    assert not (tmp_path / "nieuw").exists()


def test_a_dangling_symlink_is_not_replaced(tmp_path):
    link = tmp_path / "db.sqlite"
    link.symlink_to(tmp_path / "elders" / "weg.sqlite")
    with pytest.raises(UnusableLocationError, match="link"):
        Store.open(str(link))
    assert link.is_symlink() and not (tmp_path / "elders").exists()


def test_a_fifo_gets_a_message_and_is_not_waited_on(tmp_path):
    fifo = tmp_path / "db.sqlite"
    os.mkfifo(fifo)
    code = f"from hr_wizard.store import Store\ntry:\n    Store.open({str(fifo)!r})\nexcept Exception as e:\n    print(e)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert "geen gewoon bestand" in result.stdout, result.stderr
    assert fifo.exists() and not fifo.is_file()


def test_a_directory_gets_a_message(tmp_path):
    (tmp_path / "map.sqlite").mkdir()
    with pytest.raises(UnusableLocationError, match="is een map"):
        Store.open(str(tmp_path / "map.sqlite"))


ODD = "a#b%c?d e&f=g Zoë"


def test_odd_characters_in_the_folder_name(tmp_path):
    from hr_wizard.quickread import quick_state
    from hr_wizard.remembered import current_user
    from hr_wizard.store import restore_sqlite

    folder = tmp_path / ODD
    db = folder / "hr-wizard.sqlite"
    store = seeded(db)
    assert store.path == db and db.exists()
    store.backup_to(folder / "kopie #1.sqlite")
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [ODD], "nothing made outside the folder"
    assert quick_state(str(db), current_user()) is not None
    restore_sqlite(folder / "kopie #1.sqlite", folder / "terug ?.sqlite")
    again = Store.open(str(folder / "terug ?.sqlite"))
    assert again.get_project().gemeente == "Gemeente Testdorp"
    again.close()


def test_a_network_folder_uses_the_rollback_journal_and_says_so(db_path, monkeypatch):
    """No NFS mount in the test: the detector (store.network.detect) is replaced."""
    from hr_wizard.store import network

    monkeypatch.setattr(network, "detect", lambda folder: "NFS")
    store = seeded(db_path)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    assert "netwerkmap (NFS)" in store.warning and "PostgreSQL" in store.warning
    store.close()
    assert not Path(f"{db_path}-wal").exists()


def test_the_real_detector_finds_no_network_here(tmp_path):
    from hr_wizard.store import network

    assert network.detect(tmp_path) is None


def test_an_existing_database_in_a_network_folder_leaves_wal_mode(db_path, monkeypatch):
    from hr_wizard.store import network

    seeded(db_path).close()
    monkeypatch.setattr(network, "detect", lambda folder: "CIFS")
    store = Store.open(str(db_path))
    assert store.get_project().gemeente == "Gemeente Testdorp"
    store.close()
    assert db_path.read_bytes()[18:20] == b"\x01\x01"  # the header says: rollback journal


def test_a_store_error_never_carries_control_characters(tmp_path):
    folder = tmp_path / "x\x1b]0;PWNED\x07"
    with pytest.raises(StoreError) as caught:
        Store.open(str(folder / "db.sqlite"), create=False)
    assert "\x1b" not in str(caught.value) and "\x07" not in str(caught.value)
