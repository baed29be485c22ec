"""The footer every screen uses: compact (80 columns hold more keys), without the command
palette key, and with F1 Hulp always in view at the right. On a narrow screen the keys that
do not fit are left out whole, from the right, never cut in the middle of a word and never
the one that lists them all."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

_GAP = 1  # the footer's grid gutter between two keys


def key_width(key: FooterKey) -> int:
    """A compact key's cells: "esc Naar de lijst" (its key, a space, its description)."""
    return cell_len(key.key_display) + 1 + cell_len(key.description)


class AppFooter(Footer):
    DEFAULT_CSS = """
    AppFooter FooterKey.-help {
        dock: right;
        margin-right: 0;
    }
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
        self._width = 0
        self._shown: tuple[object, ...] | None = None

    @staticmethod
    def _keys_of(screen: Screen) -> tuple[object, ...]:
        """What the footer shows of `screen`'s bindings, and the width it has for them."""
        return (screen.app.size.width, *((binding.key, binding.description, binding.action, binding.group, enabled, tooltip)
                                         for _, binding, enabled, tooltip in screen.active_bindings.values()
                                         if binding.show))

    def bindings_changed(self, screen: Screen) -> None:
        # Textual recomposes the footer each time the screen's bindings are updated: at every
        # focus change and every highlighted step, mostly to show the very same keys. Building
        # its keys again cost 5-10 ms of every move (and of opening the roster).
        if self._bindings_ready and screen is self.screen and self._shown == self._keys_of(screen):
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_of(self.screen)
        widgets = list(super().compose())
        keys = [widget for widget in widgets if isinstance(widget, FooterKey)]
        # F1 once, at the right (the kiosk's app and its screens may both bind it).
        helps = [key for key in keys if key.key == "f1"][:1]
        room = self.app.size.width - sum(key_width(key) + _GAP for key in helps)
        shown = 0
        for widget in widgets:
            if isinstance(widget, FooterKey):
                if widget.key == "f1":
                    if widget not in helps:
                        continue
                    widget.add_class("-help")
                else:
                    needed = key_width(widget) + _GAP
                    if needed > room:
                        room = -1  # the keys after a left-out one are left out too, to keep the order
                        continue
                    room -= needed
                    shown += 1
            else:
                shown += 1  # a group of keys, or its label
            yield widget
        self.styles.grid_size_columns = max(1, shown)
        self._width = self.app.size.width
        self.call_after_refresh(self._fit)

    def _fit(self, attempts: int = 5) -> None:
        """What the estimate above cannot know (a group of keys with its label): once laid out,
        whatever reaches under F1 Hulp is left out, with everything after it."""
        helps = [key for key in self.query(FooterKey) if key.has_class("-help")]
        if not helps or not self.is_attached:
            return
        if not helps[0].region:  # the new keys are not laid out yet: after the next refresh
            if attempts:
                self.call_after_refresh(self._fit, attempts - 1)
            return
        limit = helps[0].region.x
        hiding = False
        for child in self.children:
            if child is helps[0]:
                continue
            hiding = hiding or child.region.right > limit
            if hiding:
                child.display = False

    def on_resize(self, event: events.Resize) -> None:
        if self._width != self.app.size.width:
            self.refresh(recompose=True)
