"""Read and check the content file (every text the wizard shows) into `content.Content`.

The packaged file is `content/roadmap.nl.toml`. A gemeente can override single
texts and facts in its own TOML file (same keys); see `load_content`.
Never imports Textual or the database layer.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hr_wizard.content import TOOLS, Content, Explanation, Part, Step

PACKAGED_CONTENT = Path(__file__).parent / "content" / "roadmap.nl.toml"

# Facts with their required type and a check; anything not listed must be a non-empty string.
_INT_FACTS = {"letter_working_days": (0, 30)}
_URL_PREFIX = "https://"
# Settings a gemeente may change in its override file, with the allowed range.
_INT_SETTINGS = {"bewaartermijn_maanden": (1, 240), "kiosk_idle_seconds": (10, 3600), "kiosk_closing_seconds": (3, 600),
                 "kiosk_resume_days": (1, 90)}
# Text settings with the form they must have ("" = not set).
_STR_SETTINGS = {"kiosk_code_hash": "scrypt$"}


class ContentError(Exception):
    """The content or override file cannot be used. `str()` is a Dutch message for the user."""

    def __init__(self, path: Path | str, fault: str) -> None:
        self.path = Path(path)
        self.fault = fault
        super().__init__(f"Het bestand {self.path} kan niet worden gebruikt: {fault}")


def _placeholders(template: str) -> set[str]:
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:  # unbalanced braces
        raise ValueError(f"de accolades {{ }} kloppen niet ({exc})") from None
    if "" in fields:
        raise ValueError("er staan lege accolades {} in; zet er een naam tussen, bijvoorbeeld {url_kvk}, of laat ze weg")
    return set(fields)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(path, f"het bestand kan niet worden gelezen ({exc.strerror or exc}).") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError(path, "het bestand is geen UTF-8-tekst.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(path, f"fout in de TOML-opmaak: {exc}.") from None


def _check_fact(path: Path, name: str, value: Any) -> Any:
    if name in _INT_FACTS:
        low, high = _INT_FACTS[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ContentError(path, f"feit '{name}' moet een geheel getal van {low} tot en met {high} zijn, bijvoorbeeld 2.")
        return value
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, f"feit '{name}' moet een tekst zijn die niet leeg is.")
    if name.startswith("url_") and not value.startswith(_URL_PREFIX):
        raise ContentError(path, f"feit '{name}' moet een webadres zijn dat begint met https://, bijvoorbeeld https://www.kvk.nl.")
    return value


def _check_setting(path: Path, name: str, value: Any) -> Any:
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
    if name not in _INT_SETTINGS:
        known = ", ".join(sorted({*_INT_SETTINGS, *_STR_SETTINGS}))
        raise ContentError(path, f"onbekende instelling 'settings.{name}'; kies uit {known}.")
    low, high = _INT_SETTINGS[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ContentError(path, f"instelling '{name}' moet een geheel getal van {low} tot en met {high} zijn, bijvoorbeeld 24.")
    return value


def _text(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, f"'{where}' moet een tekst zijn die niet leeg is.")
    return value.strip()


def _table(path: Path, data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    if not isinstance(value, dict):
        raise ContentError(path, f"de tabel [{name}] ontbreekt.")
    return value


_EXPLAIN_FIELDS = ("title", "see", "means", "todo")
# The file groups its texts in three tables; the wizard looks them up in one (`Content.text`),
# so a key may stand in only one of them. [messages] are the input rules' and the command
# line's texts: they are filled only with the values their rule passes in, never with facts.
TEXT_TABLES = ("ui", "application", "messages")
_OVERRIDE_TABLES = ("facts", *TEXT_TABLES, "keys", "explain", "steps", "settings")
# Texts that were renamed when the stored codes became English: a gemeente's override file
# that still uses the old name keeps working.
RENAMED_TEXTS = {
    "status_bezig": "status_in_progress",
    "status_klaar": "status_done",
    "status_overgeslagen": "status_skipped",
    "tm_status_concept": "tm_status_draft",
    "tm_status_gemeld": "tm_status_reported",
    "tm_status_in_behandeling": "tm_status_in_progress",
    "tm_status_ingepland": "tm_status_scheduled",
    "tm_status_onvoldoende_informatie": "tm_status_insufficient_information",
    "tm_status_verkeerde_bronhouder": "tm_status_wrong_source_holder",
    "tm_status_ingetrokken": "tm_status_withdrawn",
    "tm_status_afgehandeld": "tm_status_resolved",
    "debiteur_org": "debiteur_organisation",
    "audit_entity_stap": "audit_entity_step",
    "audit_entity_aanvraag": "audit_entity_application",
    "audit_entity_voorbereiding": "audit_entity_preparation",
    "audit_entity_proces": "audit_entity_process",
}


@dataclass
class _Raw:
    """The file's values while they are read and overridden, before the checks that need all of them."""

    facts: dict[str, Any]
    texts: dict[str, str]
    table_of: dict[str, str]  # text key -> the table it stands in
    keys: dict[str, str]
    explain: dict[str, dict[str, str]]
    settings: dict[str, Any]
    parts: list[dict[str, Any]]


