"""Page 7: the first search in the Handelsregister, the last step."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Checkbox, Static

from hr_wizard.screens.application.page import ApplicationPage
from hr_wizard.widgets.toggles import TextCheckbox


class FirstSearchPage(ApplicationPage):
    def compose(self) -> ComposeResult:
        assert self.application is not None
        yield TextCheckbox(self.t("first_search"), value=self.application.first_search_done, id="first-search")
        yield Static("", id="first-search-message", markup=False)

    def values(self) -> dict[str, Any] | None:
        return {"first_search_done": self.query_one("#first-search", Checkbox).value}

    def show_problem(self, name: str, message: str) -> None:
        self.query_one("#first-search-message", Static).update(f"! {message}")
