"""The main screen: the whole roadmap on the left, the selected step on the right."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from hr_wizard.content import Step
from hr_wizard.errors import StoreError
from hr_wizard.remembered import last_step_setting
from hr_wizard.summaries import STEP_MARKS
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.step_list import StepList

if TYPE_CHECKING:
    from hr_wizard.models import Project, StepProgress
    from hr_wizard.store import Store



MARK_GROUP = Binding.Group("group.mark")  # the description is a [keys] id


def needs_store(action):
    """An action that needs the database: pressed while the store still loads, it waits for it."""

    @functools.wraps(action)
    def run(self, *args):
        if self.store is None:
            step = self.current_step.key

            def later() -> None:  # on the step that was selected when the key was pressed
                self.query_one(StepList).select_step(step)
                action(self, *args)

            self._pending.append(later)
            return None
        return action(self, *args)

    return run


class RoadmapScreen(Screen[None]):
    BINDINGS = [
        # One footer entry "k b o Markeer" for the three marks; F1 lists each with its own text.
        Binding("k", "mark('done')", id="step.klaar", group=MARK_GROUP),
        Binding("b", "mark('in_progress')", id="step.bezig", group=MARK_GROUP),
        Binding("o", "mark('skipped')", id="step.overgeslagen", group=MARK_GROUP),
        Binding("t", "mark('todo')", id="step.todo", show=False),
        Binding("n", "note", id="step.note"),
        Binding("enter", "open_tool", id="step.open", priority=True, show=False),
        Binding("a", "roster", id="roadmap.roster"),
        Binding("l", "audit", id="roadmap.audit"),
        Binding("r", "report", id="roadmap.report"),
    ]

    def __init__(self, store: Store | None, project: Project, progress: dict[str, StepProgress], last_step: str = "",
                 overdue: int = 0) -> None:
        """`store` None: the state came from quickread and the store is still loading (attach_store)."""
        super().__init__()
        self.store = store
        self.project = project
        self.progress = progress
        self._initial_step = last_step
        self._overdue = overdue
        self._pending: list[Callable[[], object]] = []  # keys pressed before the store was there

    def compose(self) -> ComposeResult:
        content = self.app.content
        statuses = {key: row.status for key, row in self.progress.items()}
        yield Header(icon="")
        with Horizontal(id="roadmap"):
            yield StepList(content.parts, statuses, id="steps")
            with VerticalScroll(id="step-pane"):
                yield Static("", id="step-part", markup=False)
                yield Static("", id="step-title", markup=False)
                yield Static("", id="step-status", markup=False)
                yield Static("", id="step-tool", markup=False)
                yield Static("", id="step-body", markup=False)
                yield Static("", id="step-note-label", markup=False)
                yield Static("", id="step-note", markup=False)
        yield AppFooter()

    def on_mount(self) -> None:
        steps = self.app.content.steps
        keys = {step.key for step in steps}
        start = self._initial_step if self._initial_step in keys else steps[0].key
        if not self.query(StepList):
            return  # replaced before it was mounted (the quick screen, when the store disagreed)
        step_list = self.query_one(StepList)
        step_list.select_step(start)
        step_list.focus()
        self._show(start)
        self._update_progress()

    # --- display ----------------------------------------------------------

    @property
    def current_step(self) -> Step:
        option = self.query_one(StepList).highlighted_option
        return self.app.content.step(option.id if option else self.app.content.steps[0].key)

    def _status(self, key: str) -> str:
        row = self.progress.get(key)
        return row.status if row else "todo"

    def _show(self, key: str) -> None:
        content = self.app.content
        step = content.step(key)
        part = next(part for part in content.parts if part.key == step.part_key)
        row = self.progress.get(key)
        status = self._status(key)
        self.query_one("#step-part", Static).update(part.title)
        self.query_one("#step-title", Static).update(step.title)
        self.query_one("#step-status", Static).update(
            f"{content.text('status_label')}: {STEP_MARKS[status]} {content.text('status_' + status)}"
        )
        tool = self.query_one("#step-tool", Static)
        summary = self._tool_summary(key)
        tool.update(summary)
        tool.display = bool(summary)
        self.query_one("#step-body", Static).update(step.body)
        self.query_one("#step-note-label", Static).update(content.text("note_label") + ":")
        self.query_one("#step-note", Static).update(row.note if row and row.note else content.text("note_empty"))
        self.query_one("#step-pane", VerticalScroll).scroll_home(animate=False)

    def _tool_summary(self, key: str) -> str:
        t = self.app.content.text
        tool = self.app.content.step(key).tool
        if tool is None or self.store is None:
            return ""
        project_id = self.project.id
        if tool == "preparation":
            prep = self.store.get_preparation(project_id)
            done = sum((prep.website_consulted, prep.form_filled, bool(prep.terugmelden)))
            summary = t("prep_summary", done=done, total=3)
        elif tool == "processes":
            from hr_wizard.screens.processes import progress_line

            summary = progress_line(self.app, self.store, project_id)
        elif tool == "terugmeldingen":
            from hr_wizard.screens.terugmeldingen import counts_line

            summary = t("tm_summary", counts=counts_line(self.app, self.store, project_id))
        else:
            summary = t("roster_summary", count=self.store.roster_count(project_id))
        return f"{summary}\n{t('tool_open', tool=t('tool_' + tool))}"

    def attach_store(self, store: Store, project: Project, progress: dict[str, StepProgress]) -> None:
        """The store has loaded: from now on every key works and reads come from it."""
        self.store = store
        self.project = project
        self.progress = progress
        if not self.is_mounted:
            return  # on_mount will show it all, from the store
        self._show(self.current_step.key)
        self._update_progress()
        self.refresh_bindings()
        pending, self._pending = self._pending, []
        for action in pending:  # what the user typed meanwhile happens now, in order
            action()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_tool":
            option = self.query_one(StepList).highlighted_option if self.is_mounted else None
            return bool(option and option.id and not option.id.startswith("part:") and self.app.content.step(option.id).tool)
        return True

    @needs_store
    def action_open_tool(self) -> None:
        tool = self.current_step.tool
        if tool == "roster":
            self.action_roster()
        elif tool == "preparation":
            from hr_wizard.screens.preparation import PreparationScreen

            self.app.push_screen(PreparationScreen(self.store, self.project))
        elif tool == "processes":
            from hr_wizard.screens.processes import ProcessesScreen

            self.app.push_screen(ProcessesScreen(self.store, self.project))
        elif tool == "terugmeldingen":
            from hr_wizard.screens.terugmeldingen import TerugmeldingenScreen

            self.app.push_screen(TerugmeldingenScreen(self.store, self.project))

    def _update_progress(self) -> None:
        content = self.app.content
        total = len(content.steps)
        statuses = [self._status(step.key) for step in content.steps]
        done, skipped = statuses.count("done"), statuses.count("skipped")
        progress = content.text("progress", done=done, total=total)
        if skipped:
            progress += ", " + content.text("progress_skipped", skipped=skipped)
        overdue = self.store.overdue_count(self.project.id) if self.store else self._overdue
        if overdue:
            progress += " · " + content.text("roster_overdue", count=overdue)
        self.title = self.project.gemeente
        self.sub_title = progress

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id and not event.option_id.startswith("part:"):
            self._show(event.option_id)
            self.refresh_bindings()
            if self.store is not None:
                self.store.set_setting(last_step_setting(self.project.id), event.option_id)

    # --- actions ----------------------------------------------------------

    @needs_store
    def action_mark(self, status: str) -> None:
        step = self.current_step
        try:
            row = self.store.set_step_status(self.project.id, step.key, status)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.progress[step.key] = row
        self.query_one(StepList).set_status(step.key, status)
        self._show(step.key)
        self._update_progress()
        self.notify(self.app.content.text("saved", step=step.title, status=self.app.content.text("status_" + status)), timeout=2)

    def on_screen_resume(self) -> None:
        if not self.query(StepList):
            return  # resumed while the app closes, before its widgets were mounted
        self._update_progress()
        self._show(self.current_step.key)

    @needs_store
    def action_roster(self) -> None:
        from hr_wizard.screens.roster import RosterScreen

        self.app.push_screen(RosterScreen(self.store, self.project))

    @needs_store
    def action_report(self) -> None:
        from hr_wizard.screens.report_dialog import ReportDialog

        def chosen(choice) -> None:
            if choice is None:
                return
            from hr_wizard import report

            path, fmt = choice
            try:
                path.write_text(report.render(self.store, self.project, self.app.content, fmt), encoding="utf-8")
            except OSError as error:
                self.notify(self.app.content.text("report_failed", path=path, reason=error.strerror or error), severity="error")
                return
            self.notify(self.app.content.text("report_saved", path=path), timeout=8)

        self.app.push_screen(ReportDialog(), chosen)

    @needs_store
    def action_audit(self) -> None:
        from hr_wizard.screens.audit import AuditScreen

        self.app.push_screen(AuditScreen(self.store, self.project))

    @needs_store
    def action_note(self) -> None:
        step = self.current_step

        def done(row: StepProgress | None) -> None:
            if row is not None:
                self.progress[step.key] = row
            self._show(step.key)

        # TextArea is heavy to import and not on the first frame.
        from hr_wizard.screens.note import NoteScreen

        self.app.push_screen(NoteScreen(self.store, self.project.id, step, self.progress.get(step.key)), done)
