"""Exports, imports, reports, backups: real files in a temporary folder."""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import sqlite3
import threading

import pytest

from hr_wizard import exchange, registers, report
from hr_wizard.errors import StoreError
from hr_wizard.store import Store, restore_sqlite

from ..helpers import seeded, seeded_project

FIRST = ["Jan", "Mila", "Özlem", "Pieter", "Fatima", "Kees", "Anouk", "Mohamed", "Sanne", "Daan"]
LAST = ["de Vries", "Jansen", "Bakker", "Yılmaz", "van Dijk", "Visser", "el Amrani", "'t Hart"]
TEAMS = ["Afd. Werk en Inkomen", "Team Vergunningen", "Burgerzaken", "Belastingen (Noord)", "Handhaving & Toezicht"]


def account_rows(store: Store, content, as_text: bool = True):
    accounts = registers.ACCOUNTS
    return (registers.sheet_row(accounts, row, content, as_text) for row in accounts.rows(store, store.get_project().id, dt.date.today()))


def export_csv(store: Store, content, target) -> int:
    return exchange.write_csv(account_rows(store, content), target)


def as_rows(store: Store) -> list[tuple]:
    return [(a.naam, a.team, a.email, a.kenmerk, a.telefoon) for a in store.iter_applications(store.get_project().id)]


def test_round_trip_of_1000_applications_through_csv(tmp_path, content):
    rng = random.Random(3)
    source = seeded(tmp_path / "bron.sqlite")
    project_id = source.get_project().id
    generated = []
    for index in range(1000):
        naam, team = f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TEAMS)
        kenmerk = f"{team} / {naam}" if rng.random() < 0.7 else ""
        telefoon = f"06 {rng.randint(10000000, 59999999)}" if rng.random() < 0.3 else ""  # mobile numbers that exist
        generated.append({"naam": naam, "team": team, "email": f"m{index}@testdorp.nl", "kenmerk": kenmerk, "telefoon": telefoon})
    source.import_applications(project_id, generated)
    target_file = tmp_path / "aanvragen.csv"
    assert export_csv(source, content, target_file) == 1000
    assert target_file.read_bytes().startswith(b"\xef\xbb\xbfnaam;team;email")  # BOM and ';' for Dutch Excel

    result = exchange.read_csv(target_file)
    assert result.problems == []
    empty = seeded(tmp_path / "leeg.sqlite")
    empty.import_applications(empty.get_project().id, [exchange.application_fields(r) for r in result.rows])
    assert as_rows(empty) == as_rows(source)
    assert len(as_rows(empty)) == 1000


