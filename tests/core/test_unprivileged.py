"""A read-only file and a read-only folder, as a user without root's powers sees them (root
ignores file modes, so these tests run the store as `nobody`, and the owner as `daemon`, in
forked children; skipped when the tests do not run as root or the accounts do not exist)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from hr_wizard import cli
from hr_wizard.store import Store

from ..helpers import account, as_user, count_applications, held_as_user, seeded

NOBODY, DAEMON = account("nobody"), account("daemon")
pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or NOBODY is None,
                                reason="needs root (to act as another user) and the account 'nobody'")


@pytest.fixture
def folder():
    """A folder other users can reach (pytest's own tmp_path is private to root)."""
    made = Path(tempfile.mkdtemp(prefix="hr-wizard-users-"))
    made.chmod(0o755)
    warm = made / "warm.sqlite"
    seeded(warm).close()
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["--db", str(warm), "status"])  # the child cannot import from root's Python: load it all now
    yield made
    shutil.rmtree(made)


def owned_by(path: Path, user, mode: int) -> Path:
    os.chown(path, user.pw_uid, user.pw_gid)
    path.chmod(mode)
    return path


def read(db: Path) -> list:
    store = Store.open(str(db))
    try:
        return [store.readonly, store.get_project().gemeente]
    finally:
        store.close()


def write(db: Path) -> bool:
    store = Store.open(str(db))
    try:
        store.create_application(store.get_project().id, "Jan Jansen", "Burgerzaken", "jan@testdorp.nl")
        return store.readonly
    finally:
        store.close()


def status(db: Path, config: Path) -> list:
    os.environ["HR_WIZARD_CONFIG"] = str(config)  # the test's own config path is in root's private folder
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["--db", str(db), "status"])
    return [code, errors.getvalue()]


def test_a_read_only_file_opens_read_only_and_the_next_writable_start_can_write(folder):
    home = folder / "balie"
    home.mkdir()
    owned_by(home, NOBODY, 0o755)
    db = home / "hr-wizard.sqlite"
    seeded(db).close()
    owned_by(db, NOBODY, 0o444)
    assert as_user(NOBODY, read, db) == {"result": [True, "Gemeente Testdorp"]}
    db.chmod(0o644)  # the file may be written again
    assert as_user(NOBODY, write, db) == {"result": False}
    assert count_applications(db) == 1


@pytest.mark.skipif(DAEMON is None, reason="needs a second account, 'daemon'")
def test_a_readers_helper_files_do_not_break_the_owners_next_start(folder):
    """`nobody` may read the owner's file, not write it; SQLite gives the -wal and -shm it makes
    for that reading the file's mode, owned by `nobody`, so the owner could not write them."""
    shared = folder / "gedeeld"
    shared.mkdir()
    owned_by(shared, DAEMON, 0o777)
    db = shared / "hr-wizard.sqlite"
    seeded(db).close()
    owned_by(db, DAEMON, 0o644)
    assert as_user(NOBODY, read, db) == {"result": [True, "Gemeente Testdorp"]}
    assert as_user(DAEMON, write, db) == {"result": False}
    assert count_applications(db) == 1


def opened(db: Path) -> Store:
    store = Store.open(str(db))
    store.get_project()
    return store


@pytest.mark.skipif(DAEMON is None, reason="needs a second account, 'daemon'")
def test_while_the_reader_still_has_it_open_the_owner_is_told_who_not_a_crash(folder):
    shared = folder / "gedeeld"
    shared.mkdir()
    owned_by(shared, DAEMON, 0o777)
    db = shared / "hr-wizard.sqlite"
    seeded(db).close()
    owned_by(db, DAEMON, 0o644)
    with held_as_user(NOBODY, opened, db):
        refused = as_user(DAEMON, write, db)
    assert refused["error"] == "UnusableLocationError", refused
    assert "gebruiker nobody heeft de database open en mag hem alleen lezen" in refused["message"]
    assert as_user(DAEMON, write, db) == {"result": False}  # once the reader stopped


def test_a_read_only_folder_is_reported_as_a_read_only_folder_not_as_a_damaged_file(folder):
    locked = folder / "alleen-lezen"
    locked.mkdir(mode=0o755)  # root's: nobody may not make the -wal and -shm here
    db = locked / "hr-wizard.sqlite"
    seeded(db).close()
    owned_by(db, NOBODY, 0o644)
    before = {path.name: path.read_bytes() for path in locked.iterdir()}

    opened = as_user(NOBODY, read, db)
    assert opened["error"] == "UnusableLocationError", opened
    assert f"U mag niet schrijven in de map {locked}" in opened["message"]
    code, errors = as_user(NOBODY, status, db, folder / "geen-config.toml")["result"]
    assert code == 1 and f"U mag niet schrijven in de map {locked}" in errors
    assert "geen bruikbare" not in errors and "beschadigd" not in errors and "Traceback" not in errors
    assert {path.name: path.read_bytes() for path in locked.iterdir()} == before
