"""Account applications: saving them, the roster (filtered and sorted in SQL), the
bewaartermijn, forgetting a person, and many at once for export and import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from sqlalchemy import Select, and_, case, func, or_
from sqlalchemy import text as sql_text
from sqlalchemy.sql.elements import ColumnElement, TextClause
from sqlmodel import Session, col, select

from hr_wizard.applications import REVIEW_DUE_SQL, PageChanges, furthest, months_before
from hr_wizard.errors import BusyError, DuplicateEmailError
from hr_wizard.models import Application, Project, Setting
from hr_wizard.rows import row_id
from hr_wizard.status_sql import STATUS_SQL
from hr_wizard.store.base import like_pattern
from hr_wizard.store.cleaning import clean_row
from hr_wizard.store.projects import ProjectsStore
from hr_wizard.texts import text

ERASURE_PENDING = "erasure.pending"  # set with an erasure until the WAL is emptied (AVG)
ROSTER_SORTS = ("naam", "team", "kenmerk", "furthest_step", "letter_due")
APPLICATION_FIELDS = frozenset(
    {"naam", "team", "email", "telefoon", "kenmerk", "current_step", "furthest_step", "applied_on", "letter_due",
     "letter_received", "code_channel", "debiteur_choice", "debiteurnummer", "first_search_done", "finished_on",
     "offboarded_on", "code_revoked_on", "autorisaties_revoked_on", "access_reviewed_on"}
)


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
    offboarded_on: dt.date | None
    code_revoked_on: dt.date | None
    access_reviewed_on: dt.date | None


_ROSTER_COLUMNS = [getattr(Application, name) for name in RosterRow._fields]


class RosterTotals(NamedTuple):
    everything: int
    overdue: int  # late letters
    past_retention: int  # finished longer than the bewaartermijn ago
    reviews_due: int  # active accounts due for the periodic access review
    offboarding_open: int  # left, and the toegangscode not yet revoked


def _review_condition(today: dt.date, months: int) -> TextClause:
    """applications.REVIEW_DUE_SQL, the one twin of applications.review_due."""
    return sql_text(REVIEW_DUE_SQL).bindparams(cutoff=months_before(today, months))


def _status_condition(status: str, today: dt.date) -> TextClause:
    """A status as SQL: status_sql.STATUS_SQL, the one twin of applications.status_of."""
    condition = STATUS_SQL[status]
    return sql_text(condition).bindparams(today=today) if ":today" in condition else sql_text(condition)


class ApplicationsStore(ProjectsStore):  # ProjectsStore: the erasure mark is a setting
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
            raise DuplicateEmailError(row_id(existing), existing.naam)

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

    def application_by_email(self, project_id: int, email: str) -> Application | None:
        """The application with this work e-mail (any case): one person has one application."""
        with self._read() as session:
            return session.exec(select(Application).where(Application.project_id == project_id,
                                                          func.lower(Application.email) == email.strip().lower())).first()

    def forget_application(self, application_id: int) -> bool | str:
        """"Medewerker vergeten" (AVG): erase the application with every personal field.

        The audit trail records that an erasure happened, with the record's number only.
        secure_delete overwrites the freed pages, and the WAL is checkpointed and emptied,
        so the name does not linger in the file. Returns False if it was already gone, True
        when the name is gone from the file and its WAL, or a Dutch message when another
        connection's read kept the WAL: then the next start finishes it (a pending mark)."""
        with self._write() as session:
            row = session.get(Application, application_id)
            if row is None:
                return False
            project_id = row.project_id
            session.delete(row)
            self._audit(session, project_id, "application", application_id, "forgotten")
            if self.engine.dialect.name == "sqlite":
                session.merge(Setting(key=ERASURE_PENDING, value="1"))
        if self.engine.dialect.name != "sqlite":
            return True
        return True if self.finish_erasure() else text("forget_later")

    def pending_erasure(self) -> bool:
        return self.get_setting(ERASURE_PENDING) == "1"

    def finish_erasure(self) -> bool:
        """Empty the WAL into the file (secure_delete overwrote the freed pages) and truncate it.
        False if another connection still reads an older state, so the WAL could not be emptied."""
        if self.engine.dialect.name != "sqlite" or self.readonly:
            return True
        try:
            if not self._truncate_wal():
                return False
            with self._write() as session:
                session.merge(Setting(key=ERASURE_PENDING, value=""))
            return self._truncate_wal()  # the mark's own change leaves the WAL too
        except BusyError:
            return False

    def _truncate_wal(self) -> bool:
        with self.engine.connect() as connection:
            busy, log, done = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        return busy == 0 and log in (0, -1) and done in (0, -1)

    def _retention_condition(self, project_id: int, months: int, today: dt.date | None) -> ColumnElement[bool]:
        cutoff = months_before(today or dt.date.today(), months)
        return and_(col(Application.project_id) == project_id, col(Application.finished_on) < cutoff)

    def retention_due(self, project_id: int, months: int, today: dt.date | None = None, limit: int = 1000) -> list[RosterRow]:
        """Applications finished more than `months` ago: to review, and forget if no longer needed."""
        query = (select(*_ROSTER_COLUMNS).where(self._retention_condition(project_id, months, today))
                 .order_by(Application.finished_on, Application.id).limit(limit))
        with self._connect() as connection:
            return [RosterRow(*clean_row(row)) for row in connection.execute(query)]

    def _roster_filter(self, project_id: int, text: str, status: str | None, today: dt.date) -> ColumnElement[bool]:
        conditions: list[ColumnElement[bool] | TextClause] = [col(Application.project_id) == project_id]
        text = text.strip()
        if text:
            pattern = like_pattern(text)
            conditions.append(
                or_(*(col(column).ilike(pattern, escape="\\") for column in (Application.naam, Application.team, Application.kenmerk)))
            )
        if status:
            conditions.append(_status_condition(status, today))
        return and_(*conditions)

    def roster_count(self, project_id: int, text: str = "", status: str | None = None, today: dt.date | None = None) -> int:
        where = self._roster_filter(project_id, text, status, today or dt.date.today())
        with self._connect() as connection:
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
        query = self._roster_query(project_id, text, status, sort, descending, today).offset(offset).limit(limit)
        with self._connect() as connection:
            return [RosterRow(*clean_row(row)) for row in connection.execute(query)]

    def roster_first_page(
        self,
        project_id: int,
        *,
        text: str = "",
        status: str | None = None,
        sort: str = "naam",
        descending: bool = False,
        limit: int = 100,
        today: dt.date | None = None,
    ) -> tuple[int, list[RosterRow]]:
        """The number of matching rows and the first window, in one query (one round trip a
        keystroke when the roster is filtered): the count rides along as a window function."""
        query = self._roster_query(project_id, text, status, sort, descending, today, func.count().over()).limit(limit)
        with self._connect() as connection:
            rows = connection.execute(query).all()
        total = rows[0][-1] if rows else 0
        return total, [RosterRow(*clean_row(row[:-1])) for row in rows]

    def _roster_query(self, project_id: int, text: str, status: str | None, sort: str, descending: bool,
                      today: dt.date | None, *extra: Any) -> Select[Any]:
        if sort not in ROSTER_SORTS:
            raise ValueError(sort)
        where = self._roster_filter(project_id, text, status, today or dt.date.today())
        order = getattr(Application, sort)
        order = order.desc() if descending else order.asc()
        return select(*_ROSTER_COLUMNS, *extra).where(where).order_by(order, Application.id)

    def overdue_count(self, project_id: int, today: dt.date | None = None) -> int:
        return self.roster_count(project_id, status="late", today=today)

    def roster_totals(self, project_id: int, months: int, today: dt.date | None = None,
                      review_months: int = 12) -> RosterTotals:
        """The counts the roster's summary line shows, in one query."""
        today = today or dt.date.today()
        conditions = (
            _status_condition("late", today),
            self._retention_condition(project_id, months, today),
            _review_condition(today, review_months),
            and_(col(Application.offboarded_on).is_not(None), col(Application.code_revoked_on).is_(None)),
        )
        query = select(func.count(), *(func.coalesce(func.sum(case((condition, 1), else_=0)), 0) for condition in conditions)
                       ).where(Application.project_id == project_id)
        with self._connect() as connection:
            return RosterTotals(*(int(value) for value in connection.execute(query).one()))

    def access_review_due(self, project_id: int, months: int, today: dt.date | None = None, limit: int = 1000) -> list[RosterRow]:
        """Active accounts whose access was last checked more than `months` ago (the periodic review)."""
        query = (select(*_ROSTER_COLUMNS)
                 .where(Application.project_id == project_id, _review_condition(today or dt.date.today(), months))
                 .order_by(func.coalesce(Application.access_reviewed_on, Application.finished_on), Application.id).limit(limit))
        with self._connect() as connection:
            return [RosterRow(*clean_row(row)) for row in connection.execute(query)]

    def iter_applications(self, project_id: int, batch: int = 1000) -> Iterator[Application]:
        """Every application of the project, in order, a batch at a time (10,000 rows stay cheap)."""
        last_id = 0
        while True:
            with self._read() as session:
                rows = list(session.exec(select(Application).where(Application.project_id == project_id, col(Application.id) > last_id)
                                         .order_by(col(Application.id)).limit(batch)))
            if not rows:
                return
            yield from rows
            last_id = row_id(rows[-1])
