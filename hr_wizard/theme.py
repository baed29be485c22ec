"""The high-contrast theme: white on black, yellow for focus and warnings, no shades that
vanish on a poor projector or a washed-out terminal.

Every text and line it paints reaches 7:1 (WCAG AAA) against its background, measured on the
real screens by scripts/contrast.py (`make contrast`; tests/test_contrast.py). Theme-specific
rules that variables cannot reach are in styles/app.tcss ("High contrast")."""

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
