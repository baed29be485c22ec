"""The kiosk's rules without a screen: the operator code, the resume code, the allow-list and
the operator log (hr_wizard.kiosk)."""

from __future__ import annotations

import hashlib
import stat

import pytest

from hr_wizard import kiosk
from hr_wizard.content_file import ContentError, load_content
from hr_wizard.kiosk import (
    CODE_ENV,
    KioskError,
    OperatorGuard,
    code_hash_fault,
    hash_code,
    kiosk_config,
    verify_code,
)

from ..helpers import FORBIDDEN, run

CODE = "beheer-2026"  # a test's own operator code, not a real one


def test_operator_code_is_a_scrypt_hash_with_the_documented_parameters():
    stored = hash_code(CODE)
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**17, 8, 1)
    assert len(bytes.fromhex(salt)) == 16 and CODE not in stored
    assert bytes.fromhex(key) == hashlib.scrypt(CODE.encode(), salt=bytes.fromhex(salt), n=2**17, r=8, p=1, dklen=32,
                                                maxmem=2**28)
    assert hash_code(CODE) != stored  # salted
    assert verify_code(CODE, stored) and not verify_code("beheer-2027", stored)


@pytest.mark.parametrize("stored", [
    "kapot", "", "scrypt$16384$8$1$00$00",  # too short a salt and key
    "scrypt$1000$8$1$" + "00" * 16 + "$" + "00" * 32,  # N not a power of two
    "scrypt$1073741824$8$1$" + "00" * 16 + "$" + "00" * 32,  # 2**30: a gigabyte per check
    "pbkdf2_sha256$200000$" + "00" * 16 + "$" + "00" * 32,  # the old form
])
def test_a_malformed_hash_is_refused_never_half_used(stored):
    assert code_hash_fault(stored) is not None
    assert not verify_code(CODE, stored)


