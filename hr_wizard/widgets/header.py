"""The header every screen uses: the gemeente and where the user is, without an icon."""

from __future__ import annotations

import contextlib
import re

from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Mount
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class AppHeader(Header):
    def __init__(self) -> None:
        super().__init__(icon="")

    def _on_mount(self, _: Mount) -> None:
        # Textual's Header updates its title from a coroutine that can run after the screen
        # replaced or tore down its children (seen when the main screen gets its data while
        # it mounts); a title that has nowhere to go is simply not shown.
        async def set_title() -> None:
            with contextlib.suppress(NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)

    def format_title(self) -> Content:
        """On a narrow screen a sub title drops what is in brackets before anything is cut:
        "Terugmelding (zoals in Digimelding)" becomes "Terugmelding"."""
        title, sub_title = self.screen_title, self.screen_sub_title
        room = self.app.size.width - 16  # between the icon and clock spaces (8 columns each)
        if sub_title and len(f"{title} — {sub_title}") > room:
            sub_title = re.sub(r"\s*\([^)]*\)", "", sub_title)
        return self.app.format_title(title, sub_title)
