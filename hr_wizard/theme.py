"""The high-contrast theme: white on black, yellow for focus and warnings, no shades that
vanish on a poor projector or a washed-out terminal."""

from __future__ import annotations

from textual.theme import Theme

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
    error="#FF5555",
    dark=True,
    variables={
        "footer-key-foreground": "#FFFF00",
        "input-selection-background": "#FFFF00 40%",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
    },
)