def test_formula_in_a_cell_comes_out_neutralised_in_csv_and_xlsx(tmp_path, content):
    store = seeded(tmp_path / "db.sqlite")
    store.create_application(store.get_project().id, '=HYPERLINK("x")', "+Team", "@a@testdorp.nl", telefoon="-1")
    target = tmp_path / "uit.csv"
    export_csv(store, content, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        row = list(csv.reader(handle, delimiter=";"))[1]
    assert row[:4] == ["'=HYPERLINK(\"x\")", "'+Team", "'@a@testdorp.nl", "'-1"]

    from openpyxl import load_workbook

    exchange.write_xlsx(account_rows(store, content, as_text=False), tmp_path / "uit.xlsx")
    cell = load_workbook(tmp_path / "uit.xlsx").active["A2"]
    assert cell.value == "'=HYPERLINK(\"x\")" and cell.data_type == "s"


def test_import_with_one_bad_row_writes_nothing_and_names_the_row(tmp_path, db_path):
    source = tmp_path / "in.csv"
    source.write_text("naam,team,email\nJan Jansen,Burgerzaken,jan@testdorp.nl\nPiet Puk,Burgerzaken,piet-at-testdorp.nl\n", encoding="utf-8")
    result = exchange.read_csv(source)  # ',' and no BOM are read too
    assert [(p.row, p.field) for p in result.problems] == [(3, "email")]
    assert "@" in result.problems[0].message and "Bijvoorbeeld: " in result.problems[0].message


def test_import_reads_semicolons_with_bom_and_finds_duplicates(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes("naam;team;email;kenmerk\nJan Jansen;Burgerzaken;jan@testdorp.nl;Burgerzaken / Jan Jansen\n"
                       "Jan Jansen;Burgerzaken;JAN@testdorp.nl;\n\n".encode("utf-8-sig"))
    result = exchange.read_csv(source)
    assert result.rows[0] == {"naam": "Jan Jansen", "team": "Burgerzaken", "email": "jan@testdorp.nl", "kenmerk": "Burgerzaken / Jan Jansen"}
    assert [(p.row, p.field) for p in result.problems] == [(3, "email")]


def test_import_without_required_column_says_which(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("naam;email\nJan Jansen;jan@testdorp.nl\n", encoding="utf-8")
    problems = exchange.read_csv(source).problems
    assert [(p.row, p.field) for p in problems] == [(1, "team")]
    assert "naam;team;email" in problems[0].message


def test_markdown_report_names_every_phase_and_the_late_letter(tmp_path, content):
    store, project = seeded_project(tmp_path / "db.sqlite")
    text = report.render(store, project, content, "md", day=dt.date(2026, 11, 28))
    for part in content.parts:
        assert f"## {part.title} (" in text
    assert "- [x] Lees de informatie op kvk.nl: klaar" in text
    assert "Jan de Werker (Burgerzaken), uiterlijk 07-01-2026" in text
    assert "1 van 1 processen gebruikt het HR als bron" in text
    assert "- Concept (nog niet verstuurd): 1" in text


def test_html_report_is_one_file_without_external_resources(tmp_path, content):
    store, project = seeded_project(tmp_path / "db.sqlite")
    page = report.render(store, project, content, "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"<link|<script|<img|src=|href=|url\(|@import", page, re.IGNORECASE)
    assert "@media print" in page
    assert "Gelezen &lt;samen&gt; met Jan" in page  # notes are escaped, never markup


def test_backup_while_another_connection_writes(tmp_path):
    path = tmp_path / "db.sqlite"
    store = seeded(path)
    project_id = store.get_project().id
    writer = Store.open(str(path))
    stop = threading.Event()

    def write() -> None:
        index = 0
        while not stop.is_set():
            writer.create_application(project_id, "Jan Jansen", "Team", f"j{index}@testdorp.nl")
            index += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        for number in range(3):
            copy = store.backup_to(tmp_path / f"kopie-{number}.sqlite")
            with sqlite3.connect(copy) as connection:
                assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                assert connection.execute("SELECT count(*) FROM project").fetchone() == (1,)
    finally:
        stop.set()
        thread.join()
    assert Store.open(str(copy)).get_project().gemeente == "Gemeente Testdorp"


def test_restore_refuses_what_is_not_an_hr_wizard_database_and_keeps_the_current_one(tmp_path):
    path = tmp_path / "db.sqlite"
    seeded(path).close()
    random_bytes = tmp_path / "ruis.sqlite"
    random_bytes.write_bytes(bytes(random.Random(1).randrange(256) for _ in range(4096)))
    other = tmp_path / "ander.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE klanten (id INTEGER)")
    for bad in (random_bytes, other):
        with pytest.raises(StoreError):
            restore_sqlite(bad, path)
    assert Store.open(str(path)).get_project().gemeente == "Gemeente Testdorp"

    backup = tmp_path / "kopie.sqlite"
    store = Store.open(str(path))
    store.backup_to(backup)
    store.create_project("Gemeente Later", "Piet Puk", "piet@later.nl")
    store.close()
    kept = restore_sqlite(backup, path)
    assert kept is not None and kept.exists()
    restored = Store.open(str(path))
    assert [p.gemeente for p in [restored.get_project()]] == ["Gemeente Testdorp"]
    with sqlite3.connect(kept) as connection:
        assert connection.execute("SELECT count(*) FROM project").fetchone() == (2,)


def test_the_report_carries_the_fase_1_record(tmp_path, content):
    store, project = seeded_project(tmp_path / "db.sqlite")
    store.save_preparation(project.id, 0, sent_on="2026-01-12", contact_naam="Piet Puk", contact_email="piet@testdorp.nl",
                           terugmelden="yes", existing_connection="no")
    text = report.render(store, project, content, "md", day=dt.date(2026, 11, 28))
    fase1 = text.split("## Fase 1")[1].split("## ")[0]
    for line in ("- Aanvraag verstuurd op: 12-01-2026", "- Contactpersoon: Piet Puk (piet@testdorp.nl)",
                 "- Terugmelden: ja", "- Al een aansluiting op HR Inzien: nee"):
        assert line in fase1
    assert "Piet Puk (piet@testdorp.nl)" in report.render(store, project, content, "html")


def test_the_report_counts_accounts_to_act_on(tmp_path, content):
    store, project = seeded_project(tmp_path / "db.sqlite")
    long_ago = dt.date(2025, 1, 6)
    for naam, extra in (("Kees Jansen", {}), ("Ans Smit", {"offboarded_on": dt.date(2026, 11, 1)})):
        application = store.create_application(project.id, naam, "Burgerzaken", f"{naam.split()[0].lower()}@testdorp.nl")
        store.save_application(application.id, application.version, applied_on=long_ago, letter_received=long_ago,
                               first_search_done=True, finished_on=long_ago, **extra)
    text = report.render(store, project, content, "md", day=dt.date(2026, 11, 28))
    assert "- uit dienst: 1" in text
    assert "- Uit dienst, toegangscode nog niet ingetrokken: 1" in text
    assert "- Toegang langer dan 12 maanden niet gecontroleerd: 1" in text
