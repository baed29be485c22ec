"""Fase 2: every process that uses data about companies, and whether it uses the HR yet."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static

from hr_wizard import validation
from hr_wizard.inventory import PROCESS_RULES, SOURCE_MARKS, SOURCES
from hr_wizard.rows import row_id
from hr_wizard.screens.confirm import confirm_then
from hr_wizard.screens.form import FormScreen, as_form_value, changed_values
from hr_wizard.summaries import processes_line
from hr_wizard.ui import wizard
from hr_wizard.widgets.choice import ChoiceField
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.form_body import FormBody
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.options import plain_option

if TYPE_CHECKING:
    from hr_wizard.models import Process, Project
    from hr_wizard.store import Store


class ProcessesScreen(Screen[None]):
    AUTO_FOCUS = "#process-list"
    BINDINGS = [
        Binding("f4", "new", id="processes.new"),
        Binding("f8", "delete", id="processes.delete"),
        Binding("escape", "back", id="processes.back"),
    ]

    def __init__(self, store: Store, project: Project) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.rows: dict[str, Process] = {}

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static("", id="process-progress", markup=False)
        yield OptionList(id="process-list")
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = wizard(self).content.text("proc_title")

    def on_screen_resume(self) -> None:
        """Shown for the first time, or again after a screen on top closed: read the rows."""
        self.reload()

    def reload(self) -> None:
        t = wizard(self).content.text
        processes = self.store.processes(row_id(self.project))
        self.rows = {str(p.id): p for p in processes}
        self.query_one("#process-progress", Static).update(processes_line(*self.store.process_progress(row_id(self.project)), t))
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not processes:
            options.add_option(plain_option(t("proc_empty"), id="none", disabled=True))
            return
        for process in processes:
            mark = SOURCE_MARKS[process.source]
            switch = f" · {t('proc_switch_short')} {validation.format_date(process.switch_on)}" if process.switch_on else ""
            afdeling = f" ({process.afdeling})" if process.afdeling else ""
            options.add_option(plain_option(f"{mark} {process.naam}{afdeling} · {t(f'source_{process.source}')}{switch}", id=str(row_id(process))))
        options.highlighted = min(highlighted or 0, len(processes) - 1)

    def _current(self) -> Process | None:
        option = self.query_one(OptionList).highlighted_option
        return self.rows.get(option.id or "") if option else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        process = self.rows.get(event.option.id or "")
        if process is not None:
            self.app.push_screen(ProcessFormScreen(self.store, self.project, self.store.get_process(row_id(process))))

    def action_new(self) -> None:
        self.app.push_screen(ProcessFormScreen(self.store, self.project, None))

    def action_delete(self) -> None:
        process = self._current()
        if process is None:
            return
        question = wizard(self).content.text("proc_confirm_delete", naam=process.naam)
        confirm_then(self, question, lambda: self.store.delete_process(row_id(process)), self.reload)

    def action_back(self) -> None:
        self.dismiss(None)


class ProcessFormScreen(FormScreen):
    """One process. It is stored as soon as it has a valid name; after that every change."""

    AUTO_FOCUS = "#naam Input"

    def __init__(self, store: Store, project: Project, process: Process | None) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.record = process

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        p = self.record

        def value(name: str) -> Any:
            return "" if p is None else as_form_value(getattr(p, name))

        switch = validation.format_date(p.switch_on) if p and p.switch_on else ""
        yield AppHeader()
        with FormBody(id="form"):
            yield Field(t("proc_naam"), PROCESS_RULES["naam"], value=value("naam"), placeholder=t("example_proces_naam"), id="naam", compact=True)
            yield Field(t("proc_afdeling"), PROCESS_RULES["afdeling"], value=value("afdeling"), placeholder=t("afdeling_placeholder"), id="afdeling", compact=True)
            yield Field(t("proc_eigenaar"), PROCESS_RULES["eigenaar"], value=value("eigenaar"), placeholder=t("intake_naam_placeholder"), id="eigenaar", compact=True)
            yield Field(t("proc_hr_data"), PROCESS_RULES["hr_data"], value=value("hr_data"), placeholder=t("example_hr_data"), id="hr_data", compact=True)
            yield ChoiceField(t("proc_source"), [(s, t(f"source_{s}")) for s in SOURCES], p.source if p else SOURCES[0], id="source")
            yield Field(t("proc_switch_on"), PROCESS_RULES["switch_on"], value=switch, placeholder=t("date_placeholder"), id="switch_on", compact=True)
            yield Field(t("proc_note"), PROCESS_RULES["note"], value=value("note"), id="note", compact=True)
            yield Static("", id="form-other", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = wizard(self).content.text("proc_form_title")

    def persist(self, values: dict[str, Any]) -> None:
        if self.record is None:
            if values.get("naam"):
                self.record = self.store.create_process(row_id(self.project), **values)
            return
        changes = changed_values(self.record, values)
        if changes:
            self.record = self.store.save_process(row_id(self.record), self.record.version, **changes)

    def describe(self, record: Process) -> str:
        return f"{record.naam} · {record.source}"
