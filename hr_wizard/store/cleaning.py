"""Every text that comes out of the database has its control characters replaced
(safe_text.clean) before any screen, report, export or message can show it: a value that
another tool or an old version stored with ESC, OSC or CSI sequences can never reach a
terminal raw. Done where values enter the program, so no screen can forget it."""

from __future__ import annotations

from sqlalchemy import event
from sqlmodel import SQLModel

from hr_wizard import models
from hr_wizard.safe_text import clean, has_control


def clean_row(values):
    """A row of plain column values (the roster's), cleaned."""
    return [clean(value) if isinstance(value, str) and has_control(value) else value for value in values]


def _clean_loaded(target, _context=None, _attrs=None) -> None:
    state = target.__dict__
    for key, value in list(state.items()):
        if isinstance(value, str) and has_control(value):
            state[key] = clean(value)  # straight into __dict__: not a change to save


def install() -> None:
    for mapper in _mappers():
        if not event.contains(mapper.class_, "load", _clean_loaded):
            event.listen(mapper.class_, "load", _clean_loaded)
            event.listen(mapper.class_, "refresh", _clean_loaded)


def _mappers():
    from sqlalchemy.orm import class_mapper

    return [class_mapper(cls) for cls in vars(models).values()
            if isinstance(cls, type) and issubclass(cls, SQLModel) and getattr(cls, "__table__", None) is not None]
