"""The kiosk's own screens: welcome, going on with a resume code, the closing screen with what
comes next, the countdown before the idle reset, "out of order", and the operator's code and
problem screen. A visitor sees nothing of anyone else."""

from __future__ import annotations

import datetime as dt
import time

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from hr_wizard import validation
from hr_wizard.kiosk import (
    RESUME_LOCK,
    format_resume_code,
    log_event,
    log_path,
    normalise_resume_code,
    resume_code_fault,
    verify_code,
)
from hr_wizard.rows import row_id
from hr_wizard.summaries import counted
from hr_wizard.ui import kiosk_app
from hr_wizard.validation import Check
from hr_wizard.widgets.field import Field, QuietInput, room_for
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.keys import settle


class KioskWelcomeScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "app.kiosk_new", id="kiosk.new"),
        Binding("f6", "app.kiosk_resume", id="kiosk.resume"),
    ]

    def compose(self) -> ComposeResult:
        t = kiosk_app(self).content.text
        yield AppHeader()
        with VerticalScroll(id="kiosk"):
            yield Static(t("kiosk_welcome_title"), classes="title", markup=False)
            yield Static(t("kiosk_welcome"), markup=False)
        yield AppFooter()


class KioskMessageScreen(Screen[None]):
    """The kiosk cannot serve visitors (not set up, or out of order); only the operator key works."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        yield Static(self.message, id="kiosk", markup=False)
        yield AppFooter()


class OutOfOrderScreen(KioskMessageScreen):
    """Something went wrong: one calm sentence for the visitor; the operator's F12 leads on."""

    def __init__(self) -> None:
        super().__init__("")

    def compose(self) -> ComposeResult:
        yield Static(kiosk_app(self).content.text("kiosk_out_of_order"), id="kiosk", classes="title", markup=False)
        yield AppFooter()


def _resume_code_check(value: str) -> Check:
    fault = resume_code_fault(value)
    return Check(False, value, fault) if fault else Check(True, normalise_resume_code(value))


