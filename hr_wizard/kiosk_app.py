"""hr-wizard --kiosk: one visitor's account application, nothing else.

- Allow-list: a visitor can use only the actions in kiosk.VISITOR_ACTIONS. Every other binding
  is taken out of each widget's binding map as the widget joins the app, and the app refuses to
  run any other action by name; quitting, suspending, the command palette, screenshots and
  themes are off because they are not listed, not because they are blocked one by one.
- No way out: any error (a damaged database at start, a lock, a lost server, a bug in a
  screen) shows one calm "out of order" screen that only the operator (F12 and the code)
  leaves; the operator then reads the real message and chooses. Unexpected errors go to the
  operator log (kiosk.log_path) without personal data, never to the terminal. If the Textual app
  ends anyway, `run_kiosk` starts it again on that screen.
- After `kiosk_idle_seconds` without a key the visitor's work is saved and the closing screen
  shows their resume code; a countdown warns first. A visitor goes on only with their work
  e-mail address and that code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import selectors
import signal
import sys
import threading
import time
import unicodedata
from asyncio import CancelledError
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding
from textual.widgets import Input

from hr_wizard.app import HrWizardApp
from hr_wizard.errors import NotADatabaseError, StoreError
from hr_wizard.kiosk import (
    allowed_for,
    allowed_name,
    describe_exception,
    hash_resume_code,
    log_event,
    new_resume_code,
    resume_expires,
)
from hr_wizard.rows import row_id
from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.kiosk import (
    Countdown,
    KioskClosingScreen,
    KioskMessageScreen,
    KioskResumeScreen,
    KioskSheetScreen,
    KioskWelcomeScreen,
    OperatorProblemScreen,
    OperatorScreen,
    OutOfOrderScreen,
)
from hr_wizard.screens.loading import LoadingScreen

if TYPE_CHECKING:
    from textual.driver import Driver

    from hr_wizard.content import Content
    from hr_wizard.kiosk import KioskConfig
    from hr_wizard.models import Application, Project
    from hr_wizard.store import Store

_ERROR_BURST = 10  # errors within _ERROR_WINDOW seconds: stop trying to recover, keep logging
_ERROR_WINDOW = 10.0


class KioskApp(HrWizardApp):
    ENABLE_COMMAND_PALETTE = False
    QUICK_START = False  # a visitor never sees the main screen, not even for a moment
    BINDINGS = [
        Binding("ctrl+q", "blocked", show=False, priority=True),
        Binding("ctrl+c", "blocked", show=False, priority=True),
        Binding("ctrl+backslash", "blocked", show=False, priority=True),
        Binding("ctrl+z", "blocked", show=False, priority=True),
        Binding("ctrl+p", "blocked", show=False, priority=True),
        Binding("f12", "operator", id="kiosk.operator", priority=True),
    ]

    def __init__(self, location: str, content: Content, config: KioskConfig, gemeente: str = "",
                 problem: BaseException | None = None) -> None:
        super().__init__(location, content, gemeente)
        self.config = config
        self.last_input = time.monotonic()
        self.closed_by_operator = False
        # What put the kiosk out of order (shown to the operator), if anything.
        self.problem: BaseException | None = problem
        self._problem_can_move = False
        self._errors: list[float] = []
        self._countdown: Countdown | None = None

    # --- the allow-list ---------------------------------------------------------------

    def _localise_bindings(self, node) -> None:
        """Descriptions from [keys] (a visitor's own where there is one: "visitor.<id>"), and
        only the bindings the allow-list names for this kind of widget."""
        super()._localise_bindings(node)
        keys = self.content.keys
        names = [cls.__name__ for cls in type(node).__mro__]
        for key, bindings in list(node._bindings.key_to_bindings.items()):
            kept = [replace(binding, description=keys[f"visitor.{binding.id}"]) if f"visitor.{binding.id}" in keys else binding
                    for binding in bindings if allowed_for(names, binding.action)]
            if kept:
                node._bindings.key_to_bindings[key] = kept
            else:
                del node._bindings.key_to_bindings[key]

    async def run_action(self, action: Any, default_namespace: Any = None, namespaces: Any = None) -> bool:
        """Whatever asks (a binding, a click, the footer): only actions on the allow-list run."""
        _target, name, _params = self._parse_action(action, self if default_namespace is None else default_namespace,
                                                     namespaces)
        if not allowed_name(name):
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def get_system_commands(self, screen):  # the command palette is off; nothing to offer either
        return iter(())

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":
            return _kiosk_linux_driver(driver)
        return driver

    # --- no error ends the kiosk --------------------------------------------------------

    async def _dispatch_message(self, message) -> None:
        # Textual ends its message loop after a handler fails, and for the app that is the end
        # of the app. The kiosk's loop goes on; the error puts the kiosk out of order.
        try:
            await super()._dispatch_message(message)
        except CancelledError:
            raise
        except Exception as error:
            self._handle_exception(error)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's way is to print the traceback and end the app (App._handle_exception and
        _fatal_error). The kiosk logs it for the operator and shows its out-of-order screen."""
        log_event("unexpected error: " + describe_exception(error))
        now = time.monotonic()
        self._errors = [moment for moment in self._errors if now - moment < _ERROR_WINDOW] + [now]
        if len(self._errors) > _ERROR_BURST:
            return  # failing again and again: leave the screen as it is rather than loop
        self.call_later(self.out_of_order, error)

    def panic(self, *renderables) -> None:
        """Textual's other way out (its input thread calls it when reading fails)."""
        log_event("Textual panic")
        self.call_later(self.out_of_order, RuntimeError("panic"))

    def out_of_order(self, error: BaseException, can_move_aside: bool = False) -> None:
        """Close every screen of the visitor and show one calm sentence; F12 and the code lead
        the operator to the real message."""
        self.problem = error
        self._problem_can_move = can_move_aside
        self._end_visit()
        self._show_only(OutOfOrderScreen())

    def _show_only(self, screen) -> None:
        if len(self.screen_stack) >= 2:
            self._to_base()
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _show_problem(self, error: StoreError) -> None:
        """The database cannot be opened: out of order, not the operator's problem screen."""
        log_event("the database could not be opened: " + describe_exception(error))
        can_move = isinstance(error, NotADatabaseError) and Path(self.location).is_file()
        self.out_of_order(error, can_move)

    def problem_message(self) -> str:
        error = self.problem
        inner = getattr(error, "error", error)  # a failed worker carries the real error
        if isinstance(inner, StoreError):
            return str(inner)
        first_line = (str(inner).strip().splitlines() or [""])[0][:300]
        kind = type(inner).__name__ + (f": {first_line}" if first_line else "")
        return self.content.text("kiosk_problem_unexpected", kind=kind)

    # --- the operator -------------------------------------------------------------------

    def action_operator(self) -> None:
        if isinstance(self.screen, OperatorScreen | OperatorProblemScreen):
            return

        def answered(right: bool | None) -> None:
            if not right:
                return
            self.clear_notifications()  # the visitor's "only the operator can close" notices
            if self.problem is not None:
                self.push_screen(OperatorProblemScreen(self.problem_message(), self._problem_can_move))
            else:
                self.kiosk_close()

        self.push_screen(OperatorScreen(self.config.code_hash, self.config.guard), answered)

    def kiosk_close(self) -> None:
        log_event("closed by the operator")
        self.closed_by_operator = True
        self.exit()

    def kiosk_out_of_order_again(self) -> None:
        self._show_only(OutOfOrderScreen())

    def kiosk_retry(self) -> None:
        log_event("the operator tries again")
        self.problem = None
        if self.store is not None:
            store, self.store = self.store, None
            store.close()
        self._show_only(LoadingScreen())
        self.open_database()

    def kiosk_move_aside(self) -> None:
        log_event("the operator moves the database aside")
        self.problem = None
        self._show_only(LoadingScreen())
        self.move_aside_and_restart()

    # --- after the database opens ----------------------------------------------------

    def open_database(self) -> None:
        if self.problem is not None:  # started again after the app stopped: out of order at once
            self.out_of_order(self.problem)
            return
        super().open_database()

    def _opened(self, store: Store, project: Project | None, progress: dict, last_step: str, projects: list[Project]) -> None:
        self.store = store
        self.project = project
        if project is None:
            # No gemeente yet, or several and none named with --gemeente: the operator must set it up.
            key = "kiosk_choose_gemeente" if projects else "kiosk_not_ready"
            self.switch_screen(KioskMessageScreen(self.content.text(key)))
            return
        log_event("ready for visitors")
        self.switch_screen(KioskWelcomeScreen())

    # --- the visitor's way through -------------------------------------------------

    def kiosk_welcome(self) -> None:
        """A fresh welcome screen; every screen of the previous visitor is closed."""
        self._end_visit()
        self._show_only(KioskWelcomeScreen())

    def _end_visit(self) -> None:
        """Nothing of a visitor stays for the next one: no notice, no copied text, no countdown."""
        self.clear_notifications()
        self._clipboard = ""
        self._clear_countdown()

    def action_kiosk_new(self) -> None:
        assert self.store is not None and self.project is not None
        self._open_application(ApplicationScreen(self.store, self.project, visitor=True))

    def action_kiosk_resume(self) -> None:
        def found(application_id: int | None) -> None:
            if application_id is None:
                return
            assert self.store is not None and self.project is not None
            application = self.store.get_application(application_id)
            if application is not None:
                self._open_application(ApplicationScreen(self.store, self.project, application, visitor=True))

        self.push_screen(KioskResumeScreen(), found)

    def _open_application(self, screen: ApplicationScreen) -> None:
        self.push_screen(screen, lambda _finished: self._visit_ended(screen.application))

    def _visit_ended(self, application: Application | None, walked_away: bool = False) -> None:
        """The visitor left, finished, or walked away: their resume code (a new one each time,
        only its hash kept), unless the toegangscode is in: then the kiosk never reopens it.
        A visitor still there may read their instruction sheet; after an idle reset nobody can."""
        if application is None:  # nothing saved yet
            self.kiosk_welcome()
            return
        assert self.store is not None
        current = self.store.get_application(row_id(application)) or application
        code, expires = "", None
        if walked_away:
            pass  # the next person may be reading: no new code on screen (an earlier one still works)
        elif current.letter_received is None:
            code, expires = new_resume_code(), resume_expires(dt.date.today(), self.config.resume_days)
            self.store.set_resume_code(row_id(current), hash_resume_code(code), expires)
        else:
            self.store.set_resume_code(row_id(current), "", None)
        sheet = ""
        if not walked_away and self.project is not None:
            from hr_wizard.instruction import WIDTH, sheet_text

            sheet = sheet_text(current, self.project, self.content, width=min(WIDTH, self.size.width - 4))
        self._end_visit()
        self._show_only(KioskClosingScreen(self.config.closing_seconds, code, expires, sheet,
                                           walked_away=walked_away and current.letter_received is None,
                                           stage=closing_stage(current)))

    # --- idle -----------------------------------------------------------------------

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(min(1.0, self.config.idle_seconds / 8), self._check_idle)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.Paste):
            self.last_input = time.monotonic()
            if self._countdown is not None:
                self._clear_countdown()
            if isinstance(event, events.Key) and self._field_is_full(event):
                return  # a paste typed as keys (a terminal without bracketed paste): cheap to refuse
        await super().on_event(event)

    def _field_is_full(self, key: events.Key) -> bool:
        """A printable key for a field already at its cap cannot change it; the Input would
        refuse it after Textual's binding checks (~50 us a key, seconds for a 100 KB paste).
        No printable key has a priority binding in the kiosk, so nothing else is skipped."""
        focused = self.focused
        if not key.is_printable or not isinstance(focused, Input) or not focused.max_length:
            return False
        if len(focused.value) < focused.max_length or not focused.selection.is_empty:
            return False
        focused.restricted()
        return True

    def _check_idle(self) -> None:
        if isinstance(self.screen, KioskSheetScreen):  # the visitor's own words: gone when they are
            if time.monotonic() - self.last_input >= self.config.idle_seconds:
                self.kiosk_welcome()
            return
        if isinstance(self.screen, KioskWelcomeScreen | KioskMessageScreen | KioskClosingScreen | LoadingScreen):
            return  # nothing of a visitor on screen
        left = self.config.idle_seconds - (time.monotonic() - self.last_input)
        if left > self.config.warning_seconds:
            return
        if left > 0:
            if self.problem is None:  # a visitor's screen (the operator's own needs no warning)
                self._show_countdown(math.ceil(left))
            return
        self.last_input = time.monotonic()
        if self.problem is not None:  # the operator walked away from the problem screen
            self.kiosk_out_of_order_again()
            return
        application = None
        for screen in self.screen_stack:
            if isinstance(screen, ApplicationScreen):
                screen.save_as_it_stands()
                application = screen.application
        self._visit_ended(application, walked_away=True)

    def _show_countdown(self, seconds: int) -> None:
        message = self.content.text("kiosk_countdown", seconds=seconds)
        if self._countdown is not None and self._countdown.is_attached and self._countdown.screen is self.screen:
            self._countdown.update(message)
            return
        self._clear_countdown()
        self._countdown = Countdown(message, markup=False)
        self.screen.mount(self._countdown)

    def _clear_countdown(self) -> None:
        countdown, self._countdown = self._countdown, None
        if countdown is not None and countdown.is_attached:
            countdown.remove()

    def action_blocked(self) -> None:
        self.notify(self.content.text("kiosk_blocked"), timeout=3)

    def action_help(self) -> None:
        from hr_wizard.screens.help import HelpScreen, keys_of

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        # Out of order nothing is being saved: the visitor reads only whom to call.
        legend = "kiosk_out_of_order" if isinstance(self.screen, OutOfOrderScreen) else "kiosk_help_legend"
        self.push_screen(HelpScreen(keys_of(self.screen), self.content.text(legend)))


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


def _kiosk_linux_driver(base: type[Driver]) -> type[Driver]:
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


def closing_stage(application: Application) -> str:
    """What the closing screen tells a visitor comes next: "before" they applied on kvk.nl,
    "waiting" for the toegangscode, or "finished" (it is in)."""
    if application.letter_received is not None:
        return "finished"
    return "waiting" if application.applied_on is not None else "before"


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
