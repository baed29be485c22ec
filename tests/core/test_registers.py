"""`hr-wizard export processen|terugmeldingen|logboek|accounts --format csv|xlsx|json`: every
register out, run as a user runs it, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import stat

import pytest
from openpyxl import load_workbook

from ..helpers import run, seeded, seeded_registers

PERSONAL = ("Jan de Werker", "jan@testdorp.nl", "Piet Puk", "piet@testdorp.nl", "Geheime notitie", "06 12345678",
            "Afd. Werk en Inkomen / Jan de Werker")

def export(db_path, tmp_path, what: str, fmt: str, *extra: str):
    target = tmp_path / f"{what}.{fmt}"
    result = run("--db", str(db_path), "export", what, "--format", fmt, "-o", str(target), *extra)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    return target, result


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Dutch Excel opens it as it should
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def read_xlsx(path):
    sheet = load_workbook(path).active
    return sheet, [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.both_backends
def test_processes_in_csv_xlsx_and_json(db_path, tmp_path):
    seeded_registers(db_path)
    target, result = export(db_path, tmp_path, "processen", "csv")
    assert "2 processen geschreven naar" in result.stderr
    header, first, second = read_csv(target)
    assert header == ["nummer", "naam", "afdeling", "eigenaar", "hr_gegevens", "bron", "overstap_op", "notitie"]
    assert first[1:] == ["'=Vergunning horeca", "Vergunningen", "Piet Puk", "KvK-nummer, naam", "beide", "01-03-2027",
                         "Eerst de koppeling"]
    assert second[5:7] == ["Handelsregister", ""]

    target, _ = export(db_path, tmp_path, "processen", "xlsx")
    sheet, rows = read_xlsx(target)
    assert rows[0][:3] == ["nummer", "naam", "afdeling"]
    assert rows[1][1] == "'=Vergunning horeca" and sheet["B2"].data_type == "s"  # text, never a formula
    assert rows[1][5] == "beide"
    switch = sheet["G2"]
    assert switch.is_date and switch.value.date() == dt.date(2027, 3, 1) and switch.number_format == "dd-mm-yyyy"
    assert isinstance(rows[1][0], int)

    target, _ = export(db_path, tmp_path, "processen", "json")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data[0] == {"id": data[0]["id"], "name": "=Vergunning horeca", "department": "Vergunningen", "owner": "Piet Puk",
                       "hr_data": "KvK-nummer, naam", "source": "both", "switch_on": "2027-03-01", "note": "Eerst de koppeling"}
    assert data[1]["source"] == "handelsregister" and data[1]["switch_on"] is None


@pytest.mark.both_backends
def test_terugmeldingen_in_csv_xlsx_and_json(db_path, tmp_path):
    seeded_registers(db_path)
    target, _ = export(db_path, tmp_path, "terugmeldingen", "csv")
    header, first, second = read_csv(target)
    row = dict(zip(header, first, strict=True))
    assert row["status"] == "Gemeld" and row["gemeld_op"] == "03-11-2026" and row["status_sinds"] == "03-11-2026"
    assert row["object"] == "vestiging" and row["nevenvestiging"] == "ja" and row["niet_ingeschreven"] == "nee"
    assert row["vestigingsnummer"] == "000038509504" and row["peilmoment"] == "30-10-2026"
    assert row["voorgestelde_waarde"] == "'+31 Postbus 100"  # neutralised
    assert row["melder_naam"] == "Piet Puk"
    other = dict(zip(header, second, strict=True))
    assert other["status"] == "Concept (nog niet verstuurd)" and other["gemeld_op"] == "" and other["object"] == ""

    target, _ = export(db_path, tmp_path, "terugmeldingen", "xlsx")
    sheet, rows = read_xlsx(target)
    columns = rows[0]
    peil = sheet.cell(row=2, column=columns.index("peilmoment") + 1)
    assert peil.is_date and peil.value.date() == dt.date(2026, 10, 30) and peil.number_format == "dd-mm-yyyy"
    assert rows[1][columns.index("status")] == "Gemeld"

    target, _ = export(db_path, tmp_path, "terugmeldingen", "json")
    first, second = json.loads(target.read_text(encoding="utf-8"))
    assert first["status"] == "reported" and first["object"] == "establishment" and first["reported_on"] == "2026-11-03"
    assert first["secondary_establishment"] is True and first["not_registered"] is False
    assert first["reference_date"] == "2026-10-30" and first["proposed_value"] == "+31 Postbus 100"
    assert second["status"] == "draft" and second["object"] is None and second["reported_on"] is None


@pytest.mark.both_backends
def test_the_logboek_has_dutch_details_in_sheets_raw_codes_in_json_and_no_personal_data(db_path, tmp_path, content):
    seeded_registers(db_path)
    from hr_wizard.store import Store

    store = Store.open(str(db_path))
    application = next(iter(store.iter_applications(store.get_project().id)))
    store.forget_application(application.id)
    store.close()

    target, result = export(db_path, tmp_path, "logboek", "csv")
    rows = read_csv(target)
    assert rows[0] == ["wanneer", "wie", "soort", "onderdeel", "actie", "details"]
    body = target.read_text(encoding="utf-8-sig")
    assert "aangevraagd op: 05-01-2026" in body and "brief uiterlijk: 07-01-2026" in body
    assert "alle persoonsgegevens gewist" in body and "status: Gemeld" in body
    step = next(row for row in rows if row[2] == "stap")
    assert step[3] == content.step("fase1.website").title
    assert dt.datetime.strptime(rows[1][0], "%d-%m-%Y %H:%M")  # local time, as the logboek screen shows it

    sheet, cells = read_xlsx(export(db_path, tmp_path, "logboek", "xlsx")[0])
    assert sheet["A2"].is_date and sheet["A2"].number_format == "dd-mm-yyyy hh:mm"

    data = json.loads(export(db_path, tmp_path, "logboek", "json")[0].read_text(encoding="utf-8"))
    assert set(data[0]) == {"at", "actor", "entity", "entity_id", "action", "detail"}
    assert dt.datetime.fromisoformat(data[0]["at"]).utcoffset() == dt.timedelta(0)
    assert any(entry["detail"] == "applied_on: 2026-01-05, current_step: 4, furthest_step: 4, kenmerk, letter_due: 2026-01-07"
               for entry in data)
    assert {"application", "process", "terugmelding", "step"} <= {entry["entity"] for entry in data}
    assert any(entry["action"] == "forgotten" for entry in data)
    assert len(data) == len(rows) - 1 == len(cells) - 1

    for path in tmp_path.glob("logboek.*"):
        raw = path.read_bytes()
        if path.suffix == ".xlsx":
            import zipfile

            with zipfile.ZipFile(path) as book:
                raw = b"".join(book.read(name) for name in book.namelist())
        for personal in PERSONAL:
            assert personal.encode() not in raw, (path.name, personal)


@pytest.mark.both_backends
def test_accounts_as_json_and_xlsx_with_real_dates(db_path, tmp_path):
    seeded_registers(db_path)
    target, _ = export(db_path, tmp_path, "accounts", "json")
    [account] = json.loads(target.read_text(encoding="utf-8"))
    assert account == {"name": "Jan de Werker", "team": "Afd. Werk en Inkomen", "email": "jan@testdorp.nl", "phone": "06 12345678",
                       "reference": "Afd. Werk en Inkomen / Jan de Werker", "step": 4, "status": "late",
                       "applied_on": "2026-01-05", "letter_due": "2026-01-07", "letter_received": None,
                       "debtor_number": "", "finished_on": None}
    sheet, rows = read_xlsx(export(db_path, tmp_path, "accounts", "xlsx")[0])
    assert rows[1][6] == "brief te laat"
    assert sheet["H2"].is_date and sheet["H2"].value.date() == dt.date(2026, 1, 5) and sheet["H2"].number_format == "dd-mm-yyyy"
    header, row = read_csv(export(db_path, tmp_path, "accounts", "csv")[0])
    assert row[6:9] == ["brief te laat", "05-01-2026", "07-01-2026"]


@pytest.mark.both_backends
def test_a_dash_writes_to_standard_output_and_makes_no_file(db_path, tmp_path):
    seeded_registers(db_path)
    result = run("--db", str(db_path), "export", "processen", "--format", "json", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert [p["name"] for p in json.loads(result.stdout)] == ["=Vergunning horeca", "Subsidie"]
    assert not (tmp_path / "-").exists()


def test_progress_every_thousand_rows(db_path, tmp_path):  # SQLite: the rows go straight into the file
    seeded(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.executemany("INSERT INTO process (project_id, naam, afdeling, eigenaar, hr_data, source, note, created_at,"
                               " updated_at, version) VALUES (1, ?, '', '', '', 'own_register', '', '2026-01-01', '2026-01-01', 1)",
                               [(f"Proces {n}",) for n in range(2500)])
    connection.close()
    target, result = export(db_path, tmp_path, "processen", "json")
    assert [line for line in result.stderr.splitlines() if "rijen geschreven" in line] == [
        "1000 rijen geschreven", "2000 rijen geschreven"]
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2500


def test_rows_are_streamed_not_gathered(tmp_path, content):
    """20,000 lines of the logboek go out a batch at a time: the memory used stays far below what
    gathering them first takes (about 15 MB here, 3.5 MB streamed)."""
    import tracemalloc

    from hr_wizard import exchange, registers

    db_path = tmp_path / "db.sqlite"
    store = seeded(db_path)
    project_id = store.get_project().id
    with sqlite3.connect(db_path) as connection:
        connection.executemany("INSERT INTO audit (at, actor, project_id, entity, entity_id, action, detail)"
                               " VALUES ('2026-11-28 10:00:00', 'mila', ?, 'process', ?, 'changed', 'source: both')",
                               [(project_id, str(n)) for n in range(20_000)])
    connection.close()
    rows = registers.LOGBOEK.rows(store, project_id, dt.date(2026, 11, 28))
    tracemalloc.start()
    try:
        with (tmp_path / "logboek.json").open("wb") as handle:
            count = exchange.write_json((registers.json_object(registers.LOGBOEK, row) for row in rows), handle)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        store.close()
    assert count == 20_001  # and the project's own creation
    assert peak < 8_000_000, peak
