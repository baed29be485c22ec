"""The database: opening it safely, migrating it, and the queries the screens need.

Takes a path (SQLite file) or a SQLAlchemy URL. Never imports Textual. Screens call
the methods here and never build SQL themselves.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import and_, case, event, func, or_
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, create_engine, select

from hr_wizard import terugmelding as tm
from hr_wizard.errors import (  # noqa: F401  (re-exported for callers)
    ConflictError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyError,
    StoreError,
    UnusableLocationError,
)
from hr_wizard.texts import text
from hr_wizard.models import (
    STEP_STATUSES,
    Application,
    AuditEntry,
    Preparation,
    Process,
    Project,
    Setting,
    StepProgress,
    Terugmelding,
    TerugmeldingStatus,
    utcnow,
)
from hr_wizard.paths import display_location, is_url
from hr_wizard.remembered import current_user, pick_project, project_setting
from hr_wizard.revisions import HEAD_REVISION, KNOWN_REVISIONS  # noqa: F401  (re-exported for callers)

BUSY_TIMEOUT_S = 15
SQLITE_MAGIC = b"SQLite format 3\x00"


ROSTER_SORTS = ("naam", "team", "kenmerk", "current_step", "letter_due")
APPLICATION_FIELDS = frozenset(
    {"naam", "team", "email", "telefoon", "kenmerk", "current_step", "applied_on", "letter_due",
     "letter_received", "debiteur_choice", "debiteurnummer", "first_search_done", "finished_on"}
)
# Fields whose values say nothing about a person, so the audit trail may show them; for the
# others it writes only the field's name.
_AUDIT_SHOWS_VALUE = frozenset({"current_step", "applied_on", "letter_due", "letter_received", "debiteur_choice",
                                "first_search_done", "finished_on", "website_consulted", "form_filled", "terugmelden",
                                "sent_on", "existing_connection", "source", "switch_on", "object", "not_registered",
                                "nevenvestiging", "peilmoment"})
AUDIT_LIMIT = 500
PREPARATION_FIELDS = frozenset({"website_consulted", "form_filled", "terugmelden", "sent_on", "contact_naam",
                                "contact_email", "existing_connection", "note"})
PROCESS_FIELDS = frozenset({"naam", "afdeling", "eigenaar", "hr_data", "source", "switch_on", "note"})
TERUGMELDING_FIELDS = frozenset({*tm.TEXT_FIELDS, "object", "not_registered", "nevenvestiging"})


class TransitionError(StoreError):
    """A terugmelding status change that Digimelding does not advise."""


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


def _like_pattern(text: str) -> str:
    """A LIKE pattern that matches `text` anywhere, with %, _ and \\ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _coerce_dates(model: type, changes: dict[str, Any]) -> dict[str, Any]:
    """Validators give dates as ISO text ("" for none); date columns want dt.date or None."""
    columns = model.__table__.columns
    out = {}
    for name, value in changes.items():
        if isinstance(value, str) and columns[name].type.python_type is dt.date:
            value = dt.date.fromisoformat(value) if value else None
        out[name] = value
    return out


def _audit_value(value: Any) -> str:
    if value is None or value == "":
        return "leeg"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --- opening --------------------------------------------------------------


def _check_sqlite_file(path: Path) -> None:
    """Refuse files that are not SQLite databases, before SQLite tries to use them."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except IsADirectoryError:
        raise UnusableLocationError(text("error_is_folder", path=path, example=path / "hr-wizard.sqlite")) from None
    except PermissionError:
        raise UnusableLocationError(text("error_no_read", path=path)) from None
    if len(header) == 0:
        raise NotADatabaseError(path, text("why_empty"))
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError(path, text("why_not_sqlite"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if page_count and path.stat().st_size < page_size * page_count:
        raise NotADatabaseError(path, text("why_truncated"))


def _create_sqlite_file(path: Path) -> None:
    """A new, empty database in WAL mode, private to this user (folder 0700, file 0600)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = path.with_name(path.name + ".new")
        temp.unlink(missing_ok=True)
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        with sqlite3.connect(temp) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
        connection.close()
        os.replace(temp, path)  # atomic: no half-made database at the real name
    except OSError as exc:
        raise UnusableLocationError(text("error_cannot_create", folder=path.parent, reason=exc.strerror or exc)) from None


