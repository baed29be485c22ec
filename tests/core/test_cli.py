"""The command line, run as a user runs it: the installed console script in a subprocess."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hr_wizard import __version__

from ..helpers import count_applications, run, run_into_closed_pipe, seeded, seeded_project


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
    from hr_wizard.store import Store

    Store.open(str(tmp_path / "nieuw.sqlite")).close()  # made by the interactive start; a command makes none
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


# --- the command line in Dutch, like the best Python tools ---------------------------------

# Words of argparse's own English texts; none may reach the user.
ENGLISH = re.compile(r"usage|error|invalid|choose from|required|expected|unrecognized|show this help|"
                     r"positional arguments|the following", re.IGNORECASE)


def test_help_of_the_program_and_of_a_command_is_dutch():
    for args in (["-h"], ["export", "--help"], ["import", "-h"]):
        result = run(*args)
        assert result.returncode == 0, args
        assert result.stdout.startswith("gebruik: hr-wizard"), result.stdout[:60]
        assert "toon deze hulp en stop" in result.stdout
        assert not ENGLISH.search(result.stdout), ENGLISH.search(result.stdout)
    assert "--gemeente" in run("export", "-h").stdout  # the shared options are listed with every command


@pytest.mark.parametrize(("args", "says", "example"), [
    (["status", "--kleur", "rood"], "onbekend op deze plek: --kleur rood", "hr-wizard status --json"),
    (["stauts"], "'stauts'", "hr-wizard status"),
    (["export", "acounts"], "'acounts'", "hr-wizard export accounts"),
    (["export", "accounts", "--format", "pdf"], "'pdf'", "hr-wizard export accounts"),
    (["import", "accounts"], "BESTAND", "hr-wizard import accounts"),
    (["report", "--format"], "--format", "hr-wizard report"),
    (["import", "accounts", "x.csv", "--d"], "Bedoelt u een van deze: --db, --dry-run?", "hr-wizard import accounts"),
    (["--kiosk=ja"], "hier hoort geen waarde achter (u gaf 'ja')", "hr-wizard status"),
])
def test_usage_errors_are_dutch_on_stderr_with_exit_code_2_and_an_example(args, says, example):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("gebruik: hr-wizard"), result.stderr
    assert says in result.stderr and f"Bijvoorbeeld: {example}" in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr


def test_options_may_come_before_or_after_the_command(tmp_path):
    db = tmp_path / "db.sqlite"
    store = seeded(db)
    store.create_project("Gemeente Zuiddorp", "Piet Puk", "piet@zuiddorp.nl")
    store.close()
    for args in (["--db", str(db), "--gemeente", "Gemeente Zuiddorp", "status"],
                 ["--db", str(db), "status", "--gemeente", "Gemeente Zuiddorp"],
                 ["status", "--db", str(db), "--gemeente", "Gemeente Zuiddorp"],
                 ["--gemeente", "Gemeente Testdorp", "status", "--db", str(db), "--gemeente", "Gemeente Zuiddorp"]):
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Gemeente Zuiddorp" in result.stdout and "Testdorp" not in result.stdout
    before = run("--gemeente", "Gemeente Zuiddorp", "status", env={"HR_WIZARD_DB": str(db)})
    assert before.returncode == 0 and "Gemeente Zuiddorp" in before.stdout  # not reset by the command's own default
    assert str(db) in run("where", "--db", str(db)).stdout


@pytest.mark.parametrize("args", [["status"], ["status", "--json"], ["report"], ["report", "--format", "html", "-o", "-"],
                                  ["export", "accounts", "-o", "-"], ["export", "logboek", "--format", "xlsx", "-o", "-"],
                                  ["export", "herinneringen", "-o", "-"], ["--help"], ["where"]])
def test_a_closed_pipe_ends_quietly(tmp_path, args):
    db = tmp_path / "db.sqlite"
    seeded_project(db)[0].close()
    result = run_into_closed_pipe("--db", str(db), *args, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_dash_means_standard_output_for_every_report_and_export(tmp_path):
    db = tmp_path / "db.sqlite"
    seeded_project(db)[0].close()
    md = run("--db", str(db), "report", "-o", "-", cwd=tmp_path)
    assert md.returncode == 0 and md.stdout.startswith("# ") and "Jan de Werker" in md.stdout
    page = run("--db", str(db), "report", "--format", "html", "-o", "-", cwd=tmp_path)
    assert page.returncode == 0 and page.stdout.startswith("<!DOCTYPE html>")
    sheet = run("--db", str(db), "export", "accounts", "-o", "-", cwd=tmp_path, text=False)
    assert sheet.returncode == 0 and sheet.stdout.startswith("\ufeffnaam;team;email".encode())
    assert b"Jan de Werker;Burgerzaken;jan@testdorp.nl" in sheet.stdout
    book = run("--db", str(db), "export", "accounts", "--format", "xlsx", "-o", "-", cwd=tmp_path, text=False)
    assert book.returncode == 0 and book.stdout[:2] == b"PK"
    from openpyxl import load_workbook

    assert load_workbook(io.BytesIO(book.stdout)).active["A2"].value == "Jan de Werker"
    assert not (tmp_path / "-").exists()


def test_status_json_has_stable_english_keys(tmp_path):
    db = tmp_path / "db.sqlite"
    seeded_project(db)[0].close()
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    result = run("--db", str(db), "status", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert sorted(data) == ["accounts", "applications", "format", "gemeente", "generated_at", "late_letters", "phases",
                            "processes", "steps", "terugmeldingen"]
    assert data["format"] == 1 and data["gemeente"] == "Gemeente Testdorp"
    assert before <= dt.datetime.fromisoformat(data["generated_at"]) <= dt.datetime.now(dt.UTC)
    assert data["steps"] == {"done": 1, "total": 17}
    fase1 = next(phase for phase in data["phases"] if phase["key"] == "fase1")
    assert fase1 == {"key": "fase1", "title": "Fase 1: De voorbereiding", "done": 1, "total": fase1["total"]}
    assert sum(phase["total"] for phase in data["phases"]) == 17
    assert data["applications"] == {"new": 0, "waiting": 0, "late": 1, "letter": 0, "active": 0, "offboarded": 0, "total": 1}
    assert data["accounts"] == {"offboarding_open": 0, "access_reviews_due": 0}
    assert data["late_letters"] == 1
    assert data["processes"] == {"total": 1, "using_hr": 1}
    assert data["terugmeldingen"] == {"open": 1, "past_follow_up": 0, "total": 1}
    assert "Jan de Werker" not in result.stdout  # no personal data in what monitoring keeps


def follow_up(db: Path, on: str, status: str = "") -> None:
    """Give Testdorp's terugmelding a follow-up date (and withdraw it first if `status`)."""
    from hr_wizard.store import Store

    store = Store.open(str(db))
    row = store.terugmeldingen(store.get_project().id)[0]
    if status:
        row = store.move_terugmelding(row.id, row.version, "reported", dt.date(2026, 1, 2))
        store.move_terugmelding(row.id, row.version, status, dt.date(2026, 1, 3))
        row = store.get_terugmelding(row.id)
    store.save_terugmelding(row.id, row.version, follow_up_on=on)
    store.close()


