"""Resuming at the kiosk, in the database: only the work e-mail address with its own resume
code opens an application; wrong codes lock the address; a finished application stays shut."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from hr_wizard.kiosk import RESUME_LOCK, hash_resume_code, new_resume_code
from hr_wizard.models import Application, KioskResumeAttempt

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server

NOW = dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


def with_code(store, naam: str, email: str, expires: dt.date = TODAY + dt.timedelta(days=30), **changes):
    application = store.create_application(store.get_project().id, naam, "Burgerzaken", email, "030 123 45 67")
    if changes:
        store.save_application(application.id, application.version, **changes)
    code = new_resume_code()
    store.set_resume_code(application.id, hash_resume_code(code), expires)
    return application.id, code


def resume(store, email, code, now=NOW):
    return store.resume_application(store.get_project().id, email, code, now=now, today=now.date())


def test_the_right_code_with_the_right_address_opens_it_and_nothing_else_does(store):
    jan, jan_code = with_code(store, "Jan Jansen", "jan@testdorp.nl")
    piet, piet_code = with_code(store, "Piet Puk", "piet@testdorp.nl")
    opened = resume(store, "JAN@testdorp.nl ", jan_code.lower())
    assert opened.outcome == "open" and opened.application.id == jan
    # A colleague who knows Jan's name and address (not secrets in a gemeente) gets nothing,
    # not with their own code, not with Jan's name, not with an empty code.
    for code in (piet_code, "Jan Jansen", "", "JANJANSE"):
        assert resume(store, "jan@testdorp.nl", code).outcome == "wrong"
    assert resume(store, "piet@testdorp.nl", jan_code).outcome == "wrong"
    assert resume(store, "piet@testdorp.nl", piet_code).application.id == piet


def test_five_wrong_codes_lock_the_address_for_15_minutes(store):
    jan, code = with_code(store, "Jan Jansen", "jan@testdorp.nl")
    outcomes = [resume(store, "jan@testdorp.nl", "AAAAAAAA", NOW + dt.timedelta(minutes=i)).outcome for i in range(5)]
    assert outcomes == ["wrong"] * 4 + ["locked"]
    locked = resume(store, "jan@testdorp.nl", code, NOW + dt.timedelta(minutes=10))
    assert locked.outcome == "locked"  # even the right code waits
    assert locked.locked_until == NOW + dt.timedelta(minutes=4) + RESUME_LOCK
    assert resume(store, "piet@testdorp.nl", "AAAAAAAA", NOW + dt.timedelta(minutes=10)).outcome == "wrong"  # per address
    later = resume(store, "jan@testdorp.nl", code, NOW + dt.timedelta(minutes=4) + RESUME_LOCK + dt.timedelta(seconds=1))
    assert later.outcome == "open" and later.application.id == jan
    with store._read() as session:  # the right code clears the count; no address is kept anywhere
        keys = [row.email_key for row in session.exec(select(KioskResumeAttempt))]
    assert all("testdorp" not in key and "piet" not in key for key in keys)
    assert resume(store, "jan@testdorp.nl", "AAAAAAAA", NOW + dt.timedelta(hours=1)).outcome == "wrong"


def test_an_address_without_an_application_is_counted_the_same(store):
    outcomes = [resume(store, "niemand@testdorp.nl", "AAAAAAAA").outcome for _ in range(5)]
    assert outcomes == ["wrong"] * 4 + ["locked"]  # the answer never tells whether someone has an application


def test_an_expired_code_does_not_open(store):
    _, code = with_code(store, "Jan Jansen", "jan@testdorp.nl", expires=TODAY - dt.timedelta(days=1))
    assert resume(store, "jan@testdorp.nl", code).outcome == "wrong"


def test_a_finished_application_is_never_reopened_and_its_code_forgotten(store):
    jan, code = with_code(store, "Jan Jansen", "jan@testdorp.nl", current_step=6, applied_on="2026-04-24",
                          letter_received="2026-04-29")
    assert resume(store, "jan@testdorp.nl", code).outcome == "finished"
    assert store.get_application(jan).resume_code_hash == ""
    assert resume(store, "jan@testdorp.nl", code).outcome == "wrong"


def test_a_new_code_replaces_the_old_and_leaves_the_version_alone(store):
    jan, old = with_code(store, "Jan Jansen", "jan@testdorp.nl")
    version = store.get_application(jan).version
    new = new_resume_code()
    store.set_resume_code(jan, hash_resume_code(new), TODAY + dt.timedelta(days=30))
    assert resume(store, "jan@testdorp.nl", old).outcome == "wrong"
    assert resume(store, "jan@testdorp.nl", new).outcome == "open"
    row = store.get_application(jan)
    assert row.version == version and new not in row.resume_code_hash  # a desk editing Jan sees no conflict
    with store._read() as session:
        assert all(new not in str(value) for value in session.exec(select(Application)).one().model_dump().values())
