"""What is remembered per user, for the start-up path that must not import SQLModel: who is
working, and the settings that remember their gemeente and step. Never imports Textual or
SQLAlchemy."""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from typing import Protocol, TypeVar


def current_user() -> str:
    """The operating-system user, for the audit trail and remembered choices."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no passwd entry, as in some containers
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "onbekend"


def last_step_setting(project_id: int) -> str:
    """The setting that remembers the step selected last in a project."""
    return f"roadmap.last_step.{project_id}"


def project_setting(actor: str) -> str:
    """The setting that remembers which gemeente this user worked on last."""
    return f"project.{actor}"


class Named(Protocol):
    @property
    def id(self) -> int | None: ...
    @property
    def gemeente(self) -> str: ...


P = TypeVar("P", bound=Named)


def pick_project(projects: Sequence[P], gemeente: str, remembered: str) -> P | None:
    """The gemeente named (ignoring case and spaces), else the user's last one, else the
    only one; None when it cannot tell and must ask."""
    if gemeente:
        wanted = " ".join(gemeente.split()).casefold()
        return next((p for p in projects if p.gemeente.casefold() == wanted), None)
    if len(projects) == 1:
        return projects[0]
    return next((p for p in projects if str(p.id) == remembered), None)
