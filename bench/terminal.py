"""A real pseudo-terminal for benchmarks: start a program at 80x24, read what it writes with
timestamps, send keys, and read its peak memory."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time


class Terminal:
    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 80, rows: int = 24) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.start = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.last_byte = self.start

    def _read(self, timeout: float) -> int:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return 0
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return 0
        self.output += chunk
        self.last_byte = time.perf_counter()
        if b"\x1b[6n" in chunk:  # a cursor-position query: answer as a terminal would
            os.write(self.master, b"\x1b[1;1R")
        return len(chunk)

    def wait_for(self, *markers: bytes, timeout: float = 60) -> float:
        """Seconds from process start until one of `markers` has been written."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if any(marker in self.output for marker in markers):
                return self.last_byte - self.start
            self._read(0.05)
        raise TimeoutError(f"none of {markers} appeared; last output: {bytes(self.output[-300:])!r}")

    def settle(self, gap: float = 0.3, timeout: float = 10) -> None:
        """Read until nothing has been written for `gap` seconds."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if not self._read(gap):
                return

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def keystroke(self, key: bytes, gap: float = 0.06) -> tuple[float, float, int]:
        """(seconds from key to the first bytes of the repaint, seconds to its end, bytes written)."""
        before = len(self.output)
        sent = time.perf_counter()
        os.write(self.master, key)
        first = None
        while self._read(gap) or len(self.output) == before:
            if first is None and len(self.output) > before:
                first = self.last_byte
            if time.perf_counter() - sent > 5:
                break
        return (first or self.last_byte) - sent, self.last_byte - sent, len(self.output) - before

    def count_bytes(self, seconds: float) -> int:
        before = len(self.output)
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self._read(max(0.0, min(0.2, end - time.perf_counter())))
        return len(self.output) - before

    def peak_rss_kb(self) -> int:
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def close(self) -> None:
        try:
            os.write(self.master, b"\x11")  # ctrl+q
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)
