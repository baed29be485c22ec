"""The records that have a date to watch, for `hr-wizard export herinneringen` and the report: applications
whose toegangscode is awaited or whose account is active (the access review), processes with
a planned switch that have not switched yet, and open terugmeldingen with a follow-up date.
Read a batch at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import and_, func, or_, select
from sqlmodel import col

from hr_wizard import terugmelding as tm
from hr_wizard.inventory import SOURCE_DONE
from hr_wizard.models import Application, Process, Terugmelding
from hr_wizard.store.base import StoreBase


class RemindersStore(StoreBase):
    def awaited_letters_by_day(self, project_id: int, before: dt.date) -> dict[dt.date, int]:
        """How many toegangscodes are awaited per due day, for due days before `before` (the late
        ones too): for the report's strip of letters per week."""
        a = Application
        due = col(a.letter_due)
        query = (select(due, func.count()).where(
            col(a.project_id) == project_id, col(a.offboarded_on).is_(None), col(a.letter_received).is_(None),
            col(a.applied_on).is_not(None), due.is_not(None), due < before).group_by(due))
        with self._connect() as connection:
            # The query leaves out rows without a due day; the check tells the type checker.
            return {day: int(count) for day, count in connection.execute(query) if day is not None}

    def iter_awaited_and_active(self, project_id: int) -> Iterator[Application]:
        """Applications still in service whose toegangscode is awaited (applied for, not in yet,
        with a due date) or whose account is active (code in, first search done)."""
        a = Application
        awaited = and_(col(a.letter_received).is_(None), col(a.applied_on).is_not(None), col(a.letter_due).is_not(None))
        active = and_(col(a.letter_received).is_not(None), col(a.finished_on).is_not(None))
        in_service = col(a.offboarded_on).is_(None)
        for rows in self._iter_records(a, col(a.project_id) == project_id, in_service, or_(awaited, active)):
            yield from rows

    def iter_planned_switches(self, project_id: int) -> Iterator[Process]:
        """Processes with a planned switch that do not use the HR as their only source yet."""
        p = Process
        planned = col(p.switch_on).is_not(None)
        for rows in self._iter_records(p, col(p.project_id) == project_id, planned, col(p.source) != SOURCE_DONE):
            yield from rows

    def iter_follow_ups(self, project_id: int) -> Iterator[Terugmelding]:
        """Open terugmeldingen with a day to look for KvK's answer."""
        t = Terugmelding
        for rows in self._iter_records(t, col(t.project_id) == project_id, col(t.follow_up_on).is_not(None),
                                       col(t.status).in_(tm.OPEN_STATUSES)):
            yield from rows
