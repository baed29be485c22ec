"""The dates to watch as an iCalendar file (`hr-wizard export herinneringen`): one all-day event
per awaited toegangscode (on its due date), per planned process switch, per terugmelding to
follow up and per access review (the day it falls due). Each event's UID is made from the
record ("toegangscode-12@gemeente-testdorp.hr-wizard"), so importing a newer file updates the
events instead of adding them twice; SEQUENCE follows the record's version, DTSTAMP is the
moment of the export. Summaries carry no personal data beyond the employee's name, and with
the setting `herinneringen_namen = false` not even that.

Never imports Textual; icalendar is imported only here, when a calendar is made.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from hr_wizard.applications import review_due_on
from hr_wizard.rows import row_id

if TYPE_CHECKING:
    from hr_wizard.content import Content
    from hr_wizard.models import Project
    from hr_wizard.store import Store

PRODID = "-//hr-wizard//herinneringen//NL"


@dataclass(frozen=True)
class Reminder:
    uid: str
    day: dt.date
    summary: str
    description: str
    sequence: int  # rises with every saved change of the record
    modified: dt.datetime | None


def domain(project: Project) -> str:
    """The part of every UID after the @: the gemeente's name as a DNS-like label."""
    plain = unicodedata.normalize("NFKD", project.gemeente).encode("ascii", "ignore").decode()
    label = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:63].strip("-")
    return f"{label or f'gemeente-{project.id}'}.hr-wizard"


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


def reminders(store: Store, project: Project, content: Content) -> Iterator[Reminder]:
    """Every reminder of the project: accounts first, then processes, then terugmeldingen."""
    t = content.text
    names = content.settings["herinneringen_namen"]
    months = content.settings["toegang_controle_maanden"]
    at = domain(project)

    def who(key: str, naam: str, number: int) -> str:
        return t(key, naam=naam) if names else t(f"{key}_anonymous", number=number)

    project_id = row_id(project)
    for a in store.iter_awaited_and_active(project_id):
        sequence, modified = max(a.version - 1, 0), _utc(a.updated_at)
        if a.letter_received is None and a.letter_due is not None:
            yield Reminder(f"toegangscode-{a.id}@{at}", a.letter_due, who("reminder_code", a.naam, row_id(a)),
                           t("reminder_code_body"), sequence, modified)
        last = a.access_reviewed_on or a.finished_on
        if a.letter_received is not None and last is not None:
            yield Reminder(f"toegangscontrole-{a.id}@{at}", review_due_on(last, months), who("reminder_review", a.naam, row_id(a)),
                           t("reminder_review_body", months=months), sequence, modified)
    for p in store.iter_planned_switches(project_id):
        assert p.switch_on is not None  # the store reads only planned switches
        yield Reminder(f"overstap-{p.id}@{at}", p.switch_on, t("reminder_switch", proces=p.naam), t("reminder_switch_body"),
                       max(p.version - 1, 0), _utc(p.updated_at))
    for r in store.iter_follow_ups(project_id):
        assert r.follow_up_on is not None  # the store reads only those with a day
        reference = r.referentie or t("reminder_follow_up_number", number=r.id)
        yield Reminder(f"terugmelding-{r.id}@{at}", r.follow_up_on, t("reminder_follow_up", referentie=reference),
                       t("reminder_follow_up_body", status=t(f"tm_status_{r.status}")), max(r.version - 1, 0), _utc(r.updated_at))


def write(items: Iterator[Reminder], calendar_name: str, target: BinaryIO, stamp: dt.datetime | None = None,
          progress: Callable[[int], None] | None = None) -> int:
    """One VCALENDAR, written an event at a time. Returns the number of events."""
    from icalendar import Calendar, Event  # deferred: only for this export

    stamp = _utc(stamp or dt.datetime.now(dt.UTC))
    calendar = Calendar()
    for name, value in (("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"), ("method", "PUBLISH"),
                        ("x-wr-calname", calendar_name)):
        calendar.add(name, value)
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    target.write(head[: -len(end)])
    count = 0
    for item in items:
        event = Event()
        values: list[tuple[str, Any]] = [
            ("uid", item.uid), ("dtstamp", stamp), ("dtstart", item.day), ("dtend", item.day + dt.timedelta(days=1)),
            ("summary", item.summary), ("description", item.description), ("sequence", item.sequence),
            ("transp", "TRANSPARENT"),
        ]
        if item.modified is not None:
            values.append(("last-modified", item.modified))
        for name, value in values:
            event.add(name, value)
        target.write(event.to_ical())
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
    target.write(end)
    return count
