"""A PostgreSQL address with a password anywhere is refused, and the password is never shown:
not by `where`, not by `status` (or any command), not in an error message, not in a traceback."""

from __future__ import annotations

import pytest

from hr_wizard import cli
from hr_wizard.errors import StoreError
from hr_wizard.paths import display_location
from hr_wizard.store import Store

from ..helpers import ADDRESSES_WITH_A_PASSWORD, run, shows_a_password_piece


@pytest.mark.parametrize("address", ADDRESSES_WITH_A_PASSWORD)
def test_where_and_status_never_show_the_password(address, capsys):
    assert cli.main(["--db", address, "where"]) == 0
    assert cli.main(["--db", address, "status"]) == 1
    printed = capsys.readouterr()
    assert not shows_a_password_piece(printed.out + printed.err), printed
    assert "Database:" in printed.out and "hr-wizard: " in printed.err


@pytest.mark.parametrize("address", ADDRESSES_WITH_A_PASSWORD)
def test_opening_refuses_the_address_and_the_message_keeps_the_password_out(address):
    with pytest.raises(StoreError) as caught:
        Store.open(address, create=False)
    message = str(caught.value)
    assert not shows_a_password_piece(message) and not shows_a_password_piece(display_location(address))
    assert "wachtwoord" in message or "databaseadres kan hr-wizard niet lezen" in message
    error = caught.value  # a traceback of it would show no other error (the driver's, with its arguments)
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_the_installed_command_line_says_it_without_a_traceback():
    for command in (["where"], ["status"], ["export", "accounts", "-o", "-"]):
        result = run("--db", "postgresql+psycopg:/helpdesk:Xq7Vw9@db.example/hr", *command)
        assert not shows_a_password_piece(result.stdout + result.stderr), (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
