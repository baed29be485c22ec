"""The database: one `Store` made of one part per concern, and what callers need beside it.

Takes a path (SQLite file) or a SQLAlchemy URL. Never imports Textual. Screens call the
methods here and never build SQL themselves.

    files.py         is the file a SQLite database, may it be made or written
    engines.py       SQLAlchemy engines for a file and for a server
    opening.py       the schema revision, migrating
    base.py          transactions, the audit trail, version-checked saves
    projects.py      the gemeente, its steps and remembered settings
    applications.py  account applications, the roster, retention, forgetting
    kiosk.py         a kiosk visitor's resume code and the wrong codes typed
    phases.py        Fase 1's record, Fase 2's processes and terugmeldingen
    audit.py         reading the logboek
    backup.py        backup and restore
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from hr_wizard.errors import (
    ConflictError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
    UnusableLocationError,
)
from hr_wizard.paths import display_location, is_url
from hr_wizard.revisions import HEAD_REVISION, KNOWN_REVISIONS
from hr_wizard.store.applications import ROSTER_SORTS, ApplicationsStore, RosterRow, months_before
from hr_wizard.store.audit import AuditStore
from hr_wizard.store.backup import BackupStore, backup_sqlite, check_restorable, restore_sqlite
from hr_wizard.store.engines import CONNECT_TIMEOUT_S, server_engine, server_error, sqlite_engine
from hr_wizard.store.files import check_sqlite_file, create_sqlite_file, is_writable
from hr_wizard.store.kiosk import KioskStore, Resume
from hr_wizard.store.opening import current_revision, migrate
from hr_wizard.store.phases import PhasesStore, TransitionError
from hr_wizard.store.projects import ProjectsStore
from hr_wizard.texts import text

__all__ = [
    "CONNECT_TIMEOUT_S", "HEAD_REVISION", "KNOWN_REVISIONS", "ROSTER_SORTS", "ConflictError", "NewerDatabaseError",
    "NotADatabaseError", "ReadOnlyError", "Resume", "RosterRow", "Store", "StoreError", "TransitionError", "UnusableLocationError",
    "backup_sqlite", "check_restorable", "months_before", "restore_sqlite",
]


class Store(ProjectsStore, ApplicationsStore, KioskStore, PhasesStore, AuditStore, BackupStore):
    """An open hr-wizard database."""

    @classmethod
    def open(cls, location: str) -> Store:
        """Open (and create or migrate) the database at a path or URL. Raises StoreError."""
        if is_url(location):
            try:
                engine = server_engine(location)
                return cls._open_engine(engine, location, path=None, readonly=False)
            except StoreError:
                raise
            except Exception as exc:  # the driver's connection errors: unreachable, no database, login
                raise server_error(location, exc) from None
        path = Path(location)
        if not path.exists():
            create_sqlite_file(path)
        check_sqlite_file(path)
        readonly = not is_writable(path)
        engine = sqlite_engine(path, readonly)
        return cls._open_engine(engine, location, path=path, readonly=readonly)

    @classmethod
    def _open_engine(cls, engine: Engine, location: str, path: Path | None, readonly: bool) -> Store:
        try:
            revision = current_revision(engine)
        except Exception as exc:  # sqlite3.DatabaseError: malformed, encrypted, ...
            engine.dispose()
            if path is not None:
                raise NotADatabaseError(path, text("why_unreadable", reason=exc.__cause__ or exc)) from None
            raise
        if revision == "foreign":
            engine.dispose()
            raise NotADatabaseError(path or Path(location), text("why_foreign"))
        if revision is not None and revision not in KNOWN_REVISIONS:
            engine.dispose()
            raise NewerDatabaseError(location, revision)
        if revision != HEAD_REVISION:
            if readonly:
                engine.dispose()
                raise StoreError(text("error_migrate_readonly", location=display_location(location)))
            migrate(engine, path, revision)
        store = cls(engine, location, readonly)
        store.path = path
        return store
