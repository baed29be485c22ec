"""The SQLite file itself: what is at the path, is it a database SQLite can read, may it be
made or written. No SQLAlchemy.

Every check here reads only: a file that is refused is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

from hr_wizard.errors import NewerDatabaseError, NotADatabaseError, StoreError, UnusableLocationError
from hr_wizard.paths import sqlite_uri
from hr_wizard.revisions import KNOWN_REVISIONS
from hr_wizard.store.locks import busy_error, is_busy
from hr_wizard.texts import text

SQLITE_MAGIC = b"SQLite format 3\x00"
SIDECARS = ("-wal", "-shm")  # SQLite's own files beside the database: part of it


def sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def check_location(path: Path, create: bool) -> bool:
    """What is at `path` before SQLite sees it. Returns True if a new database must be made
    there (only when `create`). Never follows a dangling link, opens a pipe or waits."""
    if path.is_symlink() and not path.exists():
        raise UnusableLocationError(text("error_dangling_link", path=path, target=os.readlink(path)))
    try:
        info = path.stat()
    except FileNotFoundError:
        if not create:
            raise UnusableLocationError(text("error_no_database", path=path)) from None
        return True
    except OSError as exc:
        raise UnusableLocationError(text("error_no_read", path=path) if isinstance(exc, PermissionError)
                                    else text("error_cannot_create", folder=path.parent, reason=exc.strerror or exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnusableLocationError(text("error_is_folder", path=path, example=path / "hr-wizard.sqlite"))
    if not stat.S_ISREG(info.st_mode):
        raise UnusableLocationError(text("error_not_a_file", path=path))
    return False


def check_sqlite_file(path: Path) -> bytes:
    """Refuse files that are not SQLite databases, before SQLite tries to use them. Returns
    the 100-byte header. The size is not judged here: the -wal beside it is part of it."""
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
    return header


def _shorter_than_header(path: Path, header: bytes) -> bool:
    """The main file is shorter than its header says and no WAL holds the rest."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    wal = path.with_name(path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return wal_size == 0 and path.stat().st_size < page_size * int.from_bytes(header[28:32], "big")


def inspect_sqlite_file(path: Path, header: bytes, timeout: float) -> str | None:
    """Judge the file as SQLite does, read-only (`mode=ro`): SQLite's quick_check over the
    file and its WAL, then the schema revision (None: an empty new database).
    A refused file is left as it was, without the -wal and -shm the check made."""
    existed = [sidecar.exists() for sidecar in sidecars(path)]
    try:
        return _inspect(path, header, timeout)
    except StoreError:
        if not any(existed):
            _tidy_sidecars(path)
        raise


def _tidy_sidecars(path: Path) -> None:
    """Let SQLite remove the empty -wal and -shm that a read-only look left: the last
    connection to close removes them, under its exclusive lock, so no other desk loses them."""
    if not any(sidecar.exists() for sidecar in sidecars(path)):
        return
    try:
        with closing(sqlite3.connect(sqlite_uri(path, mode="rw"), uri=True, timeout=0)) as connection:
            connection.execute("PRAGMA schema_version").fetchall()
    except sqlite3.Error:
        pass  # read-only, damaged or in use: SQLite leaves them, as it would itself


def _inspect(path: Path, header: bytes, timeout: float) -> str | None:
    try:
        with closing(sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=timeout)) as connection:
            if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise NotADatabaseError(path, text("why_truncated" if _shorter_than_header(path, header) else "why_damaged"))
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise NotADatabaseError(path, text("why_foreign"))
                return None
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise busy_error() from None
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise UnusableLocationError(text("error_readonly_folder", folder=path.parent)) from None
        raise NotADatabaseError(path, text("why_unreadable", reason=exc)) from None
    except sqlite3.DatabaseError as exc:  # malformed: a damaged or truncated file
        why = "why_truncated" if _shorter_than_header(path, header) else "why_damaged"
        raise NotADatabaseError(path, text(why) + f" ({exc})") from None
    if len(rows) != 1 or not rows[0][0]:
        raise NotADatabaseError(path, text("why_no_revision"))
    if rows[0][0] not in KNOWN_REVISIONS:
        raise NewerDatabaseError(str(path), rows[0][0])
    return rows[0][0]


