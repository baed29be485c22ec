"""One employee's account application: their details, then the 7 steps of the aanmeldprocedure.

Each page saves when the user goes on (Enter), back (PageUp) or leaves (Esc). The page the
user reached is stored, so leaving half-way and coming back resumes at the same step.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Header, Input, RadioSet, Static

from hr_wizard import validation
from hr_wizard.applications import DEBITEUR_CHOICES, DEBITEUR_ORGANISATION, STEP_COUNT, letter_due
from hr_wizard.errors import ConflictError, StoreError
from hr_wizard.widgets.explanation import ExplanationPanel, explanation_labels
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter
from hr_wizard.widgets.keys import settle
from hr_wizard.widgets.live import set_live_text
from hr_wizard.widgets.toggles import TextCheckbox, TextRadioButton

if TYPE_CHECKING:
    from hr_wizard.models import Application, Project
    from hr_wizard.store import Store

# Which explanation panels each step shows (keys of [explain] in the content file).
STEP_EXPLANATIONS = {3: ("bevestiging",), 4: ("incasso",), 5: ("brief",), 6: ("debiteur",), 7: ("bedragen", "kosten")}
SECRET_STEPS = (3, 5)  # where a password or toegangscode arrives


class ApplicationScreen(Screen[bool]):
    """Dismissed with True when the application is finished, False when the user leaves."""

    BINDINGS = [
        Binding("enter", "next", id="application.next", priority=True),
        Binding("pageup", "previous", id="application.previous", priority=True),
        Binding("f5", "copy", id="application.copy"),
        Binding("escape", "leave", id="application.leave"),
    ]

    def __init__(self, store: Store, project: Project, application: Application | None = None) -> None:
        super().__init__()
        self.store = store
        self.project = project
        self.application = application
        self.page = application.current_step if application else 0
        self._leave_armed = False

    # --- layout -----------------------------------------------------------

    def _t(self, key: str, **values: object) -> str:
        return self.app.content.text(key, **values)

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with VerticalScroll(id="application"):
            yield from self._page_widgets()
            yield Static("", id="page-message", markup=False)
        yield AppFooter()

    def _page_widgets(self) -> ComposeResult:
        content = self.app.content
        application = self.application
        if self.page == 0:
            yield Static(self._t("new_title") if application is None else self._t("title", naam=application.naam), classes="title", markup=False)
            yield Static(self._t("intro"), markup=False)
            yield Field(self._t("naam"), validation.person_name, value=application.naam if application else "", placeholder=self._t("naam_placeholder"), id="naam")
            yield Field(self._t("team"), validation.team_name, value=application.team if application else "", placeholder=self._t("team_placeholder"), id="team")
            yield Field(self._t("email"), validation.work_email, value=application.email if application else "", placeholder=self._t("email_placeholder"), id="email")
            yield Field(self._t("telefoon"), validation.phone, value=application.telefoon if application else "", placeholder=self._t("telefoon_placeholder"), id="telefoon")
            return
        assert application is not None
        step = content.step(f"aanmelden.{self.page}")
        yield Static(f"{self._t('step_of', step=self.page)} · {application.naam}", classes="muted", markup=False)
        yield Static(step.title, classes="title", markup=False)
        yield Static(step.body, markup=False, classes="instruction")
        if self.page == 1:
            yield Static(f"{self._t('url_label')}: {content.facts['url_toegangscode']}", id="copy-text", markup=False)
        elif self.page == 2:
            team, person = (application.kenmerk.split(" / ") + [""])[:2] if application.kenmerk else (application.team, application.naam)
            yield Field(self._t("kenmerk_team"), validation.team_name, value=team, id="kenmerk-team")
            yield Field(self._t("kenmerk_person"), validation.person_name, value=person, id="kenmerk-person")
            yield Field(self._t("kenmerk_whole"), lambda value: validation.kenmerk(value) if value.strip() else validation.Check(True, ""), id="kenmerk-whole")
            yield Static("", id="copy-text", markup=False)
            yield Static("", id="kenmerk-message", markup=False)
        elif self.page == 3:
            applied = application.applied_on or dt.date.today()
            yield Field(self._t("applied_on"), validation.parse_date, value=validation.format_date(applied), id="applied-on")
            yield Static("", id="expectations", markup=False)
        elif self.page == 5:
            received = validation.format_date(application.letter_received) if application.letter_received else ""
            yield Field(self._t("letter_received"), validation.optional_date, value=received, id="letter-received")
        elif self.page == 6:
            yield Static(self._t("debiteur_question"), markup=False)
            with RadioSet(id="debiteur-choice"):
                for choice in DEBITEUR_CHOICES:
                    yield TextRadioButton(self._t(f"debiteur_{choice}"), value=application.debiteur_choice == choice, name=choice)
            nummer = application.debiteurnummer or self.project.debiteurnummer
            yield Field(self._t("debiteur_number"), validation.debiteurnummer, value=nummer, id="debiteurnummer")
        elif self.page == 7:
            yield TextCheckbox(self._t("first_search"), value=application.first_search_done, id="first-search")
        for key in STEP_EXPLANATIONS.get(self.page, ()):
            yield ExplanationPanel(content.explain[key], explanation_labels(content))
        if self.page in SECRET_STEPS:
            yield Static(self._t("no_secrets"), classes="warning", markup=False)

    def on_mount(self) -> None:
        self._refresh_title()
        self._update_live()
        self._focus_first()

    def _focus_first(self) -> None:
        widgets = list(self.query("Input, RadioSet, Checkbox"))
        if widgets:
            self.set_focus(widgets[0])
        else:
            self.set_focus(self.query_one("#application"))

    def _refresh_title(self) -> None:
        self.title = self.project.gemeente
        self.sub_title = self._t("roster_title")

    # --- live parts: Kenmerk preview, letter due date ---------------------

    def _kenmerk_check(self) -> validation.Check:
        whole = self.query_one("#kenmerk-whole", Field).value
        if whole.strip():
            return validation.kenmerk(whole)
        team = self.query_one("#kenmerk-team", Field).value
        person = self.query_one("#kenmerk-person", Field).value
        return validation.kenmerk(validation.compose_kenmerk(team, person))

    def _update_live(self, show_errors: bool = False) -> None:
        if self.page == 2:
            check = self._kenmerk_check()
            preview = check.value if check.ok else validation.normalise_kenmerk(check.value)
            set_live_text(self.query_one("#copy-text", Static), f"{self._t('kenmerk_preview')}: {preview}")
            set_live_text(self.query_one("#kenmerk-message", Static), "" if check.ok or not show_errors else f"! {check.message}")
        elif self.page == 3:
            check = self.query_one("#applied-on", Field).result()
            lines = [self._t("expect_password")]
            if check.ok:
                due = letter_due(dt.date.fromisoformat(check.value), self.app.content.facts["letter_working_days"])
                lines.append(self._t("expect_letter", due=f"{validation.format_date(due)}"))
            set_live_text(self.query_one("#expectations", Static), "\n".join(lines))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._leave_armed = False
        self._update_live(show_errors=bool(self.query("#kenmerk-message")) and bool(str(self.query_one("#kenmerk-message", Static).render())))

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
        if not self._save_page(resume_at=min(self.page + 1, STEP_COUNT)):
            return
        if self.page >= STEP_COUNT:
            self.notify(self._t("finished", naam=self.application.naam), timeout=5)
            self.dismiss(True)
            return
        await self._go(self.page + 1)

    async def action_previous(self) -> None:
        await settle(self.focused)
        if self.page == 0 or not self._save_page(resume_at=self.page - 1):
            return
        await self._go(self.page - 1)

    async def action_leave(self) -> None:
        await settle(self.focused)
        if self._leave_armed or self._save_page(resume_at=self.page):
            self.dismiss(False)
            return
        self._leave_armed = True
        self._message(self._t("leave_again"))

    def save_as_it_stands(self) -> None:
        """Keep what is valid on this page (the kiosk's idle timeout)."""
        self._save_page(resume_at=self.page)

    async def _go(self, page: int) -> None:
        self.page = page
        self._leave_armed = False
        await self.recompose()
        self._update_live()
        self._focus_first()

    def action_copy(self) -> None:
        if self.page == 1:
            text = self.app.content.facts["url_toegangscode"]
        elif self.page == 2 and (check := self._kenmerk_check()).ok:
            text = check.value
        else:
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

    def _message(self, text: str) -> None:
        self.query_one("#page-message", Static).update(f"! {text}" if text else "")

    def _page_changes(self) -> dict | None:
        """The values of this page, checked; None (with messages shown) if one is wrong."""
        fields = list(self.query(Field))
        results = {field.id: field.show(force=True) for field in fields}
        if self.page == 2:
            check = self._kenmerk_check()
            self._update_live(show_errors=True)
            return {"kenmerk": check.value} if check.ok else None
        if not all(result.ok for result in results.values()):
            return None
        values = {key: result.value for key, result in results.items()}
        if self.page == 0:
            return {"naam": values["naam"], "team": values["team"], "email": values["email"], "telefoon": values["telefoon"]}
        if self.page == 3:
            applied = dt.date.fromisoformat(values["applied-on"])
            return {"applied_on": applied, "letter_due": letter_due(applied, self.app.content.facts["letter_working_days"])}
        if self.page == 5:
            received = values["letter-received"]
            return {"letter_received": dt.date.fromisoformat(received) if received else None}
        if self.page == 6:
            pressed = self.query_one(RadioSet).pressed_button
            choice = pressed.name if pressed else ""
            nummer = values["debiteurnummer"]
            if choice == DEBITEUR_ORGANISATION and not nummer:
                self.query_one("#debiteurnummer", Field).query_one(".field--message", Static).update(
                    "! " + self._t("debiteur_needed")
                )
                self.query_one("#debiteurnummer .field--message").remove_class("-empty")
                return None
            return {"debiteur_choice": choice, "debiteurnummer": nummer if choice == DEBITEUR_ORGANISATION else ""}
        if self.page == 7:
            done = self.query_one("#first-search", Checkbox).value
            return {"first_search_done": done, "finished_on": dt.date.today() if done else None}
        return {}

    def _save_page(self, resume_at: int) -> bool:
        """Save this page; `resume_at` is the page a later visit opens at."""
        changes = self._page_changes()
        if changes is None:
            self._message(self._t("fix_first"))
            return False
        try:
            if self.application is None:
                self.application = self.store.create_application(self.project.id, changes["naam"], changes["team"], changes["email"], changes["telefoon"])
                changes = {}
            changes["current_step"] = resume_at
            self.application = self.store.save_application(self.application.id, self.application.version, **changes)
            if changes.get("debiteur_choice") == DEBITEUR_ORGANISATION and changes["debiteurnummer"] != self.project.debiteurnummer:
                self.store.set_project_debiteurnummer(self.project.id, changes["debiteurnummer"])
                self.project.debiteurnummer = changes["debiteurnummer"]
        except ConflictError as conflict:
            self.application = conflict.current
            self._message(self._t("conflict_other", error=conflict, step=conflict.current.current_step,
                                  kenmerk=conflict.current.kenmerk or self.app.content.text("note_other_empty")))
            return False
        except StoreError as error:
            self._message(str(error))
            return False
        self._message("")
        return True