def _is_writable(path: Path) -> bool:
    # WAL mode needs the folder writable too (for the -wal and -shm files).
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _sqlite_engine(path: Path, readonly: bool) -> Engine:
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if readonly else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S, "isolation_level": None})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        if not readonly:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: durable across process crashes
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")  # erased personal data is overwritten, not left in free pages
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # Writers take the write lock up front, so two desks queue on the busy timeout
        # instead of failing with "database is locked" when a reader upgrades to a writer.
        write = connection.get_execution_options().get("hr_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write and not readonly else "BEGIN")

    return engine


def _current_revision(engine: Engine) -> str | None:
    if engine.dialect.name != "sqlite":
        return _server_revision(engine)
    with engine.connect() as connection:
        has_version = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not has_version:
            other = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar()
            return "foreign" if other else None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def _server_revision(engine: Engine) -> str | None:
    """The revision on a database server (PostgreSQL), or "foreign" for another program's tables."""
    from sqlalchemy import inspect

    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            return "foreign" if tables - {"alembic_version"} else None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


CONNECT_TIMEOUT_S = 5


def _server_engine(location: str) -> Engine:
    """An engine for a database server. The password never comes from the URL: libpq reads
    PGPASSWORD, ~/.pgpass or a service file itself."""
    from sqlalchemy.engine import make_url

    url = make_url(location)
    if url.password:
        raise UnusableLocationError(text("error_password_in_url", location=display_location(location)))
    if not url.drivername.startswith("postgresql"):
        raise UnusableLocationError(text("error_unsupported_url", scheme=url.drivername))
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _utc(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")  # timestamps are stored as UTC, as on SQLite
        dbapi_connection.commit()

    return engine


def _server_error(location: str, exc: Exception) -> StoreError:
    """A Dutch message for why a database server could not be used (no password in it)."""
    from sqlalchemy.engine import make_url

    url = make_url(location)
    detail = str(getattr(exc, "orig", exc) or exc).lower()
    where = {"host": url.host or "localhost", "port": url.port or 5432, "user": url.username or "", "database": url.database or ""}
    if "does not exist" in detail and "database" in detail:
        return UnusableLocationError(text("error_pg_no_database", **where))
    if "password" in detail or "authentication" in detail or ("role" in detail and "does not exist" in detail):
        return UnusableLocationError(text("error_pg_login", **where))
    if "no module named" in detail or isinstance(exc, ModuleNotFoundError):
        return UnusableLocationError(text("error_pg_driver"))
    return UnusableLocationError(text("error_pg_unreachable", seconds=CONNECT_TIMEOUT_S, **where))


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API (safe while others write)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    return target


def _migrate(engine: Engine, path: Path | None, revision: str | None) -> None:
    from alembic import command  # deferred: only when the schema must change
    from alembic.config import Config

    if path is not None and revision is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_sqlite(path, path.with_name(f"{path.name}.voor-{HEAD_REVISION}-{stamp}.bak"))
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Store:
    """An open hr-wizard database."""

    def __init__(self, engine: Engine, location: str, readonly: bool = False, actor: str | None = None) -> None:
        self.engine = engine
        self.location = location
        self.readonly = readonly
        self.actor = actor or current_user()
        self.path: Path | None = None  # the SQLite file, if it is one
        self._writer = engine.execution_options(hr_write=True)

    @classmethod
    def open(cls, location: str) -> Store:
        """Open (and create or migrate) the database at a path or URL. Raises StoreError."""
        if is_url(location):
            try:
                engine = _server_engine(location)
                return cls._open_engine(engine, location, path=None, readonly=False)
            except StoreError:
                raise
            except Exception as exc:  # the driver's connection errors: unreachable, no database, login
                raise _server_error(location, exc) from None
        path = Path(location)
        if not path.exists():
            _create_sqlite_file(path)
        _check_sqlite_file(path)
        readonly = not _is_writable(path)
        engine = _sqlite_engine(path, readonly)
        return cls._open_engine(engine, location, path=path, readonly=readonly)

    @classmethod
    def _open_engine(cls, engine: Engine, location: str, path: Path | None, readonly: bool) -> Store:
        try:
            revision = _current_revision(engine)
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
            _migrate(engine, path, revision)
        store = cls(engine, location, readonly)
        store.path = path
        return store

    def close(self) -> None:
        self.engine.dispose()

    # --- sessions ---------------------------------------------------------

    def _read(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One user action = one transaction."""
        if self.readonly:
            raise ReadOnlyError()
        with Session(self._writer, expire_on_commit=False) as session:
            with session.begin():
                yield session

    def _audit(self, session: Session, project_id: int | None, entity: str, entity_id: Any, action: str, detail: str = "") -> None:
        """Record a change in the same transaction as the change itself."""
        session.add(AuditEntry(actor=self.actor, project_id=project_id, entity=entity, entity_id=str(entity_id),
                               action=action, detail=detail))

    # --- project ----------------------------------------------------------

    def get_project(self, project_id: int | None = None) -> Project | None:
        """One project (gemeente); without an id the first one, as in a single-gemeente file."""
        with self._read() as session:
            if project_id is not None:
                return session.get(Project, project_id)
            return session.exec(select(Project).order_by(Project.id)).first()

    def projects(self) -> list[Project]:
        """Every gemeente in this database, by name (a cooperation keeps several in one)."""
        with self._read() as session:
            return list(session.exec(select(Project).order_by(func.lower(Project.gemeente), Project.id)))

    def choose_project(self, gemeente: str = "") -> tuple[Project | None, list[Project]]:
        """The project to open: the one named, else this user's last one, else the only one.
        Returns (project or None, all projects) so a caller can ask when it cannot tell."""
        projects = self.projects()
        return pick_project(projects, gemeente, self.get_setting(self.project_setting())), projects

    def project_setting(self) -> str:
        return project_setting(self.actor)

    def remember_project(self, project_id: int) -> None:
        self.set_setting(self.project_setting(), str(project_id))

    def create_project(self, gemeente: str, naam: str, email: str) -> Project:
        project = Project(gemeente=gemeente, projectleider_naam=naam, projectleider_email=email)
        with self._write() as session:
            session.add(project)
            session.flush()
            self._audit(session, project.id, "project", project.id, "aangemaakt")
        return project

    # --- roadmap steps ----------------------------------------------------

    def step_progress(self, project_id: int) -> dict[str, StepProgress]:
        with self._read() as session:
            rows = session.exec(select(StepProgress).where(StepProgress.project_id == project_id))
            return {row.step_key: row for row in rows}

    def _step_row(self, session: Session, project_id: int, step_key: str) -> StepProgress | None:
        return session.exec(
            select(StepProgress).where(StepProgress.project_id == project_id, StepProgress.step_key == step_key).with_for_update()
        ).first()

    def set_step_status(self, project_id: int, step_key: str, status: str) -> StepProgress:
        """Mark a step; the status is an absolute choice, so it never conflicts."""
        if status not in STEP_STATUSES:
            raise ValueError(status)
        try:
            return self._set_step_status(project_id, step_key, status)
        except IntegrityError:  # another desk made the row at the same moment: now it exists
            return self._set_step_status(project_id, step_key, status)

    def _set_step_status(self, project_id: int, step_key: str, status: str) -> StepProgress:
        with self._write() as session:
            row = self._step_row(session, project_id, step_key)
            if row is None:
                row = StepProgress(project_id=project_id, step_key=step_key, status=status, version=1)
            else:
                row.status = status
                row.version += 1
                row.updated_at = utcnow()
            session.add(row)
            self._audit(session, project_id, "stap", step_key, "gewijzigd", f"status: {status}")
        return row

    def set_step_note(self, project_id: int, step_key: str, note: str, expected_version: int) -> StepProgress:
        """Save a note if nobody else changed the step since `expected_version` (0: no row yet)."""
        try:
            return self._set_step_note(project_id, step_key, note, expected_version)
        except IntegrityError:  # another desk made the row first
            raise ConflictError(self.step_progress(project_id).get(step_key)) from None

    def _set_step_note(self, project_id: int, step_key: str, note: str, expected_version: int) -> StepProgress:
        with self._write() as session:
            row = self._step_row(session, project_id, step_key)
            current = row.version if row else 0
            if current != expected_version:
                if row is not None:
                    session.expunge(row)  # keep its loaded values; the rollback would expire them
                raise ConflictError(row)
            if row is None:
                row = StepProgress(project_id=project_id, step_key=step_key, note=note, version=1)
            else:
                row.note = note
                row.version += 1
                row.updated_at = utcnow()
            session.add(row)
            self._audit(session, project_id, "stap", step_key, "gewijzigd", "notitie")
        return row

    # --- settings ---------------------------------------------------------

    def get_setting(self, key: str, default: str = "") -> str:
        with self._read() as session:
            row = session.get(Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        if self.readonly:
            return  # remembered choices are a convenience; a read-only file just forgets them
        try:
            self._set_setting(key, value)
        except IntegrityError:  # made by another desk at the same moment: set it again
            self._set_setting(key, value)

    def _set_setting(self, key: str, value: str) -> None:
        with self._write() as session:
            row = session.get(Setting, key) or Setting(key=key, value=value)
            row.value = value
            session.add(row)

    def set_project_debiteurnummer(self, project_id: int, nummer: str) -> None:
        with self._write() as session:
            project = session.get(Project, project_id)
            project.debiteurnummer = nummer
            project.version += 1
            session.add(project)
            self._audit(session, project_id, "project", project_id, "gewijzigd", "debiteurnummer")

    # --- account applications ----------------------------------------------

    def create_application(self, project_id: int, naam: str, team: str, email: str, telefoon: str = "") -> Application:
        application = Application(project_id=project_id, naam=naam, team=team, email=email, telefoon=telefoon)
        with self._write() as session:
            session.add(application)
            session.flush()
            self._audit(session, project_id, "aanvraag", application.id, "aangemaakt")
        return application

    def get_application(self, application_id: int) -> Application | None:
        with self._read() as session:
            return session.get(Application, application_id)

    def _save_versioned(self, model: type, entity: str, fields: frozenset[str], record_id: Any, expected_version: int,
                        gone: str, changes: dict[str, Any]) -> Any:
        """Apply `changes` to one record if nobody saved it since `expected_version`; audit what changed."""
        unknown = set(changes) - fields
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        changes = _coerce_dates(model, changes)
        with self._write() as session:
            row = self._locked_row(session, model, record_id, expected_version, gone)
            changed = [name for name, value in changes.items() if getattr(row, name) != value]
            for name, value in changes.items():
                setattr(row, name, value)
            row.version += 1
            if hasattr(row, "updated_at"):
                row.updated_at = utcnow()
            session.add(row)
            if changed:
                detail = ", ".join(f"{name}: {_audit_value(getattr(row, name))}" if name in _AUDIT_SHOWS_VALUE else name
                                   for name in sorted(changed))
                self._audit(session, row.project_id, entity, record_id, "gewijzigd", detail)
        return row

    def _locked_row(self, session: Session, model: type, record_id: Any, expected_version: int, gone: str) -> Any:
        """The record, locked for this transaction, if nobody saved it since `expected_version`."""
        row = session.get(model, record_id, with_for_update=True)
        if row is None:
            raise StoreError(text(gone))
        if row.version != expected_version:
            session.expunge(row)  # keep its loaded values; the rollback would expire them
            raise ConflictError(row)
        return row

    def save_application(self, application_id: int, expected_version: int, **changes: Any) -> Application:
        """Apply `changes` if nobody saved this application since `expected_version`."""
        return self._save_versioned(Application, "aanvraag", APPLICATION_FIELDS, application_id, expected_version,
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
            self._audit(session, project_id, "aanvraag", application_id, "vergeten", "alle persoonsgegevens gewist")
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

    # --- audit trail --------------------------------------------------------

    def audit_entries(self, project_id: int, text: str = "", entity: str | None = None, limit: int = AUDIT_LIMIT) -> list[AuditEntry]:
        """The newest changes first, filtered by a text (in user, record, action or detail) and kind."""
        a = AuditEntry
        conditions = [a.project_id == project_id]
        if entity:
            conditions.append(a.entity == entity)
        text = text.strip()
        if text:
            pattern = _like_pattern(text)
            conditions.append(or_(*(column.ilike(pattern, escape="\\") for column in (a.actor, a.entity, a.entity_id, a.action, a.detail))))
        with self._read() as session:
            return list(session.exec(select(a).where(*conditions).order_by(a.id.desc()).limit(limit)))

    def _roster_filter(self, project_id: int, text: str, status: str | None, today: dt.date):
        conditions = [Application.project_id == project_id]
        text = text.strip()
        if text:
            pattern = _like_pattern(text)
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

    # --- Fase 1: the preparation record --------------------------------------

    def get_preparation(self, project_id: int) -> Preparation:
        """The project's Fase 1 record; a new, unsaved one (version 0) if nothing was saved yet."""
        with self._read() as session:
            return session.get(Preparation, project_id) or Preparation(project_id=project_id, version=0)

    def save_preparation(self, project_id: int, expected_version: int, **changes: Any) -> Preparation:
        if expected_version == 0:
            try:
                with self._write() as session:
                    if session.get(Preparation, project_id) is not None:
                        raise ConflictError(self.get_preparation(project_id))
                    session.add(Preparation(project_id=project_id, version=0))
            except IntegrityError:  # another desk made it at the same moment
                raise ConflictError(self.get_preparation(project_id)) from None
        return self._save_versioned(Preparation, "voorbereiding", PREPARATION_FIELDS, project_id, expected_version,
                                    "error_gone_preparation", changes)

    # --- Fase 2: process inventory -------------------------------------------

    def processes(self, project_id: int) -> list[Process]:
        with self._read() as session:
            query = select(Process).where(Process.project_id == project_id).order_by(func.lower(Process.naam), Process.id)
            return list(session.exec(query))

    def get_process(self, process_id: int) -> Process | None:
        with self._read() as session:
            return session.get(Process, process_id)

    def create_process(self, project_id: int, **fields: Any) -> Process:
        unknown = set(fields) - PROCESS_FIELDS
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        process = Process(project_id=project_id, **_coerce_dates(Process, fields))
        with self._write() as session:
            session.add(process)
            session.flush()
            self._audit(session, project_id, "proces", process.id, "aangemaakt", f"source: {process.source}")
        return process

    def save_process(self, process_id: int, expected_version: int, **changes: Any) -> Process:
        return self._save_versioned(Process, "proces", PROCESS_FIELDS, process_id, expected_version,
                                    "error_gone_process", changes)

    def delete_process(self, process_id: int) -> None:
        with self._write() as session:
            row = session.get(Process, process_id)
            if row is not None:
                session.delete(row)
                self._audit(session, row.project_id, "proces", process_id, "verwijderd")

    def process_progress(self, project_id: int) -> tuple[int, int]:
        """(processes that use the HR as their source, all processes)."""
        from hr_wizard.inventory import SOURCE_DONE

        query = select(func.count(), func.coalesce(func.sum(case((Process.source == SOURCE_DONE, 1), else_=0)), 0)).where(
            Process.project_id == project_id)
        with self.engine.connect() as connection:
            total, done = connection.execute(query).one()
        return int(done), int(total)

    # --- Fase 2: terugmeldingen ----------------------------------------------

    def terugmeldingen(self, project_id: int, status: str | None = None, kvk: str = "") -> list[Terugmelding]:
        t = Terugmelding
        conditions = [t.project_id == project_id]
        if status:
            conditions.append(t.status == status)
        digits = "".join(ch for ch in kvk if ch.isdigit())
        if digits:
            conditions.append(t.kvk_nummer.startswith(digits))
        with self._read() as session:
            return list(session.exec(select(t).where(*conditions).order_by(t.id.desc())))

    def get_terugmelding(self, terugmelding_id: int) -> Terugmelding | None:
        with self._read() as session:
            return session.get(Terugmelding, terugmelding_id)

    def create_terugmelding(self, project_id: int, today: dt.date | None = None, **fields: Any) -> Terugmelding:
        """A new report, status 'concept' (not sent yet)."""
        unknown = set(fields) - TERUGMELDING_FIELDS
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        report = Terugmelding(project_id=project_id, status="concept", **_coerce_dates(Terugmelding, fields))
        with self._write() as session:
            session.add(report)
            session.flush()
            session.add(TerugmeldingStatus(terugmelding_id=report.id, status="concept", changed_on=today or dt.date.today()))
            self._audit(session, project_id, "terugmelding", report.id, "aangemaakt", "status: concept")
        return report

    def save_terugmelding(self, terugmelding_id: int, expected_version: int, **changes: Any) -> Terugmelding:
        return self._save_versioned(Terugmelding, "terugmelding", TERUGMELDING_FIELDS, terugmelding_id, expected_version,
                                    "error_gone_terugmelding", changes)

    def move_terugmelding(self, terugmelding_id: int, expected_version: int, status: str, on: dt.date) -> Terugmelding:
        """Change the status, if Digimelding advises that transition; the history keeps the date."""
        with self._write() as session:
            row = self._locked_row(session, Terugmelding, terugmelding_id, expected_version, "error_gone_terugmelding")
            if not tm.can_move(row.status, status):
                raise TransitionError(text("error_transition", old=row.status, new=status))
            if status == "gemeld":
                missing = tm.missing_for_report(row.model_dump())
                if missing:
                    raise TransitionError(text("error_incomplete", fields=", ".join(sorted(missing))))
            row.status = status
            row.version += 1
            row.updated_at = utcnow()
            session.add(row)
            session.add(TerugmeldingStatus(terugmelding_id=row.id, status=status, changed_on=on))
            self._audit(session, row.project_id, "terugmelding", row.id, "gewijzigd", f"status: {status}")
        return row

    def terugmelding_history(self, terugmelding_id: int) -> list[TerugmeldingStatus]:
        s = TerugmeldingStatus
        with self._read() as session:
            return list(session.exec(select(s).where(s.terugmelding_id == terugmelding_id).order_by(s.id)))

    def delete_terugmelding(self, terugmelding_id: int) -> None:
        """Only a concept can be deleted; a sent report is withdrawn ('ingetrokken') instead."""
        with self._write() as session:
            row = session.get(Terugmelding, terugmelding_id)
            if row is None:
                return
            if row.status != "concept":
                raise TransitionError(text("error_delete_sent"))
            for history in session.exec(select(TerugmeldingStatus).where(TerugmeldingStatus.terugmelding_id == row.id)):
                session.delete(history)
            session.delete(row)
            self._audit(session, row.project_id, "terugmelding", terugmelding_id, "verwijderd")

    def terugmelding_counts(self, project_id: int) -> dict[str, int]:
        query = select(Terugmelding.status, func.count()).where(Terugmelding.project_id == project_id).group_by(Terugmelding.status)
        with self.engine.connect() as connection:
            return {status: count for status, count in connection.execute(query)}

    # --- export, import, backup ----------------------------------------------

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
            self._audit(session, project_id, "aanvraag", "-", "geïmporteerd", f"{len(rows)} aanvragen")
        return len(rows)

    def backup_to(self, target: Path) -> Path:
        """A consistent copy while others keep working (SQLite's online backup API)."""
        if self.path is None:
            raise StoreError(text("error_backup_not_sqlite"))
        return backup_sqlite(self.path, target)


def check_restorable(path: Path) -> str:
    """The schema revision of an hr-wizard database file, or StoreError if it cannot be restored."""
    _check_sqlite_file(path)
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables or "project" not in tables:
                raise NotADatabaseError(path, text("why_foreign"))
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise NotADatabaseError(path, text("why_damaged"))
        connection.close()
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(path, text("why_unreadable", reason=exc)) from None
    if revision is None or revision[0] not in KNOWN_REVISIONS:
        raise NewerDatabaseError(str(path), revision[0] if revision else "?")
    return revision[0]


def restore_sqlite(source: Path, target: Path) -> Path | None:
    """Replace the database at `target` by `source`, after checking `source` and keeping a
    copy of the current file next to it. Returns the path of that copy (None if there was none)."""
    check_restorable(source)
    kept = None
    if target.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = backup_sqlite(target, target.with_name(f"{target.name}.voor-herstel-{stamp}.bak"))
    else:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)  # writes through SQLite, so the target's -wal stays consistent
    src.close()
    dst.close()
    return kept
