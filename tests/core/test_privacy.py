"""AVG: the audit trail holds no personal data, "medewerker vergeten" erases a person from
the file itself, and finished applications past the retention period are listed."""

from __future__ import annotations

import datetime as dt

import pytest

from hr_wizard.applications import months_before
from hr_wizard.content_file import load_content
from hr_wizard.store import Store

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server

NAME = "Quirinus Zwaluwstaart"  # unusual on purpose: easy to find in the file's bytes
EMAIL = "q.zwaluwstaart@testdorp.nl"


@pytest.fixture
def store(db_path):
    store = Store.open(str(db_path))
    store.actor = "helpdesk1"
    store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    yield store
    store.close()


def file_bytes(db_path) -> bytes:
    """The database and its write-ahead log: everything SQLite keeps on disk."""
    data = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_every_change_is_in_the_audit_trail_with_user_and_without_personal_data(store):
    project_id = store.get_project().id
    store.set_step_status(project_id, "fase1.website", "done")
    store.set_step_note(project_id, "fase1.website", "Besproken met Quirinus", expected_version=1)
    application = store.create_application(project_id, NAME, "Team Zwaluw", EMAIL)
    store.save_application(application.id, application.version, kenmerk="Team Zwaluw / Q. Zwaluwstaart", current_step=3)
    entries = store.audit_entries(project_id)
    assert [(e.entity, e.action, e.detail) for e in entries] == [
        ("application", "changed", "current_step: 3, furthest_step: 3, kenmerk"),
        ("application", "created", ""),
        ("step", "changed", "note"),
        ("step", "changed", "status: done"),
        ("project", "created", ""),
    ]
    assert {e.actor for e in entries} == {"helpdesk1"}
    assert all(e.at.tzinfo is not None or e.at <= dt.datetime.now() for e in entries)
    text = " ".join(f"{e.entity_id} {e.detail}" for e in entries)
    assert "Zwaluw" not in text and "Quirinus" not in text


def test_audit_trail_filters_by_text_and_kind(store):
    project_id = store.get_project().id
    store.set_step_status(project_id, "fase1.website", "done")
    store.set_step_status(project_id, "fase2.processen", "in_progress")
    store.create_application(project_id, NAME, "Team Zwaluw", EMAIL)
    assert [e.entity_id for e in store.audit_entries(project_id, text="in_progress")] == ["fase2.processen"]
    assert [e.entity_id for e in store.audit_entries(project_id, text="bezig", also=["in_progress"])] == ["fase2.processen"]
    assert {e.entity for e in store.audit_entries(project_id, entity="step")} == {"step"}
    assert len(store.audit_entries(project_id, entity="step")) == 2
    assert store.audit_entries(project_id, text="100%") == []  # % is a character, not a wildcard
    assert len(store.audit_entries(project_id, text="HELPDESK")) == 4


def test_forgetting_erases_every_personal_field_from_the_file(store, db_path, backend):
    project_id = store.get_project().id
    application = store.create_application(project_id, NAME, "Team Zwaluw", EMAIL, telefoon="030 123 45 67")
    store.save_application(application.id, application.version, kenmerk="Team Zwaluw / Q. Zwaluwstaart")
    if backend == "sqlite":
        assert NAME.encode() in file_bytes(db_path)  # the check below can fail
    assert store.forget_application(application.id)
    assert store.get_application(application.id) is None
    assert store.roster_count(project_id, "Zwaluw") == 0
    if backend == "sqlite":  # on a server the file is the server's (VACUUM is the DBA's job)
        data = file_bytes(db_path)
        for secret in (NAME, EMAIL, "Zwaluwstaart", "030 123 45 67"):
            assert secret.encode() not in data, secret
    erasure = store.audit_entries(project_id, text="forgotten")
    assert [(e.entity, e.entity_id, e.actor) for e in erasure] == [("application", str(application.id), "helpdesk1")]
    assert not store.forget_application(application.id)  # already gone: nothing to do, no error


def test_months_before_keeps_the_day_or_takes_the_last_of_the_month():
    assert months_before(dt.date(2026, 11, 28), 24) == dt.date(2024, 11, 28)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


def test_applications_finished_longer_ago_than_the_retention_period_are_listed(store):
    project_id = store.get_project().id
    today = dt.date(2026, 11, 28)
    for naam, finished in (("Oud", dt.date(2024, 11, 27)), ("Grens", dt.date(2024, 11, 28)),
                           ("Recent", dt.date(2026, 1, 5)), ("Open", None)):
        application = store.create_application(project_id, naam, "Team", f"{naam.lower()}@testdorp.nl")
        store.save_application(application.id, application.version, finished_on=finished)
    assert [row.naam for row in store.retention_due(project_id, 24, today)] == ["Oud"]
    assert store.roster_totals(project_id, 24, today)[:3] == (4, store.overdue_count(project_id, today), 1)
    assert [row.naam for row in store.retention_due(project_id, 6, today)] == ["Oud", "Grens", "Recent"]


def test_retention_months_come_from_the_settings_and_can_be_overridden(tmp_path):
    assert load_content().settings["bewaartermijn_maanden"] == 24
    override = tmp_path / "override.toml"
    override.write_text("[settings]\nbewaartermijn_maanden = 12\n", encoding="utf-8")
    assert load_content(override).settings["bewaartermijn_maanden"] == 12


def test_logboek_details_read_in_dutch_with_dates_as_people_write_them(content):
    from hr_wizard.audit_trail import describe, search_terms

    assert describe("step", "changed", "status: in_progress", content.text) == "status: bezig"
    assert describe("terugmelding", "changed", "status: in_progress", content.text) == "status: In behandeling"
    assert (describe("application", "changed", "applied_on: 2026-04-24, first_search_done: true, naam", content.text)
            == "aangevraagd op: 24-04-2026, eerste zoekopdracht gedaan: ja, naam")
    assert describe("application", "imported", "count: 12", content.text) == "12 aanvragen"
    assert describe("application", "changed", "letter_received: ", content.text) == "toegangscode ontvangen op: leeg"
    # A code or field this version does not know stays as it was stored.
    assert describe("step", "changed", "status: later, nieuw_veld", content.text) == "status: later, nieuw_veld"
    words = [("done", "klaar"), ("in_progress", "bezig"), ("finished_on", "klaar op")]
    assert search_terms("Klaar", words) == ["Klaar", "done", "finished_on"]
    assert search_terms("  ", words) == []
