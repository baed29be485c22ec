"""Shared fixtures: every test gets its own real SQLite file and no user config leaks in."""

from __future__ import annotations

from pathlib import Path

import pytest

from hr_wizard.roadmap import Content, load_content


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user config, no user database, no colour surprises, Dutch-independent locale."""
    monkeypatch.setenv("HR_WIZARD_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("HR_WIZARD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "hr-wizard.sqlite"


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture(autouse=True)
def packaged_messages_again():
    """An app with an override file sets the input rules' messages; the next test starts clean."""
    yield
    from hr_wizard import messages

    messages.reset()
