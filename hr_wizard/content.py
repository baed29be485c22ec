"""What the content file holds, as plain immutable data: the roadmap's parts and steps, the
facts, the explanatory panels, the settings and every text the wizard shows.

Named tuples, as Textual's own geometry is: made at every start, where a frozen dataclass
costs about 0.4 ms a class to create (bench: state shown).

`content_file.load_content` builds it. Never imports Textual or the database layer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

# The working tools a step can open with Enter (`tool = "..."` on a step in the content file).
TOOLS = ("preparation", "processes", "terugmeldingen", "roster")


class Source(NamedTuple):
    """Where a statement about current practice was checked, and when ([sources] in the file)."""

    name: str
    url: str
    checked: dt.date

    @property
    def shown(self) -> str:
        """The address as people type it: kvk.nl/toegangscode."""
        return self.url.removeprefix("https://").removeprefix("www.").rstrip("/")


class Step(NamedTuple):
    key: str
    title: str
    body: str
    part_key: str
    tool: str | None = None  # one of TOOLS, or None when the step is only read and marked
    sources: tuple[Source, ...] = ()  # where the current facts in the body were checked
    source_note: str = ""  # "Bron: kvk.nl/toegangscode, gecontroleerd op 28-11-2026", one line a source
    instruction: str = ""  # what to do now, in a line or two: an application page shows it first

    @property
    def body_with_source(self) -> str:
        """The body as a screen shows it: with its sources under it."""
        return f"{self.body}\n\n{self.source_note}" if self.source_note else self.body


class Part(NamedTuple):
    key: str
    title: str
    steps: tuple[Step, ...]


class Explanation(NamedTuple):
    """A panel for a misleading notice: what you see, what it means, what to do."""

    title: str
    see: str
    means: str
    todo: str
    sources: tuple[Source, ...] = ()
    source_note: str = ""  # "Bron: ..., gecontroleerd op ...", one line a source


class Content(NamedTuple):
    facts: dict[str, Any]
    texts: dict[str, str]  # every text by key: [ui], [application] and [messages] of the file
    parts: tuple[Part, ...]
    sources: tuple[Path, ...]
    explain: dict[str, Explanation]
    settings: dict[str, Any]
    keys: dict[str, str]  # key descriptions, by binding id
    source_table: dict[str, Source]  # [sources], by name
    fact_sources: dict[str, tuple[Source, ...]]  # the sources of [facts], by fact

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for part in self.parts for step in part.steps)

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def text(self, key: str, **values: Any) -> str:
        """A text with `{name}` filled from `values`, then from the facts."""
        template = self.texts[key]
        return template.format_map({**self.facts, **values}) if "{" in template else template
