"""The high-contrast theme: white on black, yellow for focus and warnings, no shades that
vanish on a poor projector or a washed-out terminal.

Every text and line it paints reaches 7:1 (WCAG AAA) against its background, measured on the
real screens by scripts/contrast.py (`make contrast`; tests/test_contrast.py). Theme-specific
rules that variables cannot reach are in styles/app.tcss ("High contrast")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.theme import Theme

if TYPE_CHECKING:
    from hr_wizard.store import Store

DEFAULT_THEME = "textual-dark"

HIGH_CONTRAST = Theme(
    name="hr-hoog-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFFF00",
    # Lighter than a plain red: #FF5555 drew error borders at 6.6:1 on black.
    error="#FF7070",
    dark=True,
    variables={
        "footer-key-foreground": "#FFFF00",
        # Selected text: black on yellow, as the cursor; a 40% yellow under white text gave 4.9:1.
        "input-selection-background": "#FFFF00",
        "input-selection-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        # Placeholders (and disabled options): Textual's 38% grey gave 3.3:1. Still a shade
        # below white, so a placeholder does not read as typed text.
        "text-disabled": "#B4B4B4",
        # Scrollbars: a yellow thumb on a black track instead of 40% yellow (3.5:1).
        "scrollbar": "#FFFF00",
        "scrollbar-hover": "#FFFF00",
        "scrollbar-active": "#FFFFFF",
        "scrollbar-background": "#000000",
        "scrollbar-background-hover": "#000000",
        "scrollbar-background-active": "#000000",
        "scrollbar-corner-color": "#000000",
    },
)


class ThemeChoice(App[None]):
    """The theme of the Textual apps: high contrast on F1 → c (or the command palette),
    remembered per operating-system user in the database."""

    store: Store | None

    def get_theme(self, theme_name: str) -> Theme | None:
        # Textual copies its dict of themes on every lookup, and looks the theme up once per
        # widget while styling (about 30 ms of the first frame here); a plain name needs no copy.
        if "," in theme_name:
            return super().get_theme(theme_name)
        return self._registered_themes.get(theme_name.strip())

    def _theme_setting(self) -> str:
        return f"theme.{self.store.actor}" if self.store else "theme"

    def action_toggle_contrast(self) -> None:
        """Switch the high-contrast theme on or off; remembered per operating-system user."""
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def watch_theme(self, theme: str) -> None:
        """A theme chosen anywhere (F1 → c, or the command palette) is remembered per user."""
        if self.store is not None and self.store.get_setting(self._theme_setting()) != theme:
            self.store.set_setting(self._theme_setting(), theme)
