"""Kiosk rules that are not about the screen: the operator code (kept only as a salted hash)
and the kiosk's settings. Never imports Textual."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hr_wizard.texts import text

if TYPE_CHECKING:
    from hr_wizard.content import Content

CODE_ENV = "HR_WIZARD_KIOSK_CODE"
# How `hr-wizard serve --kiosk` hands the checked code to the wizard it starts per browser:
# only the salted hash, so the plain code never reaches a child process.
CODE_HASH_ENV = "HR_WIZARD_KIOSK_CODE_HASH"
_ALGORITHM = "pbkdf2_sha256"
_ITERATIONS = 200_000


class KioskError(Exception):
    """The kiosk cannot start; `str()` says why and what to do."""


def hash_code(code: str, salt: bytes | None = None, iterations: int = _ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", code.encode("utf-8"), salt, iterations)
    return f"{_ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def is_code_hash(value: str) -> bool:
    parts = value.split("$")
    if len(parts) != 4 or parts[0] != _ALGORITHM or not parts[1].isdigit():
        return False
    try:
        return bool(bytes.fromhex(parts[2])) and len(bytes.fromhex(parts[3])) == 32
    except ValueError:
        return False


def verify_code(code: str, stored: str) -> bool:
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        if algorithm != _ALGORITHM:
            return False
        candidate = hashlib.pbkdf2_hmac("sha256", code.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)


@dataclass(frozen=True)
class KioskConfig:
    code_hash: str
    idle_seconds: float
    closing_seconds: float


def kiosk_config(content: Content, environ: MutableMapping[str, str] = os.environ) -> KioskConfig:
    """The operator code from the environment (hashed at once and removed from the
    environment, so child processes never see it), else a hash handed over by
    `hr-wizard serve` (also removed), else the config file's hash."""
    plain = environ.pop(CODE_ENV, "")
    handed = environ.pop(CODE_HASH_ENV, "")
    if handed and not plain and not is_code_hash(handed):
        raise KioskError(text("kiosk_bad_hash", env=CODE_HASH_ENV))
    code_hash = hash_code(plain) if plain else handed or content.settings["kiosk_code_hash"]
    if not code_hash:
        raise KioskError(text("kiosk_no_code", env=CODE_ENV))
    return KioskConfig(code_hash, content.settings["kiosk_idle_seconds"], content.settings["kiosk_closing_seconds"])


def child_environment(config: KioskConfig) -> dict[str, str]:
    """What a kiosk started by `hr-wizard serve` needs in its environment: the hash only."""
    return {CODE_HASH_ENV: config.code_hash}