class KioskResumeScreen(Screen["int | None"]):
    """Go on with your own application: your work e-mail address and your resume code, both."""

    AUTO_FOCUS = "#resume-email Input"
    BINDINGS = [
        Binding("enter", "next", id="kiosk.find", priority=True),
        Binding("escape", "dismiss(None)", id="kiosk.back"),
    ]

    def compose(self) -> ComposeResult:
        t = kiosk_app(self).content.text
        yield AppHeader()
        with VerticalScroll(id="kiosk"):
            yield Static(t("kiosk_resume_title"), classes="title", markup=False)
            yield Static(t("kiosk_resume_intro"), markup=False)
            yield Field(t("visitor_email"), validation.work_email, placeholder=t("email_placeholder"), id="resume-email",
                        max_length=room_for(validation.EMAIL_MAX))
            yield Field(t("kiosk_resume_code"), _resume_code_check, placeholder=t("kiosk_resume_code_placeholder"),
                        id="resume-code", max_length=room_for(9))
            yield Static("", id="resume-message", markup=False)
        yield AppFooter()

    async def action_next(self) -> None:
        await settle(self.focused)
        email, code = self.query_one("#resume-email", Field), self.query_one("#resume-code", Field)
        if self.focused is email.input and email.show(force=True).ok:
            code.input.focus()
            return
        checks = [field.show(force=True) for field in (email, code)]
        if not all(check.ok for check in checks):
            return
        code.touched = False  # emptied on purpose: no "8 tekens" message for the empty field
        code.input.value = ""  # a code never stays on screen
        code.show()
        app = kiosk_app(self)
        assert app.store is not None and app.project is not None  # the welcome screen comes after both
        found = app.store.resume_application(row_id(app.project), checks[0].value, checks[1].value)
        if found.outcome == "open" and found.application is not None:
            self.dismiss(row_id(found.application))
            return
        t = kiosk_app(self).content.text
        message = {
            "locked": t("kiosk_resume_locked", minutes=int(RESUME_LOCK.total_seconds() // 60)),
            "finished": t("kiosk_resume_finished"),
        }.get(found.outcome, t("kiosk_resume_wrong"))
        self.query_one("#resume-message", Static).update("! " + message)
        code.input.focus()


class KioskClosingScreen(Screen[None]):
    """What happens next, and the resume code (once, never stored); returns to the welcome
    screen by itself after a while. Shows no name: the next visitor may read it. A visitor
    who ends their visit themselves may open their instruction sheet (I) while still there."""

    BINDINGS = [
        Binding("enter", "done", id="kiosk.done"),
        Binding("i", "sheet", id="kiosk.sheet"),
    ]

    def __init__(self, seconds: float, resume_code: str = "", expires: dt.date | None = None, sheet: str = "",
                 walked_away: bool = False, stage: str = "waiting") -> None:
        super().__init__()
        self.stage = stage  # kiosk_app.closing_stage: before applying, waiting for the code, finished
        self.walked_away = walked_away  # the idle reset: saved, but no code for whoever reads this now
        self.seconds = seconds
        self.resume_code = resume_code  # "" when the application is finished: it cannot be reopened here
        self.expires = expires
        self.sheet = sheet  # "" after an idle reset: the visitor has gone, the next one must not open it
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        t = kiosk_app(self).content.text
        with VerticalScroll(id="kiosk"):
            yield Static(t("kiosk_closing_title"), classes="title", markup=False)
            if self.resume_code:
                yield Static(t("kiosk_closing_code", code=format_resume_code(self.resume_code),
                               date=validation.format_date(self.expires or dt.date.today())),
                             id="resume-code", classes="code", markup=False)
            elif self.walked_away:
                yield Static(t("kiosk_closing_walked_away"), markup=False)
            else:
                yield Static(t("kiosk_closing_finished"), markup=False)
            if self.stage == "before":
                yield Static(t("kiosk_closing_not_applied"), markup=False)
            elif self.stage == "waiting":
                yield Static(t("kiosk_closing"), markup=False)
            if self.sheet:
                yield Static(t("kiosk_closing_sheet"), markup=False)
            yield Static(t("kiosk_closing_back"), markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self._timer = self.set_timer(self.seconds, self.action_done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.sheet) if action == "sheet" else True

    def action_sheet(self) -> None:
        if not self.sheet:
            return
        if self._timer is not None:
            self._timer.stop()  # reading takes longer; the sheet screen has its own time

        def back(_result: None) -> None:
            self._timer = self.set_timer(self.seconds, self.action_done)

        self.app.push_screen(KioskSheetScreen(self.sheet), back)

    def action_done(self) -> None:
        kiosk_app(self).kiosk_welcome()


class KioskSheetScreen(Screen[None]):
    """The visitor's instruction sheet (the same text as `hr-wizard instructie`): their Kenmerk,
    the form's address, the notices they may ignore. Enter or Esc goes back to the closing
    screen with the resume code; after `kiosk_idle_seconds` without a key the kiosk starts again."""

    BINDINGS = [
        Binding("enter", "close_sheet", id="kiosk.sheet_back"),
        Binding("escape", "close_sheet", id="kiosk.sheet_back_esc", show=False),
    ]

    def __init__(self, sheet: str) -> None:
        super().__init__()
        self.sheet = sheet

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="kiosk-sheet"):
            yield Static(self.sheet, markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one("#kiosk-sheet").focus()

    def action_close_sheet(self) -> None:
        self.dismiss(None)


class Countdown(Static):
    """Shown over a visitor's screen before the idle reset: any key keeps the work going."""

    DEFAULT_CSS = "Countdown { dock: bottom; height: auto; padding: 0 1; margin: 0 0 1 0; border: heavy $warning; }"


class OperatorScreen(ModalScreen[bool]):
    """The operator's code. A wrong code keeps the kiosk running, waits longer each time
    (OperatorGuard) and is noted in the operator log. The check runs in a thread: scrypt
    takes most of a second."""

    AUTO_FOCUS = "#operator-code"
    BINDINGS = [
        Binding("enter", "check", id="operator.check", priority=True),
        Binding("escape", "dismiss(False)", id="operator.cancel"),
    ]

    def __init__(self, code_hash: str, guard) -> None:
        super().__init__()
        self.code_hash = code_hash
        self.guard = guard
        self.checking = False

    def compose(self) -> ComposeResult:
        t = kiosk_app(self).content.text
        with Vertical(id="operator-dialog"):
            yield Static(t("kiosk_operator_title"), classes="title", markup=False)
            yield QuietInput(password=True, placeholder=t("kiosk_operator_placeholder"), id="operator-code", max_length=200)
            yield Static("", id="operator-message", markup=False)
        yield AppFooter()

    def _say(self, message: str) -> None:
        self.query_one("#operator-message", Static).update(f"! {message}" if message else "")

    async def action_check(self) -> None:
        field = self.query_one("#operator-code", Input)
        await settle(field)
        code, field.value = field.value, ""  # never left on screen, never stored
        wait = self.guard.wait_left(time.monotonic())
        if wait > 0:
            seconds = int(wait + 0.999)
            self._say(counted(kiosk_app(self).content.text, "kiosk_operator_wait", seconds, seconds=seconds))
            return
        if self.checking:
            return
        self.checking = True
        self._check(code)

    @work(thread=True, exit_on_error=False)
    def _check(self, code: str) -> None:
        right = False
        try:
            right = verify_code(code, self.code_hash)
        finally:  # an answer always comes, or the dialog would wait for ever
            kiosk_app(self).call_from_thread(self._checked, right)

    def _checked(self, right: bool) -> None:
        self.checking = False
        if right:
            self.guard.succeeded()
            log_event("operator code accepted")
            self.dismiss(True)
            return
        delay = self.guard.failed(time.monotonic())
        log_event(f"wrong operator code ({self.guard.failures} in a row); next try after {delay:g} s")
        seconds = int(delay + 0.999)
        self._say(counted(kiosk_app(self).content.text, "kiosk_operator_wrong", seconds, seconds=seconds))


class OperatorProblemScreen(Screen[None]):
    """After the operator's code on the out-of-order screen: the real message, and what to do."""

    BINDINGS = [
        Binding("r", "operator_retry", id="kiosk.problem.retry"),
        Binding("v", "operator_move_aside", id="kiosk.problem.move"),
        Binding("q", "operator_close", id="kiosk.problem.close"),
        Binding("escape", "operator_back", id="kiosk.problem.back"),
    ]

    # Letters of the code still being typed after the check (it takes most of a second) must
    # not count as a choice (r, v, q): the choices wait this long after the screen appears.
    SETTLE_SECONDS = 1.0

    def __init__(self, message: str, can_move_aside: bool) -> None:
        super().__init__()
        self.message = message
        self.can_move_aside = can_move_aside
        self._shown = time.monotonic()

    def compose(self) -> ComposeResult:
        t = kiosk_app(self).content.text
        with VerticalScroll(id="problem"):
            yield Static(t("kiosk_problem_title"), classes="title", markup=False)
            yield Static(self.message, id="problem-message", markup=False)
            yield Static(t("kiosk_problem_log", path=log_path()), markup=False)
            if self.can_move_aside:
                yield Static(t("kiosk_problem_move_hint"), markup=False)
            yield Static(t("kiosk_problem_hint"), markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.set_timer(self.SETTLE_SECONDS, self.refresh_bindings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action.startswith("operator_") and time.monotonic() - self._shown < self.SETTLE_SECONDS:
            return False
        if action == "operator_move_aside":
            return self.can_move_aside
        return True

    def action_operator_retry(self) -> None:
        kiosk_app(self).kiosk_retry()

    def action_operator_move_aside(self) -> None:
        kiosk_app(self).kiosk_move_aside()

    def action_operator_close(self) -> None:
        kiosk_app(self).kiosk_close()

    def action_operator_back(self) -> None:
        kiosk_app(self).kiosk_out_of_order_again()
