"""The packaged content file, parsed once per version of it instead of at every start.

tomllib takes about 6 ms for the 80 KB file, a fifth of hr-wizard's own start-up; the same
tables read back from JSON take half a millisecond. So the first start after an install or
an upgrade keeps tomllib's result as JSON in the user's cache folder, under the file's
length and CRC-32 (zlib is loaded already; hashlib would cost a millisecond to import), and
later starts read that. Only the packaged file: a gemeente's override file is
small and always read as it is.

A cache that is missing, damaged, unreadable, unwritable or holds anything but the file's
checked tables is simply not used (and replaced); JSON cannot carry code, so a changed cache
file can at most change texts, as the override file can.
Never imports Textual.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

from hr_wizard.paths import APP_NAME

PREFIX = "inhoud-"
KEEP = 4  # copies kept, this version's included
T = TypeVar("T")


def cache_folder() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def cached(path: Path, parse: Callable[[Path], dict[str, Any]], build: Callable[[dict[str, Any]], T]) -> T:
    """`build(parse(path))`, where parse's result (tomllib's tables) comes from the cache when
    it holds this very file."""
    try:
        data = path.read_bytes()
    except OSError:
        return build(parse(path))  # parse says what is wrong with the file
    cache = cache_folder() / f"{PREFIX}{len(data):x}-{zlib.crc32(data):08x}.json"
    try:
        return build(json.loads(_read(cache, limit=max(1 << 20, 4 * len(data)))))
    except Exception:  # whatever is wrong with the cache (missing, damaged, not JSON, not these
        pass  # tables, nested too deep): the file is parsed again and the cache replaced
    tables = parse(path)
    result = build(tables)  # the file's own faults are reported, and such tables never kept
    _keep(cache, tables)
    return result


def _read(cache: Path, limit: int) -> bytes:
    """The cache file's bytes, if it is a plain file of a sane size: never wait on a pipe or
    a device, never follow a link, never read a huge file."""
    fd = os.open(cache, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as file:
        found = os.fstat(file.fileno())
        if not stat.S_ISREG(found.st_mode) or found.st_size > limit:
            raise OSError(f"{cache} is not a cache file")
        return file.read(limit + 1)


def _keep(cache: Path, tables: dict[str, Any]) -> None:
    try:
        # Only what JSON gives back exactly: a TOML date or time would come back as text.
        data = json.dumps(tables, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError):
        return
    if json.loads(data) != tables:
        return
    temp = cache.with_name(f".{cache.name}.{os.getpid()}")
    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, cache)  # whole or not at all: another start may be reading
        # Earlier versions' copies go, except the newest few: two installs (a system one and a
        # venv) may share this folder, and must not throw each other's copy away at every start.
        others = sorted((old for old in cache.parent.glob(f"{PREFIX}*.json") if old != cache),
                        key=lambda old: old.stat().st_mtime, reverse=True)
        for old in others[KEEP - 1:]:
            old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
