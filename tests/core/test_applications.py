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
    application = store.create_application(project_id, naam, team, f"{naam.lower().replace(' ', '.')}@testdorp.nl")
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
        "offboarded": {"applied_on": applied_late, "letter_received": dt.date(2026, 11, 5), "finished_on": dt.date(2026, 11, 6),
                       "offboarded_on": dt.date(2026, 11, 20)},
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


def test_every_combination_of_dates_has_the_same_status_in_python_and_in_sql(store):
    """Including rows an older version left (finished without a letter date): SQL and Python agree."""
    import itertools

    day = dt.date(2026, 11, 2)
    choices = {"applied_on": (None, day), "letter_due": (None, TODAY - dt.timedelta(days=1), TODAY),
               "letter_received": (None, day), "finished_on": (None, day), "offboarded_on": (None, day)}
    expected = {}
    for number, values in enumerate(itertools.product(*choices.values())):
        changes = {name: value for name, value in zip(choices, values, strict=True) if value is not None}
        application = add(store, f"Combinatie {number:02d}", **changes)
        expected[application.naam] = status_of(application, TODAY)
    project_id = store.get_project().id
    for status in STATUSES:
        found = {row.naam for row in store.roster_page(project_id, status=status, today=TODAY, limit=1000)}
        assert found == {naam for naam, wanted in expected.items() if wanted == status}, status
    assert store.overdue_count(project_id, TODAY) == sum(1 for wanted in expected.values() if wanted == "late")


def test_active_only_with_the_code_in_and_the_first_search_done():
    from hr_wizard.applications import page_changes
    from hr_wizard.models import Application

    waiting = Application(project_id=1, naam="Jan", team="T", email="j@x.nl", applied_on=dt.date(2026, 4, 24))
    refused = page_changes(7, {"first_search_done": True}, waiting, TODAY, 5)
    assert refused.field == "first_search_done" and "toegangscode" in refused.message
    arrived = Application(project_id=1, naam="Jan", team="T", email="j@x.nl", applied_on=dt.date(2026, 4, 24),
                          letter_received=dt.date(2026, 4, 28))
    done = page_changes(7, {"first_search_done": True}, arrived, TODAY, 5)
    assert done.application == {"first_search_done": True, "finished_on": TODAY}
    assert status_of(Application(**{**arrived.model_dump(), **done.application}), TODAY) == "active"


def test_dates_that_make_sense():
    from hr_wizard.applications import page_changes
    from hr_wizard.models import Application

    applied = Application(project_id=1, naam="Jan", team="T", email="j@x.nl", applied_on=dt.date(2026, 4, 24))
    before = page_changes(5, {"letter_received": "2026-04-23", "code_channel": "letter"}, applied, TODAY, 5)
    assert before.field == "letter_received" and "24-04-2026" in before.message
    future = page_changes(5, {"letter_received": (TODAY + dt.timedelta(days=1)).isoformat(), "code_channel": "email"},
                          applied, TODAY, 5)
    assert future.field == "letter_received" and "toekomst" in future.message
    fine = page_changes(5, {"letter_received": "2026-04-24", "code_channel": "email"}, applied, TODAY, 5)
    assert fine.application == {"letter_received": dt.date(2026, 4, 24), "code_channel": "email"}
    assert page_changes(3, {"applied_on": (TODAY + dt.timedelta(days=1)).isoformat()}, applied, TODAY, 5).field == "applied_on"
    assert page_changes(3, {"applied_on": "2026-04-24"}, applied, TODAY, 5).application["letter_due"] == dt.date(2026, 5, 4)  # Koningsdag on the 27th


def test_one_person_one_application(store):
    from hr_wizard.errors import DuplicateEmailError

    first = add(store, "Jan de Werker")
    with pytest.raises(DuplicateEmailError) as caught:
        store.create_application(store.get_project().id, "Jan Werker", "Burgerzaken", first.email.upper())
    assert caught.value.existing_id == first.id and "Jan de Werker" in str(caught.value)
    other = add(store, "Kees Jansen")
    with pytest.raises(DuplicateEmailError):
        store.save_application(other.id, other.version, email=first.email)


def test_looking_back_never_lowers_the_furthest_step(store):
    application = add(store, "Jan de Werker")
    application = store.save_application(application.id, application.version, current_step=7)
    application = store.save_application(application.id, application.version, current_step=2)
    assert (application.current_step, application.furthest_step) == (2, 7)
    assert store.roster_page(store.get_project().id)[0].furthest_step == 7


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


def test_access_review_in_python_and_sql_agree(store):
    from hr_wizard.applications import review_due

    project_id = store.get_project().id
    long_ago, lately = dt.date(2025, 6, 1), dt.date(2026, 10, 1)
    cases = {
        "nooit gecontroleerd, lang actief": {"finished_on": long_ago},
        "kort actief": {"finished_on": lately},
        "lang actief, net gecontroleerd": {"finished_on": long_ago, "access_reviewed_on": lately},
        "lang geleden gecontroleerd": {"finished_on": long_ago, "access_reviewed_on": dt.date(2025, 7, 1)},
        "uit dienst": {"finished_on": long_ago, "offboarded_on": lately},
    }
    expected = set()
    for naam, changes in cases.items():
        application = add(store, f"Account {naam}", applied_on=dt.date(2025, 5, 1), letter_received=dt.date(2025, 5, 5), **changes)
        if review_due(application, TODAY, 12):
            expected.add(application.naam)
    assert expected == {"Account nooit gecontroleerd, lang actief", "Account lang geleden gecontroleerd"}
    assert {row.naam for row in store.access_review_due(project_id, 12, TODAY)} == expected
    assert store.roster_totals(project_id, 24, TODAY, 12).reviews_due == 2


def test_offboarding_checklist_rules():
    from hr_wizard.applications import offboarding_changes, offboarding_open
    from hr_wizard.models import Application

    account = Application(project_id=1, naam="Jan", team="T", email="j@x.nl")
    assert offboarding_changes({"offboarded_on": "", "code_revoked_on": "2026-11-01", "autorisaties_revoked_on": ""},
                               account, TODAY).field == "offboarded_on"
    future = (TODAY + dt.timedelta(days=3)).isoformat()
    assert offboarding_changes({"offboarded_on": future, "code_revoked_on": "", "autorisaties_revoked_on": ""},
                               account, TODAY).field == "offboarded_on"
    left = offboarding_changes({"offboarded_on": "2026-11-20", "code_revoked_on": "", "autorisaties_revoked_on": ""}, account, TODAY)
    gone = Application(**{**account.model_dump(), **left.application})
    assert status_of(gone, TODAY) == "offboarded" and offboarding_open(gone)


def test_the_progress_line_shortens_in_a_fixed_order_and_never_cuts_the_numbers(content):
    from hr_wizard.summaries import progress_line

    statuses = ["done", "skipped"] + ["todo"] * 14
    t = content.text
    assert progress_line(statuses, 16, 1, t) == "1 van 16 stappen klaar, 1 overgeslagen · 1 brief te laat"
    assert progress_line(statuses, 16, 1, t, 40) == "1 van 16 stappen klaar · 1 brief te laat"
    assert progress_line(statuses, 16, 3, t, 35) == "1 van 16 klaar · 3 brieven te laat"
    assert progress_line(statuses, 16, 3, t, 30) == "1 van 16 klaar · 3 te laat"
    assert progress_line(statuses, 16, 3, t, 22) == "1/16 klaar · 3 te laat"
    assert progress_line(statuses, 16, 0, t, 22) == "1 van 16 stappen klaar"
    assert progress_line(statuses, 16, 0, t, 15) == "1 van 16 klaar"
