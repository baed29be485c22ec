"""Kiosk rules that are not about the screen, in one place so `hr-wizard --kiosk` and a browser
kiosk (`serve --kiosk`) use the same ones. Never imports Textual.

- the operator code: kept only as a scrypt hash, at least 8 characters, a growing delay after
  wrong codes;
- the visitor's resume code: 8 characters without look-alikes, kept only as a salted keyed hash,
  valid for `kiosk_resume_days`, five wrong codes for one e-mail address lock it for 15 minutes;
- the allow-list: the only actions a kiosk visitor (and the operator's own screen) may use;
- the operator log: what went wrong, for the operator, without personal data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import re
import secrets
import traceback
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hr_wizard.texts import text

if TYPE_CHECKING:
    from hr_wizard.content import Content

CODE_ENV = "HR_WIZARD_KIOSK_CODE"
# How `hr-wizard serve --kiosk` hands the checked code to the wizard it starts per browser:
# only the hash, so the plain code never reaches a child process.
CODE_HASH_ENV = "HR_WIZARD_KIOSK_CODE_HASH"
MIN_CODE_LENGTH = 8

# --- the operator code -------------------------------------------------------------
#
# scrypt as OWASP advises it for passwords: N = 2**17 (128 MiB of memory), r = 8, p = 1, a
# 16-byte random salt, a 32-byte key; about 0.7 s on one core. Stored as
#   scrypt$<N>$<r>$<p>$<salt hex>$<key hex>
# A stored hash is accepted with N from 2**14 to 2**20, r from 1 to 32 and p from 1 to 16, so a
# typo in the config file cannot ask for gigabytes of memory.
_SCHEME = "scrypt"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_KEY_BYTES = 32
_N_RANGE, _R_RANGE, _P_RANGE = (2**14, 2**20), (1, 32), (1, 16)


class KioskError(Exception):
    """The kiosk cannot start; `str()` says why and what to do."""


@dataclass(frozen=True)
class _CodeHash:
    n: int
    r: int
    p: int
    salt: bytes
    key: bytes


def _scrypt(code: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(code.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_KEY_BYTES, maxmem=256 * r * n + 2**20)


def hash_code(code: str, salt: bytes | None = None, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """The stored form of an operator code (see the parameters above)."""
    salt = salt or secrets.token_bytes(16)
    return f"{_SCHEME}${n}${r}${p}${salt.hex()}${_scrypt(code, salt, n, r, p).hex()}"


def _parse_code_hash(stored: str) -> _CodeHash:
    """The parts of a stored hash; ValueError with a Dutch reason if it is not one we made."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        raise ValueError(text("kiosk_hash_form"))
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt, key = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        raise ValueError(text("kiosk_hash_form")) from None
    if (n & (n - 1) or not _N_RANGE[0] <= n <= _N_RANGE[1] or not _R_RANGE[0] <= r <= _R_RANGE[1]
            or not _P_RANGE[0] <= p <= _P_RANGE[1] or len(salt) < 16 or len(key) != _KEY_BYTES):
        raise ValueError(text("kiosk_hash_form"))
    return _CodeHash(n, r, p, salt, key)


def code_hash_fault(stored: str) -> str | None:
    """Why `stored` is no usable operator-code hash, or None if it is one."""
    try:
        _parse_code_hash(stored)
    except ValueError as error:
        return str(error)
    return None


def verify_code(code: str, stored: str) -> bool:
    try:
        parsed = _parse_code_hash(stored)
    except ValueError:
        return False
    return hmac.compare_digest(_scrypt(code, parsed.salt, parsed.n, parsed.r, parsed.p), parsed.key)


def code_too_short(code: str) -> bool:
    return len(code) < MIN_CODE_LENGTH


@dataclass
class OperatorGuard:
    """Wrong operator codes wait longer each time: 1, 2, 4 ... seconds, at most 60. A right code
    starts again at 1. `base` is shorter only in tests."""

    base: float = 1.0
    longest: float = 60.0
    failures: int = 0
    not_before: float = 0.0  # time.monotonic() before which no code is checked

    def wait_left(self, now: float) -> float:
        return max(0.0, self.not_before - now)

    def failed(self, now: float) -> float:
        """Count a wrong code; returns the seconds to wait before the next try."""
        delay = min(self.longest, self.base * 2.0**self.failures)
        self.failures += 1
        self.not_before = now + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self.not_before = 0.0


