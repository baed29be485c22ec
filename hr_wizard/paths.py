"""Where hr-wizard keeps its files. Cheap to import: only platformdirs."""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path

import platformdirs

APP_NAME = "hr-wizard"
DB_ENV = "HR_WIZARD_DB"
CONFIG_ENV = "HR_WIZARD_CONFIG"
DB_FILENAME = "hr-wizard.sqlite"
CONFIG_FILENAME = "config.toml"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    """The user's override/config file (it may not exist)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_FILENAME


# A scheme of two or more letters (one is a Windows drive) that names a database: the start of
# an address, also when the rest is malformed ("postgresql+psycopg:/user:pw@host").
_DATABASE_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


def is_url(location: str) -> bool:
    if "://" in location:
        return True
    scheme = _DATABASE_SCHEME.match(location)
    return scheme is not None and any(word in scheme[1].lower() for word in ("sql", "postgres"))


def resolve_db(cli_value: str | None) -> str:
    """The database in use: --db, else $HR_WIZARD_DB, else the default file. A path or a SQLAlchemy URL."""
    location = cli_value or os.environ.get(DB_ENV) or str(data_dir() / DB_FILENAME)
    return location if is_url(location) else str(Path(location).expanduser().absolute())


# SQLAlchemy's own pattern for an address (sqlalchemy.engine.url._parse_url), so that what is
# shown is what it would read: the password is everything between the user's ':' and the '@'.
_ADDRESS = re.compile(r"""
    (?P<name>[\w+]+)://
    (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
    (?:(?:\[(?P<ipv6host>[^/?]+)\]|(?P<ipv4host>[^/:?]+))?(?::(?P<port>[^/?]*))?)?
    (?:/(?P<database>[^?]*))?
    (?:\?(?P<query>.*))?$""", re.VERBOSE | re.DOTALL)


def display_location(location: str) -> str:
    """The location for people to read: an address shows only scheme, user, host, port and
    database, never a password (in the user part or in ?password=...) nor anything else after
    `?`. A malformed address shows only its scheme: any other part of it might be a password."""
    if not is_url(location):
        return location
    parts = _ADDRESS.match(location)
    if parts is None:
        return location.split(":", 1)[0] + "://…"
    host = parts["ipv4host"] or (f"[{parts['ipv6host']}]" if parts["ipv6host"] else "")
    host = host.rsplit("@", 1)[-1]  # an '@' in the password: the host is what follows the last one
    user = parts["username"] or ""
    where = host + (f":{parts['port']}" if parts["port"] else "") + (f"/{parts['database']}" if parts["database"] else "")
    return f"{parts['name']}://{user + '@' if user else ''}{where.split('#', 1)[0]}"


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI for SQLite with every special character of the path quoted, so a
    folder named `a#b%c?d` or `Zoë` is just a name."""
    posix = Path(os.path.abspath(path)).as_posix()
    if not posix.startswith("/"):  # a Windows drive: file:/C:/...
        posix = "/" + posix
    uri = "file:" + urllib.parse.quote(posix, safe="/:")
    return uri + ("?" + urllib.parse.urlencode(params) if params else "")
