"""One employee's account application: the screen and one widget per page."""

from hr_wizard.screens.application.screen import ApplicationScreen

__all__ = ["ApplicationScreen"]
