"""The header every screen uses: the gemeente and where the user is, without an icon."""

from __future__ import annotations

import contextlib

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