def _parse_packaged(path: Path, data: dict[str, Any]) -> _Raw:
    if data.get("schema") != 1:
        raise ContentError(path, "'schema = 1' ontbreekt bovenaan het bestand.")
    settings = {name: _check_setting(path, name, value) for name, value in _table(path, data, "settings").items()}
    missing = (_INT_SETTINGS.keys() | _STR_SETTINGS.keys()) - settings.keys()
    if missing:
        raise ContentError(path, f"instelling '{sorted(missing)[0]}' ontbreekt in [settings].")
    texts: dict[str, str] = {}
    table_of: dict[str, str] = {}
    for table in TEXT_TABLES:
        for name, value in _table(path, data, table).items():
            if name in texts:
                raise ContentError(path, f"de tekst '{name}' staat zowel in [{table_of[name]}] als in [{table}].")
            texts[name] = _text(path, f"{table}.{name}", value)
            table_of[name] = table
    keys = {name: _text(path, f"keys.{name}", value) for name, value in _table(path, data, "keys").items()}
    facts = {name: _check_fact(path, name, value) for name, value in _table(path, data, "facts").items()}
    explain = {}
    for key, panel in _table(path, data, "explain").items():
        if not isinstance(panel, dict):
            raise ContentError(path, f"'explain.{key}' moet een tabel zijn.")
        explain[key] = {name: _text(path, f"explain.{key}.{name}", panel.get(name)) for name in _EXPLAIN_FIELDS}
    return _Raw(facts, texts, table_of, keys, explain, settings, _parse_parts(path, data.get("parts")))


def _parse_parts(path: Path, parts: Any) -> list[dict[str, Any]]:
    if not isinstance(parts, list) or not parts:
        raise ContentError(path, "er staan geen onderdelen ([[parts]]) in het bestand.")
    raw_parts = []
    for index, part in enumerate(parts, start=1):
        if not isinstance(part, dict):
            raise ContentError(path, f"onderdeel {index} is geen tabel.")
        key = _text(path, f"parts[{index}].key", part.get("key"))
        title = _text(path, f"parts[{index}].title", part.get("title"))
        steps = part.get("steps")
        if not isinstance(steps, list) or not steps:
            raise ContentError(path, f"onderdeel '{key}' heeft geen stappen.")
        raw_steps = []
        for number, step in enumerate(steps, start=1):
            if not isinstance(step, dict):
                raise ContentError(path, f"stap {number} van '{key}' is geen tabel.")
            tool = step.get("tool")
            if tool is not None and tool not in TOOLS:
                raise ContentError(path, f"stap {number} van '{key}': onbekend hulpmiddel '{tool}'; kies uit {', '.join(TOOLS)}.")
            raw_steps.append({
                "key": _text(path, f"{key}.steps[{number}].key", step.get("key")),
                "title": _text(path, f"{key}.steps[{number}].title", step.get("title")),
                "body": _text(path, f"{key}.steps[{number}].body", step.get("body")),
                "tool": tool,
            })
        raw_parts.append({"key": key, "title": title, "steps": raw_steps})
    return raw_parts


