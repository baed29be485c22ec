"""Pages that only tell: step 1 (the form's address, to copy) and step 4 (the incasso notice)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from hr_wizard.screens.application.page import ApplicationPage


class FormAddressPage(ApplicationPage):
    def compose(self) -> ComposeResult:
        yield Static(f"{self.t('url_label')}: {self.content.facts['url_toegangscode']}", id="copy-text", markup=False)

    def copy_text(self) -> str | None:
        return str(self.content.facts["url_toegangscode"])


class NoticePage(ApplicationPage):
    """The step's instruction and its explanation panel say it all."""
