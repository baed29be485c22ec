"""What every part of the store shares: the engine, one transaction per user action, the
audit trail written in the same transaction, and the version-checked save."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, col, select

from hr_wizard.audit_trail import detail_of
from hr_wizard.errors import ConflictError, ReadOnlyError, StoreError
from hr_wizard.models import AuditEntry, utcnow
from hr_wizard.remembered import current_user
from hr_wizard.texts import text

# Fields whose values say nothing about a person, so the audit trail may show them; for the
# others it writes only the field's name.


def like_pattern(text: str) -> str:
    """A LIKE pattern that matches `text` anywhere, with %, _ and \\ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def coerce_dates(model: type, changes: dict[str, Any]) -> dict[str, Any]:
    """Validators give dates as ISO text ("" for none); date columns want dt.date or None."""
    columns = model.__table__.columns  # type: ignore[attr-defined]  # every SQLModel table has one
    out = {}
    for name, value in changes.items():
        if isinstance(value, str) and columns[name].type.python_type is dt.date:
            value = dt.date.fromisoformat(value) if value else None
        out[name] = value
    return out



class StoreBase:
    """An open hr-wizard database: the engine and the ways to read and write it."""

    def __init__(self, engine: Engine, location: str, readonly: bool = False, actor: str | None = None) -> None:
        self.engine = engine
        self.location = location
        self.readonly = readonly
        self.actor = actor or current_user()
        self.path: Path | None = None  # the SQLite file, if it is one
        self.warning = ""  # something to tell the user about this database (a network folder)
        self._writer = engine.execution_options(hr_write=True)
        # Reads on PostgreSQL run without a transaction of their own: psycopg would send BEGIN
        # and ROLLBACK as round trips of their own, three for one SELECT. Its default isolation
        # (read committed) gives every statement its own snapshot anyway. SQLite reads keep
        # their BEGIN: it costs no round trip, and it checks for a restore (engines.py).
        self._reader = (engine.execution_options(isolation_level="AUTOCOMMIT")
                        if engine.dialect.name == "postgresql" else engine)


    def close(self) -> None:
        self.engine.dispose()

    def _iter_records(self, model: type[Any], *conditions: Any, batch: int = 1000) -> Iterator[list[Any]]:
        """Every record of `model` that meets `conditions`, in order of id, as lists of at most
        `batch` records: one short read per batch, so 100,000 rows never sit in memory at once."""
        last_id = 0
        while True:
            with self._read() as session:
                rows: list[Any] = list(session.exec(select(model).where(*conditions, col(model.id) > last_id).order_by(col(model.id)).limit(batch)))
            if not rows:
                return
            yield rows
            last_id = rows[-1].id

    @property
    def unanswered(self) -> bool:
        """The database server did not answer the last time (until it answers again)."""
        from hr_wizard.store.engines import unanswered

        return unanswered(self.engine)

    # --- sessions ---------------------------------------------------------

    def _read(self) -> Session:
        return Session(self._reader, expire_on_commit=False)

    def _connect(self) -> Connection:
        """A connection for reading: one round trip a statement (see `_reader`)."""
        return self._reader.connect()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One user action = one transaction."""
        if self.readonly:
            raise ReadOnlyError()
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    def _audit(self, session: Session, project_id: int | None, entity: str, entity_id: Any, action: str, detail: str = "") -> None:
        """Record a change in the same transaction as the change itself."""
        session.add(AuditEntry(actor=self.actor, project_id=project_id, entity=entity, entity_id=str(entity_id),
                               action=action, detail=detail))

    def _save_versioned(self, model: type, entity: str, fields: frozenset[str], record_id: Any, expected_version: int,
                        gone: str, changes: dict[str, Any]) -> Any:
        """Apply `changes` to one record if nobody saved it since `expected_version`; audit what changed."""
        with self._write() as session:
            row = self._locked_row(session, model, record_id, expected_version, gone)
            self._apply(session, row, entity, fields, record_id, changes)
        return row

    def _apply(self, session: Session, row: Any, entity: str, fields: frozenset[str], record_id: Any,
               changes: dict[str, Any]) -> bool:
        """Set `changes` on a locked row, raise its version and audit what changed; False (and
        nothing written) when nothing changed."""
        unknown = set(changes) - fields
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        changes = coerce_dates(type(row), changes)
        changed = [name for name, value in changes.items() if getattr(row, name) != value]
        if not changed:  # nothing new: the version stays, so no other desk sees a false conflict
            return False
        for name, value in changes.items():
            setattr(row, name, value)
        row.version += 1
        if hasattr(row, "updated_at"):
            row.updated_at = utcnow()
        session.add(row)
        project_id = row.id if entity == "project" else row.project_id
        self._audit(session, project_id, entity, record_id, "changed", detail_of({name: getattr(row, name) for name in changed}))
        return True

    def _locked_row(self, session: Session, model: type, record_id: Any, expected_version: int, gone: str) -> Any:
        """The record, locked for this transaction, if nobody saved it since `expected_version`."""
        row = session.get(model, record_id, with_for_update=True)
        if row is None:
            raise StoreError(text(gone))
        if row.version != expected_version:
            session.expunge(row)  # keep its loaded values; the rollback would expire them
            raise ConflictError(row)
        return row
