"""Read and check the content file (every text the wizard shows) into `content.Content`.

The packaged file is `content/roadmap.nl.toml`. A gemeente can override single
texts and facts in its own TOML file (same keys); see `load_content`.
Never imports Textual or the database layer.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hr_wizard.content import TOOLS, Content, Explanation, Part, Source, Step
from hr_wizard.content_cache import cached
from hr_wizard.content_values import SETTING_NAMES, URL_PREFIX, check_no_control
from hr_wizard.content_values import ContentError as ContentError  # re-exported: callers catch it from here
from hr_wizard.content_values import check_fact as _check_fact
from hr_wizard.content_values import check_setting as _check_setting

PACKAGED_CONTENT = Path(__file__).parent / "content" / "roadmap.nl.toml"

def _placeholders(template: str) -> set[str]:
    if "{" not in template and "}" not in template:
        return set()  # most texts: no need to parse (checked at every start)
    try:
        parsed = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template)
                  if name is not None]
    except ValueError as exc:  # unbalanced braces
        raise ValueError(f"de accolades {{ }} kloppen niet ({exc})") from None
    if any(name == "" for name, _, _ in parsed):
        raise ValueError("er staan lege accolades {} in; zet er een naam tussen, bijvoorbeeld {url_kvk}, of laat ze weg")
    for name, spec, conversion in parsed:
        # Only a name: a format after it ({url_kvk:d}) can fail on the value the screen passes
        # in, and a text that fails stops the wizard where it is shown.
        if spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"staat {{{shown}}}; tussen accolades kan alleen een naam, bijvoorbeeld {{{name}}}")
    return {name for name, _, _ in parsed}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(path, f"het bestand kan niet worden gelezen ({exc.strerror or exc}).") from None
    import tomllib  # only when a file is parsed: the packaged one usually comes from content_cache

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError(path, "het bestand is geen UTF-8-tekst.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(path, f"fout in de TOML-opmaak: {exc}.") from None
    except RecursionError:  # arrays nested thousands deep: the reader gives up
        raise ContentError(path, "er staan te veel haakjes [ ] in elkaar. Schrijf lijsten plat, bijvoorbeeld: waarden = [1, 2, 3].") from None


def _text(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, f"'{where}' moet een tekst zijn die niet leeg is.")
    check_no_control(path, f"'{where}'", value)
    return value.strip()


def _table(path: Path, data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    if not isinstance(value, dict):
        raise ContentError(path, f"de tabel [{name}] ontbreekt.")
    return value


_EXPLAIN_FIELDS = ("title", "see", "means", "todo")
# A source of current practice: its address and the day it was checked (and, in the packaged
# file, the [facts] that come from it). Panels and steps name theirs with `source = "name"`.
_SOURCE_FIELDS = ("url", "checked")
# The file groups its texts in three tables; the wizard looks them up in one (`Content.text`),
# so a key may stand in only one of them. [messages] are the input rules' and the command
# line's texts: they are filled only with the values their rule passes in, never with facts.
TEXT_TABLES = ("ui", "application", "messages")
_OVERRIDE_TABLES = ("facts", *TEXT_TABLES, "keys", "explain", "steps", "settings", "sources")
# Texts no screen shows any more: an override file that still sets them is not refused.
RETIRED_TEXTS = frozenset({"tm_status_refused", "leave_again"})
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
    sources: dict[str, dict[str, Any]]  # name -> {"url": ..., "checked": date}
    explain_sources: dict[str, list[str]]  # panel key -> source names
    fact_sources: dict[str, list[str]]  # fact name -> source names


def _source(path: Path, name: str, value: Any, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """One entry of [sources], checked; `base` is the packaged entry an override changes."""
    if not isinstance(value, dict):
        raise ContentError(path, f"'sources.{name}' moet een tabel zijn met url en checked, bijvoorbeeld "
                                 f'[sources.{name}] url = "https://www.kvk.nl/toegangscode" checked = "2026-11-28".')
    allowed = (*_SOURCE_FIELDS, "facts") if base is None else _SOURCE_FIELDS
    for field_name in value:
        if field_name not in allowed:
            raise ContentError(path, f"onbekend veld 'sources.{name}.{field_name}'; kies uit {', '.join(allowed)}.")
    entry = {**(base or {}), **{k: v for k, v in value.items() if k in _SOURCE_FIELDS}}
    url = entry.get("url")
    if not isinstance(url, str) or not url.startswith(URL_PREFIX) or len(url) <= len(URL_PREFIX):
        raise ContentError(path, f"bron '{name}' heeft een url nodig die begint met https://, bijvoorbeeld https://www.kvk.nl/toegangscode.")
    checked = entry.get("checked")
    if isinstance(checked, str):
        try:
            checked = dt.date.fromisoformat(checked.strip()) if len(checked.strip()) == 10 else None
        except ValueError:
            checked = None
    if not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
        raise ContentError(path, f"bron '{name}' heeft een datum nodig bij checked: de dag waarop hij is gecontroleerd, "
                                 "als jaar-maand-dag, bijvoorbeeld checked = \"2026-11-28\".")
    return {"url": url, "checked": checked}


def _source_names(path: Path, where: str, value: Any, known: dict[str, Any]) -> list[str]:
    """`source = "name"` or `source = ["a", "b"]`, each a name in [sources]."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise ContentError(path, f"'{where}.source' moet de naam van een bron zijn, of een lijst van namen, bijvoorbeeld source = \"toegangscode\".")
    for name in names:
        if name not in known:
            raise ContentError(path, f"in '{where}' staat een onbekende bron '{name}'; kies uit {', '.join(sorted(known))}, of zet hem onder [sources].")
    return list(names)


