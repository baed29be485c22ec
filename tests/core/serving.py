"""Helpers for the `hr-wizard serve` tests: start the installed command, find its children."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from ..helpers import SCRIPT, seeded

CODE = "kiosk-test-code-1"  # a test's own operator code, not a real one
URL = re.compile(r"http://[^\s/]+:(\d+)/")


def prepared_db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "hr-wizard.sqlite"
    seeded(path).close()  # Gemeente Testdorp: a kiosk needs a project
    return path


class Server:
    """A running `hr-wizard serve`; its output is collected in threads so pipes never fill."""

    def __init__(self, db: Path, *args: str, env: dict[str, str] | None = None) -> None:
        command = [SCRIPT, "serve"] if SCRIPT else [sys.executable, "-m", "hr_wizard", "serve"]
        self.db = db
        self.process = subprocess.Popen(
            [*command, "--db", str(db), "--port", "0", *args],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, **(env or {})},
        )
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        self._readers = [threading.Thread(target=self._collect, args=(stream, into), daemon=True)
                         for stream, into in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr))]
        for reader in self._readers:
            reader.start()

    def _collect(self, stream, into: list[str]) -> None:
        for line in stream:
            into.append(line)
            self._lines.put(line)

    def wait_until_listening(self, timeout: float = 20) -> str:
        """The URL the server prints once it listens (it was started with --port 0)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self._lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if match := URL.search(line):
                return f"http://127.0.0.1:{match.group(1)}/"
        raise AssertionError(f"the server did not start: {''.join(self.stdout)}{''.join(self.stderr)}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=timeout)
        for reader in self._readers:  # all output read, for the checks that follow
            reader.join(timeout=5)
        return code

    def output(self) -> str:
        return "".join(self.stdout) + "".join(self.stderr)


def wizard_processes(db: Path) -> list[int]:
    """Every running `python -m hr_wizard ... --db <db>` (a child of the server), by pid."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z" and b"-m" in args and b"hr_wizard" in args and str(db).encode() in args:
            found.append(int(entry.name))
    return found


def wait_until(condition, timeout: float = 15, what: str = "") -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def plain(data: bytes) -> str:
    """Terminal output without escape sequences, to look for a text on the screen."""
    return re.sub(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])", "", data.decode("utf-8", "replace"))
