"""Fase 2: the register of terugmeldingen, shaped like a Digimelding report."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Input, OptionList, Static

from hr_wizard import terugmelding as tm
from hr_wizard import validation
from hr_wizard.errors import ConflictError, StoreError
from hr_wizard.rows import row_id
from hr_wizard.screens.confirm import confirm_then
from hr_wizard.screens.form import FormScreen, as_form_value, changed_values
from hr_wizard.screens.status_choice import StatusChoiceScreen
from hr_wizard.screens.text_view import TextViewScreen
from hr_wizard.summaries import terugmeldingen_line
from hr_wizard.ui import wizard
from hr_wizard.widgets.choice import ChoiceField
from hr_wizard.widgets.explanation import ExplanationPanel, explanation_labels
from hr_wizard.widgets.field import Field, QuietInput
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.form_body import FormBody
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.options import plain_option
from hr_wizard.widgets.toggles import TextCheckbox

if TYPE_CHECKING:
    from hr_wizard.models import Project, Terugmelding
    from hr_wizard.store import Store


class TerugmeldingenScreen(Screen[None]):
    AUTO_FOCUS = "#tm-list"
    BINDINGS = [
        Binding("f2", "cycle_status", id="tm.filter_status"),
        Binding("f4", "new", id="tm.new"),
        Binding("f8", "delete", id="tm.delete"),
        Binding("escape", "back", id="tm.back"),
    ]

    def __init__(self, store: Store, project: Project) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.status: str | None = None
        self.rows: dict[str, Terugmelding] = {}

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        yield AppHeader()
        yield QuietInput(placeholder=t("tm_filter"), id="tm-filter")
        yield Static("", id="tm-summary", markup=False)
        yield OptionList(id="tm-list")
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = wizard(self).content.text("tm_title")

    def on_screen_resume(self) -> None:
        """Shown for the first time, or again after a screen on top closed: read the rows."""
        self.reload()

    def reload(self) -> None:
        t = wizard(self).content.text
        kvk = self.query_one("#tm-filter", Input).value
        reports = self.store.terugmeldingen(row_id(self.project), self.status, kvk)
        self.rows = {str(r.id): r for r in reports}
        shown = t(f"tm_status_{self.status}") if self.status else t("status_all_reports")
        self.query_one("#tm-summary", Static).update(
            f"{terugmeldingen_line(self.store.terugmelding_counts(row_id(self.project)), tm.STATUSES, t)} · {t('tm_filter_status')}: {shown}")
        options = self.query_one(OptionList)
        options.clear_options()
        if not reports:
            options.add_option(plain_option(t("tm_empty"), id="none", disabled=True))
            return
        for report in reports:
            ref = f" · {report.referentie}" if report.referentie else ""
            obj = t(f"tm_object_{report.object}") if report.object else ""
            what = f"{obj} / {report.attribute}" if report.object or report.attribute else "…"
            options.add_option(plain_option(
                f"{report.kvk_nummer or '--------'}  {t(f'tm_status_{report.status}'):<22} {what}{ref}", id=str(report.id)))
        options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        report = self.rows.get(event.option.id or "")
        if report is not None:
            self.app.push_screen(TerugmeldingFormScreen(self.store, self.project, self.store.get_terugmelding(row_id(report))))

    def action_cycle_status(self) -> None:
        options = (None, *tm.STATUSES)
        self.status = options[(options.index(self.status) + 1) % len(options)]
        self.reload()

    def action_new(self) -> None:
        self.app.push_screen(TerugmeldingFormScreen(self.store, self.project, None))

    def action_delete(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        report = self.rows.get(option.id or "") if option else None
        if report is None:
            return
        t = wizard(self).content.text
        if report.status != "draft":
            self.notify(t("tm_delete_sent"), severity="warning")
            return
        confirm_then(self, t("tm_confirm_delete"), lambda: self.store.delete_terugmelding(row_id(report)), self.reload)

    def action_back(self) -> None:
        self.dismiss(None)


class TerugmeldingFormScreen(FormScreen):
    """One report, in the order of the Digimelding form. A concept may be incomplete;
    reporting it (status Gemeld) needs every required field."""

    AUTO_FOCUS = "#kvk_nummer Input"
    BINDINGS = [
        Binding("f5", "copy", id="tm.copy"),
        Binding("f6", "status", id="tm.status"),
        Binding("f7", "explain", id="tm.explain"),
        Binding("escape", "leave", id="form.leave"),
    ]

    def __init__(self, store: Store, project: Project, report: Terugmelding | None) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.record = report

    # --- layout ----------------------------------------------------------------

    def _value(self, name: str) -> Any:
        if self.record is None:
            defaults = {"melder_naam": self.project.projectleider_naam, "melder_email": self.project.projectleider_email}
            return defaults.get(name, "")
        value = getattr(self.record, name)
        if name == "peilmoment" and value:
            return validation.format_date(value)
        return as_form_value(value)

    def _check(self, name: str):
        if name == "kvk_nummer":
            return lambda s: tm.check_field("kvk_nummer", s, not_registered=self.query_one("#not_registered", Checkbox).value)
        return lambda s: tm.check_field(name, s)

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        yield AppHeader()
        with FormBody(id="form"):
            yield Static("", id="tm-state", markup=False)
            yield TextCheckbox(t("tm_not_registered"), bool(self._value("not_registered")), id="not_registered")
            yield Field(t("tm_kvk_nummer"), self._check("kvk_nummer"), value=self._value("kvk_nummer"), placeholder=t("example_kvk"), id="kvk_nummer", compact=True)
            yield ChoiceField(t("tm_object"), [(o, t(f"tm_object_{o}")) for o in tm.OBJECTS], self._value("object"), id="object")
            yield TextCheckbox(t("tm_nevenvestiging"), bool(self._value("nevenvestiging")), id="nevenvestiging")
            examples = {"vestigingsnummer": t("example_vestiging"), "adres_straat": t("example_adres_straat"),
                        "adres_postcode": t("example_postcode"), "adres_plaats": t("example_adres_plaats"),
                        "attribute": t("example_attribute"),
                        "betwijfelde_waarde": t("example_betwijfeld"), "voorgestelde_waarde": t("example_voorgesteld"),
                        "peilmoment": t("date_placeholder"), "toelichting": t("tm_toelichting_placeholder"),
                        "referentie": t("referentie_placeholder"), "melder_naam": t("intake_naam_placeholder"),
                        "melder_email": t("intake_email_placeholder"), "melder_telefoon": t("example_phone"),
                        "melder_afdeling": t("afdeling_placeholder")}
            for name in tm.TEXT_FIELDS:
                if name == "kvk_nummer":
                    continue
                if name == tm.ADDRESS[0]:
                    yield Static(t("tm_address_hint"), id="tm-address-hint", classes="muted", markup=False)
                yield Field(t(f"tm_{name}"), self._check(name), value=self._value(name), placeholder=examples[name], id=name, compact=True)
            yield Static("", id="form-other", markup=False)
            yield Static("", id="tm-history", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = wizard(self).content.text("tm_form_title")
        self._show_state()
        # Focus is on the KvK-nummer; keep the status line and the first label in view.
        self.call_after_refresh(self.query_one("#form", VerticalScroll).scroll_home, animate=False)

    def _show_state(self) -> None:
        t = wizard(self).content.text
        status = self.record.status if self.record else "draft"
        missing = tm.missing_for_report(self._report()) if status == "draft" else {}
        state = t("tm_state", status=t(f"tm_status_{status}"))
        if missing:
            state += " " + t("tm_missing", fields=", ".join(self.short_label(name) for name in tm.FIELD_ORDER if name in missing))
        self.query_one("#tm-state", Static).update(state)
        history = self.store.terugmelding_history(self.record.id) if self.record else []
        lines = [f"{validation.format_date(h.changed_on)}  {t(f'tm_status_{h.status}')}" for h in history]
        self.query_one("#tm-history", Static).update(t("tm_history") + ":\n" + ("\n".join(lines) or t("tm_history_none")))

    def short_label(self, name: str) -> str:
        """The field's name without its explanation in brackets: "Peilmoment", "Toelichting"."""
        return wizard(self).content.text(f"tm_{name}").split(" (")[0]

    def _report(self) -> dict[str, Any]:
        values, _ = self.form_values()
        return values

    # --- saving ----------------------------------------------------------------

    def persist(self, values: dict[str, Any]) -> None:
        if self.record is None:
            typed = {name: value for name, value in values.items() if value and name not in ("melder_naam", "melder_email")}
            if typed:
                self.record = self.store.create_terugmelding(row_id(self.project), **values)
        else:
            changes = changed_values(self.record, values)
            if changes:
                self.record = self.store.save_terugmelding(self.record.id, self.record.version, **changes)
        self._show_state()

    def describe(self, record: Terugmelding) -> str:
        return f"{record.kvk_nummer} · {record.attribute} · {record.voorgestelde_waarde}"

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "not_registered":
            kvk = self.query_one("#kvk_nummer", Field)
            if event.value and not kvk.value.strip():
                kvk.input.value = validation.KVK_NOT_REGISTERED
            kvk.show(force=bool(kvk.value))
        self.save_now()

    # --- actions ---------------------------------------------------------------

    def action_copy(self) -> None:
        t = wizard(self).content.text
        self.save_now()
        labels = {name: self.short_label(name) for name in tm.FIELD_ORDER}
        labels |= {"status": t("status_label"), "not_registered": t("tm_not_registered"), "nevenvestiging": t("tm_nevenvestiging")}
        labels |= {f"object_{code}": t(f"tm_object_{code}") for code in tm.OBJECTS}
        status = self.record.status if self.record else "draft"
        text = tm.as_text(self._report(), labels, t(f"tm_status_{status}"))
        self.app.push_screen(TextViewScreen(t("tm_copy_title"), text, t("tm_copy_hint")))

    def action_status(self) -> None:
        t = wizard(self).content.text
        if not self.save_now() or self.record is None:
            self.notify(t("tm_status_needs_save"), severity="warning")
            return

        def chosen(choice: tuple[str, dt.date] | None) -> None:
            if choice is None:
                return
            status, on = choice
            if status == "reported":
                missing = tm.missing_for_report(self._report())
                if missing:
                    names = ", ".join(self.short_label(name) for name in tm.FIELD_ORDER if name in missing)
                    self.notify(t("tm_missing", fields=names), severity="warning", timeout=8)
                    return
            try:
                self.record = self.store.move_terugmelding(self.record.id, self.record.version, status, on)
            except ConflictError as conflict:
                self.record = conflict.current
                self.query_one("#form-other", Static).update(f"! {conflict} {self.describe(conflict.current)}")
                return
            except StoreError as error:
                self.notify(str(error), severity="error")
                return
            self.notify(t("tm_moved", status=t(f"tm_status_{status}")))
            self._show_state()

        self.app.push_screen(StatusChoiceScreen(self.record.status), chosen)

    def action_explain(self) -> None:
        panels = self.query(ExplanationPanel)
        if panels:
            panels.remove()
            return
        panel = ExplanationPanel(wizard(self).content.explain["gerede_twijfel"], explanation_labels(wizard(self).content))
        self.query_one("#form", VerticalScroll).mount(panel, before=0)
        self.query_one("#form", VerticalScroll).scroll_home(animate=False)