def _apply_overrides(path: Path, data: dict[str, Any], raw: _Raw) -> None:
    for table in data:
        if table not in _OVERRIDE_TABLES:
            raise ContentError(path, f"onbekende tabel [{table}]. Gebruik [facts], [ui], [application], [messages], [keys], [explain.\"sleutel\"], [steps.\"sleutel\"] of [settings].")
        if not isinstance(data[table], dict):
            raise ContentError(path, f"'{table}' moet een tabel zijn, zoals [{table}].")
    for name, value in data.get("settings", {}).items():
        raw.settings[name] = _check_setting(path, name, value)
    for table in TEXT_TABLES:
        for old_name, value in data.get(table, {}).items():
            name = RENAMED_TEXTS.get(old_name, old_name)
            if raw.table_of.get(name) != table:
                raise ContentError(path, f"onbekende tekst '{table}.{name}'.")
            raw.texts[name] = _text(path, f"{table}.{name}", value)
    for name, value in data.get("keys", {}).items():
        if name not in raw.keys:
            raise ContentError(path, f"onbekende tekst 'keys.{name}'.")
        raw.keys[name] = _text(path, f"keys.{name}", value)
    for key, fields in data.get("explain", {}).items():
        if key not in raw.explain or not isinstance(fields, dict):
            raise ContentError(path, f"onbekende uitleg 'explain.{key}'.")
        for name, value in fields.items():
            if name not in _EXPLAIN_FIELDS:
                raise ContentError(path, f"onbekend veld 'explain.{key}.{name}'; kies uit {', '.join(_EXPLAIN_FIELDS)}.")
            raw.explain[key][name] = _text(path, f"explain.{key}.{name}", value)
    for name, value in data.get("facts", {}).items():
        if name not in raw.facts:
            raise ContentError(path, f"onbekend feit 'facts.{name}'.")
        raw.facts[name] = _check_fact(path, name, value)
    steps = {step["key"]: step for part in raw.parts for step in part["steps"]}
    for key, fields in data.get("steps", {}).items():
        if key not in steps:
            raise ContentError(path, f"onbekende stap 'steps.\"{key}\"'.")
        if not isinstance(fields, dict):
            raise ContentError(path, f"'steps.\"{key}\"' moet een tabel zijn met title en/of body.")
        for name, value in fields.items():
            if name not in ("title", "body"):
                raise ContentError(path, f"onbekend veld 'steps.\"{key}\".{name}'; alleen title en body kunnen.")
            steps[key][name] = _text(path, f"steps.\"{key}\".{name}", value)


def _names_in(path: Path, where: str, template: str) -> set[str]:
    try:
        return _placeholders(template)
    except ValueError as exc:
        raise ContentError(path, f"in '{where}' {exc}.") from None


def _check_names(path: Path, where: str, template: str, allowed: set[str] | frozenset[str]) -> None:
    unknown = _names_in(path, where, template) - allowed
    if unknown:
        raise ContentError(path, f"in '{where}' staat een onbekende naam tussen accolades: {{{sorted(unknown)[0]}}}.")


def load_content(override: Path | None = None, packaged: Path = PACKAGED_CONTENT) -> Content:
    """Load the packaged content, apply the override file if it exists, and check the result.

    Raises ContentError with a Dutch message naming the file and the fault.
    """
    raw = _parse_packaged(packaged, _read_toml(packaged))
    # A text may use exactly the names its packaged version uses (the values the screen or
    # rule passes in: {done}, {naam}, ...), and the facts, except the rules' [messages]. An
    # override cannot ask for a value nobody gives.
    allowed: dict[str, set[str]] = {}
    for name, template in raw.texts.items():
        own = _names_in(packaged, f"{raw.table_of[name]}.{name}", template)
        allowed[name] = own if raw.table_of[name] == "messages" else own | raw.facts.keys()
    sources = [packaged]
    blame = packaged
    if override is not None and override.exists():
        _apply_overrides(override, _read_toml(override), raw)
        sources.append(override)
        blame = override
    facts = raw.facts
    for name, template in raw.texts.items():
        _check_names(blame, f"{raw.table_of[name]}.{name}", template, allowed[name])
    for name, text in raw.keys.items():
        _check_names(blame, f"keys.{name}", text, frozenset())
    for key, panel in raw.explain.items():
        for name, template in panel.items():
            _check_names(blame, f"explain.{key}.{name}", template, facts.keys())
    built_parts = []
    for part in raw.parts:
        steps = []
        for step in part["steps"]:
            for name in ("title", "body"):
                _check_names(blame, f"{step['key']}.{name}", step[name], facts.keys())
            steps.append(Step(key=step["key"], title=step["title"].format_map(facts), body=step["body"].format_map(facts),
                              part_key=part["key"], tool=step["tool"]))
        built_parts.append(Part(key=part["key"], title=part["title"], steps=tuple(steps)))
    step_keys = [step.key for part in built_parts for step in part.steps]
    if len(step_keys) != len(set(step_keys)):
        raise ContentError(packaged, "twee stappen hebben dezelfde sleutel.")
    return Content(
        facts=facts,
        texts=raw.texts,
        parts=tuple(built_parts),
        sources=tuple(sources),
        explain={key: Explanation(**{name: panel[name].format_map(facts) for name in _EXPLAIN_FIELDS})
                 for key, panel in raw.explain.items()},
        settings=raw.settings,
        keys=raw.keys,
    )


def text_tables(packaged: Path = PACKAGED_CONTENT) -> dict[str, list[str]]:
    """The text keys of each table of the packaged file (for tests and tools that write overrides)."""
    raw = _parse_packaged(packaged, _read_toml(packaged))
    return {table: [name for name, where in raw.table_of.items() if where == table] for table in TEXT_TABLES}
