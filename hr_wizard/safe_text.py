"""Stored values on their way to a terminal, a report or a spreadsheet: control characters
(ESC, CSI, OSC, BEL, the C1 range) are replaced, so a name can never move the cursor,
clear the screen, set a window title or hide text. Pure; no imports beyond the standard library."""

from __future__ import annotations

import re

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
# C0 except tab and newline, DEL, and C1 (a lone 0x9b is a CSI on some terminals).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def clean(value: object) -> str:
    """The text with every control character except tab and newline replaced."""
    return _CONTROL.sub(REPLACEMENT, str(value))


def clean_line(value: object) -> str:
    """For one line (a name in a list): line breaks and tabs become spaces, other controls are replaced."""
    return _CONTROL_OR_BREAK.sub(lambda m: " " if m.group() in "\t\n\r\u2028\u2029" else REPLACEMENT, str(value))


def has_control(value: str) -> bool:
    return _CONTROL.search(value) is not None
