"""Kiosk mode: only one visitor's application, no way out without the operator code."""

from __future__ import annotations

import os

import pytest
from textual.widgets import Static

from hr_wizard.content_file import load_content
from hr_wizard.kiosk import (
    CODE_ENV,
    CODE_HASH_ENV,
    KioskConfig,
    KioskError,
    child_environment,
    hash_code,
    kiosk_config,
    verify_code,
)
from hr_wizard.kiosk_app import KioskApp
from hr_wizard.screens.application import ApplicationScreen
from hr_wizard.screens.kiosk import (
    KioskClosingScreen,
    KioskResumeScreen,
    KioskWelcomeScreen,
    OperatorScreen,
)
from hr_wizard.store import Store

from ..helpers import seeded
from .pilot import wait_for

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server

CODE = "beheer-2026"  # a test's own operator code, not a real one


def kiosk(db_path, idle: float = 180, closing: float = 20) -> KioskApp:
    return KioskApp(str(db_path), load_content(), KioskConfig(hash_code(CODE), idle, closing))


def screen_text(app) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def test_operator_code_is_kept_only_as_a_salted_hash(content):
    first, second = hash_code(CODE), hash_code(CODE)
    assert first != second and CODE not in first  # salted: the same code gives another hash
    assert verify_code(CODE, first) and not verify_code("beheer-2027", first)
    assert not verify_code(CODE, "kapot") and not verify_code(CODE, "")
    environ = {CODE_ENV: CODE}
    config = kiosk_config(content, environ)
    assert verify_code(CODE, config.code_hash) and CODE_ENV not in environ  # read once, then gone
    with pytest.raises(KioskError) as caught:
        kiosk_config(content, {})
    assert CODE_ENV in str(caught.value) and "kiosk-code" in str(caught.value)


def test_a_child_process_gets_only_the_hash_and_accepts_it(content):
    """hr-wizard serve checks the code once and hands its children the hash, never the code."""
    parent_environ = {CODE_ENV: CODE}
    parent = kiosk_config(content, parent_environ)
    handed = child_environment(parent)
    assert handed == {CODE_HASH_ENV: parent.code_hash} and CODE not in str(handed)
    child_environ = dict(handed)
    child = kiosk_config(content, child_environ)
    assert child.code_hash == parent.code_hash and verify_code(CODE, child.code_hash)
    assert CODE_HASH_ENV not in child_environ  # read once, not passed on further


@pytest.mark.parametrize("broken", ["kapot", "pbkdf2_sha256$abc$00$00", "md5$1$00$00"])
def test_a_broken_handed_hash_is_refused_not_a_kiosk_that_nobody_can_close(content, broken):
    with pytest.raises(KioskError) as caught:
        kiosk_config(content, {CODE_HASH_ENV: broken})
    assert CODE_HASH_ENV in str(caught.value)


async def test_quit_suspend_and_palette_keys_do_nothing_harmful(db_path):
    seeded(db_path).close()
    app = kiosk(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, KioskWelcomeScreen)
        for key in ("ctrl+q", "ctrl+c", "ctrl+backslash", "ctrl+z", "ctrl+p", "a", "l", "r"):
            await pilot.press(key)
            assert app.is_running and isinstance(app.screen, KioskWelcomeScreen), key
        assert "Gemeente" not in app.sub_title


async def test_wrong_operator_code_keeps_the_kiosk_right_code_closes_it(db_path):
    seeded(db_path).close()
    app = kiosk(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, KioskWelcomeScreen)
        await pilot.press("f12")
        dialog = await wait_for(pilot, OperatorScreen)
        await pilot.press(*"geen-idee", "enter")
        assert app.is_running and app.screen is dialog
        assert dialog.query_one("#operator-code").value == ""
        assert "klopt niet" in str(dialog.query_one("#operator-message").render())
        await pilot.press(*CODE, "enter")
        await pilot.pause()
        assert not app.is_running


async def fill_details(pilot, naam="Jan Jansen", email="jan@testdorp.nl"):
    await pilot.press(*naam, "enter", *"Burgerzaken", "enter", *email, "enter")


async def test_idle_timeout_saves_the_draft_and_clears_the_screen(db_path):
    seeded(db_path).close()
    app = kiosk(db_path, idle=0.6)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, KioskWelcomeScreen)
        await pilot.press("enter")
        await wait_for(pilot, ApplicationScreen)
        await fill_details(pilot)  # all four fields typed, Enter not yet pressed on the last one
        await pilot.pause(1.5)
        assert isinstance(app.screen, KioskWelcomeScreen)
        assert len(app.screen_stack) == 2  # no screen of the visitor left underneath
        assert "Jan" not in screen_text(app)
    store = Store.open(str(db_path))
    saved = store.roster_page(store.get_project().id)
    assert [(row.naam, row.team) for row in saved] == [("Jan Jansen", "Burgerzaken")]


async def test_a_visitor_opens_only_their_own_application_with_email_and_name(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    first = store.create_application(project_id, "Jan Jansen", "Burgerzaken", "jan@testdorp.nl")
    store.save_application(first.id, first.version, current_step=2)
    store.close()
    app = kiosk(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, KioskWelcomeScreen)
        await pilot.press("f6")
        resume = await wait_for(pilot, KioskResumeScreen)
        await pilot.press(*"jan@testdorp.nl", "enter", *"Piet Puk", "enter")
        assert app.screen is resume
        assert "geen aanvraag" in str(resume.query_one("#resume-message").render())
        resume.query_one("#resume-naam Input").value = "jan  JANSEN"
        await pilot.press("enter")
        screen = await wait_for(pilot, ApplicationScreen)
        assert screen.application.id == first.id and screen.page == 2


async def test_finished_application_shows_what_happens_next_then_welcome(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    done = store.create_application(project_id, "Jan Jansen", "Burgerzaken", "jan@testdorp.nl")
    store.save_application(done.id, done.version, current_step=7, applied_on="2026-04-24", letter_received="2026-04-28")
    store.close()
    app = kiosk(db_path, closing=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, KioskWelcomeScreen)
        await pilot.press("f6", *"jan@testdorp.nl", "enter", *"Jan Jansen", "enter")
        screen = await wait_for(pilot, ApplicationScreen)
        screen.query_one("Checkbox").value = True  # first search done: the last step
        await pilot.press("enter")
        closing = await wait_for(pilot, KioskClosingScreen)
        assert "per e-mail" in screen_text(app) and "per post" in screen_text(app) and "debiteurnummer" in screen_text(app)
        assert closing.naam == "Jan Jansen"
        await pilot.pause(1.0)
        assert isinstance(app.screen, KioskWelcomeScreen)


def test_kiosk_without_a_code_refuses_to_start(tmp_path):
    from ..helpers import run

    env = {key: value for key, value in os.environ.items() if key != CODE_ENV}
    result = run("--db", str(tmp_path / "db.sqlite"), "--kiosk", env=env)
    assert result.returncode == 2
    assert "beheerderscode" in result.stderr
