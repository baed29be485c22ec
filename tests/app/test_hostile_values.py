"""A stored value with terminal control sequences (an OSC window title, a CSI clear screen)
never reaches a terminal raw: not from the full-screen app (raw bytes from a real pty),
not from `status`, the reports or an xlsx export."""

from __future__ import annotations

import os
import select
import subprocess
import time

from ..helpers import SCRIPT, run, seeded_hostile


def assert_clean(output: bytes) -> None:
    assert b"\x1b]0;PWNED" not in output
    assert b"\x1b[2JDoe" not in output
    assert b"\x07\x1b[2J" not in output
    assert "\x9b".encode() not in output


def run_in_pty(args: list[str], keys: list[bytes], seconds: float = 6.0) -> bytes:
    master, slave = os.openpty()
    os.set_blocking(master, False)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    process = subprocess.Popen([SCRIPT, *args], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    output, start, pending = b"", time.monotonic(), list(keys)
    try:
        while time.monotonic() - start < seconds and process.poll() is None:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    output += os.read(master, 65536)
                except OSError:
                    break
            elapsed = time.monotonic() - start
            if pending and elapsed > 2.5 + 0.7 * (len(keys) - len(pending)):
                os.write(master, pending.pop(0))
    finally:
        process.kill()
        process.wait()
        os.close(master)
    return output


def test_the_full_screen_app_never_writes_a_stored_control_sequence(db_path):
    seeded_hostile(db_path)
    output = run_in_pty(["--db", str(db_path), "--no-mouse"], [b"n", b"\x1b", b"a"])
    assert b"PWNED" in output, "the value itself must be on screen, made harmless"
    assert_clean(output)


def test_status_and_reports_never_print_a_stored_control_sequence(db_path, tmp_path):
    seeded_hostile(db_path)
    status = run("--db", str(db_path), "status")
    assert status.returncode == 0, status.stderr
    assert "PWNED" in status.stdout
    assert_clean(status.stdout.encode())
    for fmt in ("md", "html"):
        report = run("--db", str(db_path), "report", "--format", fmt)
        assert report.returncode == 0, report.stderr
        assert_clean(report.stdout.encode())


def test_an_xlsx_export_with_control_characters_does_not_crash(db_path, tmp_path):
    seeded_hostile(db_path)
    target = tmp_path / "export.xlsx"
    result = run("--db", str(db_path), "export", "accounts", "--format", "xlsx", "-o", str(target))
    assert result.returncode == 0, result.stderr
    from openpyxl import load_workbook

    cells = [cell.value for row in load_workbook(target).active.iter_rows() for cell in row]
    assert any("PWNED" in str(value) for value in cells)
    assert not any("\x1b" in str(value) for value in cells)
