"""The Textual App: opens the database in the background and wires the screens together.

Importing this module must stay cheap: no SQLModel or SQLAlchemy here (see
tests/test_import_hygiene.py). The store is imported inside the worker thread.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import gc
import sys
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from hr_wizard import texts
from hr_wizard.app_keys import KeyTexts
from hr_wizard.app_projects import ProjectChoice
from hr_wizard.content import Content
from hr_wizard.errors import NotADatabaseError, StoreError
from hr_wizard.paths import is_url
from hr_wizard.remembered import current_user, last_step_setting
from hr_wizard.rows import row_id
from hr_wizard.screens.loading import LoadingScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.theme import HIGH_CONTRAST, ThemeChoice

if TYPE_CHECKING:
    from hr_wizard.models import Project
    from hr_wizard.quickread import QuickState
    from hr_wizard.store import Store


class HrWizardApp(KeyTexts, ThemeChoice, ProjectChoice):
    CSS_PATH = "styles/app.tcss"  # what the first frame shows
    SCREENS_CSS = Path(__file__).parent / "styles" / "screens.tcss"  # every other screen (load_screen_styles)
    # Below 76 columns (a jump host's 60x20 window) the screens get the class "-narrow".
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-normal")]
    BINDINGS = [
        Binding("ctrl+q", "quit", id="app.quit", priority=True),
        Binding("f1", "help", id="app.help"),
        # Tab moves on at once, before the keys typed after it: without priority it reaches the
        # app only after bubbling up from the field, and fast typing (over SSH, a paste typed
        # as keys in the kiosk) put the next letters in the field that was being left.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(self, location: str, content: Content, gemeente: str = "") -> None:
        super().__init__()
        self.location = location
        self.gemeente = gemeente  # --gemeente: open this one when the database holds several
        self.content = content
        self.store: Store | None = None
        self._waiting_for_store: list[Callable[[], object]] = []  # keys pressed before the store was open
        self._quick_screen: RoadmapScreen | None = None
        self._frozen = False  # gc.freeze(): see _freeze_lasting_objects
        self._store_opened_before = False
        self.project: Project | None = None
        self.title = content.text("app_title")
        texts.use(content)  # the input rules and errors speak the gemeente's texts too
        self._localise_bindings(self)

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.animation_level = "none"  # animations cost bandwidth and lag over SSH
        # Textual's loop, its writer thread and our workers (SQLModel's import at start, roster
        # queries) share the GIL. At Python's default 5 ms switch interval a finished frame
        # waited 15-25 ms for the writer while the loop went on working; at 1 ms it goes out
        # at once (bench: state shown). It is the process's setting; the app is all this process
        # runs (in tests it stays for the next app too, which is harmless).
        sys.setswitchinterval(0.001)

    def on_unmount(self) -> None:
        # What the app held can be collected again once it has ended: a test run and the
        # kiosk's restart run several apps in one process.
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def get_default_screen(self) -> Screen:
        # The first screen is the app's default screen, the bottom of its stack. Textual's own
        # default is a blank screen that it lays out and paints before ours (about 8 ms at every
        # start; bench: state shown). The first frame already shows the state: a plain sqlite3
        # read takes a few milliseconds (quickread), where opening the store imports SQLModel
        # for a few hundred. A server's quick read waits for psycopg's import and the network:
        # it runs in the worker, first.
        quick = self._quick_read() if self.QUICK_START and not self._quick_in_worker else None
        if quick is None:
            screen: Screen = LoadingScreen()
        else:
            screen = self._quick_main_screen(quick)
        # switch_screen takes a result callback from the screen it replaces; Textual gives a
        # pushed screen one, and the default screen none (pinned Textual; the flows test it).
        screen._push_result_callback(self, None)
        return screen

    def on_ready(self) -> None:
        # Open the database once the first frame is on screen: the worker imports SQLModel,
        # which holds the GIL for a few hundred milliseconds and would delay that frame. On a
        # server the worker reads the quick state first (psycopg's import and the network): at
        # once, beside the loading screen's paint (state shown ~20 ms sooner, that paint ~2 ms).
        if self._quick_in_worker:
            self.open_database()
            self.call_after_refresh(self.load_screen_styles)
        else:
            self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self.open_database()
        self.load_screen_styles()

    # --- the stylesheet: the first frame's part first -----------------------

    def load_screen_styles(self) -> None:
        """The rules of every screen but the first frame's (styles/screens.tcss): read once,
        right after the first frame, or when another screen comes first (a key pressed at
        once). Parsing them before the first frame cost about 5 ms at every start."""
        path = str(self.SCREENS_CSS)
        if self.stylesheet.has_source(path, ""):
            return
        self.stylesheet.read(path)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def _load_screen_css(self, screen: Screen) -> None:
        # Where Textual loads a screen's own CSS as it pushes or switches to it (pinned Textual).
        self.load_screen_styles()
        super()._load_screen_css(screen)

    QUICK_START = True  # show the main screen from quickread while the store loads

    @property
    def _quick_in_worker(self) -> bool:
        """A server's quick read runs in the worker (psycopg's import, the network), a file's
        before the first paint."""
        return self.QUICK_START and is_url(self.location)

    def _register(self, parent, *widgets, **kwargs):
        # A screen gets its breakpoint class ("-narrow" below 76 columns) before it is styled
        # and laid out. Textual sets it at the screen's first resize, after its first frame:
        # a 60-column terminal saw the wide layout first (pinned Textual; tested).
        for widget in widgets:
            if isinstance(widget, Screen) and self.size.width:
                own = widget.HORIZONTAL_BREAKPOINTS  # as Textual chooses them: the screen's, if it has its own
                breakpoints = (self.HORIZONTAL_BREAKPOINTS if own is None else own) or []
                chosen = widget._get_breakpoint_classes(self.size.width, breakpoints)
                for _, name in breakpoints:
                    widget.set_class(name in chosen, name, update=False)
        return super()._register(parent, *widgets, **kwargs)

    def _quick_read(self) -> QuickState | None:
        from hr_wizard.quickread import quick_state

        try:
            return quick_state(self.location, current_user(), self.gemeente)
        except Exception:  # a shortcut, never in the way: the store opens and says what is wrong
            return None

    # --- opening the database (in a thread, off the first frame) ----------

    def open_database(self) -> None:
        # A thread starts without this context's ContextVars: run it in a copy, so the store's
        # messages speak the gemeente's texts too (texts.use above).
        context = contextvars.copy_context()
        self.run_worker(partial(context.run, self._open_in_thread), thread=True, exclusive=True, group="open",
                        name="open-database")

    def _open_in_thread(self) -> None:
        if self._quick_in_worker:
            quick = self._quick_read()  # psycopg alone, before SQLModel's import takes the GIL
            if not self.is_running:
                return  # the user quit while the server was slow: no store to open (up to 5 s)
            if quick is not None:
                painted = threading.Event()
                self.call_from_thread(self._show_quick, quick, painted)
                painted.wait(0.5)  # SQLModel's import would halve the speed of that first paint
        from hr_wizard.store import (
            Store,  # imports SQLModel: ~0.4 s, kept off the first frame
        )

        try:
            store = Store.open(self.location)
            project, projects = store.choose_project(self.gemeente)
            progress = store.step_progress(row_id(project)) if project else {}
            last_step = store.get_setting(last_step_setting(row_id(project))) if project else ""
        except StoreError as error:
            self.call_from_thread(self._show_problem, error)
            return
        self.call_from_thread(self._store_opened, store, project, progress, last_step, projects)

    def _show_quick(self, quick: QuickState, painted: threading.Event) -> None:
        """A server's state, read while the loading screen showed; unless the app moved on."""
        if self.store is not None or not isinstance(self.screen, LoadingScreen):
            painted.set()
            return
        screen = self._quick_main_screen(quick)
        self.switch_screen(screen)
        screen.call_after_refresh(painted.set)

    def _quick_main_screen(self, quick: QuickState) -> RoadmapScreen:
        """The main screen from the quick read; the app's project stays None until the store has it."""
        self._quick_screen = RoadmapScreen(quick.project, quick.progress, quick.last_step, quick.overdue)
        return self._quick_screen

    def _store_opened(self, store: Store, project: Project | None, progress: dict, last_step: str, projects: list[Project]) -> None:
        self._freeze_lasting_objects()
        self._opened(store, project, progress, last_step, projects)

    def _freeze_lasting_objects(self) -> None:
        """With the store open, Textual, SQLModel and SQLAlchemy are some 80,000 objects that
        live as long as the app. Python's full garbage collection walked them all, now and then
        in the middle of a key: 45 ms, and over 100 ms beside a roster of 10,000 (bench: roster
        open). Frozen at the first opening, later collections walk only what came after them;
        on_unmount unfreezes.

        On the app's own thread, so that it cannot come after on_unmount. When the store opens
        again (a restore, the kiosk's retry, a file moved aside), the closed store and the
        screens that held it are still on their way out: everything is unfrozen for good, so
        that they are collected (a kiosk visitor's typed values among them)."""
        if not self.is_running:
            return
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        elif not self._store_opened_before:
            gc.freeze()
            self._frozen = True
        self._store_opened_before = True

    def _opened(self, store: Store, project: Project | None, progress: dict, last_step: str, projects: list[Project]) -> None:
        self.store = store
        # The quick main screen, if it is still waiting (it may not even be mounted yet, when
        # the store opens fast, as in a process that imported SQLModel before).
        waiting, self._quick_screen = self._quick_screen, None
        saved_theme = store.get_setting(self._theme_setting())
        if saved_theme in self.available_themes:
            self.theme = saved_theme
        self.project = project
        if store.readonly:
            self.notify(self.content.text("readonly_notice"), severity="warning", timeout=10)
        # Screens that are not on the first frame are imported when needed.
        from hr_wizard.screens.intake import IntakeScreen
        from hr_wizard.screens.projects import ProjectPickerScreen

        if waiting is not None and project is not None and project.id == waiting.project.id:
            self.project = project
            store.remember_project(row_id(project))
            waiting.attach_store(project, progress)
            self._store_ready()
            return
        self._waiting_for_store.clear()  # keys pressed on a quick screen that is now replaced
        if project is None and projects:
            self._show_only(ProjectPickerScreen(projects))
            return
        if project is None:
            self._show_only(IntakeScreen())
            return
        store.remember_project(row_id(project))
        self._show_only(RoadmapScreen(project, progress, last_step))

    def when_store_ready(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the database is open: now, or as soon as it is, in the order
        the user asked (a key pressed on the quick main screen waits, it is not lost)."""
        if self.store is not None and not self._waiting_for_store:
            callback()
        else:
            self._waiting_for_store.append(callback)

    def _store_ready(self) -> None:
        waiting, self._waiting_for_store = self._waiting_for_store, []
        for callback in waiting:
            callback()

    def _show_problem(self, error: StoreError) -> None:
        waiting = self._quick_screen
        if waiting is not None and not (waiting.is_mounted and waiting.query("Header *")):
            # The quick main screen is still being built: replacing it now would crash its header.
            self.set_timer(0.05, partial(self._show_problem, error))
            return
        self._quick_screen = None
        can_move = isinstance(error, NotADatabaseError) and Path(self.location).is_file()
        from hr_wizard.screens.problem import ProblemScreen

        self._show_only(ProblemScreen(str(error), can_move_aside=can_move))

    # --- another program restored the database under this desk ----------------

    async def on_event(self, event: events.Event) -> None:
        # The first key or click after a restore reopens the database before any screen acts on
        # what it showed from the file before (ctrl+q still quits).
        if (isinstance(event, events.Key | events.MouseDown) and not event.is_forwarded
                and getattr(event, "key", "") != "ctrl+q" and self._reopen_if_restored()):
            return
        await super().on_event(event)

    def _reopen_if_restored(self) -> bool:
        """If another program restored the database (`hr-wizard restore`) since it was opened:
        open it again, from the main screen, and say so. One cheap read per key."""
        store = self.store
        if store is None or not store.restored():
            return False
        self.store = None  # the screens that close now write nothing
        store.accept_restore()  # and those that hold the old store read the restored file without an error
        self._quick_screen = None
        self._show_only(LoadingScreen())
        self.notify(self.content.text("restored_reopened"), severity="warning", timeout=15)
        self.open_database()
        store.close()
        return True

    def move_aside_and_restart(self) -> None:
        from hr_wizard.store.files import move_aside  # the store is loaded: opening it failed

        path = Path(self.location)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            target = move_aside(path, path.with_name(f"{path.name}.beschadigd-{stamp}"))
        except OSError as error:
            self.notify(self.content.text("move_aside_failed", reason=error.strerror or error), severity="error", timeout=10)
            return
        self.notify(self.content.text("moved_aside", path=str(target)), timeout=10)
        self.switch_screen(LoadingScreen())
        self.open_database()

    # --- intake -----------------------------------------------------------

    def finish_intake(self, values: tuple[str, str, str]) -> None:
        assert self.store is not None
        try:
            project = self.store.create_project(*values)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self.project = project
        self.store.remember_project(row_id(project))
        self.switch_screen(RoadmapScreen(project, {}, ""))

    def exit(self, result: None = None, return_code: int = 0, message: Any = None) -> None:
        """Remember where the user was (the selected step), then stop."""
        for screen in self.screen_stack:
            remember = getattr(screen, "remember", None)
            if remember is not None:
                with contextlib.suppress(StoreError):  # a convenience: it never keeps the user from stopping
                    remember()
        super().exit(result, return_code, message)

    # --- theme ------------------------------------------------------------

    # --- the command palette (ctrl+p): the wizard's own commands, in Dutch -----------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        t = self.content.text
        yield SystemCommand(t("command_help"), t("command_help_help"), self.action_help)
        yield SystemCommand(t("command_contrast"), t("command_contrast_help"), self.action_toggle_contrast)
        yield SystemCommand(t("command_theme"), t("command_theme_help"), self.action_change_theme)
        if self.store is not None and self.project is not None:
            yield SystemCommand(t("command_project"), t("command_project_help"), self.action_edit_project)
            yield SystemCommand(t("command_gemeente"), t("command_gemeente_help"), self.action_choose_project)
        yield SystemCommand(t("command_quit"), t("command_quit_help"), self.action_quit)

    # --- help -------------------------------------------------------------

    def action_help(self) -> None:
        from hr_wizard.screens.help import HelpScreen, keys_of

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(keys_of(self.screen), self.content.text("help_legend")))