@pytest.mark.parametrize("stored", ["pbkdf2_sha256$kapot", "scrypt$16384$8$1$zz$zz"])
def test_a_malformed_hash_in_the_config_file_stops_with_the_file_named(tmp_path, stored):
    """Such a hash once started a kiosk that no code could close."""
    config = tmp_path / "config.toml"
    config.write_text(f'[settings]\nkiosk_code_hash = "{stored}"\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(config)
    assert str(config) in str(caught.value) and "hr-wizard kiosk-code" in str(caught.value)
    result = run("--db", str(tmp_path / "db.sqlite"), "--kiosk")  # HR_WIZARD_CONFIG is this file (conftest)
    assert result.returncode == 2 and str(config) in result.stderr and "Traceback" not in result.stderr


def test_operator_code_from_the_environment_needs_8_characters_and_is_removed(content):
    with pytest.raises(KioskError) as caught:
        kiosk_config(content, {CODE_ENV: "1234567"})
    assert "8" in str(caught.value)
    environ = {CODE_ENV: "12345678"}
    config = kiosk_config(content, environ)
    assert verify_code("12345678", config.code_hash) and CODE_ENV not in environ
    with pytest.raises(KioskError) as caught:
        kiosk_config(content, {})
    assert CODE_ENV in str(caught.value) and "kiosk-code" in str(caught.value)


def test_kiosk_code_command_refuses_fewer_than_8_characters(monkeypatch, capsys):
    from hr_wizard import cli

    monkeypatch.setattr("getpass.getpass", lambda prompt="": "1234567")
    assert cli.main(["kiosk-code"]) == 1
    assert "minstens 8 tekens" in capsys.readouterr().err
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "12345678")
    assert cli.main(["kiosk-code"]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith('kiosk_code_hash = "scrypt$') and code_hash_fault(line.split('"')[1]) is None


def test_wrong_operator_codes_wait_1_2_4_seconds_up_to_a_minute():
    guard = OperatorGuard()
    delays = [guard.failed(now=100.0) for _ in range(9)]
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert guard.wait_left(100.0) == 60 and guard.wait_left(161.0) == 0
    guard.succeeded()
    assert guard.failed(now=0.0) == 1


def test_resume_codes_avoid_look_alikes_and_are_kept_only_as_a_keyed_hash():
    codes = {kiosk.new_resume_code() for _ in range(300)}
    assert len(codes) == 300
    assert all(len(code) == 8 and not set(code) & set("0O1IL") for code in codes)
    code = codes.pop()
    stored = kiosk.hash_resume_code(code)
    assert code not in stored and stored.startswith("hmac-sha256$")
    assert kiosk.hash_resume_code(code) != stored  # salted
    typed = f" {kiosk.format_resume_code(code).lower()} "
    assert kiosk.verify_resume_code(typed, stored)  # as read aloud: with a dash, any case, spaces
    assert not kiosk.verify_resume_code(kiosk.new_resume_code(), stored)
    assert not kiosk.verify_resume_code(code, "kapot") and not kiosk.verify_resume_code(code, "")
    assert kiosk.resume_code_fault("ABCD-EFG") and kiosk.resume_code_fault("ABCD-EFG0")
    assert kiosk.resume_code_fault(kiosk.format_resume_code(code)) is None


def test_the_email_key_holds_no_address():
    key = kiosk.email_key(1, " Jan@Testdorp.nl ")
    assert key == kiosk.email_key(1, "jan@testdorp.nl") != kiosk.email_key(2, "jan@testdorp.nl")
    assert "jan" not in key and "testdorp" not in key


def test_resume_days_is_a_setting_with_a_range(tmp_path, content):
    assert content.settings["kiosk_resume_days"] == 30
    config = tmp_path / "config.toml"
    config.write_text("[settings]\nkiosk_resume_days = 365\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_content(config)
    config.write_text("[settings]\nkiosk_resume_days = 7\n", encoding="utf-8")
    assert kiosk_config(load_content(config), {CODE_ENV: CODE}).resume_days == 7


def test_the_allow_list_holds_nothing_that_leaves_or_changes_the_kiosk():
    listed = {action.split("(")[0].rsplit(".", 1)[-1] for actions in kiosk.VISITOR_ACTIONS.values() for action in actions}
    assert not listed & (FORBIDDEN - {"copy"})
    assert "copy" not in kiosk.VISITOR_ACTIONS["Input"]  # F5 copies the page's own text only (ApplicationScreen)
    assert not kiosk.allowed_name("quit") and not kiosk.allowed_name("screenshot")
    assert kiosk.allowed_for(["QuietInput", "Input", "Widget"], "cursor_left")
    assert not kiosk.allowed_for(["QuietInput", "Input", "Widget"], "paste")


def test_the_operator_log_names_the_error_never_its_message(tmp_path):
    try:
        try:
            raise ValueError("Jan Jansen <jan@testdorp.nl>")
        except ValueError as inner:
            raise RuntimeError("telefoon 030 123 45 67") from inner
    except RuntimeError as error:
        described = kiosk.describe_exception(error)
    assert "RuntimeError" in described and "ValueError" in described and "test_kiosk_rules.py" in described
    assert "Jan" not in described and "jan@" not in described and "030" not in described
    kiosk.log_event("unexpected error: " + described)
    path = kiosk.log_path()
    assert path.is_relative_to(tmp_path / "xdg-state")  # the user's state folder (conftest sets XDG_STATE_HOME)
    assert "RuntimeError" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_operator_log_says_where_in_hr_wizard_a_library_error_came_from():
    """A database error ends deep in SQLAlchemy: the last frames alone do not say which action
    of the wizard met it, so the nearest hr-wizard frames are added."""
    library: dict = {}
    exec(compile("def deep(n):\n    if n == 0:\n        raise OSError('jan@testdorp.nl')\n    deep(n - 1)\n",
                 "/venv/site-packages/somelib/engine.py", "exec"), library)
    ours: dict = {"deep": library["deep"]}
    exec(compile("def save_page():\n    deep(10)\n", "/checkout/hr_wizard/store/applications.py", "exec"), ours)
    try:
        ours["save_page"]()
    except OSError as error:
        described = kiosk.describe_exception(error)
    assert "engine.py" in described and "applications.py:2 save_page" in described
    assert "jan@" not in described
