"""Helpers for driving the kiosk with Pilot."""

from __future__ import annotations

import re

from textual.widgets import Input, Static

from hr_wizard.content_file import load_content
from hr_wizard.kiosk import KioskConfig, OperatorGuard, hash_code
from hr_wizard.kiosk_app import KioskApp

from .pilot import wait_for

CODE = "beheer-2026"  # a test's own operator code, not a real one
# The cheapest scrypt the kiosk accepts (2**14): the tests check the code many times.
CODE_HASH = hash_code(CODE, n=2**14)
RESUME_CODE = re.compile(r"\b[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\b")


def kiosk(db_path, idle: float = 180, closing: float = 20, content=None) -> KioskApp:
    config = KioskConfig(CODE_HASH, idle, closing, guard=OperatorGuard(base=0.05))
    return KioskApp(str(db_path), content or load_content(), config)


def screen_text(app) -> str:
    """Every text on the current screen (and a countdown over it)."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def type_operator_code(pilot, code: str = CODE) -> None:
    """F12, the code, Enter; waits until the check (in a thread) has answered."""
    from hr_wizard.screens.kiosk import OperatorScreen

    await pilot.press("f12")
    dialog = await wait_for(pilot, OperatorScreen)
    dialog.query_one("#operator-code", Input).value = code  # as typed, without Pilot's ~60 ms per key
    await pilot.press("enter")
    for _ in range(200):
        await pilot.pause(0.02)
        if not dialog.checking:
            break
    await pilot.pause()


async def fill_details(pilot, naam="Jan Jansen", email="jan@testdorp.nl", telefoon="") -> None:
    """Page 0 as a visitor fills it: each field, Enter to the next; the last one left without Enter.
    The values are put in the focused field at once (Pilot takes ~60 ms per key)."""
    for value in (naam, "Burgerzaken", email):
        pilot.app.focused.value = value
        await pilot.press("enter")
    pilot.app.focused.value = telefoon
    await pilot.pause()


def shown_resume_code(app) -> str:
    match = RESUME_CODE.search(screen_text(app))
    assert match, screen_text(app)
    return match.group()


async def new_visit(pilot, **details: str):
    """From the welcome screen: a new application with page 0 filled in (fill_details'
    values, or these); returns its screen."""
    from hr_wizard.screens.application import ApplicationScreen
    from hr_wizard.screens.kiosk import KioskWelcomeScreen

    await wait_for(pilot, KioskWelcomeScreen)
    await pilot.press("enter")
    screen = await wait_for(pilot, ApplicationScreen)
    await fill_details(pilot, **details)
    return screen


async def resume_visit(pilot, code: str, email: str = "jan@testdorp.nl") -> None:
    """From the welcome screen: F6, the work address and the resume code."""
    from hr_wizard.screens.kiosk import KioskWelcomeScreen

    await wait_for(pilot, KioskWelcomeScreen)
    await pilot.press("f6", *email, "enter", *code, "enter")


def give_resume_code(store, application_id: int, days: int = 30) -> str:
    """A resume code for this application, valid `days` from today, as the kiosk makes one."""
    import datetime as dt

    from hr_wizard.kiosk import hash_resume_code, new_resume_code

    code = new_resume_code()
    store.set_resume_code(application_id, hash_resume_code(code), dt.date.today() + dt.timedelta(days=days))
    return code


async def stop_visit(pilot):
    """Esc on a visitor's page: saved, and the closing screen (returned) shows the resume code."""
    from hr_wizard.screens.kiosk import KioskClosingScreen

    await pilot.press("escape")
    return await wait_for(pilot, KioskClosingScreen)
