"""Rules of an account application that are not about storage: its status in words and its
letter due date. Never imports Textual or the database layer."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from hr_wizard.workdays import add_working_days

STEP_COUNT = 7
# Status keys, in the order a filter offers them; the words come from the content file.
STATUSES = ("new", "waiting", "late", "letter", "active")
# The answers to KvK's e-mail about the debiteurnummer; the words are debiteur_<code> in the content file.
DEBITEUR_CHOICES = ("organisation", "new", "none")
DEBITEUR_ORGANISATION = "organisation"


class ApplicationLike(Protocol):
    applied_on: dt.date | None
    letter_due: dt.date | None
    letter_received: dt.date | None
    finished_on: dt.date | None


def letter_due(applied_on: dt.date, working_days: int) -> dt.date:
    """The latest date the letter with the toegangscode should arrive."""
    return add_working_days(applied_on, working_days)


def status_of(application: ApplicationLike, today: dt.date) -> str:
    if application.finished_on is not None:
        return "active"
    if application.letter_received is not None:
        return "letter"
    if application.applied_on is None:
        return "new"
    if application.letter_due is not None and today > application.letter_due:
        return "late"
    return "waiting"
