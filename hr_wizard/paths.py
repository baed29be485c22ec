"""Where hr-wizard keeps its files. Cheap to import: only platformdirs."""

from __future__ import annotations

import os
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


def is_url(location: str) -> bool:
    return "://" in location


def resolve_db(cli_value: str | None) -> str:
    """The database in use: --db, else $HR_WIZARD_DB, else the default file. A path or a SQLAlchemy URL."""
    location = cli_value or os.environ.get(DB_ENV) or str(data_dir() / DB_FILENAME)
    return location if is_url(location) else str(Path(location).expanduser().absolute())


def display_location(location: str) -> str:
    """The location for people to read: a URL shows only scheme, user, host and database,
    never a password (in the user part or in ?password=...) nor anything else after `?`."""
    if not is_url(location):
        return location
    scheme, _, rest = location.partition("://")
    rest = rest.split("?", 1)[0].split("#", 1)[0]
    credentials, at, host = rest.rpartition("@")
    if not at:
        return f"{scheme}://{rest}"
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}" if user else f"{scheme}://{host}"


def sqlite_uri(path: Path, **params: str) -> str:
    """A `file:` URI for SQLite with every special character of the path quoted, so a
    folder named `a#b%c?d` or `Zoë` is just a name."""
    posix = Path(os.path.abspath(path)).as_posix()
    if not posix.startswith("/"):  # a Windows drive: file:/C:/...
        posix = "/" + posix
    uri = "file:" + urllib.parse.quote(posix, safe="/:")
    return uri + ("?" + urllib.parse.urlencode(params) if params else "")
