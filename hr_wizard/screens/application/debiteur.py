"""Page 6: the answer to KvK's e-mail about the debiteurnummer."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import RadioSet, Static

from hr_wizard import validation
from hr_wizard.applications import DEBITEUR_CHOICES
from hr_wizard.screens.application.page import ApplicationPage
from hr_wizard.widgets.field import Field, room_for
from hr_wizard.widgets.toggles import TextRadioButton


class DebiteurPage(ApplicationPage):
    def compose(self) -> ComposeResult:
        a = self.application
        assert a is not None
        yield Static(self.t("debiteur_question"), markup=False)
        with RadioSet(id="debiteur-choice"):
            for choice in DEBITEUR_CHOICES:
                yield TextRadioButton(self.t(f"debiteur_{choice}"), value=a.debiteur_choice == choice, name=choice)
        nummer = a.debiteurnummer or self.project.debiteurnummer
        yield Field(self.t("debiteur_number"), validation.debiteurnummer, value=nummer, id="debiteurnummer",
                    max_length=room_for(validation.DEBITEUR_MAX))

    def values(self) -> dict[str, Any] | None:
        values = super().values()
        if values is None:
            return None
        pressed = self.query_one(RadioSet).pressed_button
        return {**values, "debiteur_choice": pressed.name if pressed else ""}
