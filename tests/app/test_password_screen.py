"""The full-screen wizard started on an address with a password: the problem screen says what to
do and never shows the password."""

from __future__ import annotations

import pytest

from hr_wizard.screens.problem import ProblemScreen

from ..helpers import ADDRESSES_WITH_A_PASSWORD, shows_a_password_piece
from .pilot import make_app, wait_for


@pytest.mark.parametrize("address", [ADDRESSES_WITH_A_PASSWORD[i] for i in (1, 5, 7)])
async def test_the_problem_screen_never_shows_the_password(address):
    app = make_app(address)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, ProblemScreen)
        shown = app.export_screenshot()
        assert not shows_a_password_piece(shown) and not shows_a_password_piece(screen.message)
        assert "wachtwoord" in screen.message or "databaseadres kan hr-wizard niet lezen" in screen.message
        await pilot.press("q")
    assert app.return_code in (0, None)
