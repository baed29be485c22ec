"""Load and check the content file (every text the wizard shows) into plain dataclasses.

The packaged file is `content/roadmap.nl.toml`. A gemeente can override single
texts and facts in its own TOML file (same keys); see `load_content`.
Never imports Textual or the database layer.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACKAGED_CONTENT = Path(__file__).parent / "content" / "roadmap.nl.toml"

# Facts with their required type and a check; anything not listed must be a non-empty string.
_INT_FACTS = {"letter_working_days": (0, 30)}
_URL_PREFIX = "https://"
# Settings a gemeente may change in its override file, with the allowed range.
_INT_SETTINGS = {"bewaartermijn_maanden": (1, 240), "kiosk_idle_seconds": (10, 3600), "kiosk_closing_seconds": (3, 600)}
# Text settings with the form they must have ("" = not set).
_STR_SETTINGS = {"kiosk_code_hash": "pbkdf2_sha256$"}


class ContentError(Exception):
    """The content or override file cannot be used. `str()` is a Dutch message for the user."""

    def __init__(self, path: Path | str, fault: str) -> None:
        self.path = Path(path)
        self.fault = fault
        super().__init__(f"Het bestand {self.path} kan niet worden gebruikt: {fault}")


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    body: str
    part_key: str


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Explanation:
    """A panel for a misleading notice: what you see, what it means, what to do."""

    title: str
    see: str
    means: str
    todo: str


@dataclass(frozen=True)
class Content:
    facts: dict[str, Any]
    ui: dict[str, str]
    parts: tuple[Part, ...]
    sources: tuple[Path, ...] = field(default=())
    application: dict[str, str] = field(default_factory=dict)
    explain: dict[str, Explanation] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)  # the input rules' messages (validation.py)
    keys: dict[str, str] = field(default_factory=dict)  # key descriptions, by binding id

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for part in self.parts for step in part.steps)

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def text(self, key: str, **values: Any) -> str:
        """A UI text, with `{name}` filled from `values` and then from the facts."""
        template = self.ui[key]
        return template.format_map({**self.facts, **values}) if "{" in template else template

    def app_text(self, key: str, **values: Any) -> str:
        """A text of the account application flow ([application] in the content file)."""
        template = self.application[key]
        return template.format_map({**self.facts, **values}) if "{" in template else template


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


def _parse_packaged(path: Path, data: dict[str, Any]) -> tuple[dict, dict, list[dict], dict, dict, dict]:
    if data.get("schema") != 1:
        raise ContentError(path, "'schema = 1' ontbreekt bovenaan het bestand.")
    settings = {name: _check_setting(path, name, value) for name, value in _table(path, data, "settings").items()}
    messages = {name: _text(path, f"messages.{name}", value) for name, value in _table(path, data, "messages").items()}
    keys = {name: _text(path, f"keys.{name}", value) for name, value in _table(path, data, "keys").items()}
    missing = (_INT_SETTINGS.keys() | _STR_SETTINGS.keys()) - settings.keys()
    if missing:
        raise ContentError(path, f"instelling '{sorted(missing)[0]}' ontbreekt in [settings].")
    facts = {name: _check_fact(path, name, value) for name, value in _table(path, data, "facts").items()}
    ui = {name: _text(path, f"ui.{name}", value) for name, value in _table(path, data, "ui").items()}
    application = {name: _text(path, f"application.{name}", value) for name, value in _table(path, data, "application").items()}
    explain = {}
    for key, panel in _table(path, data, "explain").items():
        if not isinstance(panel, dict):
            raise ContentError(path, f"'explain.{key}' moet een tabel zijn.")
        explain[key] = {name: _text(path, f"explain.{key}.{name}", panel.get(name)) for name in _EXPLAIN_FIELDS}
    parts = data.get("parts")
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
            raw_steps.append(
                {
                    "key": _text(path, f"{key}.steps[{number}].key", step.get("key")),
                    "title": _text(path, f"{key}.steps[{number}].title", step.get("title")),
                    "body": _text(path, f"{key}.steps[{number}].body", step.get("body")),
                }
            )
        raw_parts.append({"key": key, "title": title, "steps": raw_steps})
    return facts, ui, raw_parts, application, explain, settings, messages, keys


def _apply_overrides(path: Path, data: dict[str, Any], facts: dict, ui: dict, parts: list[dict], application: dict,
                     explain: dict, settings: dict, messages: dict, keys: dict) -> None:
    steps = {step["key"]: step for part in parts for step in part["steps"]}
    known_tables = {"facts", "ui", "steps", "settings", "application", "explain", "messages", "keys"}
    for table in data:
        if table not in known_tables:
            raise ContentError(path, f"onbekende tabel [{table}]. Gebruik [facts], [ui], [application], [messages], [keys], [explain.\"sleutel\"], [steps.\"sleutel\"] of [settings].")
        if not isinstance(data[table], dict):
            raise ContentError(path, f"'{table}' moet een tabel zijn, zoals [{table}].")
    for name, value in data.get("settings", {}).items():
        settings[name] = _check_setting(path, name, value)
    for table, texts in (("messages", messages), ("keys", keys)):
        for name, value in data.get(table, {}).items():
            if name not in texts:
                raise ContentError(path, f"onbekende tekst '{table}.{name}'.")
            texts[name] = _text(path, f"{table}.{name}", value)
    for name, value in data.get("application", {}).items():
        if name not in application:
            raise ContentError(path, f"onbekende tekst 'application.{name}'.")
        application[name] = _text(path, f"application.{name}", value)
    for key, fields in data.get("explain", {}).items():
        if key not in explain or not isinstance(fields, dict):
            raise ContentError(path, f"onbekende uitleg 'explain.{key}'.")
        for name, value in fields.items():
            if name not in _EXPLAIN_FIELDS:
                raise ContentError(path, f"onbekend veld 'explain.{key}.{name}'; kies uit {', '.join(_EXPLAIN_FIELDS)}.")
            explain[key][name] = _text(path, f"explain.{key}.{name}", value)
    for name, value in data.get("facts", {}).items():
        if name not in facts:
            raise ContentError(path, f"onbekend feit 'facts.{name}'.")
        facts[name] = _check_fact(path, name, value)
    for name, value in data.get("ui", {}).items():
        if name not in ui:
            raise ContentError(path, f"onbekende tekst 'ui.{name}'.")
        ui[name] = _text(path, f"ui.{name}", value)
    step_overrides = data.get("steps", {})
    if not isinstance(step_overrides, dict):
        raise ContentError(path, "[steps] moet een tabel zijn.")
    for key, fields in step_overrides.items():
        if key not in steps:
            raise ContentError(path, f"onbekende stap 'steps.\"{key}\"'.")
        if not isinstance(fields, dict):
            raise ContentError(path, f"'steps.\"{key}\"' moet een tabel zijn met title en/of body.")
        for name, value in fields.items():
            if name not in ("title", "body"):
                raise ContentError(path, f"onbekend veld 'steps.\"{key}\".{name}'; alleen title en body kunnen.")
            steps[key][name] = _text(path, f"steps.\"{key}\".{name}", value)


def _fill_names(path: Path, where: str, template: str) -> set[str]:
    try:
        return _placeholders(template)
    except ValueError as exc:
        raise ContentError(path, f"in '{where}' {exc}.") from None


def _fill_facts(path: Path, where: str, template: str, facts: dict[str, Any], allowed_extra: frozenset[str]) -> str:
    try:
        names = _placeholders(template)
    except ValueError as exc:
        raise ContentError(path, f"in '{where}' {exc}.") from None
    unknown = names - facts.keys() - allowed_extra
    if unknown:
        raise ContentError(path, f"in '{where}' staat een onbekende naam tussen accolades: {{{sorted(unknown)[0]}}}.")
    return template


def load_content(override: Path | None = None, packaged: Path = PACKAGED_CONTENT) -> Content:
    """Load the packaged content, apply the override file if it exists, and check the result.

    Raises ContentError with a Dutch message naming the file and the fault.
    """
    facts, ui, parts, application, explain, settings, messages, keys = _parse_packaged(packaged, _read_toml(packaged))
    # A text may use the facts, and the values the screen passes in: exactly the names the
    # packaged text uses ({done}, {naam}, ...). An override cannot ask for a value no screen gives.
    passed_in = {}
    for table, texts in (("ui", ui), ("application", application)):
        for name, template in texts.items():
            passed_in[f"{table}.{name}"] = frozenset(_fill_names(packaged, f"{table}.{name}", template) - facts.keys())
    # The input rules fill in their own values only ({label}, {count}, ...), never facts.
    rule_values = {name: frozenset(_fill_names(packaged, f"messages.{name}", template)) for name, template in messages.items()}
    sources = [packaged]
    blame = packaged
    if override is not None and override.exists():
        _apply_overrides(override, _read_toml(override), facts, ui, parts, application, explain, settings, messages, keys)
        sources.append(override)
        blame = override
    for table, texts in (("ui", ui), ("application", application)):
        for name, template in texts.items():
            _fill_facts(blame, f"{table}.{name}", template, facts, passed_in[f"{table}.{name}"])
    for name, template in messages.items():
        _fill_facts(blame, f"messages.{name}", template, {}, rule_values[name])
    for name, text in keys.items():
        _fill_facts(blame, f"keys.{name}", text, {}, frozenset())
    for key, panel in explain.items():
        for name, template in panel.items():
            _fill_facts(blame, f"explain.{key}.{name}", template, facts, frozenset())
    built_parts = []
    for part in parts:
        steps = []
        for step in part["steps"]:
            for name in ("title", "body"):
                _fill_facts(blame, f"{step['key']}.{name}", step[name], facts, frozenset())
            steps.append(
                Step(
                    key=step["key"],
                    title=step["title"].format_map(facts),
                    body=step["body"].format_map(facts),
                    part_key=part["key"],
                )
            )
        built_parts.append(Part(key=part["key"], title=part["title"], steps=tuple(steps)))
    step_keys = [step.key for part in built_parts for step in part.steps]
    if len(step_keys) != len(set(step_keys)):
        raise ContentError(packaged, "twee stappen hebben dezelfde sleutel.")
    return Content(
        facts=facts,
        ui=ui,
        parts=tuple(built_parts),
        sources=tuple(sources),
        application=application,
        explain={key: Explanation(**{name: panel[name].format_map(facts) for name in _EXPLAIN_FIELDS}) for key, panel in explain.items()},
        settings=settings,
        messages=messages,
        keys=keys,
    )


def packaged_messages(packaged: Path = PACKAGED_CONTENT) -> dict[str, str]:
    """Only the [messages] of the packaged file, for the input rules when no app loaded content."""
    data = _read_toml(packaged)
    return {name: _text(packaged, f"messages.{name}", value) for name, value in _table(packaged, data, "messages").items()}
