"""The command line, run as a user runs it: the installed console script in a subprocess."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hr_wizard import __version__

from ..helpers import count_applications, run, seeded


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


def test_import_accounts_is_all_or_nothing_with_a_report_per_row(tmp_path):
    db = tmp_path / "db.sqlite"
    seeded(db).close()
    bad = tmp_path / "fout.csv"
    bad.write_text("naam;team;email\nJan Jansen;Burgerzaken;jan@testdorp.nl\nPiet Puk;Burgerzaken;piet@\n", encoding="utf-8-sig")
    result = run("--db", str(db), "import", "accounts", str(bad))
    assert result.returncode == 1
    assert result.stdout.startswith("regel 3, email: ")
    assert "Niets ingelezen" in result.stderr
    assert count_applications(db) == 0

    good = tmp_path / "goed.csv"
    good.write_text("naam,team,email\nJan Jansen,Burgerzaken,jan@testdorp.nl\nPiet Puk,Burgerzaken,piet@testdorp.nl\n", encoding="utf-8")
    dry = run("--db", str(db), "import", "accounts", str(good), "--dry-run")
    assert dry.returncode == 0 and "2 aanvragen" in dry.stderr
    assert count_applications(db) == 0
    assert run("--db", str(db), "import", "accounts", str(good)).returncode == 0
    assert count_applications(db) == 2


def test_status_report_export_backup_restore_from_the_command_line(tmp_path):
    db = tmp_path / "db.sqlite"
    seeded(db).close()
    status = run("--db", str(db), "status")
    assert status.returncode == 0 and "Gemeente Testdorp" in status.stdout and "Open terugmeldingen: 0" in status.stdout
    page = tmp_path / "rapport.html"
    assert run("--db", str(db), "report", "--format", "html", "-o", str(page)).returncode == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    sheet = tmp_path / "aanvragen.xlsx"
    assert run("--db", str(db), "export", "accounts", "--format", "xlsx", "-o", str(sheet)).returncode == 0
    assert sheet.read_bytes()[:2] == b"PK"
    copy = tmp_path / "kopie.sqlite"
    assert run("--db", str(db), "backup", str(copy)).returncode == 0
    again = run("--db", str(db), "backup", str(copy))
    assert again.returncode == 1 and "bestaat al" in again.stderr  # never overwrites
    refused = run("--db", str(db), "restore", str(page))
    assert refused.returncode == 1 and "geen bruikbare HR-wizard-database" in refused.stderr
    assert run("--db", str(db), "restore", str(copy)).returncode == 0


def test_commands_on_an_empty_database_say_what_to_do(tmp_path):
    result = run("--db", str(tmp_path / "nieuw.sqlite"), "status")
    assert result.returncode == 1 and "Start eerst hr-wizard" in result.stderr


def test_commands_on_a_database_with_two_gemeenten_ask_which(tmp_path):
    from hr_wizard.store import Store

    db = tmp_path / "db.sqlite"
    store = Store.open(str(db))
    store.create_project("Gemeente Noorddorp", "Mila de Vries", "mila@noorddorp.nl")
    store.create_project("Gemeente Zuiddorp", "Piet Puk", "piet@zuiddorp.nl")
    store.close()
    unclear = run("--db", str(db), "status")
    assert unclear.returncode == 1 and '"Gemeente Noorddorp", "Gemeente Zuiddorp"' in unclear.stderr
    chosen = run("--db", str(db), "--gemeente", "gemeente zuiddorp", "status")
    assert chosen.returncode == 0 and "Gemeente Zuiddorp" in chosen.stdout and "Noorddorp" not in chosen.stdout
    unknown = run("--db", str(db), "--gemeente", "Gemeente Elders", "status")
    assert unknown.returncode == 1 and "Gemeente Elders" in unknown.stderr
