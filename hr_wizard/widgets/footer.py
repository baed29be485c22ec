"""The footer every screen uses: compact (80 columns hold more keys) and without the
command palette key (hr-wizard's keys are all in the footer and in F1)."""

from __future__ import annotations

from textual.widgets import Footer


class AppFooter(Footer):
    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