# --- the visitor's resume code -----------------------------------------------------
#
# 8 characters from 31 (digits and capitals without 0/O, 1/I/L): 31**8, about 8.5e11 codes.
# Stored as "hmac-sha256$<salt hex>$<digest hex>": HMAC-SHA256 keyed with a random salt per
# code. A slow hash would buy nothing: whoever can read the stored hash can read the
# application it protects, and guessing at the kiosk is bounded by the lock (5 wrong codes per
# e-mail address per 15 minutes) and the code's 30 days.
RESUME_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RESUME_CODE_LENGTH = 8
RESUME_FAILURE_LIMIT = 5
RESUME_LOCK = dt.timedelta(minutes=15)
_RESUME_SCHEME = "hmac-sha256"


def new_resume_code() -> str:
    return "".join(secrets.choice(RESUME_ALPHABET) for _ in range(RESUME_CODE_LENGTH))


def format_resume_code(code: str) -> str:
    """For reading aloud and writing down: ABCD-EFGH."""
    return f"{code[:4]}-{code[4:]}"


def normalise_resume_code(typed: str) -> str:
    """What the visitor typed, as codes are stored: capitals, without spaces or dashes."""
    return re.sub(r"[\s\-]", "", typed).upper()


def resume_code_fault(typed: str) -> str | None:
    """Why `typed` cannot be a resume code (a Dutch message), or None."""
    code = normalise_resume_code(typed)
    if len(code) != RESUME_CODE_LENGTH or any(ch not in RESUME_ALPHABET for ch in code):
        return text("kiosk_code_form", length=RESUME_CODE_LENGTH)
    return None


