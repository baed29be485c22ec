"""The CSV import reads one row at a time: a cell over 128 KB is named, not a traceback; the
memory it needs does not grow with the file; an e-mail address that already has an
application in the database is refused with its row and the person who has it, looked up in
batches (never a query per row)."""

from __future__ import annotations

import contextlib
import io
import tracemalloc

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from hr_wizard import cli, exchange
from hr_wizard.store import Store

from ..helpers import count_applications, run, seeded, seeded_with_applications, write_import_csv

LIMIT = 128 * 1024


def test_a_cell_over_128_kb_is_named_by_row_and_column_and_the_rest_is_still_checked(tmp_path):
    db = tmp_path / "db.sqlite"
    seeded(db).close()
    sheet = tmp_path / "lang.csv"
    sheet.write_text("naam;team;email\nJan Jansen;Burgerzaken;jan@testdorp.nl\n"
                     f"{'A' * (LIMIT + 1)};Burgerzaken;piet@testdorp.nl\n"
                     "Kees Smit;Burgerzaken;kees-at-testdorp.nl\n", encoding="utf-8")
    result = run("--db", str(db), "import", "accounts", str(sheet))
    assert "Traceback" not in result.stderr, result.stderr[-400:]
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("regel 3, naam: veld te lang")
    assert lines[1].startswith("regel 4, email: ")
    assert count_applications(db) == 0


def test_a_long_quoted_cell_over_several_lines_keeps_the_row_numbers_right(tmp_path):
    sheet = tmp_path / "lang.csv"
    long_cell = '"' + ("x" * 50_000 + "\n") * 3 + '"'
    sheet.write_text(f"naam;team;email;kenmerk\nJan Jansen;Burgerzaken;jan@testdorp.nl;\n"
                     f"Piet Puk;Burgerzaken;piet@testdorp.nl;{long_cell}\n"
                     "Kees Smit;Burgerzaken;kees-at-testdorp.nl;\n"
                     "Ans Smit;Burgerzaken;ans@testdorp.nl;\n", encoding="utf-8")
    checked = exchange.check_csv(sheet)
    assert [(p.row, p.field) for p in checked.problems] == [(3, "kenmerk"), (4, "email")]
    assert checked.problems[0].message.startswith("veld te lang")
    assert checked.count == 4


def test_a_cell_of_exactly_128_kb_is_not_too_long(tmp_path):
    sheet = tmp_path / "rand.csv"
    sheet.write_text(f"naam;team;email;telefoon\nJan Jansen;Burgerzaken;jan@testdorp.nl;{' ' * LIMIT}\n", encoding="utf-8")
    assert exchange.check_csv(sheet).problems == []


@pytest.mark.both_backends
def test_an_address_that_already_has_an_application_is_refused_with_row_and_name(db_path, tmp_path):
    seeded_with_applications(db_path, 1).close()  # Naam 0 has n0@testdorp.nl
    sheet = tmp_path / "in.csv"
    sheet.write_text("naam;team;email\nJan Jansen;Burgerzaken;jan@testdorp.nl\nNieuwe Naam;Team;N0@Testdorp.nl\n",
                     encoding="utf-8")
    for extra in (["--dry-run"], []):
        result = run("--db", str(db_path), "import", "accounts", str(sheet), *extra)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stdout.startswith("regel 3, email: ") and "Naam 0" in result.stdout
        assert "Niets ingelezen" in result.stderr
    store = Store.open(str(db_path))
    assert store.roster_count(store.get_project().id) == 1
    store.close()


def test_the_database_is_asked_in_batches_not_once_per_row(tmp_path, monkeypatch, capsys):
    db = tmp_path / "db.sqlite"
    seeded_with_applications(db, 2500).close()
    sheet = write_import_csv(tmp_path / "in.csv", 3000, first=2400)  # n2400..n2499 are taken
    statements = []

    def count(*_args) -> None:
        statements.append(1)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        assert cli.main(["--db", str(db), "import", "accounts", str(sheet)]) == 1
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 100 and out[0].startswith("regel 2, email: ") and "Naam 2400" in out[0]
    assert len(statements) < 40, f"{len(statements)} statements for 3,000 rows"
    assert count_applications(db) == 2500


def peak_bytes(argv: list[str]) -> int:
    tracemalloc.start()
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            code = cli.main(argv)
        assert code == 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_memory_an_import_needs_does_not_grow_with_the_file(tmp_path):
    """The whole-file import used about 5 KB per row (3.7 GB for 700,000 rows); the streamed
    check keeps only each row's e-mail key (for duplicates), the write a batch. The peak covers
    both (the check is what --dry-run does). bench/import_memory.py measures the RSS."""
    warm = tmp_path / "warm.sqlite"
    seeded(warm).close()  # imports, the phone number tables and SQL caches loaded once, outside the measurement
    assert cli.main(["--db", str(warm), "import", "accounts", str(write_import_csv(tmp_path / "warm.csv", 500))]) == 0
    peaks = []
    for rows in (1000, 3000):  # both at least one full write batch (1,000 rows)
        db = tmp_path / f"db-{rows}.sqlite"
        seeded(db).close()
        sheet = write_import_csv(tmp_path / f"in-{rows}.csv", rows)
        peaks.append(peak_bytes(["--db", str(db), "import", "accounts", str(sheet)]))
        assert count_applications(db) == rows
    per_row = (peaks[1] - peaks[0]) / 2000
    assert per_row < 400, f"{per_row:.0f} bytes more per row ({peaks[0] / 1e6:.1f} MB, {peaks[1] / 1e6:.1f} MB)"


def test_the_write_refuses_what_the_check_would_have_and_writes_nothing(tmp_path):
    """Between the check and the write another desk may add the same person, or the file may
    change: the write's own checks refuse it in the same transaction."""
    from hr_wizard.errors import DuplicateEmailError

    db = tmp_path / "db.sqlite"
    store = seeded_with_applications(db, 3)
    project_id = store.get_project().id
    taken = [{"naam": "Later Toegevoegd", "team": "Team", "email": "N2@testdorp.nl"}]
    with pytest.raises(DuplicateEmailError):
        store.import_applications(project_id, [{"naam": "Ans Smit", "team": "Team", "email": "ans@testdorp.nl"}, *taken])
    changed = write_import_csv(tmp_path / "in.csv", 1500, first=10)
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("Kees Smit;Burgerzaken;kees-at-testdorp.nl;;\r\n")
    with pytest.raises(exchange.ImportFileChanged):
        store.import_applications(project_id, exchange.rows_to_write(changed))
    assert count_applications(db) == 3
    store.close()
