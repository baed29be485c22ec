"""Account applications: saving them, the roster (filtered and sorted in SQL), the
bewaartermijn, forgetting a person, and many at once for export and import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, or_, text
from sqlalchemy.sql.elements import TextClause
from sqlmodel import Session, select

from hr_wizard.applications import STATUS_SQL, PageChanges, furthest
from hr_wizard.errors import DuplicateEmailError
from hr_wizard.models import Application, Project
from hr_wizard.store.base import StoreBase, like_pattern

ROSTER_SORTS = ("naam", "team", "kenmerk", "furthest_step", "letter_due")
APPLICATION_FIELDS = frozenset(
    {"naam", "team", "email", "telefoon", "kenmerk", "current_step", "furthest_step", "applied_on", "letter_due",
     "letter_received", "code_channel", "debiteur_choice", "debiteurnummer", "first_search_done", "finished_on"}
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
    furthest_step: int
    applied_on: dt.date | None
    letter_due: dt.date | None
    letter_received: dt.date | None
    finished_on: dt.date | None


_ROSTER_COLUMNS = [getattr(Application, name) for name in RosterRow._fields]


def _status_condition(status: str, today: dt.date) -> TextClause:
    """A status as SQL: applications.STATUS_SQL, the one twin of applications.status_of."""
    sql = STATUS_SQL[status]
    return text(sql).bindparams(today=today) if ":today" in sql else text(sql)


class ApplicationsStore(StoreBase):
    def create_application(self, project_id: int, naam: str, team: str, email: str, telefoon: str = "") -> Application:
        """A new application; refused (DuplicateEmailError) when the work e-mail already has one."""
        application = Application(project_id=project_id, naam=naam, team=team, email=email, telefoon=telefoon)
        with self._write() as session:
            self._refuse_duplicate(session, project_id, email)
            session.add(application)
            session.flush()
            self._audit(session, project_id, "application", application.id, "created")
        return application

    def _refuse_duplicate(self, session: Session, project_id: int, email: str, except_id: int | None = None) -> None:
        """One person, one application: the same work e-mail (any case) may not be there twice.
        The project's row is locked first, so two desks adding the same person queue up."""
        session.get(Project, project_id, with_for_update=True)
        query = select(Application).where(Application.project_id == project_id,
                                          func.lower(Application.email) == email.strip().lower())
        existing = next((row for row in session.exec(query) if row.id != except_id), None)
        if existing is not None:
            raise DuplicateEmailError(existing.id, existing.naam)

    def get_application(self, application_id: int) -> Application | None:
        with self._read() as session:
            return session.get(Application, application_id)

    def save_application(self, application_id: int, expected_version: int, **changes: Any) -> Application:
        """Apply `changes` if nobody saved this application since `expected_version`."""
        page = changes.pop("current_step", None)
        return self.save_page(application_id, expected_version, PageChanges(changes), page)[0]

    def save_page(self, application_id: int, expected_version: int, changes: PageChanges, page: int | None,
                  project_version: int | None = None) -> tuple[Application, Project | None]:
        """Save one page of the procedure in one transaction: the application's fields, the page
        shown (`page`, which never lowers the furthest step reached) and, when the employee
        answered with the organisation's debiteurnummer, the project's number. Each record is
        version-checked; returns the saved application and the saved project (or None)."""
        fields = dict(changes.application)
        if page is not None:
            fields["current_step"] = page
        project = None
        with self._write() as session:
            row = self._locked_row(session, Application, application_id, expected_version, "error_gone_application")
            if "email" in fields:
                self._refuse_duplicate(session, row.project_id, fields["email"], except_id=row.id)
            if page is not None:
                fields["furthest_step"] = furthest(row.furthest_step, page)
            self._apply(session, row, "application", APPLICATION_FIELDS, application_id, fields)
            if changes.project_debiteurnummer is not None:
                project = self._locked_row(session, Project, row.project_id,
                                           project_version if project_version is not None else -1, "error_gone_project")
                self._apply(session, project, "project", frozenset({"debiteurnummer"}), project.id,
                            {"debiteurnummer": changes.project_debiteurnummer})
        return row, project

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
