"""Save the status report to a file the user names (Markdown or HTML)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from hr_wizard import validation
from hr_wizard.errors import StoreError
from hr_wizard.texts import text
from hr_wizard.ui import wizard
from hr_wizard.widgets.choice import ChoiceField
from hr_wizard.widgets.field import Field
from hr_wizard.widgets.footer import AppFooter

if TYPE_CHECKING:
    from hr_wizard.models import Project
    from hr_wizard.store import Store


def default_report_path(fmt: str = "md") -> str:
    """In the user's documents folder (where people look for a report), else the home folder."""
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    folder = documents if documents.is_dir() else Path.home()
    return str(folder / f"hr-wizard-rapport-{dt.date.today():%Y-%m-%d}.{fmt}")


def report_path_check(value: str) -> validation.Check:
    typed = value.strip()
    if not typed:
        return validation.Check(False, value, text("report_path_empty", example=default_report_path()))
    path = Path(typed).expanduser()
    if path.is_dir():
        return validation.Check(False, value, text("report_path_folder", example=path / "rapport.md"))
    if not path.parent.is_dir():
        return validation.Check(False, value, text("report_path_no_folder", folder=path.parent))
    return validation.Check(True, str(path))


class ReportDialog(ModalScreen["tuple[Path, str] | None"]):
    AUTO_FOCUS = "#report-path Input"
    BINDINGS = [
        Binding("enter", "save", id="report.save", priority=True),
        Binding("escape", "dismiss(None)", id="report.cancel"),
    ]

    def compose(self) -> ComposeResult:
        t = wizard(self).content.text
        with Vertical(id="report-dialog"):
            yield Static(t("report_dialog_title"), classes="title", markup=False)
            yield ChoiceField(t("report_format"), [("md", t("report_format_md")), ("html", t("report_format_html"))], "md", id="report-format")
            yield Field(t("report_path"), report_path_check, value=default_report_path(), id="report-path")
        yield AppFooter()

    def on_radio_set_changed(self, event) -> None:
        """Choosing the format changes the file's extension, if the user kept the usual name."""
        fmt = self.query_one(ChoiceField).value
        field = self.query_one(Field)
        path = Path(field.value)
        if path.suffix in (".md", ".html"):
            field.input.value = str(path.with_suffix(f".{fmt}"))

    def action_save(self) -> None:
        check = self.query_one(Field).show(force=True)
        if check.ok:
            self.dismiss((Path(check.value), self.query_one(ChoiceField).value or "md"))
        else:
            self.query_one(Field).input.focus()


def ask_and_write_report(screen: Screen, store: Store, project: Project) -> None:
    """"r" on the main screen: ask where and in which format, ask before overwriting a file,
    write the report (0600 from its first byte) and say where it went, or what went wrong."""

    def chosen(choice: Any) -> None:
        if choice is None:
            return
        from hr_wizard import report

        path, fmt = choice
        content = wizard(screen).content

        def write(overwrite: bool | None = False) -> None:
            if overwrite is None or (path.exists() and not overwrite):
                return
            from hr_wizard.private_file import private_output

            try:
                with private_output(path, bool(overwrite), store.location) as handle:  # 0600
                    handle.write(report.render(store, project, content, fmt))
            except StoreError as error:  # the database itself, a folder: said in Dutch
                screen.notify(str(error), severity="error")
                return
            except OSError as error:
                screen.notify(content.text("report_failed", path=path, reason=error.strerror or error), severity="error")
                return
            screen.notify(content.text("report_saved", path=path), timeout=8)

        if path.exists() and not path.is_dir():
            from hr_wizard.screens.confirm import ConfirmScreen

            screen.app.push_screen(ConfirmScreen(content.text("report_overwrite", path=path)), write)
        else:
            write()

    screen.app.push_screen(ReportDialog(), chosen)