def _parse_packaged(path: Path, data: dict[str, Any]) -> _Raw:
    if data.get("schema") != 1:
        raise ContentError(path, "'schema = 1' ontbreekt bovenaan het bestand.")
    settings = {name: _check_setting(path, name, value) for name, value in _table(path, data, "settings").items()}
    missing = SETTING_NAMES - settings.keys()
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
    sources: dict[str, dict[str, Any]] = {}
    fact_sources: dict[str, list[str]] = {}
    for name, value in _table(path, data, "sources").items():
        sources[name] = _source(path, name, value)
        facts_of = value.get("facts", [])
        if not isinstance(facts_of, list) or any(fact not in facts for fact in facts_of):
            raise ContentError(path, f"'sources.{name}.facts' moet een lijst van namen uit [facts] zijn.")
        for fact in facts_of:
            fact_sources.setdefault(fact, []).append(name)
    explain, explain_sources = {}, {}
    for key, panel in _table(path, data, "explain").items():
        if not isinstance(panel, dict):
            raise ContentError(path, f"'explain.{key}' moet een tabel zijn.")
        explain[key] = {name: _text(path, f"explain.{key}.{name}", panel.get(name)) for name in _EXPLAIN_FIELDS}
        if "source" not in panel:  # every panel explains current practice: it says where that was checked
            raise ContentError(path, f"'explain.{key}' heeft geen bron; zet er source = \"naam\" bij, met de naam uit [sources].")
        explain_sources[key] = _source_names(path, f"explain.{key}", panel["source"], sources)
    parts = _parse_parts(path, data.get("parts"), sources)
    return _Raw(facts, texts, table_of, keys, explain, settings, parts, sources, explain_sources, fact_sources)


def _parse_parts(path: Path, parts: Any, sources: dict[str, Any]) -> list[dict[str, Any]]:
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
                "instruction": _text(path, f"{key}.steps[{number}].instruction", step["instruction"]) if "instruction" in step else "",
                "tool": tool,
                "sources": _source_names(path, str(step.get("key")), step["source"], sources) if "source" in step else [],
            })
        raw_parts.append({"key": key, "title": title, "steps": raw_steps})
    return raw_parts


def _apply_overrides(path: Path, data: dict[str, Any], raw: _Raw) -> None:
    for table in data:
        if table not in _OVERRIDE_TABLES:
            raise ContentError(path, f"onbekende tabel [{table}]. Gebruik [facts], [ui], [application], [messages], [keys], [explain.\"sleutel\"], [steps.\"sleutel\"], [sources.\"naam\"] of [settings].")
        if not isinstance(data[table], dict):
            raise ContentError(path, f"'{table}' moet een tabel zijn, zoals [{table}].")
    for name, value in data.get("settings", {}).items():
        raw.settings[name] = _check_setting(path, name, value)
    for name, value in data.get("sources", {}).items():
        raw.sources[name] = _source(path, name, value, base=raw.sources.get(name, {}))
    for table in TEXT_TABLES:
        for old_name, value in data.get(table, {}).items():
            if old_name in RETIRED_TEXTS:
                continue  # no screen shows it any more; an old override file still starts
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
            if name == "source":
                raw.explain_sources[key] = _source_names(path, f"explain.{key}", value, raw.sources)
                continue
            if name not in _EXPLAIN_FIELDS:
                raise ContentError(path, f"onbekend veld 'explain.{key}.{name}'; kies uit {', '.join(_EXPLAIN_FIELDS)}, source.")
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
            if name == "source":
                steps[key]["sources"] = _source_names(path, f"steps.\"{key}\"", value, raw.sources)
                continue
            if name not in ("title", "body", "instruction"):
                raise ContentError(path, f"onbekend veld 'steps.\"{key}\".{name}'; alleen title, body, instruction en source kunnen.")
            steps[key][name] = _text(path, f"steps.\"{key}\".{name}", value)


