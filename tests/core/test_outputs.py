"""Backups, exports and reports: private (0600) from the first byte, never over an existing
file without --overwrite, never over the live database."""

from __future__ import annotations

import stat

import pytest

from ..helpers import run, seeded


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


COMMANDS = [["report", "-o"], ["export", "accounts", "-o"], ["backup"], ["export", "processen", "--format", "xlsx", "-o"],
            ["export", "terugmeldingen", "-o"], ["export", "logboek", "--format", "json", "-o"],
            ["export", "herinneringen", "-o"]]


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_file_is_refused_without_overwrite(db_path, tmp_path, command):
    seeded(db_path).close()
    target = tmp_path / "bestaat.txt"
    target.write_text("van iemand anders")
    result = run("--db", str(db_path), *command, str(target))
    assert result.returncode == 1 and "bestaat al" in result.stderr and "--overwrite" in result.stderr
    assert target.read_text() == "van iemand anders"
    again = run("--db", str(db_path), *command, str(target), "--overwrite")
    assert again.returncode == 0, again.stderr
    assert target.read_text(errors="replace") != "van iemand anders"
    assert mode(target) == 0o600


@pytest.mark.parametrize("command", COMMANDS)
def test_the_live_database_is_never_overwritten(db_path, command):
    seeded(db_path).close()
    before = db_path.read_bytes()
    for flags in ([], ["--overwrite"]):
        result = run("--db", str(db_path), *command, str(db_path), *flags)
        assert result.returncode == 1 and "de database zelf" in result.stderr, result.stderr
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_new_outputs_are_private(db_path, tmp_path, command):
    seeded(db_path).close()
    target = tmp_path / "nieuw.bestand"
    result = run("--db", str(db_path), *command, str(target))
    assert result.returncode == 0, result.stderr
    assert mode(target) == 0o600


def test_a_restored_database_is_private_and_a_missing_file_gets_a_message(db_path, tmp_path):
    seeded(db_path).close()
    copy = tmp_path / "kopie.sqlite"
    assert run("--db", str(db_path), "backup", str(copy)).returncode == 0
    fresh = tmp_path / "leeg" / "nieuw.sqlite"
    fresh.parent.mkdir()
    result = run("--db", str(fresh), "restore", str(copy))
    assert result.returncode == 0, result.stderr
    assert mode(fresh) == 0o600
    missing = run("--db", str(fresh), "restore", str(tmp_path / "weg.sqlite"))
    assert missing.returncode == 1 and "bestaat niet" in missing.stderr and "Traceback" not in missing.stderr
    no_folder = run("--db", str(tmp_path / "geen-map" / "db.sqlite"), "restore", str(copy))
    assert no_folder.returncode == 1 and "bestaat niet" in no_folder.stderr
    assert not (tmp_path / "geen-map").exists()


def test_restore_refuses_an_incomplete_database(db_path, tmp_path):
    import sqlite3

    seeded(db_path).close()
    copy = tmp_path / "kopie.sqlite"
    assert run("--db", str(db_path), "backup", str(copy)).returncode == 0
    with sqlite3.connect(copy) as connection:
        connection.execute("DROP TABLE audit")
    connection.close()
    result = run("--db", str(db_path), "restore", str(copy))
    assert result.returncode == 1 and "ontbreken" in result.stderr, result.stderr


def test_a_config_file_with_deeply_nested_arrays_gets_a_message(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    result = run("status", env={"HR_WIZARD_CONFIG": str(config)})
    assert result.returncode == 2 and str(config) in result.stderr and "Traceback" not in result.stderr
