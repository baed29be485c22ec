"""One database for many desks and gemeenten: PostgreSQL (and SQLite where it applies).

The tests marked both_backends run on SQLite and on the PostgreSQL test server
(scripts/with-postgres.sh); the connection-error tests need no server at all."""

from __future__ import annotations

import csv
import datetime as dt
import socket
import time

import pytest

from hr_wizard import exchange, registers, report
from hr_wizard.errors import ConflictError, UnusableLocationError
from hr_wizard.paths import display_location
from hr_wizard.screens.projects import ProjectPickerScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import CONNECT_TIMEOUT_S, Store

from ..helpers import NO_PSYCOPG, psycopg_installed
from .pilot import make_app, wait_for


def two_gemeenten(db_path) -> tuple[Store, object, object]:
    store = Store.open(str(db_path))
    noord = store.create_project("Gemeente Noorddorp", "Mila de Vries", "mila@noorddorp.nl")
    zuid = store.create_project("Gemeente Zuiddorp", "Piet Puk", "piet@zuiddorp.nl")
    for project, naam in ((noord, "Anna Noord"), (zuid, "Zoë Zuid")):
        application = store.create_application(project.id, naam, "Burgerzaken", f"{naam.split()[0].lower()}@testdorp.nl")
        store.save_application(application.id, application.version, applied_on=dt.date(2026, 1, 5), letter_due=dt.date(2026, 1, 7))
        store.set_step_note(project.id, "fase1.website", f"Notitie van {naam}", expected_version=0)
        store.create_process(project.id, naam=f"Proces van {naam.split()[1]}")
    return store, noord, zuid


@pytest.mark.both_backends
def test_report_and_export_of_one_gemeente_contain_nothing_of_the_other(db_path, tmp_path, content):
    store, noord, zuid = two_gemeenten(db_path)
    for fmt in ("md", "html"):
        text = report.render(store, noord, content, fmt)
        assert "Anna Noord" in text and "Proces van Noord" in text and "Notitie van Anna" in text
        assert "Zuid" not in text and "Zoë" not in text
    target = tmp_path / "noord.csv"
    accounts = registers.ACCOUNTS
    exchange.write_csv((registers.sheet_row(accounts, row, content, as_text=True)
                        for row in accounts.rows(store, noord.id, dt.date.today())), target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Anna Noord"]
    for register in registers.REGISTERS.values():
        exported = [registers.json_object(register, row) for row in register.rows(store, noord.id, dt.date.today())]
        assert "Zuid" not in repr(exported) and "Zoë" not in repr(exported), register.name
    trail = list(registers.LOGBOEK.rows(store, noord.id, dt.date.today()))
    assert len(trail) == len(store.audit_entries(noord.id)) < len(trail) + len(store.audit_entries(zuid.id))
    assert [e.entity for e in store.audit_entries(zuid.id) if "Anna" in e.detail] == []
    assert store.roster_count(noord.id) == 1 and store.overdue_count(zuid.id) == 1


@pytest.mark.both_backends
def test_two_desks_saving_the_same_application_conflict(db_path):
    store, noord, _ = two_gemeenten(db_path)
    desk_a, desk_b = Store.open(str(db_path)), Store.open(str(db_path))
    application = desk_a.roster_page(noord.id)[0]
    seen_by_a = desk_a.get_application(application.id)
    seen_by_b = desk_b.get_application(application.id)
    desk_a.save_application(seen_by_a.id, seen_by_a.version, kenmerk="Burgerzaken / Anna Noord")
    with pytest.raises(ConflictError) as caught:
        desk_b.save_application(seen_by_b.id, seen_by_b.version, kenmerk="Burgerzaken / A. Noord")
    assert caught.value.current.kenmerk == "Burgerzaken / Anna Noord"  # shown the other version
    assert store.get_application(application.id).kenmerk == "Burgerzaken / Anna Noord"  # not overwritten


@pytest.mark.both_backends
async def test_the_user_picks_a_gemeente_and_the_choice_is_remembered(db_path):
    two_gemeenten(db_path)[0].close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        picker = await wait_for(pilot, ProjectPickerScreen)
        assert [p.gemeente for p in picker.projects] == ["Gemeente Noorddorp", "Gemeente Zuiddorp"]
        await pilot.press("down", "enter")
        screen = await wait_for(pilot, RoadmapScreen)
        assert screen.project.gemeente == "Gemeente Zuiddorp"
        await pilot.press("a")
        await pilot.pause()
        assert "Zoë Zuid" in str(app.screen.query_one("RosterTable").render_line(0).text)
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)  # straight in: remembered for this user
        assert screen.project.gemeente == "Gemeente Zuiddorp"
        await pilot.press("f1", "g")  # and another gemeente from the help screen
        await wait_for(pilot, ProjectPickerScreen)


