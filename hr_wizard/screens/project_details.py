"""The intake, corrected: the gemeente's name and its projectleider, saved as typed (version-
checked against other desks, and in the logboek)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Static

from hr_wizard import validation
from hr_wizard.rows import row_id
from hr_wizard.screens.form import FormScreen, changed_values
from hr_wizard.ui import wizard
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.form_body import FormBody
from hr_wizard.widgets.header import AppHeader

if TYPE_CHECKING:
    from hr_wizard.models import Project
    from hr_wizard.store import Store


class ProjectDetailsScreen(FormScreen):
    AUTO_FOCUS = "#gemeente Input"

    def __init__(self, store: Store, project: Project) -> None:
        super().__init__()
        self.store = store
        self.record: Project = project

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        p = self.record
        yield AppHeader()
        with FormBody(id="form"):
            yield Static(t("project_details_intro"), classes="intro", markup=False)
            yield Field(t("intake_gemeente"), validation.gemeente_name, value=p.gemeente,
                        placeholder=t("intake_gemeente_placeholder"), id="gemeente", compact=True)
            yield Field(t("intake_naam"), validation.person_name, value=p.projectleider_naam,
                        placeholder=t("intake_naam_placeholder"), id="projectleider_naam", compact=True)
            yield Field(t("intake_email"), validation.work_email, value=p.projectleider_email,
                        placeholder=t("intake_email_placeholder"), id="projectleider_email", compact=True)
            yield Static("", id="form-other", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.record.gemeente
        self.sub_title = wizard(self).content.text("project_details_title")

    def persist(self, values: dict[str, Any]) -> None:
        changes = changed_values(self.record, values)
        if changes:
            self.record = self.store.save_project(row_id(self.record), self.record.version, **changes)
            wizard(self).project_saved(self.record)
            self.title = self.record.gemeente

    def describe(self, record: Project) -> str:
        return f"{record.gemeente} · {record.projectleider_naam} · {record.projectleider_email}"
