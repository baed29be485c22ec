"""`hr-wizard export herinneringen`: the dates to watch as an iCalendar file, run as a user runs
it and read back with icalendar, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from hr_wizard.applications import months_before, review_due, review_due_on

from ..helpers import run, seeded_reminders

TODAY = dt.date.today()
DOMAIN = "gemeente-testdorp.hr-wizard"
PERSONAL = ("jan@testdorp.nl", "Burgerzaken", "Afd. Werk en Inkomen", "06 12345678", "Piet Puk", "piet@testdorp.nl")


def export(db_path, tmp_path, name: str = "herinneringen.ics", *extra: str) -> Calendar:
    target = tmp_path / name
    result = run("--db", str(db_path), "export", "herinneringen", "-o", str(target), *extra)
    assert result.returncode == 0, result.stderr
    return Calendar.from_ical(target.read_bytes())


def events(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.both_backends
def test_one_all_day_event_per_date_to_watch_and_nothing_for_what_is_done(db_path, tmp_path):
    ids = seeded_reminders(db_path, TODAY)
    found = events(export(db_path, tmp_path))
    expected = {
        f"toegangscode-{ids['waiting']}@{DOMAIN}": (TODAY + dt.timedelta(days=4), "Toegangscode verwacht: Jan de Werker"),
        f"toegangscode-{ids['late']}@{DOMAIN}": (TODAY - dt.timedelta(days=15), "Toegangscode verwacht: Özlem Yılmaz"),
        f"toegangscontrole-{ids['review']}@{DOMAIN}": (review_due_on(months_before(TODAY, 12) - dt.timedelta(days=20), 12),
                                                        "Toegang controleren: Anouk Visser"),
        f"toegangscontrole-{ids['recent']}@{DOMAIN}": (review_due_on(TODAY - dt.timedelta(days=10), 12),
                                                        "Toegang controleren: Daan Bakker"),
        f"overstap-{ids['switch']}@{DOMAIN}": (TODAY + dt.timedelta(days=40), "Overstap op het HR: Proces switch"),
        f"terugmelding-{ids['follow_up']}@{DOMAIN}": (TODAY + dt.timedelta(days=14), "Terugmelding opvolgen: TM-follow"),
    }
    assert {uid: (event.decoded("DTSTART"), str(event["SUMMARY"])) for uid, event in found.items()} == expected
    for event in found.values():
        start = event.decoded("DTSTART")
        assert type(start) is dt.date and event.decoded("DTEND") == start + dt.timedelta(days=1)  # all day
        assert event.decoded("DTSTAMP").tzinfo is not None and int(event["SEQUENCE"]) >= 0
        assert event["DESCRIPTION"]
        for personal in PERSONAL:
            assert personal not in event.to_ical().decode(), personal


@pytest.mark.both_backends
def test_the_same_uids_again_and_a_higher_sequence_after_a_change(db_path, tmp_path):
    ids = seeded_reminders(db_path, TODAY)
    first = events(export(db_path, tmp_path, "eerste.ics"))
    again = events(export(db_path, tmp_path, "tweede.ics"))
    assert again.keys() == first.keys()
    assert {uid: int(e["SEQUENCE"]) for uid, e in again.items()} == {uid: int(e["SEQUENCE"]) for uid, e in first.items()}

    from hr_wizard.store import Store

    store = Store.open(str(db_path))
    waiting = store.get_application(ids["waiting"])
    store.save_application(waiting.id, waiting.version, letter_due=TODAY + dt.timedelta(days=6))
    late = store.get_application(ids["late"])
    store.save_application(late.id, late.version, letter_received=TODAY)  # no longer awaited: its event goes
    store.close()
    third = events(export(db_path, tmp_path, "derde.ics"))
    uid = f"toegangscode-{ids['waiting']}@{DOMAIN}"
    assert third[uid].decoded("DTSTART") == TODAY + dt.timedelta(days=6)
    assert int(third[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"])
    assert third.keys() == first.keys() - {f"toegangscode-{ids['late']}@{DOMAIN}"}


@pytest.mark.both_backends
def test_a_setting_leaves_the_names_out(db_path, tmp_path):
    ids = seeded_reminders(db_path, TODAY)
    (tmp_path / "config.toml").write_text("[settings]\nherinneringen_namen = false\n", encoding="utf-8")
    target = tmp_path / "zonder-namen.ics"
    result = run("--db", str(db_path), "export", "herinneringen", "-o", str(target))
    assert result.returncode == 0, result.stderr
    raw = target.read_bytes()
    for naam in ("Jan de Werker", "Özlem Yılmaz", "Anouk Visser", "Daan Bakker"):
        assert naam.encode() not in raw
    found = events(Calendar.from_ical(raw))
    assert str(found[f"toegangscode-{ids['waiting']}@{DOMAIN}"]["SUMMARY"]) == f"Toegangscode verwacht (aanvraag {ids['waiting']})"
    assert len(found) == 6


def test_the_names_setting_must_be_true_or_false(tmp_path):
    (tmp_path / "config.toml").write_text('[settings]\nherinneringen_namen = "nee"\n', encoding="utf-8")
    result = run("--db", str(tmp_path / "db.sqlite"), "export", "herinneringen")
    assert result.returncode == 2 and "herinneringen_namen" in result.stderr and "true of false" in result.stderr


@pytest.mark.both_backends
def test_to_standard_output_and_only_as_a_calendar(db_path, tmp_path):
    seeded_reminders(db_path, TODAY)
    result = run("--db", str(db_path), "export", "herinneringen", "-o", "-")
    assert result.returncode == 0 and result.stdout.startswith("BEGIN:VCALENDAR"), result.stderr
    assert len(Calendar.from_ical(result.stdout).walk("VEVENT")) == 6
    refused = run("--db", str(db_path), "export", "herinneringen", "--format", "csv", "-o", "-")
    assert refused.returncode == 1 and "iCalendar" in refused.stderr and refused.stdout == ""


@given(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)), st.integers(1, 60))
def test_the_review_falls_due_on_the_first_day_that_review_due_says_so(last, months):
    account = types.SimpleNamespace(offboarded_on=None, letter_received=last, finished_on=last, applied_on=last,
                                    letter_due=last, access_reviewed_on=None)
    due = review_due_on(last, months)
    assert review_due(account, due, months)
    assert not review_due(account, due - dt.timedelta(days=1), months)
