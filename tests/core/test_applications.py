"""Account applications in the store: status in words (Python and SQL agree), conflicts, roster."""

from __future__ import annotations

import datetime as dt

import pytest

from hr_wizard.applications import STATUSES, letter_due, status_of
from hr_wizard.errors import ConflictError
from hr_wizard.store import Store

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server

TODAY = dt.date(2026, 11, 27)


def add(store, naam, team="Burgerzaken", **changes):
    project_id = store.get_project().id
    application = store.create_application(project_id, naam, team, f"{naam.split()[0].lower()}@testdorp.nl")
    if changes:
        application = store.save_application(application.id, application.version, **changes)
    return application


def test_letter_due_uses_working_days():
    assert letter_due(dt.date(2026, 4, 24), 2) == dt.date(2026, 4, 29)


def test_status_in_python_and_sql_agree(store):
    applied_late = dt.date(2026, 11, 2)
    applied_recent = dt.date(2026, 11, 26)
    examples = {
        "new": {},
        "late": {"applied_on": applied_late, "letter_due": letter_due(applied_late, 2)},
        "waiting": {"applied_on": applied_recent, "letter_due": letter_due(applied_recent, 2)},
        "letter": {"applied_on": applied_late, "letter_due": letter_due(applied_late, 2), "letter_received": dt.date(2026, 11, 5)},
        "active": {"applied_on": applied_late, "letter_received": dt.date(2026, 11, 5), "finished_on": dt.date(2026, 11, 6)},
    }
    for status, changes in examples.items():
        application = add(store, f"Persoon {status}", **changes)
        assert status_of(application, TODAY) == status
    project_id = store.get_project().id
    for status in STATUSES:
        rows = store.roster_page(project_id, status=status, today=TODAY)
        assert [row.naam for row in rows] == [f"Persoon {status}"]
        assert all(status_of(row, TODAY) == status for row in rows)
    assert store.overdue_count(project_id, TODAY) == 1


def test_second_save_of_an_application_is_detected(db_path, store):
    application = add(store, "Jan de Werker")
    other_desk = Store.open(str(db_path))
    store.save_application(application.id, application.version, kenmerk="Burgerzaken / Jan de Werker")
    with pytest.raises(ConflictError) as caught:
        other_desk.save_application(application.id, application.version, kenmerk="Werk / Jan")
    assert caught.value.current.kenmerk == "Burgerzaken / Jan de Werker"
    assert store.get_application(application.id).kenmerk == "Burgerzaken / Jan de Werker"


def test_roster_filters_sorts_and_pages_in_sql(store):
    for index in range(250):
        add(store, f"Medewerker {index:03d}", team="Belastingen" if index % 5 == 0 else "Burgerzaken")
    add(store, "Özlem Yılmaz", team="Team Vergunningen")
    project_id = store.get_project().id
    assert store.roster_count(project_id) == 251
    assert store.roster_count(project_id, "vergun") == 1
    assert store.roster_count(project_id, "BELAST") == 50
    assert store.roster_count(project_id, "100%") == 0  # % is a character, not a wildcard
    last = store.roster_page(project_id, offset=250, limit=10)
    assert [row.naam for row in last] == ["Özlem Yılmaz"]
    by_team = store.roster_page(project_id, sort="team", descending=True, limit=1)
    assert by_team[0].team == "Team Vergunningen"


def test_forgetting_an_application(store):
    application = add(store, "Jan de Werker")
    assert store.forget_application(application.id)
    assert store.get_application(application.id) is None
