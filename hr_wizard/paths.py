"""Where hr-wizard keeps its files. Cheap to import: only platformdirs."""

from __future__ import annotations

import os
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
    """The location for people to read: never shows a password inside a URL."""
    if not is_url(location):
        return location
    scheme, _, rest = location.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at:
        return location
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}" if user else f"{scheme}://{host}"
