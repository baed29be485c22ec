"""Rules of an account application that are not about storage: its status in words, the
letter's due date, and what each page of the 7-step procedure changes. Never imports
Textual or the database layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from hr_wizard.status_sql import STATUS_SQL
from hr_wizard.texts import text
from hr_wizard.validation import format_date
from hr_wizard.workdays import add_working_days

STEP_COUNT = 7
# Status codes, in the order a filter offers them; the words are status_<code> in the content file.
STATUSES = ("new", "waiting", "late", "letter", "active", "offboarded")
# The answers to KvK's e-mail about the debiteurnummer; the words are debiteur_<code> in the content file.
DEBITEUR_CHOICES = ("organisation", "new", "none")
DEBITEUR_ORGANISATION = "organisation"
# How the toegangscode came; the words are channel_<code> in the content file.
CODE_CHANNELS = ("letter", "email")


class ApplicationLike(Protocol):
    """Read only, so a stored Application and a roster line (store.RosterRow) both fit."""

    @property
    def applied_on(self) -> dt.date | None: ...
    @property
    def letter_due(self) -> dt.date | None: ...
    @property
    def letter_received(self) -> dt.date | None: ...
    @property
    def finished_on(self) -> dt.date | None: ...
    @property
    def offboarded_on(self) -> dt.date | None: ...


def letter_due(applied_on: dt.date, working_days: int) -> dt.date:
    """The latest date the letter with the toegangscode should arrive."""
    return add_working_days(applied_on, working_days)


def status_of(application: ApplicationLike, today: dt.date) -> str:
    """Active only when the toegangscode has arrived and the first search was done; until then
    the status says what is awaited. Once the employee has left, the account is "offboarded"."""
    if application.offboarded_on is not None:
        return "offboarded"
    if application.letter_received is not None:
        return "active" if application.finished_on is not None else "letter"
    if application.applied_on is None:
        return "new"
    if application.letter_due is not None and today > application.letter_due:
        return "late"
    return "waiting"


# --- what a page changes ---------------------------------------------------------


@dataclass(frozen=True)
class PageChanges:
    """What saving a page stores: fields of the application, and the project's debiteurnummer
    when the employee answers with the organisation's number (stored in the same transaction)."""

    application: dict[str, Any] = field(default_factory=dict)
    project_debiteurnummer: str | None = None


@dataclass(frozen=True)
class PageProblem:
    """A rule of the page that the typed values break: the field it belongs to, and why."""

    field: str
    message: str


def page_changes(page: int, values: Mapping[str, Any], application: ApplicationLike | None, today: dt.date,
                 working_days: int, project_debiteurnummer: str = "") -> PageChanges | PageProblem:
    """The changes of one page, from its values that already passed their field's rule
    (dates as ISO text, "" for none). A rule across fields gives a PageProblem instead."""
    if page == 0:
        return PageChanges({name: values[name] for name in ("naam", "team", "email", "telefoon")})
    if page == 2:
        return PageChanges({"kenmerk": values["kenmerk"]})
    if page == 3:
        applied = dt.date.fromisoformat(values["applied_on"])
        if applied > today:
            return PageProblem("applied_on", text("applied_in_future", today=format_date(today)))
        return PageChanges({"applied_on": applied, "letter_due": letter_due(applied, working_days)})
    if page == 5:
        return _code_received(values, application, today)
    if page == 6:
        choice, nummer = values["debiteur_choice"], values["debiteurnummer"]
        if choice == DEBITEUR_ORGANISATION and not nummer:
            return PageProblem("debiteurnummer", text("debiteur_needed"))
        if choice != DEBITEUR_ORGANISATION:
            return PageChanges({"debiteur_choice": choice, "debiteurnummer": ""})
        changed = nummer if nummer != project_debiteurnummer else None
        return PageChanges({"debiteur_choice": choice, "debiteurnummer": nummer}, project_debiteurnummer=changed)
    if page == 7:
        done = bool(values["first_search_done"])
        if done and (application is None or application.letter_received is None):
            return PageProblem("first_search_done", text("first_search_needs_code"))
        finished = (application.finished_on if application and application.finished_on else today) if done else None
        return PageChanges({"first_search_done": done, "finished_on": finished})
    return PageChanges()


def _code_received(values: Mapping[str, Any], application: ApplicationLike | None, today: dt.date) -> PageChanges | PageProblem:
    received = dt.date.fromisoformat(values["letter_received"]) if values["letter_received"] else None
    if received is None:
        return PageChanges({"letter_received": None, "code_channel": "", "first_search_done": False, "finished_on": None})
    if received > today:
        return PageProblem("letter_received", text("received_in_future", today=format_date(today)))
    applied = application.applied_on if application else None
    if applied is not None and received < applied:
        return PageProblem("letter_received", text("received_before_applied", applied=format_date(applied)))
    return PageChanges({"letter_received": received, "code_channel": values.get("code_channel") or "letter"})


def furthest(reached: int, page: int) -> int:
    """The furthest page reached after showing `page`: looking back never lowers it."""
    return max(reached, page)


# --- the end of an account's life ---------------------------------------------------


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the 31st becomes the month's last day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


OFFBOARDING_FIELDS = ("offboarded_on", "code_revoked_on", "autorisaties_revoked_on")


def offboarding_open(application: Any) -> bool:
    """Left, but KvK has not yet been asked to revoke the toegangscode: the one step that matters most."""
    return application.offboarded_on is not None and application.code_revoked_on is None


class Reviewable(ApplicationLike, Protocol):
    @property
    def access_reviewed_on(self) -> dt.date | None: ...


def review_due(application: Reviewable, today: dt.date, months: int) -> bool:
    """An active account whose access was last checked (or, never checked, that became active)
    more than `months` ago: time for the periodic access review."""
    if status_of(application, today) != "active":
        return False
    last = application.access_reviewed_on or application.finished_on
    return last is not None and last <= months_before(today, months)


def review_due_on(last: dt.date, months: int) -> dt.date:
    """The day an active account last checked (or become active) on `last` falls due for the
    access review: the first day on which `review_due` says so."""
    index = last.year * 12 + last.month - 1 + months
    year, month = divmod(index, 12)
    day = dt.date(year, month + 1, 1)
    day = day.replace(day=min(last.day, _month_days(day)))  # the same day `months` later, or the month's last
    while months_before(day, months) < last:
        day += dt.timedelta(days=1)
    while months_before(day - dt.timedelta(days=1), months) >= last:
        day -= dt.timedelta(days=1)
    return day


def _month_days(day: dt.date) -> int:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


# The access review in SQL (`:cutoff` is months_before(today, months)); tests prove it agrees with review_due.
REVIEW_DUE_SQL = (f"({STATUS_SQL['active']} AND COALESCE(access_reviewed_on, finished_on) <= :cutoff)")


def offboarding_changes(values: Mapping[str, Any], application: ApplicationLike, today: dt.date) -> PageChanges | PageProblem:
    """The checklist for "uit dienst / geen toegang meer nodig": the day access ended and the
    days the toegangscode and the autorisaties were revoked (ISO text, "" for not yet)."""
    days: dict[str, Any] = {name: dt.date.fromisoformat(values[name]) if values.get(name) else None
                            for name in OFFBOARDING_FIELDS}
    future = next((name for name, day in days.items() if day is not None and day > today), None)
    if future is not None:
        return PageProblem(future, text("date_in_future", today=format_date(today)))
    if days["offboarded_on"] is None and (days["code_revoked_on"] or days["autorisaties_revoked_on"]):
        return PageProblem("offboarded_on", text("offboarded_needed"))
    return PageChanges(days)
