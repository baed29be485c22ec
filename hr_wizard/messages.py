"""The texts of the input rules, errors and command line ([messages] in the content file).

Loaded on first use from the packaged file, so importing stays cheap; the app hands in the
gemeente's version (with its override file) through `use`. Never imports Textual.
Only the faults of the content file itself are worded in code (roadmap.ContentError): a
broken file cannot describe its own fault.
"""

from __future__ import annotations

_table: dict[str, str] | None = None


def table() -> dict[str, str]:
    global _table
    if _table is None:
        from hr_wizard.roadmap import packaged_messages

        _table = packaged_messages()
    return _table


def use(messages: dict[str, str]) -> None:
    global _table
    _table = dict(messages)


def reset() -> None:
    """Back to the packaged texts (tests)."""
    global _table
    _table = None


def text(key: str, **values: object) -> str:
    return table()[key].format(**values)
