"""Account applications: saving them, the roster (filtered and sorted in SQL), the
bewaartermijn, forgetting a person, and many at once for export and import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, or_
from sqlmodel import select

from hr_wizard.models import Application
from hr_wizard.store.base import StoreBase, like_pattern

ROSTER_SORTS = ("naam", "team", "kenmerk", "current_step", "letter_due")
APPLICATION_FIELDS = frozenset(
    {"naam", "team", "email", "telefoon", "kenmerk", "current_step", "applied_on", "letter_due",
     "letter_received", "debiteur_choice", "debiteurnummer", "first_search_done", "finished_on"}
)


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


class RosterRow(NamedTuple):
    """One line of the roster: only what the list shows."""

    id: int
    naam: str
    team: str
    kenmerk: str
    current_step: int
    applied_on: dt.date | None
    letter_due: dt.date | None
    letter_received: dt.date | None
    finished_on: dt.date | None


_ROSTER_COLUMNS = [getattr(Application, name) for name in RosterRow._fields]


def _status_condition(status: str, today: dt.date):
    """SQL twin of applications.status_of (tests/test_applications.py checks they agree)."""
    a = Application
    open_ = and_(a.finished_on.is_(None), a.letter_received.is_(None))
    return {
        "active": a.finished_on.is_not(None),
        "letter": and_(a.finished_on.is_(None), a.letter_received.is_not(None)),
        "new": and_(open_, a.applied_on.is_(None)),
        "late": and_(open_, a.applied_on.is_not(None), a.letter_due < today),
        "waiting": and_(open_, a.applied_on.is_not(None), or_(a.letter_due.is_(None), a.letter_due >= today)),
    }[status]



class ApplicationsStore(StoreBase):
    def create_application(self, project_id: int, naam: str, team: str, email: str, telefoon: str = "") -> Application:
        application = Application(project_id=project_id, naam=naam, team=team, email=email, telefoon=telefoon)
        with self._write() as session:
            session.add(application)
            session.flush()
            self._audit(session, project_id, "application", application.id, "created")
        return application

    def get_application(self, application_id: int) -> Application | None:
        with self._read() as session:
            return session.get(Application, application_id)

    def save_application(self, application_id: int, expected_version: int, **changes: Any) -> Application:
        """Apply `changes` if nobody saved this application since `expected_version`."""
        return self._save_versioned(Application, "application", APPLICATION_FIELDS, application_id, expected_version,
                                    "error_gone_application", changes)

    def find_application_for_visitor(self, project_id: int, email: str, naam: str) -> Application | None:
        """A kiosk visitor's own application: both the work e-mail and the name must match
        (the name ignoring case and spaces). Nothing else opens it; there is no browsing."""
        wanted = " ".join(naam.split()).casefold()
        with self._read() as session:
            rows = session.exec(select(Application).where(Application.project_id == project_id,
                                                          func.lower(Application.email) == email.strip().lower()))
            return next((row for row in rows if " ".join(row.naam.split()).casefold() == wanted), None)

    def forget_application(self, application_id: int) -> bool:
        """"Medewerker vergeten" (AVG): erase the application with every personal field.

        The audit trail records that an erasure happened, with the record's number only.
        secure_delete overwrites the freed pages, and the WAL is checkpointed and emptied,
        so the name does not linger in the file. Returns False if it was already gone."""
        with self._write() as session:
            row = session.get(Application, application_id)
            if row is None:
                return False
            project_id = row.project_id
            session.delete(row)
            self._audit(session, project_id, "application", application_id, "forgotten")
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return True

    def _retention_condition(self, project_id: int, months: int, today: dt.date | None):
        cutoff = months_before(today or dt.date.today(), months)
        return and_(Application.project_id == project_id, Application.finished_on < cutoff)

    def retention_due(self, project_id: int, months: int, today: dt.date | None = None, limit: int = 1000) -> list[RosterRow]:
        """Applications finished more than `months` ago: to review, and forget if no longer needed."""
        query = (select(*_ROSTER_COLUMNS).where(self._retention_condition(project_id, months, today))
                 .order_by(Application.finished_on, Application.id).limit(limit))
        with self.engine.connect() as connection:
            return [RosterRow(*row) for row in connection.execute(query)]

    def _roster_filter(self, project_id: int, text: str, status: str | None, today: dt.date):
        conditions = [Application.project_id == project_id]
        text = text.strip()
        if text:
            pattern = like_pattern(text)
            conditions.append(
                or_(*(column.ilike(pattern, escape="\\") for column in (Application.naam, Application.team, Application.kenmerk)))
            )
        if status:
            conditions.append(_status_condition(status, today))
        return and_(*conditions)

    def roster_count(self, project_id: int, text: str = "", status: str | None = None, today: dt.date | None = None) -> int:
        where = self._roster_filter(project_id, text, status, today or dt.date.today())
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(Application).where(where)).scalar_one()

    def roster_page(
        self,
        project_id: int,
        *,
        text: str = "",
        status: str | None = None,
        sort: str = "naam",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
        today: dt.date | None = None,
    ) -> list[RosterRow]:
        """One window of the roster, filtered and sorted in SQL (fast at 100,000 rows)."""
        if sort not in ROSTER_SORTS:
            raise ValueError(sort)
        where = self._roster_filter(project_id, text, status, today or dt.date.today())
        order = getattr(Application, sort)
        order = order.desc() if descending else order.asc()
        query = select(*_ROSTER_COLUMNS).where(where).order_by(order, Application.id).offset(offset).limit(limit)
        with self.engine.connect() as connection:
            return [RosterRow(*row) for row in connection.execute(query)]

    def overdue_count(self, project_id: int, today: dt.date | None = None) -> int:
        return self.roster_count(project_id, status="late", today=today)

    def roster_totals(self, project_id: int, months: int, today: dt.date | None = None) -> tuple[int, int, int]:
        """(all applications, late letters, finished longer than `months` ago), in one query."""
        today = today or dt.date.today()
        late = _status_condition("late", today)
        past = self._retention_condition(project_id, months, today)
        query = select(func.count(), func.coalesce(func.sum(case((late, 1), else_=0)), 0),
                       func.coalesce(func.sum(case((past, 1), else_=0)), 0)).where(Application.project_id == project_id)
        with self.engine.connect() as connection:
            everything, overdue, past_retention = connection.execute(query).one()
        return int(everything), int(overdue), int(past_retention)

    def iter_applications(self, project_id: int, batch: int = 1000) -> Iterator[Application]:
        """Every application of the project, in order, a batch at a time (10,000 rows stay cheap)."""
        last_id = 0
        while True:
            with self._read() as session:
                rows = list(session.exec(select(Application).where(Application.project_id == project_id, Application.id > last_id)
                                         .order_by(Application.id).limit(batch)))
            if not rows:
                return
            yield from rows
            last_id = rows[-1].id

    def import_applications(self, project_id: int, rows: list[dict[str, str]]) -> int:
        """Add many applications in one transaction: all rows or none. Rows are already checked."""
        with self._write() as session:
            for fields in rows:
                session.add(Application(project_id=project_id, **fields))
            session.flush()
            self._audit(session, project_id, "application", "-", "imported", f"count: {len(rows)}")
        return len(rows)
