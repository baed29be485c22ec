"""Every text the wizard shows, looked up by key: `text("digits_length", label=..., ...)`.

The texts come from the content in use: the packaged file, or the gemeente's version with
its override file, which the app and the command line put in place with `use`. That choice
lives in a ContextVar, not in a module global that something swaps, so a test or a second
app in the same process sets its own. Never imports Textual.
"""

from __future__ import annotations

from contextvars import ContextVar, Token
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hr_wizard.content import Content

_in_use: ContextVar[Content | None] = ContextVar("hr_wizard_content", default=None)


@lru_cache(maxsize=1)
def packaged() -> Content:
    """The packaged content (read once; it never changes while the program runs)."""
    from hr_wizard.content_file import load_content

    return load_content()


def current() -> Content:
    return _in_use.get() or packaged()


def use(content: Content) -> Token[Content | None]:
    """Speak with `content` from here on, in this context (and the tasks started from it)."""
    return _in_use.set(content)


def reset(token: Token[Content | None] | None = None) -> None:
    """Back to what was in use before `use` (or to the packaged texts)."""
    if token is not None:
        _in_use.reset(token)
    else:
        _in_use.set(None)


def text(key: str, **values: object) -> str:
    return current().text(key, **values)
