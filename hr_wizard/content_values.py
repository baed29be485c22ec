"""The facts and settings a content file may hold, with the type and range each must have,
and the Dutch message when one is wrong (content_file reads the file, this checks a value).
Never imports Textual or the database layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hr_wizard.safe_text import has_control

# Facts with their required type and a check; anything not listed must be a non-empty string.
_INT_FACTS = {"letter_working_days": (0, 30)}
URL_PREFIX = "https://"
# Settings a gemeente may change in its override file, with the allowed range.
_INT_SETTINGS = {"bewaartermijn_maanden": (1, 240), "kiosk_idle_seconds": (10, 3600), "kiosk_closing_seconds": (3, 600),
                 "toegang_controle_maanden": (1, 60), "kiosk_resume_days": (1, 90)}
# Text settings with the form they must have ("" = not set).
_STR_SETTINGS = {"kiosk_code_hash": "scrypt$"}
# Settings that are true or false.
_BOOL_SETTINGS = frozenset({"herinneringen_namen"})
# Every setting the packaged file must give a value.
SETTING_NAMES = frozenset({*_INT_SETTINGS, *_STR_SETTINGS, *_BOOL_SETTINGS})


class ContentError(Exception):
    """The content or override file cannot be used. `str()` is a Dutch message for the user."""

    def __init__(self, path: Path | str, fault: str) -> None:
        self.path = Path(path)
        self.fault = fault
        super().__init__(f"Het bestand {self.path} kan niet worden gebruikt: {fault}")


def check_no_control(path: Path, where: str, value: str) -> None:
    """Texts go to the terminal as they are: an escape in one could retitle the window or
    hide what follows. A new line or a tab is fine."""
    if has_control(value):
        raise ContentError(path, f"in {where} staat een stuurteken (zoals \\u001b). Haal het weg; "
                                 "een nieuwe regel schrijft u als \\n, bijvoorbeeld: \"Eerste regel.\\nTweede regel.\"")


def check_fact(path: Path, name: str, value: Any) -> Any:
    if name in _INT_FACTS:
        low, high = _INT_FACTS[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ContentError(path, f"feit '{name}' moet een geheel getal van {low} tot en met {high} zijn, bijvoorbeeld 2.")
        return value
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, f"feit '{name}' moet een tekst zijn die niet leeg is.")
    check_no_control(path, f"feit '{name}'", value)
    if name.startswith("url_") and not value.startswith(URL_PREFIX):
        raise ContentError(path, f"feit '{name}' moet een webadres zijn dat begint met https://, bijvoorbeeld https://www.kvk.nl.")
    return value


def check_setting(path: Path, name: str, value: Any) -> Any:
    if name in _STR_SETTINGS:
        if not isinstance(value, str) or (value and not value.startswith(_STR_SETTINGS[name])):
            raise ContentError(path, f"instelling '{name}' moet een tekst zijn die begint met {_STR_SETTINGS[name]}; "
                                     "maak hem met: hr-wizard kiosk-code")
        if name == "kiosk_code_hash" and value:
            from hr_wizard.kiosk import code_hash_fault

            fault = code_hash_fault(value)
            if fault is not None:
                raise ContentError(path, fault)
        return value
    if name in _BOOL_SETTINGS:
        if not isinstance(value, bool):
            raise ContentError(path, f"instelling '{name}' moet true of false zijn (zonder aanhalingstekens), bijvoorbeeld: {name} = false")
        return value
    if name not in _INT_SETTINGS:
        known = ", ".join(sorted({*_INT_SETTINGS, *_STR_SETTINGS, *_BOOL_SETTINGS}))
        raise ContentError(path, f"onbekende instelling 'settings.{name}'; kies uit {known}.")
    low, high = _INT_SETTINGS[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ContentError(path, f"instelling '{name}' moet een geheel getal van {low} tot en met {high} zijn, bijvoorbeeld 24.")
    return value