def hash_resume_code(code: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hmac.new(salt, normalise_resume_code(code).encode("ascii", "replace"), hashlib.sha256).hexdigest()
    return f"{_RESUME_SCHEME}${salt.hex()}${digest}"


def verify_resume_code(code: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
        if scheme != _RESUME_SCHEME:
            return False
        candidate = hash_resume_code(code, bytes.fromhex(salt))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.rsplit("$", 1)[1], digest)


def resume_expires(today: dt.date, days: int) -> dt.date:
    """The last day a resume code made today works."""
    return today + dt.timedelta(days=days)


def email_key(project_id: int, email: str) -> str:
    """The key of an e-mail address's wrong resume codes: a hash of the gemeente and the address,
    so the table of attempts holds no address."""
    return hashlib.sha256(f"hr-wizard-kiosk:{project_id}:{email.strip().lower()}".encode()).hexdigest()


# --- settings -------------------------------------------------------------------------


@dataclass(frozen=True)
class KioskConfig:
    code_hash: str
    idle_seconds: float
    closing_seconds: float
    resume_days: int = 30
    guard: OperatorGuard = field(default_factory=OperatorGuard, compare=False)

    @property
    def warning_seconds(self) -> float:
        """How long before the idle reset the countdown shows: 30 s, or half the idle time when shorter."""
        return min(30.0, self.idle_seconds / 2)


def kiosk_config(content: Content, environ: MutableMapping[str, str] = os.environ) -> KioskConfig:
    """The operator code from the environment (hashed at once and removed from the
    environment, so child processes never see it), else a hash handed over by
    `hr-wizard serve` (also removed), else the config file's hash.
    Raises KioskError with a Dutch message when there is no usable code."""
    plain = environ.pop(CODE_ENV, "")
    handed = environ.pop(CODE_HASH_ENV, "")
    if plain and code_too_short(plain):
        raise KioskError(text("kiosk_env_code_short", env=CODE_ENV, length=MIN_CODE_LENGTH))
    if handed and not plain and code_hash_fault(handed) is not None:
        raise KioskError(text("kiosk_bad_handed_hash", env=CODE_HASH_ENV))
    code_hash = hash_code(plain) if plain else handed or content.settings["kiosk_code_hash"]
    if not code_hash:
        raise KioskError(text("kiosk_no_code", env=CODE_ENV))
    fault = code_hash_fault(code_hash)
    if fault is not None:  # the content file checks it too; this holds for any other way in
        raise KioskError(text("kiosk_bad_hash", fault=fault))
    settings = content.settings
    return KioskConfig(code_hash, settings["kiosk_idle_seconds"], settings["kiosk_closing_seconds"],
                       settings["kiosk_resume_days"])



def child_environment(config: KioskConfig) -> dict[str, str]:
    """What a kiosk started by `hr-wizard serve` needs in its environment: the hash only."""
    return {CODE_HASH_ENV: config.code_hash}


# --- the allow-list -------------------------------------------------------------------
#
# Every action a key, a click or the footer can start in the kiosk, by the kind of widget or
# screen whose bindings hold it (a class name anywhere in its ancestry). A binding whose action
# is not listed for its holder is removed when the widget joins the app, and the app refuses to
# run an unlisted action however it is asked: whatever is added later is off until listed here.
_EDITING = frozenset({
    "cursor_left", "cursor_right", "cursor_left(True)", "cursor_right(True)", "cursor_left_word", "cursor_right_word",
    "cursor_left_word(True)", "cursor_right_word(True)", "home", "end", "home(True)", "end(True)", "delete_left",
    "delete_right", "delete_left_word", "delete_right_word", "delete_left_all", "delete_right_all", "select_all", "submit",
})
_SCROLLING = frozenset({"scroll_up", "scroll_down", "scroll_left", "scroll_right", "scroll_home", "scroll_end",
                        "page_up", "page_down", "page_left", "page_right"})
VISITOR_ACTIONS: Mapping[str, frozenset[str]] = {
    "KioskApp": frozenset({"blocked", "operator", "help", "focus_next", "focus_previous"}),
    "Screen": frozenset({"app.focus_next", "app.focus_previous"}),
    "KioskWelcomeScreen": frozenset({"app.kiosk_new", "app.kiosk_resume"}),
    "KioskResumeScreen": frozenset({"next", "dismiss(None)"}),
    "KioskClosingScreen": frozenset({"done", "sheet"}),
    "KioskSheetScreen": frozenset({"close_sheet"}),
    "ApplicationScreen": frozenset({"next", "previous", "copy", "leave"}),
    "HelpScreen": frozenset({"dismiss"}),
    "ConfirmScreen": frozenset({"answer(True)", "answer(False)"}),
    "OperatorScreen": frozenset({"check", "dismiss(False)"}),
    "OperatorProblemScreen": frozenset({"operator_move_aside", "operator_retry", "operator_close", "operator_back"}),
    "Input": _EDITING | _SCROLLING,
    "ScrollableContainer": _SCROLLING,
    "RadioSet": _SCROLLING | {"previous_button", "next_button", "toggle_button"},
    "ToggleButton": frozenset({"toggle_button"}),
}
# The action names alone (no namespace, no parameters): the app refuses any other, however
# it is asked to run it (a click on a link, the footer, a binding that slipped through).
_NAMES = frozenset(re.sub(r"\(.*\)$", "", action).rsplit(".", 1)[-1] for actions in VISITOR_ACTIONS.values()
                   for action in actions)


def allowed_for(class_names: list[str], action: str) -> bool:
    """May a binding held by a node of these classes (its ancestry) run `action` in the kiosk?"""
    return any(action in VISITOR_ACTIONS.get(name, ()) for name in class_names)


def allowed_name(action_name: str) -> bool:
    """May the kiosk run an action of this name (without namespace or parameters) at all?"""
    return action_name in _NAMES


# --- the operator log -----------------------------------------------------------------

_LOG_LIMIT = 1_000_000  # bytes; then the file is kept as kiosk.log.1 and a new one begins


def log_path() -> Path:
    """The operator log: in the user's state folder (~/.local/state/hr-wizard/log on Linux)."""
    import platformdirs

    return Path(platformdirs.user_log_dir("hr-wizard", appauthor=False)) / "kiosk.log"


def log_event(message: str, *, now: dt.datetime | None = None) -> None:
    """Add a line to the operator log. Callers pass no personal data: no names, e-mail
    addresses or typed values. A log that cannot be written never stops the kiosk."""
    path = log_path()
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M:%S")
    line = f"{stamp} pid {os.getpid()}: {message}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.exists() and path.stat().st_size > _LOG_LIMIT:
            path.replace(path.with_name(path.name + ".1"))
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as log:
            log.write(line)
    except OSError:
        pass


def describe_exception(error: BaseException) -> str:
    """An exception for the operator log: its kind and where it happened, never its message
    (a message can hold a typed value or a row's data). Database errors add their code."""
    parts = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        code = _error_code(current)
        every = traceback.extract_tb(current.__traceback__)
        frames = every[-6:]
        # Where in hr-wizard it came from, when the last frames are all a library's (SQLAlchemy).
        ours = [frame for frame in every[:-6] if f"{os.sep}hr_wizard{os.sep}" in frame.filename][-2:]
        where = " <- ".join(f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"
                            for frame in [*reversed(frames), *reversed(ours)])
        parts.append(f"{kind}{f' [{code}]' if code else ''}{f' at {where}' if where else ''}")
        current = current.__cause__ or current.__context__ or getattr(current, "error", None) \
            or getattr(current, "orig", None)
        if current is not None and not isinstance(current, BaseException):
            current = None
    return "; caused by ".join(parts)


def _error_code(error: BaseException) -> str:
    """A driver's error code, which says what went wrong without any data: SQLITE_BUSY, 57P01."""
    for name in ("sqlite_errorname", "sqlstate"):
        value = getattr(error, name, None)
        if isinstance(value, str) and re.fullmatch(r"[A-Z0-9_]{1,40}", value):
            return value
    return ""
