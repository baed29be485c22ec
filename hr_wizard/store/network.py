"""Is a database file on a network file system? SQLite's WAL needs shared memory between the
desks, which NFS and SMB/CIFS do not give; there the rollback journal is used instead.

`detect` is looked up at call time, so a test can put another function in its place
(no real NFS mount is needed to test what follows from it).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path

# statfs(2) f_type values (linux/magic.h)
NETWORK_MAGIC = {0x6969: "NFS", 0x517B: "SMB", 0xFF534D42: "CIFS", 0xFE534D42: "SMB2"}


class _StatFs(ctypes.Structure):
    # Only the first field is read; the rest is room for the kernel to write into.
    _fields_ = [("f_type", ctypes.c_long), ("rest", ctypes.c_byte * 256)]


def _linux_kind(folder: Path) -> str | None:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    buffer = _StatFs()
    if libc.statfs(os.fsencode(folder), ctypes.byref(buffer)) != 0:
        return None
    return NETWORK_MAGIC.get(buffer.f_type & 0xFFFFFFFF)


def _windows_kind(folder: Path) -> str | None:
    text = str(folder.absolute())
    if text.startswith("\\\\"):
        return "UNC"
    drive = os.path.splitdrive(text)[0]
    if drive and sys.platform == "win32":
        DRIVE_REMOTE = 4
        if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE:  # type: ignore[attr-defined]
            return "netwerkschijf"
    return None


def detect(folder: Path) -> str | None:
    """The kind of network file system the folder is on (NFS, SMB, CIFS, UNC...), or None."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_kind(folder)
        if sys.platform == "win32":
            return _windows_kind(folder)
    except (OSError, AttributeError, ValueError):
        return None
    return None
