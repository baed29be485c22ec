"""What every page of an account application has: its fields, the values they hold, where a
rule's message goes, and (for some) a live part and a text to copy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.containers import Vertical

from hr_wizard.ui import wizard
from hr_wizard.widgets.field import Field

if TYPE_CHECKING:
    from hr_wizard.content import Content
    from hr_wizard.models import Application, Project


def visitor_key(content: Content, key: str) -> str:
    """The text for a visitor who fills in their own application, where it differs."""
    return f"visitor_{key}" if f"visitor_{key}" in content.texts else key


class ApplicationPage(Vertical):
    """One page's own widgets. The screen around it shows the step's title and instruction,
    the explanation panels and the page message, and does the moving and saving."""

    DEFAULT_CSS = "ApplicationPage { height: auto; }"
    # The page's value names, by the id of the Field that holds them.
    FIELDS: dict[str, str] = {}

    def __init__(self, application: Application | None, project: Project, visitor: bool = False) -> None:
        super().__init__()
        self.application = application
        self.project = project
        self.visitor = visitor  # the employee fills it in themselves (the kiosk): "Uw naam"

    @property
    def content(self) -> Content:
        return wizard(self).content

    def t(self, key: str, **values: object) -> str:
        return self.content.text(visitor_key(self.content, key) if self.visitor else key, **values)

    def on_mount(self) -> None:
        # The live parts follow a field's value in the same frame as the letter typed: a watcher
        # runs when the value is set, where Input.Changed reaches the screen a frame or two later.
        self.call_after_refresh(self._follow_fields)

    def _follow_fields(self) -> None:
        for field in self.query(Field):
            self.watch(field.input, "value", self._field_changed, init=False)

    def _field_changed(self, _value: str) -> None:
        self.refresh_live()

    def values(self) -> dict[str, Any] | None:
        """The page's values, each checked by its field's rule (messages shown); None if one is wrong."""
        results = {field.id: field.show(force=True) for field in self.query(Field)}
        if not all(result.ok for result in results.values()):
            return None
        return {self.FIELDS.get(field_id, field_id): result.value for field_id, result in results.items() if field_id}

    def show_problem(self, name: str, message: str) -> None:
        """Show a page rule's message at the field holding value `name`."""
        field_id = next((fid for fid, value in self.FIELDS.items() if value == name), name)
        self.query_one(f"#{field_id}", Field).set_error(message)

    def refresh_live(self, show_errors: bool = False) -> None:
        """Bring the live parts up to date (a preview, a due date); most pages have none."""

    def copy_text(self) -> str | None:
        """The text F5 copies on this page, if any."""
        return None
