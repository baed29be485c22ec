"""The kiosk in a terminal: Textual's terminal driver made safe for visitors, and the loop that
keeps the kiosk running until the operator closes it (`hr-wizard --kiosk`).

- Bytes that are not UTF-8 (a paste of random bytes) are read as U+FFFD: in Textual they end
  the input thread, and with it the app; control characters inside a bracketed paste are
  dropped (PasteSanitiser); printable keys arriving in a burst reach the app as one paste.
- Ctrl+C, Ctrl+\\ and Ctrl+Z never reach a shell, and should the app end any other way it
  starts again on its out-of-order screen (run_kiosk).
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import sys
import threading
import time
import unicodedata
from typing import TYPE_CHECKING, Any

from textual import events

from hr_wizard.kiosk import describe_exception, log_event

if TYPE_CHECKING:
    from textual.driver import Driver

    from hr_wizard.content import Content
    from hr_wizard.kiosk import KioskConfig


# More printable characters than this arriving in one burst are a paste, not typing.
_TYPED_BURST = 16
_PASTE_START, _PASTE_END = "\x1b[200~", "\x1b[201~"
_PASTE_STUCK = 1.0  # seconds without input inside a paste whose end never came: end it


class PasteSanitiser:
    """Control characters inside a bracketed paste never reach Textual's parser, which would
    read an escape sequence there as keys (Esc, F12, Enter ...: a paste of random bytes becomes
    thousands of key presses). As careful terminals do, only newline, carriage return and tab stay.
    A paste whose end marker never comes is ended after `_PASTE_STUCK` seconds of quiet, so the
    keyboard cannot be swallowed by it."""

    def __init__(self) -> None:
        self.in_paste = False
        self.held = ""  # the start of what may be the end marker, split over two reads
        self.last_input = 0.0

    def feed(self, data: str, now: float) -> str:
        self.last_input = now
        data, self.held = self.held + data, ""
        out: list[str] = []
        while data:
            if not self.in_paste:
                start = data.find(_PASTE_START)
                if start < 0:
                    out.append(data)
                    break
                out.append(data[:start + len(_PASTE_START)])
                data, self.in_paste = data[start + len(_PASTE_START):], True
                continue
            end = data.find(_PASTE_END)
            if end < 0:
                keep = next((n for n in range(len(_PASTE_END) - 1, 0, -1) if data.endswith(_PASTE_END[:n])), 0)
                body, self.held = (data[:-keep], data[-keep:]) if keep else (data, "")
                out.append(_clean(body))
                break
            out.append(_clean(data[:end]) + _PASTE_END)
            data, self.in_paste = data[end + len(_PASTE_END):], False
        return "".join(out)

    def quiet(self, now: float) -> str:
        """What to feed when nothing came in: the end of a paste that is stuck, if it is."""
        if not self.in_paste or now - self.last_input < _PASTE_STUCK:
            return ""
        self.in_paste, self.held = False, ""
        return _PASTE_END


def _clean(text: str) -> str:
    return "".join(ch for ch in text if ch in "\n\r\t" or unicodedata.category(ch) != "Cc")


def kiosk_linux_driver(base: type[Driver]) -> type[Driver]:
    """Textual's terminal driver, made for a kiosk:

    - bytes that are not UTF-8 (a paste of random bytes) are read as U+FFFD: in Textual they end
      the input thread, and with it the app; any other failure to read is logged and reading
      goes on;
    - control characters inside a bracketed paste are dropped (PasteSanitiser);
    - a stop signal (SIGTSTP) is ignored;
    - printable keys that arrive in a burst (a paste from a terminal without bracketed paste,
      one key event each: ~100,000 events for 100 KB) reach the app as one paste."""

    class KioskLinuxDriver(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            signal.signal(signal.SIGTSTP, signal.SIG_IGN)  # Textual's handler would suspend the app
            self._typed: list[events.Key] = []
            self._typed_lock = threading.Lock()

        def _run_input_thread(self) -> None:
            while True:
                try:
                    self.run_input_thread()
                    return
                except Exception as error:
                    log_event("reading the terminal failed, reading on: " + describe_exception(error))
                    if self.exit_event.is_set():
                        return
                    time.sleep(0.05)

        def run_input_thread(self) -> None:
            """Textual's LinuxDriver.run_input_thread (8.2.8), with two changes: a lenient decoder,
            and no control characters inside a bracketed paste (PasteSanitiser)."""
            from codecs import getincrementaldecoder

            from textual._loop import loop_last
            from textual._parser import ParseError
            from textual._xterm_parser import XTermParser

            fileno = self.fileno
            selector = selectors.SelectSelector()
            selector.register(fileno, selectors.EVENT_READ)
            parser = XTermParser(self._debug)
            decode = getincrementaldecoder("utf-8")(errors="replace").decode
            sanitiser = PasteSanitiser()

            def process(selector_events, final: bool = False) -> None:
                for last, (_key, mask) in loop_last(selector_events):
                    if mask & selectors.EVENT_READ:
                        data = decode(os.read(fileno, 1024 * 4), final=final and last)
                        if not data:
                            break
                        for event in parser.feed(sanitiser.feed(data, time.monotonic())):
                            self.process_message(event)
                if not selector_events and (stuck := sanitiser.quiet(time.monotonic())):
                    for event in parser.feed(stuck):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)

            try:
                while not self.exit_event.is_set():
                    process(selector.select(0.1))
                selector.unregister(fileno)
                process(selector.select(0.1), final=True)
            finally:
                selector.close()
                with contextlib.suppress(EOFError, ParseError):
                    for _event in parser.feed(""):
                        pass

        def process_message(self, message) -> None:
            # Runs in the input thread, once per key or other event read from the terminal.
            if isinstance(message, events.Key) and message.is_printable and "+" not in message.key:
                with self._typed_lock:
                    self._typed.append(message)
                    first = len(self._typed) == 1
                if first:  # let the input thread read on; the app's loop sends the burst soon
                    self._loop.call_soon_threadsafe(self._send_typed)
                return
            self._send_typed()
            super().process_message(message)

        def _send_typed(self) -> None:
            with self._typed_lock:  # held while sending, so the order of events never changes
                typed, self._typed = self._typed, []
                if len(typed) > _TYPED_BURST:
                    super().process_message(events.Paste("".join(key.character or "" for key in typed)))
                    return
                for key in typed:
                    super().process_message(key)

    return KioskLinuxDriver


def _terminal_gone() -> bool:
    try:
        os.get_terminal_size(sys.__stdin__.fileno())  # type: ignore[union-attr]
    except (OSError, ValueError, AttributeError):
        return True
    return False


def run_kiosk(location: str, content: Content, config: KioskConfig, gemeente: str = "", *, mouse: bool = True) -> int:
    """Run the kiosk until the operator closes it. Ctrl+C, Ctrl+\\ and Ctrl+Z never reach a
    shell: the signals are ignored, and should the app end any other way it starts again on
    its out-of-order screen. In a browser (Textual's web driver) a connection's app simply ends."""
    from textual import constants

    from hr_wizard.kiosk_app import KioskApp  # the app imports this module for its driver

    for name in ("SIGINT", "SIGQUIT", "SIGTSTP"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    log_event("kiosk started")
    problem: BaseException | None = None
    pause = 1.0
    while True:
        app = KioskApp(location, content, config, gemeente, problem=problem)
        try:
            app.run(mouse=mouse)
        except Exception as error:
            problem = error
            log_event("the kiosk stopped: " + describe_exception(error))
        else:
            if app.closed_by_operator or constants.DRIVER:
                return 0
            problem = app.problem or RuntimeError("the app ended")
            log_event("the kiosk stopped without the operator; starting again")
        if _terminal_gone():
            log_event("the terminal is gone; the kiosk ends")
            return 1
        time.sleep(pause)
        pause = min(30.0, pause * 2)
