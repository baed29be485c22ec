"""The installed `hr-wizard --kiosk` in a real terminal (tmux): no key leads to a shell, on a
damaged database neither; a colleague's address and name never show their application; and
the loop around the app starts it again should it ever end without the operator."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from textual import events

from hr_wizard import kiosk_app, kiosk_terminal
from hr_wizard.kiosk import KioskConfig

from ..helpers import seeded
from .kiosk_pilot import CODE, give_resume_code

TMUX = shutil.which("tmux")
PROGRAM = Path(sys.executable).parent / "hr-wizard"
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (scripts/with-postgres.sh installs it)")


class Terminal:
    """The installed program as the only process of a tmux pane (no shell around it): when it
    ends, the pane is dead, which the test sees."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.name = f"hrw-kiosk-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        self.tmux = [TMUX, "-L", self.name]  # a private tmux server: nothing of the user's sessions is touched
        env = {**os.environ, "TERM": "xterm-256color", "HR_WIZARD_KIOSK_CODE": CODE}
        subprocess.run([*self.tmux, "-f", "/dev/null", "new-session", "-d", "-s", self.name, "-x", "80", "-y", "24",
                        str(PROGRAM), *args], env=env, check=True)
        subprocess.run([*self.tmux, "set-option", "-t", self.name, "remain-on-exit", "on"], check=True)

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True).stdout

    def wait_for(self, text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Each key on its own (Esc followed at once by another key reads as Alt+that key)."""
        for key in keys:
            subprocess.run([*self.tmux, "send-keys", "-t", self.name, *(["-l"] if literal else []), key], check=True)
            time.sleep(0.2)

    def running(self) -> bool:
        dead = subprocess.run([*self.tmux, "display-message", "-p", "-t", self.name, "#{pane_dead}"],
                              capture_output=True, text=True).stdout.strip()
        return dead == "0"

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture
def terminals():
    opened: list[Terminal] = []
    yield opened
    for terminal in opened:
        terminal.close()


def test_installed_kiosk_on_a_damaged_database_leaves_no_way_to_a_shell(tmp_path, terminals):
    db = tmp_path / "hr-wizard.sqlite"
    db.write_bytes(b"dit is geen database " * 200)
    terminal = Terminal(tmp_path, "--db", str(db), "--kiosk")
    terminals.append(terminal)
    terminal.wait_for("tijdelijk buiten gebruik")
    for key in ("q", "v", "Escape", "C-c", "C-q", "C-\\", "C-z", "C-d", "Enter"):
        terminal.keys(key)
        assert terminal.running(), key
        assert "Deze kiosk is tijdelijk" in terminal.screen(), key  # a notice may cover the rest
    assert db.read_bytes().startswith(b"dit is geen database")
    terminal.keys("F12")
    terminal.wait_for("beheerderscode")
    terminal.keys(CODE, literal=True)
    terminal.keys("Enter")
    shown = terminal.wait_for("Logboek van de kiosk")
    assert str(db) in "".join(shown.split())  # the real message names the file
    time.sleep(1.0)  # the choices wait a moment after the screen appears (OperatorProblemScreen)
    terminal.keys("q")  # the operator closes the kiosk
    end = time.monotonic() + 10
    while terminal.running() and time.monotonic() < end:
        time.sleep(0.1)
    assert not terminal.running()


def test_installed_kiosk_never_shows_a_colleagues_application_for_their_address_and_name(tmp_path, terminals):
    db = tmp_path / "hr-wizard.sqlite"
    store = seeded(db)
    colleague = store.create_application(store.get_project().id, "Piet Puk", "Burgerzaken", "piet@testdorp.nl", "0612345678")
    store.save_application(colleague.id, colleague.version, current_step=3, kenmerk="Burgerzaken / Piet Puk")
    give_resume_code(store, colleague.id)
    store.close()
    terminal = Terminal(tmp_path, "--db", str(db), "--kiosk")
    terminals.append(terminal)
    terminal.wait_for("Welkom")
    terminal.keys("F6")
    terminal.wait_for("herstelcode")
    terminal.keys("piet@testdorp.nl", literal=True)
    terminal.keys("Enter")
    seen = []
    for guess in ("Piet Puk", "PIETPUK", "22222222", "ABCDEFGH", "HJKMNPQR", "XYZ23456", "STUVW234"):
        terminal.keys(guess, literal=True)
        terminal.keys("Enter")
        seen.append(terminal.screen())
        terminal.keys("C-u")  # clear the field, as a visitor would with backspace
    assert "te vaak" in seen[-1]
    terminal.keys("Escape")  # back, and a new application with the colleague's address and name
    terminal.wait_for("Welkom")
    terminal.keys("Enter")
    terminal.wait_for("Uw naam")
    for value in ("Piet Puk", "Burgerzaken", "piet@testdorp.nl"):
        terminal.keys(value, literal=True)
        terminal.keys("Enter")
    terminal.keys("Enter")
    seen.append(terminal.wait_for("al een aanvraag"))
    for shown in seen:
        assert "0612345678" not in shown and "Stap 3" not in shown and "Burgerzaken / Piet Puk" not in shown
    assert terminal.running()


def _random_paste(kind: str) -> bytes:
    raw = random.Random(13).randbytes(130_000)
    if kind == "bytes":  # anything at all: invalid UTF-8, escape sequences, control characters
        return raw[:100_000]
    # Text a terminal could send: printable characters only, whole UTF-8 sequences.
    text = "".join(ch for ch in raw.decode("utf-8", "replace") if ch.isprintable())
    return text.encode()[:100_000].decode("utf-8", "ignore").encode()


@pytest.mark.parametrize("kind, how", [("bytes", "bracketed"), ("text", "as keys")])
def test_installed_kiosk_answers_within_2_seconds_after_a_100_kb_paste(tmp_path, terminals, kind, how):
    """A terminal sends a paste in brackets or, without bracketed paste, as one key per
    character. Random bytes are not even valid UTF-8 (which ended Textual's input thread) and
    hold escape sequences (which Textual's parser read as keys, even inside the brackets)."""
    db = tmp_path / "hr-wizard.sqlite"
    seeded(db).close()
    (tmp_path / "paste").write_bytes(_random_paste(kind))
    terminal = Terminal(tmp_path, "--db", str(db), "--kiosk")
    terminals.append(terminal)
    terminal.wait_for("Welkom")
    terminal.keys("Enter")
    terminal.wait_for("Uw naam")
    subprocess.run([*terminal.tmux, "load-buffer", str(tmp_path / "paste")], check=True)
    start = time.monotonic()
    subprocess.run([*terminal.tmux, "paste-buffer", "-t", terminal.name, *(["-p"] if how == "bracketed" else [])], check=True)
    # It went into the name field, capped; the next keys go on to the next field.
    subprocess.run([*terminal.tmux, "send-keys", "-t", terminal.name, "Tab"], check=True)
    subprocess.run([*terminal.tmux, "send-keys", "-t", terminal.name, "-l", "Burgerzaken"], check=True)
    shown = terminal.wait_for("Burgerzaken", timeout=10)
    assert time.monotonic() - start < 2.0
    assert terminal.running() and "Uw naam" in shown


def test_the_kiosk_driver_reads_on_after_bad_input_and_sends_a_burst_of_keys_as_one_paste(monkeypatch):
    scheduled, sent = [], []

    class Textual:  # what the kiosk's driver builds on: Textual's LinuxDriver, as far as it uses it
        def __init__(self) -> None:
            self._loop = SimpleNamespace(call_soon_threadsafe=scheduled.append)
            self.exit_event = threading.Event()

        def process_message(self, message) -> None:
            sent.append(message)

    monkeypatch.setattr(signal, "signal", lambda *args: None)
    driver = kiosk_terminal.kiosk_linux_driver(Textual)()
    reads = []

    def read_once_failing() -> None:
        reads.append(1)
        if len(reads) == 1:
            raise OSError("the terminal said no")

    driver.run_input_thread = read_once_failing
    driver._run_input_thread()
    assert len(reads) == 2  # Textual's own wrapper panics (and the app ends) on the first error
    for _ in range(1000):
        driver.process_message(events.Key("x", "x"))
    driver.process_message(events.Key("tab", "\t"))  # a key that is no text: the burst goes first, in order
    assert [type(message).__name__ for message in sent] == ["Paste", "Key"] and sent[0].text == "x" * 1000
    sent.clear()
    for callback in scheduled:
        callback()
    for key in "ja":  # typing stays typing
        driver.process_message(events.Key(key, key))
    for callback in scheduled[1:]:
        callback()
    assert [message.key for message in sent] == ["j", "a"]


def test_control_characters_inside_a_bracketed_paste_never_reach_the_parser():
    sanitiser = kiosk_terminal.PasteSanitiser()
    assert sanitiser.feed("\x1b[24~a\x1b[200~Jan\x1b[24~\x1b\r\n\x00de\x1b[2", now=0.0) == "\x1b[24~a\x1b[200~Jan[24~\r\nde"
    assert sanitiser.feed("01~\x1b", now=0.1) == "\x1b[201~\x1b"  # the end, split over two reads; then Esc itself
    assert sanitiser.feed("\x1b[200~half a paste", now=1.0) == "\x1b[200~half a paste"
    assert sanitiser.quiet(now=1.5) == ""
    assert sanitiser.quiet(now=2.1) == "\x1b[201~"  # its end never came: the keyboard is not swallowed
    assert sanitiser.feed("\x1b", now=2.2) == "\x1b"


def test_the_kiosk_starts_again_out_of_order_if_the_app_ever_ends_without_the_operator(monkeypatch, content):
    started: list[BaseException | None] = []

    def run(self, **kwargs):
        started.append(self.problem)
        if len(started) == 2:
            self.closed_by_operator = True  # the second time, the operator closes it

    monkeypatch.setattr(kiosk_app.KioskApp, "run", run)
    monkeypatch.setattr(kiosk_terminal, "_terminal_gone", lambda: False)
    monkeypatch.setattr(kiosk_terminal.time, "sleep", lambda seconds: None)
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP)}
    try:
        config = KioskConfig("scrypt$16384$8$1$" + "00" * 16 + "$" + "00" * 32, 180, 20)
        assert kiosk_terminal.run_kiosk("/nergens/db.sqlite", content, config) == 0
        assert all(signal.getsignal(number) is signal.SIG_IGN for number in saved)
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
    assert started[0] is None and isinstance(started[1], RuntimeError)  # the second start is out of order at once
