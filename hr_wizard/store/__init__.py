"""The database: one `Store` made of one part per concern, and what callers need beside it.

Takes a path (SQLite file) or a SQLAlchemy URL. Never imports Textual. Screens call the
methods here and never build SQL themselves.

    files.py         is the file a SQLite database, may it be made or written
    engines.py       SQLAlchemy engines for a file and for a server
    opening.py       the schema revision, migrating
    base.py          transactions, the audit trail, version-checked saves
    projects.py      the gemeente, its steps and remembered settings
    applications.py  account applications, the roster, retention, forgetting
    imports.py       many applications at once (the import), one transaction
    kiosk.py         a kiosk visitor's resume code and the wrong codes typed
    phases.py        Fase 1's record, Fase 2's processes and terugmeldingen
    audit.py         reading the logboek
    reminders.py     the records with a date to watch (the calendar export)
    backup.py        backup and restore
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from hr_wizard.applications import months_before
from hr_wizard.errors import (
    BusyError,
    ConflictError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
    UnusableLocationError,
)
from hr_wizard.paths import display_location, is_url
from hr_wizard.revisions import HEAD_REVISION, KNOWN_REVISIONS
from hr_wizard.store import cleaning, engines, network
from hr_wizard.store.applications import ROSTER_SORTS, RosterRow, RosterTotals
from hr_wizard.store.audit import AuditStore
from hr_wizard.store.backup import BackupStore, backup_sqlite, check_restorable, restore_sqlite
from hr_wizard.store.engines import CONNECT_TIMEOUT_S, server_engine, server_error, sqlite_engine
from hr_wizard.store.files import (
    check_location,
    check_sqlite_file,
    create_sqlite_file,
    inspect_sqlite_file,
    is_writable,
    repair_sidecars,
)
from hr_wizard.store.imports import ImportsStore
from hr_wizard.store.kiosk import KioskStore, Resume
from hr_wizard.store.opening import current_revision, migrate
from hr_wizard.store.phases import PhasesStore, TransitionError
from hr_wizard.store.reminders import RemindersStore
from hr_wizard.texts import text

cleaning.install()

__all__ = [
    "CONNECT_TIMEOUT_S", "HEAD_REVISION", "BusyError", "KNOWN_REVISIONS", "ROSTER_SORTS", "RosterTotals", "ConflictError", "NewerDatabaseError",
    "NotADatabaseError", "ReadOnlyError", "Resume", "RosterRow", "Store", "StoreError", "TransitionError", "UnusableLocationError",
    "backup_sqlite", "check_restorable", "months_before", "restore_sqlite",
]


class Store(PhasesStore, ImportsStore, KioskStore, AuditStore, BackupStore, RemindersStore):
    """An open hr-wizard database."""

    @classmethod
    def open(cls, location: str, create: bool = True) -> Store:
        """Open (and migrate) the database at a path or URL. Raises StoreError. Only with
        `create` (the interactive start) is a new database, with its folders, made."""
        if is_url(location):
            try:
                engine = server_engine(location)
                return cls._open_engine(engine, location, path=None, readonly=False, revision=None)
            except StoreError:
                raise
            except Exception as exc:  # the driver's connection errors: unreachable, no database, login
                raise server_error(location, exc) from None
        path = Path(location)
        network = network_kind(path.parent if path.parent.exists() else path.parent.parent)
        journal_mode = "DELETE" if network else "WAL"
        if check_location(path, create):
            create_sqlite_file(path, journal_mode)
        header = check_sqlite_file(path)
        readonly = not is_writable(path)
        if not readonly:
            repair_sidecars(path)  # what a read-only start left behind
        # Every check reads only; the journal mode is set once the file is accepted.
        revision = inspect_sqlite_file(path, header, engines.BUSY_TIMEOUT_S)
        engine = sqlite_engine(path, readonly, journal_mode)
        store = cls._open_engine(engine, location, path=path, readonly=readonly, revision=revision)
        if network:
            store.warning = text("warning_network_fs", kind=network)
        if not readonly and store.pending_erasure():
            store.finish_erasure()  # "medewerker vergeten" that another reader kept from finishing
        return store

    @classmethod
    def _open_engine(cls, engine: Engine, location: str, path: Path | None, readonly: bool, revision: str | None) -> Store:
        try:
            if path is None:
                revision = current_revision(engine)
        except BaseException:
            engine.dispose()
            raise
        if revision == "foreign":
            engine.dispose()
            raise NotADatabaseError(path or Path(display_location(location)), text("why_foreign"))
        if revision is not None and revision not in KNOWN_REVISIONS:
            engine.dispose()
            raise NewerDatabaseError(location, revision)
        if revision != HEAD_REVISION:
            if readonly:
                engine.dispose()
                raise StoreError(text("error_migrate_readonly", location=display_location(location)))
            try:
                migrate(engine, path, revision)
            except BaseException:
                engine.dispose()
                raise
        store = cls(engine, location, readonly)
        store.path = path
        return store


def network_kind(folder: Path) -> str | None:
    """Looked up at call time, so a test can put in another detector (see network.py)."""
    return network.detect(folder)
