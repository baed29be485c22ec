"""hr-wizard --kiosk: one visitor's account application, nothing else. Quitting, suspending
and the command palette do nothing; the operator leaves with F12 and the operator code.
After a while without a key the visitor's work is saved and the welcome screen returns."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding

from hr_wizard.app import HrWizardApp
from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.kiosk import (
    KioskClosingScreen,
    KioskMessageScreen,
    KioskResumeScreen,
    KioskWelcomeScreen,
    OperatorScreen,
)

if TYPE_CHECKING:
    from hr_wizard.content import Content
    from hr_wizard.kiosk import KioskConfig
    from hr_wizard.models import Project
    from hr_wizard.store import Store


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

    def __init__(self, location: str, content: Content, config: KioskConfig, gemeente: str = "") -> None:
        super().__init__(location, content, gemeente)
        self.config = config
        self.last_input = time.monotonic()

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(min(1.0, self.config.idle_seconds / 4), self._check_idle)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self.last_input = time.monotonic()
        await super().on_event(event)

    # --- after the database opens ------------------------------------------------

    def _opened(self, store: Store, project: Project | None, progress: dict, last_step: str, projects: list[Project]) -> None:
        self.store = store
        self.project = project
        if project is None:
            # No gemeente yet, or several and none named with --gemeente: the operator must set it up.
            key = "kiosk_choose_gemeente" if projects else "kiosk_not_ready"
            self.switch_screen(KioskMessageScreen(self.content.text(key)))
            return
        self.switch_screen(KioskWelcomeScreen())

    # --- the visitor's way through -------------------------------------------------

    def kiosk_welcome(self) -> None:
        """A fresh welcome screen; every screen of the previous visitor is closed."""
        self._to_base()
        self.switch_screen(KioskWelcomeScreen())

    def action_kiosk_new(self) -> None:
        self._open_application(ApplicationScreen(self.store, self.project))

    def action_kiosk_resume(self) -> None:
        def found(application_id: int | None) -> None:
            if application_id is not None:
                application = self.store.get_application(application_id)
                self._open_application(ApplicationScreen(self.store, self.project, application))

        self.push_screen(KioskResumeScreen(), found)

    def _open_application(self, screen: ApplicationScreen) -> None:
        def closed(finished: bool | None) -> None:
            if finished:
                self.switch_screen(KioskClosingScreen(screen.application.naam, self.config.closing_seconds))
            else:
                self.kiosk_welcome()

        self.push_screen(screen, closed)

    def _check_idle(self) -> None:
        if time.monotonic() - self.last_input < self.config.idle_seconds:
            return
        self.last_input = time.monotonic()
        if isinstance(self.screen, KioskWelcomeScreen | KioskMessageScreen):
            return
        for screen in self.screen_stack:
            if isinstance(screen, ApplicationScreen):
                screen.save_as_it_stands()
        self.kiosk_welcome()

    # --- keys --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_contrast", "choose_project", "new_project"):
            return False  # a visitor does not change how the kiosk looks
        return super().check_action(action, parameters)

    def action_blocked(self) -> None:
        self.notify(self.content.text("kiosk_blocked"), timeout=3)

    def action_operator(self) -> None:
        if isinstance(self.screen, OperatorScreen):
            return

        def answered(right: bool | None) -> None:
            if right:
                self.exit()

        self.push_screen(OperatorScreen(self.config.code_hash), answered)
