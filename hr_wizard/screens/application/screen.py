"""One employee's account application: their details, then the 7 steps of the aanmeldprocedure,
one page each. The screen moves between pages and saves; each page widget (pages in this
package) holds its own fields, and applications.page_changes decides what a page changes.

Each page saves when the user goes on (Enter), back (PageUp) or leaves (Esc). The page shown
is stored, so leaving half-way and coming back resumes there; looking back never lowers the
furthest step reached.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from hr_wizard.applications import STEP_COUNT, PageProblem, page_changes, status_of
from hr_wizard.errors import ConflictError, DuplicateEmailError, StoreError
from hr_wizard.rows import row_id
from hr_wizard.screens.application.dates import AppliedPage, CodeReceivedPage
from hr_wizard.screens.application.debiteur import DebiteurPage
from hr_wizard.screens.application.details import DetailsPage
from hr_wizard.screens.application.first_search import FirstSearchPage
from hr_wizard.screens.application.kenmerk import KenmerkPage
from hr_wizard.screens.application.page import ApplicationPage, visitor_key
from hr_wizard.screens.application.plain import FormAddressPage, NoticePage
from hr_wizard.ui import wizard
from hr_wizard.widgets.explanation import ExplanationPanel, explanation_labels
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.form_body import FormBody
from hr_wizard.widgets.header import AppHeader
from hr_wizard.widgets.keys import settle

if TYPE_CHECKING:
    from hr_wizard.models import Application, Project
    from hr_wizard.store import Store

PAGES: dict[int, type[ApplicationPage]] = {
    0: DetailsPage, 1: FormAddressPage, 2: KenmerkPage, 3: AppliedPage, 4: NoticePage, 5: CodeReceivedPage,
    6: DebiteurPage, 7: FirstSearchPage,
}
# Which explanation panels each step shows (keys of [explain] in the content file).
STEP_EXPLANATIONS = {2: ("al_toegangscode",), 3: ("bevestiging",), 4: ("incasso",), 5: ("brief",), 6: ("debiteur",), 7: ("bedragen", "kosten")}
SECRET_STEPS = (3, 5)  # where a password or toegangscode arrives


class ApplicationScreen(Screen[bool]):
    """Dismissed with True when the last page is saved, False when the user leaves earlier."""

    BINDINGS = [
        Binding("enter", "next", id="application.next", priority=True),
        Binding("pageup", "previous", id="application.previous", priority=True),
        Binding("f5", "copy", id="application.copy"),
        Binding("escape", "leave", id="application.leave"),
    ]

    def __init__(self, store: Store, project: Project, application: Application | None = None, *,
                 visitor: bool = False) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.application = application
        self.page = application.current_step if application else 0
        self._touched = False  # something typed or chosen on this page
        # The employee fills in their own application (the kiosk): texts speak to them, a
        # duplicate e-mail names nobody, and a database problem is not theirs to read.
        self.visitor = visitor

    def _t(self, key: str, **values: object) -> str:
        content = wizard(self).content
        return content.text(visitor_key(content, key) if self.visitor else key, **values)

    # --- layout -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        content = wizard(self).content
        yield AppHeader()
        step = content.step(f"aanmelden.{self.page}") if self.page > 0 else None
        # What to do and what to expect first, where it is in view at 80x24: the instruction,
        # the fields with their messages and live parts, the panels that explain the notices.
        # The roadmap's own words (and their sources) follow below, announced by "↓ meer".
        with FormBody(id="application"):
            if step is not None:
                assert self.application is not None
                yield Static(self._t("step_heading", title=step.title, naam=self.application.naam), classes="title", markup=False)
                yield Static(step.instruction or step.body_with_source, markup=False, classes="instruction")
            yield PAGES[self.page](self.application, self.project, self.visitor)
            message = Static("", id="page-message", markup=False)
            message.display = False
            yield message
            for key in STEP_EXPLANATIONS.get(self.page, ()):
                yield ExplanationPanel(content.explain[key], explanation_labels(content))
            if self.page in SECRET_STEPS:
                yield Static(self._t("no_secrets"), classes="warning", markup=False)
            if step is not None and step.instruction:
                yield Static(self._t("roadmap_text_title"), classes="section", markup=False)
                yield Static(step.body_with_source, markup=False, classes="roadmap-text")
        yield AppFooter()

    @property
    def page_widget(self) -> ApplicationPage:
        return self.query_one(ApplicationPage)

    def on_mount(self) -> None:
        self.title = self.project.gemeente
        self._set_sub_title()
        self.page_widget.refresh_live()
        self._focus_first()

    def _set_sub_title(self) -> None:
        """ "Account aanvragen · Stap 5 van 7", or only "Stap 5 van 7" where the header has no
        room for both: the step is never cut off."""
        if not self.page:
            self.sub_title = self._t("roster_title")
            return
        full = self._t("step_sub_title", step=self.page)
        # The header centres "gemeente — sub title" between its icon and clock spaces (8 each).
        room = self.app.size.width - 16 - len(f"{self.title} — ")
        self.sub_title = full if len(full) <= room else self._t("step_of", step=self.page)

    def on_resize(self) -> None:
        self._set_sub_title()

    def _focus_first(self) -> None:
        widgets = list(self.query("Input, RadioSet, Checkbox"))
        body = self.query_one("#application", VerticalScroll)
        # The page itself takes the focus only when it has no fields (so the arrows scroll it);
        # otherwise Tab would land on it, where no cursor shows.
        body.can_focus = not widgets
        self.set_focus(widgets[0] if widgets else body)
        self.call_after_refresh(body.scroll_home, animate=False)  # the page opens at its top

    def on_input_changed(self, event: Input.Changed) -> None:
        self._touched = True
        self.page_widget.refresh_live()

    def on_radio_set_changed(self) -> None:
        self._touched = True

    def on_checkbox_changed(self) -> None:
        self._touched = True

    # --- moving between pages ---------------------------------------------

    async def action_next(self) -> None:
        await settle(self.focused)
        focused = self.focused
        if isinstance(focused, Input):
            fields = list(self.query(Field))
            field = next((f for f in fields if f.input is focused), None)
            if field is not None and field is not fields[-1]:
                if field.show(force=True).ok:
                    self.set_focus(fields[fields.index(field) + 1].input)
                return
        if not self._save_page(show_next=min(self.page + 1, STEP_COUNT)):
            return
        if self.page >= STEP_COUNT:
            if not self.visitor:  # the kiosk's closing screen says it to the visitor
                self._say_how_it_stands()
            self.dismiss(True)
            return
        await self._go(self.page + 1)

    def _say_how_it_stands(self) -> None:
        """At the end: "actief" only when it is; otherwise what is still awaited."""
        assert self.application is not None
        status = status_of(self.application, dt.date.today())
        if status == "active":
            self.notify(self._t("finished", naam=self.application.naam), timeout=5)
        else:
            self.notify(self._t("saved_not_active", naam=self.application.naam, status=self._t(f"status_{status}")), timeout=8)

    async def action_previous(self) -> None:
        await settle(self.focused)
        if self.page == 0 or not self._save_page(show_next=self.page - 1):
            return
        await self._go(self.page - 1)

    async def action_leave(self) -> None:
        """Esc: save this page and go back. A new application nobody typed in just closes;
        a page that cannot be saved asks once, in a dialog that cannot be missed."""
        await settle(self.focused)
        if (self.application is None and not self._touched) or self._save_page(show_next=self.page):
            self.dismiss(False)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(False)

        from hr_wizard.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(self._t("leave_unsaved")), answered)

    def save_as_it_stands(self) -> None:
        """Keep what is valid on this page (the kiosk's idle timeout)."""
        self._save_page(show_next=self.page)

    async def _go(self, page: int) -> None:
        self.page = page
        self._touched = False
        self._set_sub_title()
        await self.recompose()
        self.page_widget.refresh_live()
        self._focus_first()

    def action_copy(self) -> None:
        text = self.page_widget.copy_text()
        if text is None:
            return
        self.app.copy_to_clipboard(text)  # OSC 52: works where the terminal allows it
        self.notify(self._t("copy_done"), timeout=6)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy":
            return self.page in (1, 2)
        if action == "previous":
            return self.page > 0
        return True

    # --- saving -------------------------------------------------------------

    def _message(self, text: str, into_view: bool = True) -> None:
        """The page's own message; `into_view` scrolls to it (not when a field shows the detail)."""
        message = self.query_one("#page-message", Static)
        message.update(f"! {text}" if text else "")
        message.display = bool(text)  # an empty line would take room from the page
        if text and into_view:  # a message below the fold would go unseen
            self.call_after_refresh(message.scroll_visible, animate=False)

    def _save_page(self, show_next: int) -> bool:
        """Save this page; `show_next` is the page a later visit opens at."""
        page = self.page_widget
        values = page.values()
        outcome = None if values is None else page_changes(
            self.page, values, self.application, dt.date.today(), wizard(self).content.facts["letter_working_days"],
            self.project.debiteurnummer)
        if isinstance(outcome, PageProblem):
            page.show_problem(outcome.field, outcome.message)
        if outcome is None or isinstance(outcome, PageProblem):
            self._message(self._t("fix_first"), into_view=False)
            return False
        try:
            if self.application is None:
                fields = outcome.application
                self.application = self.store.create_application(row_id(self.project), fields["naam"], fields["team"],
                                                                 fields["email"], fields["telefoon"])
                outcome = type(outcome)()
            self.application, project = self.store.save_page(row_id(self.application), self.application.version, outcome,
                                                             show_next, getattr(self.project, "version", None))
        except DuplicateEmailError as duplicate:
            # A visitor is not told whose application it is.
            page.show_problem("email", self._t("kiosk_duplicate_email") if self.visitor else str(duplicate))
            self._message(self._t("fix_first"), into_view=False)
            return False
        except ConflictError as conflict:
            return self._conflict(conflict)
        except StoreError as error:
            if self.visitor:
                raise  # the kiosk shows its out-of-order screen; the operator reads the message
            self._message(str(error))
            return False
        if project is not None:
            self.project = project
            wizard(self).project_saved(project)
        self._message("")
        return True

    def _conflict(self, conflict: ConflictError) -> bool:
        """Another desk saved first: say so and show their version; nothing is overwritten."""
        current = conflict.current
        if isinstance(current, type(self.application)) and current is not None:
            self.application = current
            self._message(self._t("conflict_other", error=conflict, step=current.current_step,
                                  kenmerk=current.kenmerk or self._t("note_other_empty")))
        else:  # the project's debiteurnummer changed meanwhile: read it again, the next save uses it
            self.project = current
            wizard(self).project_saved(current)
            self._message(str(conflict))
        return False
