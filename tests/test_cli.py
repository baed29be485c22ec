"""The command line, run as a user runs it: the installed console script in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hr_wizard import __version__

SCRIPT = shutil.which("hr-wizard", path=str(Path(sys.executable).parent))


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [SCRIPT, *args] if SCRIPT else [sys.executable, "-m", "hr_wizard", *args]
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=60, stdin=subprocess.DEVNULL)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"hr-wizard {__version__}"


def test_help_is_dutch():
    result = run("--help")
    assert result.returncode == 0
    assert "--db" in result.stdout and "where" in result.stdout and "toon deze hulp" in result.stdout


def test_python_m_works():
    result = subprocess.run([sys.executable, "-m", "hr_wizard", "--version"], capture_output=True, text=True, check=True)
    assert __version__ in result.stdout


def test_where_follows_db_flag_env_and_default(tmp_path):
    default = run("where")
    assert str(tmp_path / "xdg-data" / "hr-wizard" / "hr-wizard.sqlite") in default.stdout
    assert str(tmp_path / "config.toml") in default.stdout
    from_env = run("where", env={"HR_WIZARD_DB": str(tmp_path / "env.sqlite")})
    assert str(tmp_path / "env.sqlite") in from_env.stdout
    from_flag = run("--db", str(tmp_path / "flag.sqlite"), "where", env={"HR_WIZARD_DB": str(tmp_path / "env.sqlite")})
    assert str(tmp_path / "flag.sqlite") in from_flag.stdout


def test_where_never_prints_a_password():
    result = run("--db", "postgresql+psycopg://helpdesk:geheim123@db.example/hr", "where")
    assert "geheim123" not in result.stdout
    assert "postgresql+psycopg://helpdesk@db.example/hr" in result.stdout


@pytest.mark.parametrize("text", ["[facts\n", "[facts]\nletter_working_days = -1\n"])
def test_broken_override_file_stops_with_clear_message_not_traceback(tmp_path, text):
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    result = run("--db", str(tmp_path / "x.sqlite"))
    assert result.returncode == 2
    assert str(tmp_path / "config.toml") in result.stderr
    assert "Traceback" not in result.stderr
