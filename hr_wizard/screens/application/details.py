"""Page 0: the employee's details."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from hr_wizard import validation
from hr_wizard.screens.application.page import ApplicationPage
from hr_wizard.widgets.field import Field, room_for


class DetailsPage(ApplicationPage):
    def compose(self) -> ComposeResult:
        a = self.application
        yield Static(self.t("new_title") if a is None else self.t("title", naam=a.naam), classes="title", markup=False)
        yield Static(self.t("intro"), markup=False)
        for name, rule, limit in (("naam", validation.person_name, validation.NAME_MAX),
                                  ("team", validation.team_name, validation.NAME_MAX),
                                  ("email", validation.work_email, validation.EMAIL_MAX),
                                  ("telefoon", validation.phone, validation.PHONE_MAX)):
            yield Field(self.t(name), rule, value=getattr(a, name) if a else "", placeholder=self.t(f"{name}_placeholder"), id=name,
                        max_length=room_for(limit))
