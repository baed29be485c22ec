"""The wizard's key descriptions: every binding with an id gets its text from the content
file's [keys] as the screen or widget holding it joins the app (a mixin of the Textual apps)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

if TYPE_CHECKING:
    from hr_wizard.content import Content


class KeyTexts(App[None]):
    content: Content

    def _localise_bindings(self, node) -> None:
        """Give every hr-wizard binding (those with an id) its description from [keys].

        Textual hides a binding that had no description when it was made, so whether it
        shows is taken from the class's own BINDINGS."""
        keys = self.content.keys
        shows = {binding.id: binding.show for cls in reversed(type(node).__mro__)
                 for binding in cls.__dict__.get("BINDINGS", []) if isinstance(binding, Binding) and binding.id}
        for key, bindings in node._bindings.key_to_bindings.items():
            node._bindings.key_to_bindings[key] = [
                replace(binding, description=keys[binding.id], show=shows.get(binding.id, binding.show),
                        group=self._localise_group(binding.group))
                if binding.id in keys else binding
                for binding in bindings
            ]

    def _localise_group(self, group: Binding.Group | None) -> Binding.Group | None:
        if group is None or group.description not in self.content.keys:
            return group
        return Binding.Group(self.content.keys[group.description], compact=group.compact)

    def _register(self, parent, *widgets, **kwargs):
        # Textual has no public hook for "a widget joined the app"; _register is where every
        # screen and widget passes, once, before its bindings are shown (pinned Textual; tested).
        registered = super()._register(parent, *widgets, **kwargs)
        for widget in registered:
            self._localise_bindings(widget)
        return registered
