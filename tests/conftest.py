"""Shared fixtures: every test gets its own real SQLite file and no user config leaks in."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from hr_wizard.content import Content
from hr_wizard.content_file import load_content

from .helpers import NO_PSYCOPG, StoppableServer, psycopg_installed


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user config, no user database, no colour surprises, Dutch-independent locale."""
    monkeypatch.setenv("HR_WIZARD_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("HR_WIZARD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the kiosk's operator log
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # the parsed content file
    monkeypatch.delenv("NO_COLOR", raising=False)


PG_SERVER = os.environ.get("HR_WIZARD_TEST_PG", "")  # set by scripts/with-postgres.sh


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_backends: run the test on SQLite and on a real PostgreSQL server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_path" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("backend", ["sqlite", "postgresql"])


@pytest.fixture
def backend() -> str:
    return "sqlite"


class ServerDatabase:
    """A fresh database on the test server; `str()` is its URL, used where a file path goes."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __str__(self) -> str:
        return self.url

    def __repr__(self) -> str:
        return f"ServerDatabase({self.url!r})"


@pytest.fixture
def db_path(tmp_path: Path, backend: str, request: pytest.FixtureRequest):
    if backend == "sqlite":
        yield tmp_path / "data" / "hr-wizard.sqlite"
        return
    if not psycopg_installed():
        pytest.skip(NO_PSYCOPG)
    if not PG_SERVER:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: the PostgreSQL tests must run. Start them with: bash scripts/with-postgres.sh make test")
        pytest.skip("no PostgreSQL test server; run `bash scripts/with-postgres.sh make test` to include these tests")
    import psycopg
    from sqlalchemy.engine import make_url

    server = make_url(PG_SERVER)
    name = f"hrw_{uuid.uuid4().hex[:16]}"
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    template = request.getfixturevalue("pg_template")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    yield ServerDatabase(server.set(database=name).render_as_string(hide_password=False))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_template():
    """An empty database with today's schema, made once: each test copies it (fast) instead of
    running the migrations again. The migrations themselves run here, on the real server."""
    import psycopg
    from sqlalchemy.engine import make_url

    from hr_wizard.store import Store

    server = make_url(PG_SERVER)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"hrw_template_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    Store.open(server.set(database=name).render_as_string(hide_password=False)).close()
    yield name
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture(autouse=True)
def packaged_texts_again():
    """An app with an override file puts its texts in use; the next test starts clean."""
    yield
    from hr_wizard import texts

    texts.reset()


@pytest.fixture
def store(db_path):
    """An open store with one project (Gemeente Testdorp), on the test's database."""
    from hr_wizard.store import Store

    store = Store.open(str(db_path))
    store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    yield store
    store.close()


@pytest.fixture(scope="session")
def stoppable_server():
    """A PostgreSQL server of the tests' own that a test may stop (SIGSTOP) and start again;
    the shared test server is never stopped. Made once, when the first test asks for it."""
    if not psycopg_installed():
        pytest.skip(NO_PSYCOPG)
    try:
        server = StoppableServer()
    except (OSError, subprocess.SubprocessError) as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: the PostgreSQL tests must run ({error}); scripts/with-postgres.sh installs PostgreSQL")
        pytest.skip(f"no PostgreSQL of its own to start: {error}")
    try:
        yield server
    finally:
        server.close()
