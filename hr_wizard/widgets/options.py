"""Option list entries as plain text: "[x]" and user data are shown as typed, never read as markup."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option


def plain_option(text: str, id: str, disabled: bool = False) -> Option:
    return Option(Text(text), id=id, disabled=disabled)