def test_status_check_exits_1_when_letters_are_late_or_follow_ups_are_past(tmp_path):
    quiet = tmp_path / "rustig.sqlite"
    store = seeded(quiet)
    store.create_terugmelding(store.get_project().id, kvk_nummer="69599084")
    store.close()
    ok = run("--db", str(quiet), "status", "--check")
    assert ok.returncode == 0 and ok.stdout.startswith("In orde"), ok.stdout + ok.stderr
    follow_up(quiet, (dt.date.today() + dt.timedelta(days=1)).isoformat())
    assert run("--db", str(quiet), "status", "--check").returncode == 0  # tomorrow is not past yet
    follow_up(quiet, "2026-01-01")
    past = run("--db", str(quiet), "status", "--check")
    assert past.returncode == 1 and "Terugmeldingen voorbij hun opvolgdatum: 1." in past.stdout and past.stderr == ""
    checked = run("--db", str(quiet), "status", "--check", "--json")
    assert checked.returncode == 1 and json.loads(checked.stdout)["terugmeldingen"]["past_follow_up"] == 1

    late = tmp_path / "laat.sqlite"
    seeded_project(late)[0].close()
    result = run("--db", str(late), "status", "--check")
    assert result.returncode == 1 and "Brieven te laat: 1." in result.stdout


