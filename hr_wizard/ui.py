"""What screens and widgets share about the app they run in: one typed way to reach it.

`wizard(self)` instead of `self.app`: the type checker then knows the app's content, store
and project, and a rename is found by mypy, not by a user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from hr_wizard.app import HrWizardApp
    from hr_wizard.kiosk_app import KioskApp


def wizard(node: DOMNode) -> HrWizardApp:
    return cast("HrWizardApp", node.app)


def kiosk_app(node: DOMNode) -> KioskApp:
    """The kiosk's screens reach its own methods (the operator's choices, the welcome)."""
    return cast("KioskApp", node.app)
