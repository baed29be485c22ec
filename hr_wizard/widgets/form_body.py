"""The scrolling body of a form or a page. Its fields take the focus, never the body itself:
Tab must not land on something that shows no cursor (PageUp and PageDown still scroll it,
from a field). A line at its foot says when there is more below ("↓ meer: PageDown")."""

from __future__ import annotations

from textual.containers import VerticalScroll

from hr_wizard.texts import text
from hr_wizard.widgets.more_below import MoreBelow


class FormBody(VerticalScroll, can_focus=False):
    def on_mount(self) -> None:
        self.mount(MoreBelow(text("more_below")))
        self.watch(self, "scroll_y", self._more)
        self.watch(self, "virtual_size", self._more)

    def on_resize(self) -> None:
        self._more()

    def _more(self, *_: object) -> None:
        for more in self.query_children(MoreBelow):
            more.show(self.scroll_y < self.max_scroll_y)
