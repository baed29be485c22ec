"""The main screen: the whole roadmap on the left, the selected step on the right.

It may first show the state from quickread (a plain sqlite3 read) while the store still
opens; keys that need the store wait for it (`HrWizardApp.when_store_ready`)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static

from hr_wizard.content import Step
from hr_wizard.errors import StoreError
from hr_wizard.remembered import last_step_setting
from hr_wizard.rows import row_id
from hr_wizard.summaries import STEP_MARKS, preparation_line, processes_line, progress_line, terugmeldingen_line
from hr_wizard.ui import wizard
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.step_list import StepList

if TYPE_CHECKING:
    from hr_wizard.models import Project, StepProgress
    from hr_wizard.quickread import QuickProject, QuickStep
    from hr_wizard.store import Store

MARK_GROUP = Binding.Group("group.mark")  # the description is a [keys] id
HEADER_SIDES = 8 + 10  # Textual's header: the icon's and the clock space's width
Action = TypeVar("Action", bound=Callable[..., Any])


def needs_store(action: Action) -> Action:
    """An action that needs the database: pressed while the store still opens, it waits for it,
    and then runs on the step that was selected when the key was pressed."""

    @functools.wraps(action)
    def run(self: RoadmapScreen, *args: Any) -> None:
        step = self.current_step.key

        def now() -> None:
            if self.current_step.key != step:
                self.query_one(StepList).select_step(step)
            action(self, *args)

        wizard(self).when_store_ready(now)

    return run  # type: ignore[return-value]


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
        Binding("e", "app.edit_project", id="roadmap.project", show=False),
    ]

    def __init__(self, project: Project | QuickProject, progress: dict[str, StepProgress] | dict[str, QuickStep],
                 last_step: str = "", overdue: int = 0) -> None:
        """`project` and `progress` may come from quickread; attach_store brings the store's."""
        super().__init__()
        self.project = project
        self.progress: dict[str, Any] = dict(progress)
        self._initial_step = last_step
        self._overdue = overdue

    @property
    def store(self) -> Store | None:
        return wizard(self).store

    @property
    def stored_project(self) -> Project:
        """The gemeente's row from the store (the quick read's stand-in is replaced as soon as the
        store opens; the actions that need the row wait for that)."""
        project = wizard(self).project
        if project is None:
            raise RuntimeError("the store is not open yet")
        return project

    def compose(self) -> ComposeResult:
        content = wizard(self).content
        statuses = {key: row.status for key, row in self.progress.items()}
        yield AppHeader()
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
        steps = wizard(self).content.steps
        keys = {step.key for step in steps}
        start = self._initial_step if self._initial_step in keys else steps[0].key
        if not self.query(StepList):
            return  # replaced before it was mounted (the quick screen, when the store disagreed)
        step_list = self.query_one(StepList)
        step_list.select_step(start)
        step_list.focus()
        self._show(start)
        self._update_progress()
        # Once laid out (titles wrap on a narrow screen), bring the remembered step into view.
        self.call_after_refresh(step_list.scroll_to_highlight)

    def on_resize(self) -> None:
        if self.query(StepList):
            self._update_progress()
            self.call_after_refresh(self.query_one(StepList).scroll_to_highlight)

    # --- display ----------------------------------------------------------

    @property
    def current_step(self) -> Step:
        content = wizard(self).content
        option = self.query_one(StepList).highlighted_option
        return content.step(option.id if option and option.id else content.steps[0].key)

    def _status(self, key: str) -> str:
        row = self.progress.get(key)
        return row.status if row else "todo"

    def _show(self, key: str) -> None:
        content = wizard(self).content
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
        summary = self._tool_summary(step)
        tool.update(summary)
        tool.display = bool(summary)
        self.query_one("#step-body", Static).update(step.body_with_source)
        self.query_one("#step-note-label", Static).update(content.text("note_label") + ":")
        self.query_one("#step-note", Static).update(row.note if row and row.note else content.text("note_empty"))
        self.query_one("#step-pane", VerticalScroll).scroll_home(animate=False)

    def _tool_summary(self, step: Step) -> str:
        """What the step's tool holds now, and how to open it; nothing until the store is open."""
        store, t = self.store, wizard(self).content.text
        if step.tool is None or store is None:
            return ""
        project_id = row_id(self.project)
        if step.tool == "preparation":
            summary = preparation_line(store.get_preparation(project_id), t)
        elif step.tool == "processes":
            summary = processes_line(*store.process_progress(project_id), t)
        elif step.tool == "terugmeldingen":
            from hr_wizard.terugmelding import STATUSES  # its rules are not needed for the first frame

            summary = t("tm_summary", counts=terugmeldingen_line(store.terugmelding_counts(project_id), STATUSES, t))
        else:
            summary = t("roster_summary", count=store.roster_count(project_id))
        return f"{summary}\n{t('tool_open', tool=t('tool_' + step.tool))}"

    def attach_store(self, project: Project, progress: dict[str, StepProgress]) -> None:
        """The store has opened: from now on reads come from it."""
        self.project = project
        self.progress = dict(progress)
        if not self.is_mounted:
            return  # on_mount will show it all, from the store
        self._show(self.current_step.key)
        self._update_progress()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_tool":
            if not self.is_mounted:
                return False
            option = self.query_one(StepList).highlighted_option
            return bool(option and option.id and not option.id.startswith("part:")
                        and wizard(self).content.step(option.id).tool)
        return True

    def _update_progress(self) -> None:
        content = wizard(self).content
        overdue = self.store.overdue_count(row_id(self.project)) if self.store else self._overdue
        self.title = self.project.gemeente
        # The header shows "gemeente — progress" between its icon (8) and clock space (10).
        width = (self.size.width or self.app.size.width) - HEADER_SIDES - len(self.title) - len(" — ")
        self.sub_title = progress_line((self._status(step.key) for step in content.steps), len(content.steps), overdue,
                                       content.text, width)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # An event that was overtaken (OptionList highlights its first option when it is made,
        # before on_mount selects the remembered step) would show the first step for a frame.
        if event.option_index != event.option_list.highlighted:
            return
        if event.option_id and not event.option_id.startswith("part:"):
            self._show(event.option_id)
            self.refresh_bindings()

    def remember(self) -> None:
        """Keep the selected step for the next start: one write when the user leaves this screen
        or quits, none while moving through the list (over SSH and on a shared server every
        write costs)."""
        store = self.store
        if store is None or not self.query(StepList):
            return
        step = self.current_step.key
        if step != self._initial_step:
            store.set_setting(last_step_setting(row_id(self.project)), step)
            self._initial_step = step

    def on_screen_suspend(self) -> None:
        self.remember()

    def on_screen_resume(self) -> None:
        if not self.query(StepList):
            return  # resumed while the app closes, before its widgets were mounted
        if self.store is not None:  # a tool may have marked steps (Fase 1)
            self.progress = dict(self.store.step_progress(row_id(self.project)))
            step_list = self.query_one(StepList)
            for key in self.progress:
                step_list.set_status(key, self._status(key))
        self._update_progress()
        self._show(self.current_step.key)

    # --- actions ----------------------------------------------------------

    @needs_store
    def action_open_tool(self) -> None:
        from hr_wizard.screens.tools import tool_screen

        screen = tool_screen(self.current_step.tool, wizard(self))
        if screen is not None:
            self.app.push_screen(screen)

    @needs_store
    def action_mark(self, status: str) -> None:
        store, content = self.store, wizard(self).content
        assert store is not None
        step = self.current_step
        try:
            row = store.set_step_status(row_id(self.project), step.key, status)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.progress[step.key] = row
        self.query_one(StepList).set_status(step.key, status)
        self._show(step.key)
        self._update_progress()
        self.notify(content.text("saved", step=step.title, status=content.text("status_" + status)), timeout=2)

    @needs_store
    def action_roster(self) -> None:
        self.action_open_tool_named("roster")

    def action_open_tool_named(self, tool: str) -> None:
        from hr_wizard.screens.tools import tool_screen

        screen = tool_screen(tool, wizard(self))
        if screen is not None:
            self.app.push_screen(screen)

    @needs_store
    def action_report(self) -> None:
        from hr_wizard.screens.report_dialog import ask_and_write_report

        assert self.store is not None
        ask_and_write_report(self, self.store, self.stored_project)

    @needs_store
    def action_audit(self) -> None:
        from hr_wizard.screens.audit import AuditScreen

        assert self.store is not None
        self.app.push_screen(AuditScreen(self.store, self.stored_project))

    @needs_store
    def action_note(self) -> None:
        step = self.current_step

        def done(row: StepProgress | None) -> None:
            if row is not None:
                self.progress[step.key] = row
            self._show(step.key)

        # TextArea is heavy to import and not on the first frame.
        from hr_wizard.screens.note import NoteScreen

        assert self.store is not None
        self.app.push_screen(NoteScreen(self.store, row_id(self.project), step, self.progress.get(step.key)), done)
