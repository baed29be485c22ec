"""What keeps a kiosk visitor inside their own application, as one base of the kiosk app:
the allow-list (only listed actions, however they are asked for), a field at its cap that
refuses keys cheaply, and the countdown before the idle reset."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import events
from textual.widgets import Input

from hr_wizard.app import HrWizardApp
from hr_wizard.kiosk import allowed_for, allowed_name
from hr_wizard.screens.kiosk import Countdown, OutOfOrderScreen


class VisitorGuards(HrWizardApp):
    _countdown: Countdown | None = None

    # --- the allow-list ---------------------------------------------------------------

    def _localise_bindings(self, node) -> None:
        """Descriptions from [keys] (a visitor's own where there is one: "visitor.<id>"), and
        only the bindings the allow-list names for this kind of widget."""
        super()._localise_bindings(node)
        keys = self.content.keys
        names = [cls.__name__ for cls in type(node).__mro__]
        for key, bindings in list(node._bindings.key_to_bindings.items()):
            kept = [replace(binding, description=keys[f"visitor.{binding.id}"]) if f"visitor.{binding.id}" in keys else binding
                    for binding in bindings if allowed_for(names, binding.action)]
            if kept:
                node._bindings.key_to_bindings[key] = kept
            else:
                del node._bindings.key_to_bindings[key]

    async def run_action(self, action: Any, default_namespace: Any = None, namespaces: Any = None) -> bool:
        """Whatever asks (a binding, a click, the footer): only actions on the allow-list run."""
        _target, name, _params = self._parse_action(action, self if default_namespace is None else default_namespace,
                                                     namespaces)
        if not allowed_name(name):
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def get_system_commands(self, screen):  # the command palette is off; nothing to offer either
        return iter(())

    # --- typing and idling --------------------------------------------------------------

    def _field_is_full(self, key: events.Key) -> bool:
        """A printable key for a field already at its cap cannot change it; the Input would
        refuse it after Textual's binding checks (~50 us a key, seconds for a 100 KB paste).
        No printable key has a priority binding in the kiosk, so nothing else is skipped."""
        focused = self.focused
        if not key.is_printable or not isinstance(focused, Input) or not focused.max_length:
            return False
        if len(focused.value) < focused.max_length or not focused.selection.is_empty:
            return False
        focused.restricted()
        return True

    def _show_countdown(self, seconds: int) -> None:
        message = self.content.text("kiosk_countdown", seconds=seconds)
        if self._countdown is not None and self._countdown.is_attached and self._countdown.screen is self.screen:
            self._countdown.update(message)
            return
        self._clear_countdown()
        self._countdown = Countdown(message, markup=False)
        self.screen.mount(self._countdown)

    def _clear_countdown(self) -> None:
        countdown, self._countdown = self._countdown, None
        if countdown is not None and countdown.is_attached:
            countdown.remove()

    # --- what a visitor is told -----------------------------------------------------

    def action_blocked(self) -> None:
        self.notify(self.content.text("kiosk_blocked"), timeout=3)

    def action_help(self) -> None:
        from hr_wizard.screens.help import HelpScreen, keys_of

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        # Out of order nothing is being saved: the visitor reads only whom to call.
        legend = "kiosk_out_of_order" if isinstance(self.screen, OutOfOrderScreen) else "kiosk_help_legend"
        self.push_screen(HelpScreen(keys_of(self.screen), self.content.text(legend)))
