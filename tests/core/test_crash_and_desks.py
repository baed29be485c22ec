"""Crash safety and several desks on one file, with real separate processes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from hr_wizard.store import Store

TESTS = Path(__file__).resolve().parent.parent
WRITER = TESTS / "writer_process.py"
ROOT = TESTS.parent


def start_writer(db_path: Path, name: str, count: int, *mode: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(WRITER), str(db_path), name, str(count), *mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def test_sigkill_at_a_random_moment_loses_no_committed_change(db_path):
    Store.open(str(db_path)).close()
    writer = start_writer(db_path, "crash", 100_000)
    assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    time.sleep(random.uniform(0.3, 1.2))
    writer.send_signal(signal.SIGKILL)
    output, _ = writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    reported = [line.split(" ", 1)[1] for line in output.splitlines() if line.startswith("committed ")]
    assert len(reported) > 5, "the writer should have committed a few changes before the kill"

    with sqlite3.connect(db_path) as connection:  # opens the file as it was left, -wal included
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in connection.execute("SELECT naam FROM application")}
    assert set(reported) <= stored
    store = Store.open(str(db_path))  # and the app opens it again
    assert store.roster_count(store.get_project().id) == len(stored)


def test_two_desks_writing_at_once_never_see_database_is_locked(db_path):
    store = Store.open(str(db_path))
    store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")  # both desks work on this one
    store.close()
    count = 150
    desks = [start_writer(db_path, name, count) for name in ("desk-a", "desk-b")]
    results = [desk.communicate(timeout=120) for desk in desks]
    for desk, (output, errors) in zip(desks, results, strict=True):
        assert desk.returncode == 0, errors
        assert "locked" not in errors.lower()
        assert output.splitlines()[-1].startswith("done")
    store = Store.open(str(db_path))
    project_id = store.get_project().id
    assert store.roster_count(project_id) == 2 * count
    assert store.roster_count(project_id, "desk-a") == count
    # Every note save was either applied or refused as a conflict: the version counts them all.
    conflicts = sum(int(output.splitlines()[-1].split("=")[1]) for output, _ in results)
    note = store.step_progress(project_id)["fase2.processen"]
    assert note.version == 2 * count - conflicts


def test_crash_loop_sigkill_at_random_moments_then_the_wizard_opens_with_every_commit(db_path):
    """About 20 s: a writer doing large imports and checkpoints is killed at random moments,
    many times; after each kill the wizard's own open (read-only checks, quick_check) accepts
    the file, integrity_check is ok and every change the writer reported is there."""
    Store.open(str(db_path)).close()
    rng = random.Random()
    deadline, rounds, reported = time.monotonic() + 20, 0, set()
    while rounds < 10 or time.monotonic() < deadline:  # at least 10 kills, also on a busy machine
        writer = start_writer(db_path, f"r{rounds}", 100_000, *(["bulk"] if rounds % 3 else []))
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
        time.sleep(rng.uniform(0.05, 0.9))
        writer.send_signal(signal.SIGKILL)
        output, errors = writer.communicate(timeout=30)
        reported |= {line.split(" ", 1)[1] for line in output.splitlines() if line.startswith("committed ")}
        store = Store.open(str(db_path))  # raises if the file were judged damaged or truncated
        store.close()
        rounds += 1
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in connection.execute("SELECT naam FROM application")}
    connection.close()
    assert rounds >= 10 and len(reported) > 10
    assert reported <= stored, sorted(reported - stored)[:5]
