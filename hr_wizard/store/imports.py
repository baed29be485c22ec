"""Many applications at once: `hr-wizard import accounts` writes them in one transaction (all
rows or none), batch by batch so memory does not grow with the file, and checks which
addresses the project already has. One person, one application holds here too."""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterable, Iterator

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from hr_wizard.errors import DuplicateEmailError
from hr_wizard.models import Application, Project
from hr_wizard.rows import row_id
from hr_wizard.store.applications import ApplicationsStore


class ImportsStore(ApplicationsStore):
    def emails_in_use(self, project_id: int, wanted: Container[str], page: int = 5000) -> dict[str, str]:
        """Which of the `wanted` work e-mail addresses (lower case) already have an application in
        the project: address → naam. Reads the project's applications a page at a time, in one
        transaction: one query per `page` applications, never one per address."""
        found: dict[str, str] = {}
        last_id = 0
        columns = select(Application.id, Application.naam, Application.email)
        with self._connect() as connection:
            while True:
                rows = connection.execute(columns.where(Application.project_id == project_id, col(Application.id) > last_id)
                                          .order_by(col(Application.id)).limit(page)).all()
                for _id, naam, email in rows:
                    key = email.strip().lower()
                    if key in wanted and key not in found:
                        found[key] = naam
                if len(rows) < page:
                    return found
                last_id = rows[-1][0]

    def import_applications(self, project_id: int, rows: Iterable[dict[str, str]], batch: int = 1000) -> int:
        """Add many applications in one transaction: all rows or none. The rows are already
        checked and may come one at a time (a generator): they are written `batch` at a time, so
        memory does not grow with their number. One person, one application holds here too:
        an address that is now twice in the project (another desk added it meanwhile) raises
        DuplicateEmailError and nothing is written."""
        with self._write() as session:
            session.get(Project, project_id, with_for_update=True)  # desks adding a person wait (see _refuse_duplicate)
            before = session.exec(select(func.max(Application.id))).one() or 0  # 0: no application yet
            count = 0
            for chunk in _batched(rows, batch):
                session.execute(insert(Application), [{**fields, "project_id": project_id} for fields in chunk])
                count += len(chunk)
            if count:
                self._refuse_imported_twice(session, project_id, before)
            self._audit(session, project_id, "application", "-", "imported", f"count: {count}")
        return count

    def _refuse_imported_twice(self, session: Session, project_id: int, before: int) -> None:
        """An address that the rows just written share with another application of the project."""
        key = func.lower(func.trim(Application.email))
        twice = session.execute(select(func.min(Application.id)).where(Application.project_id == project_id).group_by(key)
                                .having(func.count() > 1, func.max(Application.id) > before).limit(1)).first()
        if twice is not None:
            existing = session.get_one(Application, twice[0])  # read in this transaction: it is there
            raise DuplicateEmailError(row_id(existing), existing.naam)


def _batched(rows: Iterable[dict[str, str]], size: int) -> Iterator[tuple[dict[str, str], ...]]:
    """Tuples of `size` rows (itertools.batched, from Python 3.12)."""
    iterator = iter(rows)
    while chunk := tuple(itertools.islice(iterator, size)):
        yield chunk