def _names_in(path: Path, where: str, template: str) -> set[str]:
    try:
        return _placeholders(template)
    except ValueError as exc:
        raise ContentError(path, f"in '{where}' {exc}.") from None


def _check_names(path: Path, where: str, template: str, allowed: AbstractSet[str]) -> None:
    unknown = _names_in(path, where, template) - allowed
    if unknown:
        raise ContentError(path, f"in '{where}' staat een onbekende naam tussen accolades: {{{sorted(unknown)[0]}}}.")


def load_content(override: Path | None = None, packaged: Path = PACKAGED_CONTENT) -> Content:
    """Load the packaged content, apply the override file if it exists, and check the result.

    Raises ContentError with a Dutch message naming the file and the fault.
    """
    if packaged == PACKAGED_CONTENT and (override is None or not override.exists()):
        return _packaged_content()  # read once a process: the command line and its help both use it
    return _load_content(override, packaged)


@lru_cache(maxsize=1)
def _packaged_content() -> Content:
    return _load_content(None, PACKAGED_CONTENT)


def _packaged_raw(packaged: Path) -> _Raw:
    def build(tables: dict[str, Any]) -> _Raw:
        return _parse_packaged(packaged, tables)

    if packaged == PACKAGED_CONTENT:  # parsed once per version (content_cache); a test's own file every time
        return cached(packaged, _read_toml, build)
    return build(_read_toml(packaged))


def _load_content(override: Path | None, packaged: Path) -> Content:
    raw = _packaged_raw(packaged)
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
    table = {name: Source(name, entry["url"], entry["checked"]) for name, entry in raw.sources.items()}

    def note(names: list[str]) -> tuple[tuple[Source, ...], str]:
        chosen = tuple(table[name] for name in names)
        lines = (raw.texts["source_line"].format_map({**facts, "source": s.shown, "checked": s.checked.strftime("%d-%m-%Y")})
                 for s in chosen)
        return chosen, "\n".join(lines)

    def explanation(key: str, panel: dict[str, str]) -> Explanation:
        sources, source_note = note(raw.explain_sources[key])
        filled = {name: panel[name].format_map(facts) for name in _EXPLAIN_FIELDS}
        return Explanation(filled["title"], filled["see"], filled["means"], filled["todo"], sources, source_note)

    built_parts = []
    for part in raw.parts:
        steps = []
        for step in part["steps"]:
            for name in ("title", "body", "instruction"):
                _check_names(blame, f"{step['key']}.{name}", step[name], facts.keys())
            step_sources, source_note = note(step["sources"])
            steps.append(Step(key=step["key"], title=step["title"].format_map(facts), body=step["body"].format_map(facts),
                              part_key=part["key"], tool=step["tool"], sources=step_sources, source_note=source_note,
                              instruction=step["instruction"].format_map(facts)))
        built_parts.append(Part(key=part["key"], title=part["title"], steps=tuple(steps)))
    step_keys = [step.key for part in built_parts for step in part.steps]
    if len(step_keys) != len(set(step_keys)):
        raise ContentError(packaged, "twee stappen hebben dezelfde sleutel.")
    return Content(
        facts=facts,
        texts=raw.texts,
        parts=tuple(built_parts),
        sources=tuple(sources),
        explain={key: explanation(key, panel) for key, panel in raw.explain.items()},
        settings=raw.settings,
        keys=raw.keys,
        source_table=table,
        fact_sources={fact: tuple(table[name] for name in names) for fact, names in raw.fact_sources.items()},
    )


def text_tables(packaged: Path = PACKAGED_CONTENT) -> dict[str, list[str]]:
    """The text keys of each table of the packaged file (for tests and tools that write overrides)."""
    raw = _packaged_raw(packaged)
    return {table: [name for name, where in raw.table_of.items() if where == table] for table in TEXT_TABLES}
