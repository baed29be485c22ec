"""hr-wizard --kiosk: one visitor's account application, nothing else.

- Allow-list: a visitor can use only the actions in kiosk.VISITOR_ACTIONS. Every other binding
  is taken out of each widget's binding map as the widget joins the app, and the app refuses to
  run any other action by name; quitting, suspending, the command palette, screenshots and
  themes are off because they are not listed, not because they are blocked one by one.
- No way out: any error (a damaged database at start, a lock, a lost server, a bug in a
  screen) shows one calm "out of order" screen that only the operator (F12 and the code)
  leaves; the operator then reads the real message and chooses. Unexpected errors go to the
  operator log (kiosk.log_path) without personal data, never to the terminal. If the Textual app
  ends anyway, `kiosk_terminal.run_kiosk` starts it again on that screen.
- After `kiosk_idle_seconds` without a key the visitor's work is saved (a countdown warns
  first). A visitor goes on only with their work e-mail address and the resume code shown
  when they stopped.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from asyncio import CancelledError
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding

from hr_wizard.errors import NotADatabaseError, StoreError
from hr_wizard.kiosk import (
    describe_exception,
    hash_resume_code,
    log_event,
    new_resume_code,
    resume_expires,
)
from hr_wizard.kiosk_guards import VisitorGuards
from hr_wizard.kiosk_terminal import kiosk_linux_driver
from hr_wizard.rows import row_id
from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.kiosk import (
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


class KioskApp(VisitorGuards):
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

    # --- the allow-list ---------------------------------------------------------------

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":
            return kiosk_linux_driver(driver)
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
            self._show_only(KioskMessageScreen(self.content.text(key)))
            return
        log_event("ready for visitors")
        self._show_only(KioskWelcomeScreen())

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


def closing_stage(application: Application) -> str:
    """What the closing screen tells a visitor comes next: "before" they applied on kvk.nl,
    "waiting" for the toegangscode, or "finished" (it is in)."""
    if application.letter_received is not None:
        return "finished"
    return "waiting" if application.applied_on is not None else "before"
