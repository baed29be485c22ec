"""The kiosk's own screens: welcome, finding your own application again, the closing screen,
and the operator's code. A visitor sees nothing of anyone else."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Input, Static

from hr_wizard import validation
from hr_wizard.kiosk import verify_code
from hr_wizard.widgets.field import Field, QuietInput
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.keys import settle


class KioskWelcomeScreen(Screen[None]):
    BINDINGS = [
        Binding("enter", "app.kiosk_new", id="kiosk.new"),
        Binding("f6", "app.kiosk_resume", id="kiosk.resume"),
    ]

    def compose(self) -> ComposeResult:
        t = self.app.content.text
        yield Header(icon="")
        with VerticalScroll(id="kiosk"):
            yield Static(t("kiosk_welcome_title"), classes="title", markup=False)
            yield Static(t("kiosk_welcome"), markup=False)
        yield AppFooter()


class KioskMessageScreen(Screen[None]):
    """The kiosk cannot serve visitors yet (no project); only the operator key works."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        yield Static(self.message, id="kiosk", markup=False)
        yield AppFooter()


class KioskResumeScreen(Screen["int | None"]):
    """Find your own application by your work e-mail address and your name, both."""

    AUTO_FOCUS = "#resume-email Input"
    BINDINGS = [
        Binding("enter", "next", id="kiosk.find", priority=True),
        Binding("escape", "dismiss(None)", id="kiosk.back"),
    ]

    def compose(self) -> ComposeResult:
        t, a = self.app.content.text, self.app.content.text
        yield Header(icon="")
        with VerticalScroll(id="kiosk"):
            yield Static(t("kiosk_resume_title"), classes="title", markup=False)
            yield Static(t("kiosk_resume_intro"), markup=False)
            yield Field(a("email"), validation.work_email, placeholder=a("email_placeholder"), id="resume-email")
            yield Field(a("naam"), validation.person_name, placeholder=a("naam_placeholder"), id="resume-naam")
            yield Static("", id="resume-message", markup=False)
        yield AppFooter()

    async def action_next(self) -> None:
        await settle(self.focused)
        email, naam = self.query_one("#resume-email", Field), self.query_one("#resume-naam", Field)
        if self.focused is email.input and email.show(force=True).ok:
            naam.input.focus()
            return
        checks = [field.show(force=True) for field in (email, naam)]
        if not all(check.ok for check in checks):
            return
        found = self.app.store.find_application_for_visitor(self.app.project.id, checks[0].value, checks[1].value)
        if found is None:
            self.query_one("#resume-message", Static).update("! " + self.app.content.text("kiosk_not_found"))
            return
        self.dismiss(found.id)


class KioskClosingScreen(Screen[None]):
    """What happens next; returns to the welcome screen by itself after a while."""

    BINDINGS = [Binding("enter", "done", id="kiosk.done")]

    def __init__(self, naam: str, seconds: float) -> None:
        super().__init__()
        self.naam = naam
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        t = self.app.content.text
        with VerticalScroll(id="kiosk"):
            yield Static(t("kiosk_closing_title", naam=self.naam), classes="title", markup=False)
            yield Static(t("kiosk_closing"), markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.set_timer(self.seconds, self.action_done)

    def action_done(self) -> None:
        self.app.kiosk_welcome()


class OperatorScreen(ModalScreen[bool]):
    """The operator's code; a wrong code keeps the kiosk running."""

    AUTO_FOCUS = "#operator-code"
    BINDINGS = [
        Binding("enter", "check", id="operator.check", priority=True),
        Binding("escape", "dismiss(False)", id="operator.cancel"),
    ]

    def __init__(self, code_hash: str) -> None:
        super().__init__()
        self.code_hash = code_hash

    def compose(self) -> ComposeResult:
        t = self.app.content.text
        with Vertical(id="operator-dialog"):
            yield Static(t("kiosk_operator_title"), classes="title", markup=False)
            yield QuietInput(password=True, placeholder=t("kiosk_operator_placeholder"), id="operator-code")
            yield Static("", id="operator-message", markup=False)
        yield AppFooter()

    async def action_check(self) -> None:
        field = self.query_one("#operator-code", Input)
        await settle(field)
        if verify_code(field.value, self.code_hash):
            self.dismiss(True)
            return
        field.value = ""  # never left on screen, never stored
        self.query_one("#operator-message", Static).update("! " + self.app.content.text("kiosk_operator_wrong"))
