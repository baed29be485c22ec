"""Files hr-wizard writes for people (backups, restored databases, exports, reports): private
(mode 0600) from their first byte, never over an existing file unless asked, never over
the live database. Written under a temporary name and put in place whole.

No Textual, no SQLAlchemy. On Windows the mode is ignored; the folder's rights apply.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from hr_wizard.errors import StoreError
from hr_wizard.paths import is_url
from hr_wizard.texts import text

PRIVATE = 0o600


class OutputError(StoreError):
    """Why the file cannot be written, in Dutch."""


def _is_live(target: Path, live: str | None) -> bool:
    if not live or is_url(live):
        return False
    database = Path(live).absolute()
    names = {database, *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal"))}
    if target.absolute() in names:
        return True
    try:
        return target.exists() and database.exists() and os.path.samefile(target, database)
    except OSError:
        return False


def check_target(target: Path, overwrite: bool = False, live: str | None = None) -> None:
    if _is_live(target, live):
        raise OutputError(text("error_output_is_database", path=target))
    if target.is_dir():
        raise OutputError(text("error_output_folder", path=target, example=target / "bestand"))
    if (target.exists() or target.is_symlink()) and not overwrite:
        raise OutputError(text("error_output_exists", path=target))
    if not target.parent.is_dir():
        raise OutputError(text("error_output_no_folder", folder=target.parent))


@contextmanager
def private_path(target: Path, overwrite: bool = False, live: str | None = None) -> Iterator[Path]:
    """A new, empty file (0600) to fill; put at `target` when the block ends without error."""
    check_target(target, overwrite, live)
    temp = target.with_name(f".{target.name}.{os.getpid()}.nieuw")
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
    except OSError as exc:
        raise OutputError(text("cli_cannot_write", path=target, reason=exc.strerror or exc)) from None
    try:
        yield temp
        _put_in_place(temp, target, overwrite)
    finally:
        temp.unlink(missing_ok=True)


def _put_in_place(temp: Path, target: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # fails if a file appeared there meanwhile: never overwritten
    except FileExistsError:
        raise OutputError(text("error_output_exists", path=target)) from None
    except OSError:  # no hard links on this file system
        if target.exists():
            raise OutputError(text("error_output_exists", path=target)) from None
        os.replace(temp, target)


@contextmanager
def private_output(target: Path, overwrite: bool = False, live: str | None = None, binary: bool = False,
                   encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[Any]]:
    """An open file for writing, as `private_path` puts it in place."""
    with private_path(target, overwrite, live) as temp:
        handle: IO[Any]
        with (open(temp, "wb") if binary else open(temp, "w", encoding=encoding, newline=newline)) as handle:
            yield handle