needs_psycopg = pytest.mark.skipif(not psycopg_installed(), reason=NO_PSYCOPG)


def silent_server() -> socket.socket:
    """A port that accepts connections and never answers: the server that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    return listener


@needs_psycopg
def test_a_server_that_does_not_answer_gives_the_message_within_the_timeout():
    listener = silent_server()
    port = listener.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(UnusableLocationError) as caught:
        Store.open(f"postgresql+psycopg://hrwizard@127.0.0.1:{port}/hr")
    elapsed = time.monotonic() - started
    listener.close()
    assert elapsed < CONNECT_TIMEOUT_S * 3, f"waited {elapsed:.1f} s"
    assert f"127.0.0.1:{port} antwoordt niet" in str(caught.value)


@needs_psycopg
def test_a_closed_port_gives_the_same_clear_message():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: nobody listens
    with pytest.raises(UnusableLocationError) as caught:
        Store.open(f"postgresql+psycopg://hrwizard@127.0.0.1:{port}/hr")
    assert "antwoordt niet" in str(caught.value)


def test_a_password_in_the_address_is_refused_and_never_printed():
    location = "postgresql+psycopg://hrwizard:Zomer2026@db.example.nl/hr"  # not a real password
    with pytest.raises(UnusableLocationError) as caught:
        Store.open(location)
    assert "PGPASSWORD" in str(caught.value) and "Zomer2026" not in str(caught.value)
    assert "Zomer2026" not in display_location(location)


@pytest.mark.parametrize("backend", ["postgresql"])  # a server-only situation
def test_server_says_no_such_database_or_no_login(db_path, backend):
    from sqlalchemy.engine import make_url

    url = make_url(str(db_path))
    with pytest.raises(UnusableLocationError) as caught:
        Store.open(url.set(database="bestaat_niet").render_as_string(hide_password=False))
    assert "'bestaat_niet' bestaat niet" in str(caught.value)
    with pytest.raises(UnusableLocationError) as caught:
        Store.open(url.set(username="niemand").render_as_string(hide_password=False))
    assert "weigert de aanmelding van gebruiker 'niemand'" in str(caught.value)


@pytest.mark.both_backends
def test_command_line_status_import_and_export_on_each_backend(db_path, tmp_path):
    from ..helpers import run

    two_gemeenten(db_path)[0].close()
    source = tmp_path / "in.csv"
    source.write_text("naam;team;email\nKees Noord;Burgerzaken;kees@noorddorp.nl\n", encoding="utf-8")
    location = str(db_path)
    assert run("--db", location, "--gemeente", "Gemeente Noorddorp", "import", "accounts", str(source)).returncode == 0
    status = run("--db", location, "--gemeente", "Gemeente Noorddorp", "status")
    assert status.returncode == 0 and "brief te laat: 1" in status.stdout
    target = tmp_path / "uit.csv"
    assert run("--db", location, "--gemeente", "Gemeente Noorddorp", "export", "accounts", "-o", str(target)).returncode == 0
    exported = target.read_text(encoding="utf-8-sig")
    assert "Kees Noord" in exported and "Anna Noord" in exported and "Zuid" not in exported
