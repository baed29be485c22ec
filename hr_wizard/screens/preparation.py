"""Fase 1, De voorbereiding: the checklist and the record of the aanvraagformulier."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Static

from hr_wizard import validation
from hr_wizard.errors import ConflictError, StoreError
from hr_wizard.inventory import PREPARATION_RULES, YES_NO, YES_NO_UNKNOWN
from hr_wizard.models import Project
from hr_wizard.rows import row_id
from hr_wizard.screens.form import FormScreen, as_form_value, changed_values
from hr_wizard.ui import wizard
from hr_wizard.widgets.choice import ChoiceField
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.form_body import FormBody
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.toggles import TextCheckbox

if TYPE_CHECKING:
    from hr_wizard.models import Preparation
    from hr_wizard.store import Store


class PreparationScreen(FormScreen):
    AUTO_FOCUS = "#website_consulted"

    def __init__(self, store: Store, project: Project) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.record: Preparation = store.get_preparation(row_id(project))

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        r = self.record
        date = validation.format_date(r.sent_on) if r.sent_on else ""
        yield AppHeader()
        with FormBody(id="form"):
            yield Static(t("prep_intro"), classes="intro", markup=False)
            yield TextCheckbox(t("prep_website"), r.website_consulted, id="website_consulted")
            yield TextCheckbox(t("prep_form"), r.form_filled, id="form_filled")
            yield Static(t("prep_form_also"), classes="stress", markup=False)
            yield ChoiceField(t("prep_terugmelden"), [(v, t(f"answer_{v}")) for v in YES_NO_UNKNOWN], r.terugmelden, id="terugmelden")
            yield Static(t("prep_record"), classes="section", markup=False)
            yield Field(t("prep_sent_on"), PREPARATION_RULES["sent_on"], value=date, placeholder=t("date_placeholder"), id="sent_on", compact=True)
            yield Field(t("prep_contact_naam"), PREPARATION_RULES["contact_naam"], value=r.contact_naam,
                        placeholder=t("intake_naam_placeholder"), id="contact_naam", compact=True)
            yield Field(t("prep_contact_email"), PREPARATION_RULES["contact_email"], value=r.contact_email,
                        placeholder=t("intake_email_placeholder"), id="contact_email", compact=True)
            yield ChoiceField(t("prep_existing"), [(v, t(f"answer_{v}")) for v in YES_NO], r.existing_connection, id="existing_connection")
            yield Field(t("prep_debiteur"), validation.debiteurnummer, value=self.project.debiteurnummer,
                        placeholder=t("debiteur_placeholder"), id="debiteurnummer", compact=True)
            yield Field(t("prep_note"), PREPARATION_RULES["note"], value=r.note, id="note", compact=True)
            yield Static("", id="form-other", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = wizard(self).content.text("prep_title")

    def persist(self, values: dict[str, Any]) -> None:
        debiteur = values.pop("debiteurnummer", None)
        if debiteur == self.project.debiteurnummer:
            debiteur = None
        changes = changed_values(self.record, values)
        if not changes and debiteur is None:
            return
        try:
            record, project = self.store.save_preparation_form(row_id(self.project), self.record.version, changes,
                                                               debiteur, self.project.version)
        except ConflictError as conflict:
            if not isinstance(conflict.current, Project):
                raise  # the record: FormScreen shows the other desk's version
            # Told; every screen takes the newer project, so the next change saves over it.
            wizard(self).project_saved(conflict.current)
            raise StoreError(wizard(self).content.text("conflict_debiteur", nummer=conflict.current.debiteurnummer or "-")) from None
        if record is not None:
            self.record = record
        if project is not None:
            wizard(self).project_saved(project)  # this screen's project too

    def describe(self, record: Preparation) -> str:
        shown = {name: as_form_value(getattr(record, name)) for name in ("terugmelden", "sent_on", "contact_naam", "note")}
        if shown["terugmelden"]:
            shown["terugmelden"] = wizard(self).content.text(f"answer_{shown['terugmelden']}")
        return " · ".join(f"{name}: {value}" for name, value in shown.items() if value)