# SQLite's locks on the database file (os_unix.c): every connection holds a read lock in the
# SHARED range while it is open; the last one to close takes PENDING, RESERVED and the SHARED
# range for writing before it removes the -wal and -shm. A new connection waits meanwhile.
_PENDING_BYTE = 0x40000000
_LOCK_BYTES = 2 + 510


def repair_sidecars(path: Path) -> None:
    """The -wal and -shm that a read-only start left and that this user may not write (SQLite
    makes them with the database file's mode, owned by the reader; a mode of 0444 or another
    user's 0644 would break this writable start). This user's own get write permission back;
    another user's are removed as SQLite removes them itself: when no connection has the
    database open (SQLite's own lock) and the -wal holds nothing. Else a message says why."""
    mode = path.stat().st_mode & 0o666
    foreign = []
    for sidecar in sidecars(path):
        try:
            info = sidecar.stat()
        except OSError:
            continue
        if os.access(sidecar, os.W_OK):
            continue
        if info.st_uid == os.geteuid():
            os.chmod(sidecar, mode | stat.S_IRUSR | stat.S_IWUSR)
        else:
            foreign.append(info.st_uid)
    if foreign:
        _remove_readers_sidecars(path, _user_name(foreign[0]))


def _remove_readers_sidecars(path: Path, owner: str) -> None:
    try:
        import fcntl
    except ImportError:  # Windows has no file modes of this kind
        return
    wal = path.with_name(path.name + "-wal")
    # Opening and closing the file drops every POSIX lock this process holds on it: this runs
    # before this process opens the database with SQLite.
    with path.open("r+b") as handle:  # this user may write the file, or the start would be read-only
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, _LOCK_BYTES, _PENDING_BYTE)
        except OSError:
            raise UnusableLocationError(text("error_sidecars_in_use", path=path, owner=owner)) from None
        try:
            if wal.exists() and wal.stat().st_size > 0:
                raise UnusableLocationError(text("error_sidecars_foreign", path=path, owner=owner))
            for sidecar in sidecars(path):
                sidecar.unlink(missing_ok=True)
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN, _LOCK_BYTES, _PENDING_BYTE)


def _user_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def create_sqlite_file(path: Path, journal_mode: str = "WAL") -> None:
    """A new, empty database, private to this user (folder 0700, file 0600)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = path.with_name(path.name + ".new")
        temp.unlink(missing_ok=True)
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        with closing(sqlite3.connect(sqlite_uri(temp, mode="rw"), uri=True)) as connection:
            connection.execute(f"PRAGMA journal_mode={journal_mode}")
            connection.execute("PRAGMA user_version=0")  # writes the header: an empty file is no database
            connection.commit()
        for sidecar in sidecars(temp):
            sidecar.unlink(missing_ok=True)
        try:
            os.link(temp, path)  # atomic, and never replaces what another process put there meanwhile
            temp.unlink()
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            os.replace(temp, path)
    except FileExistsError:
        temp.unlink(missing_ok=True)  # another desk made it first: use theirs
    except OSError as exc:
        raise UnusableLocationError(text("error_cannot_create", folder=path.parent, reason=exc.strerror or exc)) from None


def is_writable(path: Path) -> bool:
    # WAL mode needs the folder writable too (for the -wal and -shm files).
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def move_aside(path: Path, target: Path) -> Path:
    """Rename the database with its -wal and -shm to one new name stem, or nothing at all:
    the main file without its WAL would be unreadable."""
    pairs = [(path, target)] + [(old, target.with_name(target.name + suffix))
                                for old, suffix in zip(sidecars(path), SIDECARS, strict=True) if old.exists()]
    if any(new.exists() for _, new in pairs):
        raise FileExistsError(target)
    done = []
    try:
        for old, new in reversed(pairs):  # the sidecars first: the main file moves last
            os.rename(old, new)
            done.append((old, new))
    except OSError:
        for old, new in reversed(done):
            os.rename(new, old)
        raise
    return target