def test_status_check_ignores_a_closed_terugmelding(tmp_path):
    db = tmp_path / "db.sqlite"
    store = seeded(db)
    store.create_terugmelding(store.get_project().id, kvk_nummer="69599084", attribute="naam", betwijfelde_waarde="x",
                              toelichting="Volgens ons eigen bezoek klopt dit niet meer.", melder_naam="Mila de Vries",
                              melder_email="mila@testdorp.nl", peilmoment="2026-01-01", object="business_activity")
    store.close()
    follow_up(db, "2026-01-01", status="withdrawn")
    assert run("--db", str(db), "status", "--check").returncode == 0


def test_a_missing_import_file_is_named_on_stderr(tmp_path):
    db = tmp_path / "db.sqlite"
    seeded(db).close()
    missing = tmp_path / "aanvragen.csv"
    result = run("--db", str(db), "import", "accounts", str(missing))
    assert result.returncode == 1
    assert result.stdout == ""
    assert str(missing) in result.stderr and "bestaat niet" in result.stderr and "regel 0" not in result.stderr
    assert not missing.exists()


def test_a_file_saved_by_dutch_excel_is_imported_from_the_command_line(tmp_path):
    db = tmp_path / "db.sqlite"
    seeded(db).close()
    sheet = tmp_path / "medewerkers.csv"
    sheet.write_bytes("\ufeffNaam;Afdeling;E-mailadres\r\nJan Jansen;Burgerzaken;jan@testdorp.nl\r\n".encode())
    result = run("--db", str(db), "import", "accounts", str(sheet))
    assert result.returncode == 0, result.stdout + result.stderr
    assert count_applications(db) == 1
    sheet.write_bytes("\ufeffNaam;Functie;E-mailadres\r\nJan Jansen;Beleid;jan@testdorp.nl\r\n".encode())
    refused = run("--db", str(db), "import", "accounts", str(sheet))
    assert refused.returncode == 1 and refused.stdout.startswith("regel 1, Functie: De kolom 'Functie' kent hr-wizard niet")
    assert "regel 1, team: " in refused.stdout and "Team of Afdeling" in refused.stdout


def test_every_argparse_message_has_a_dutch_text_that_argparse_can_fill_in():
    from hr_wizard import cli_parser

    for message, (_key, _placeholders, template) in cli_parser._ARGPARSE.items():
        dutch = cli_parser._dutch(message)
        assert dutch != message and not ENGLISH.search(dutch), message
        names = re.findall(r"%\((\w+)\)", message)
        if names:
            filled = dutch % {name: "X" for name in names}
        elif "%s" in message or "%r" in message:
            filled = dutch % "X"
        else:
            filled = dutch % {} if template else dutch
        assert "%" not in filled and ("X" in filled) == bool(names or "%s" in message or "%r" in message), (message, filled)


def test_without_arguments_the_wizard_starts_as_the_parser_would_have_it():
    """The usual start skips building the parser (about 3 ms); what it assumes must be what the
    parser gives for an empty command line."""
    from hr_wizard import cli
    from hr_wizard.cli_parser import build_parser

    assert vars(build_parser().parse_args([])) == cli.NO_ARGUMENTS
    assert vars(cli._arguments([])) == cli.NO_ARGUMENTS
