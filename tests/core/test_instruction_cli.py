"""`hr-wizard instructie`: the employee's sheet from the command line, run as a user runs it."""

from __future__ import annotations

import stat

import pytest

from ..helpers import run, seeded


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def seed_people(db_path) -> None:
    """Jan without a Kenmerk, Özlem with one, and a second Jan de Werker (another e-mail)."""
    store = seeded(db_path)
    project_id = store.get_project().id
    store.create_application(project_id, "Jan de Werker", "Afd. Werk en Inkomen", "jan@testdorp.nl")
    ozlem = store.create_application(project_id, "Özlem Yılmaz", "Burgerzaken", "Ozlem@Testdorp.nl")
    store.save_application(ozlem.id, ozlem.version, kenmerk="Burgerzaken / Ö. Yılmaz")
    store.create_application(project_id, "Jan de Werker", "Afd. Vergunningen", "jan.dewerker@testdorp.nl")
    store.close()


@pytest.mark.both_backends
def test_one_employee_to_stdout(db_path):
    seed_people(db_path)
    result = run("--db", str(db_path), "instructie", "jan@testdorp.nl")
    assert result.returncode == 0, result.stderr
    assert "Kenmerk: Afd. Werk en Inkomen / Jan de Werker" in result.stdout
    assert "https://www.kvk.nl/toegangscode" in result.stdout and "Mila de Vries" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 72
    same = run("--db", str(db_path), "instructie", "JAN@testdorp.nl", "-o", "-")  # any case; "-" is stdout
    assert same.stdout == result.stdout


def test_formats_and_a_file(db_path, tmp_path):
    seed_people(db_path)
    md = run("--db", str(db_path), "instructie", "ozlem@testdorp.nl", "--format", "md")
    assert md.returncode == 0 and md.stdout.startswith("# ") and "**Kenmerk:** Burgerzaken / Ö. Yılmaz" in md.stdout
    target = tmp_path / "ozlem.html"
    result = run("--db", str(db_path), "instructie", "ozlem@testdorp.nl", "--format", "html", "-o", str(target))
    assert result.returncode == 0 and str(target) in result.stderr and result.stdout == ""
    assert "<!DOCTYPE html>" in target.read_text(encoding="utf-8") and mode(target) == 0o600
    again = run("--db", str(db_path), "instructie", "ozlem@testdorp.nl", "-o", str(target))
    assert again.returncode == 1 and "bestaat al" in again.stderr


def test_an_unknown_email_is_said_in_dutch(db_path):
    seed_people(db_path)
    result = run("--db", str(db_path), "instructie", "niemand@testdorp.nl")
    assert result.returncode == 1 and result.stdout == ""
    assert "niemand@testdorp.nl" in result.stderr and "Gemeente Testdorp" in result.stderr
    assert "Traceback" not in result.stderr


def test_neither_email_nor_all_is_said_in_dutch(db_path, tmp_path):
    seed_people(db_path)
    for args in (["instructie"], ["instructie", "--alle"], ["instructie", "jan@testdorp.nl", "--alle", "-o", str(tmp_path)]):
        result = run("--db", str(db_path), *args)
        assert result.returncode == 1 and "Traceback" not in result.stderr, args
        assert "hr-wizard instructie" in result.stderr, args


@pytest.mark.both_backends
def test_all_employees_one_private_file_each(db_path, tmp_path):
    seed_people(db_path)
    folder = tmp_path / "instructies"
    folder.mkdir()
    result = run("--db", str(db_path), "instructie", "--alle", "-o", f"{folder}/")
    assert result.returncode == 0, result.stderr
    files = sorted(path.name for path in folder.iterdir())
    assert files == ["jan-de-werker-2.txt", "jan-de-werker.txt", "ozlem-yilmaz.txt"]
    assert all(mode(path) == 0o600 for path in folder.iterdir())
    assert "Afd. Vergunningen / Jan de Werker" in (folder / "jan-de-werker-2.txt").read_text(encoding="utf-8")
    assert "3" in result.stderr

    (folder / "jan-de-werker.txt").write_text("eigen aantekening", encoding="utf-8")
    refused = run("--db", str(db_path), "instructie", "--alle", "-o", str(folder), "--format", "txt")
    assert refused.returncode == 1 and "bestaat al" in refused.stderr and "--overwrite" in refused.stderr
    assert (folder / "jan-de-werker.txt").read_text(encoding="utf-8") == "eigen aantekening"
    assert sorted(path.name for path in folder.iterdir()) == files  # nothing half-written either
    done = run("--db", str(db_path), "instructie", "--alle", "-o", str(folder), "--overwrite")
    assert done.returncode == 0 and "Jan de Werker" in (folder / "jan-de-werker.txt").read_text(encoding="utf-8")
    html = run("--db", str(db_path), "instructie", "--alle", "--format", "html", "-o", str(folder))
    assert html.returncode == 0 and (folder / "ozlem-yilmaz.html").exists()


def test_all_needs_an_existing_folder(db_path, tmp_path):
    seed_people(db_path)
    result = run("--db", str(db_path), "instructie", "--alle", "-o", str(tmp_path / "bestaat-niet"))
    assert result.returncode == 1 and "bestaat niet" in result.stderr


def test_no_database_is_made(tmp_path):
    result = run("--db", str(tmp_path / "nergens.sqlite"), "instructie", "jan@testdorp.nl")
    assert result.returncode == 1 and not (tmp_path / "nergens.sqlite").exists()


def test_help_is_dutch():
    result = run("instructie", "--help")
    assert result.returncode == 0 and "--alle" in result.stdout and "medewerker" in result.stdout
