"""A PostgreSQL server that stops answering in the middle of a session (every one of its
processes SIGSTOPped, as a frozen machine: the kernel still accepts the connection, nothing
answers). The desk gets a Dutch message within 10 s, for every action while it lasts, and
works again once the server answers. On a server of the tests' own (see conftest.py)."""

from __future__ import annotations

import time

import pytest

from hr_wizard.errors import BusyError, StoreError
from hr_wizard.store import Store, engines


def test_a_server_that_stops_answering_gives_the_message_within_10_seconds(stoppable_server):
    store = Store.open(stoppable_server.new_database())
    project = store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    stoppable_server.stop_answering()
    try:
        started = time.monotonic()
        with pytest.raises(BusyError) as caught:
            store.set_step_status(project.id, "fase1.website", "done")
        waited = time.monotonic() - started
    finally:
        stoppable_server.answer_again()
    assert waited < 10, f"the desk waited {waited:.1f} s"
    assert "antwoordt niet meer" in str(caught.value)
    store.set_step_status(project.id, "fase1.website", "done")  # the same action again: now it is saved
    assert store.step_progress(project.id)["fase1.website"].status == "done"
    store.close()


def test_every_action_while_it_lasts_gets_the_message_not_a_driver_error(stoppable_server, monkeypatch):
    """The first action loses its connection; the next ones must connect again and cannot."""
    monkeypatch.setattr(engines, "SERVER_DEADLINE_S", 1.0)  # short, to keep the test fast
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT_S", 2)  # libpq's shortest
    store = Store.open(stoppable_server.new_database())
    project = store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    stoppable_server.stop_answering()
    try:
        for action in (store.get_project, lambda: store.set_step_status(project.id, "fase1.website", "done")):
            started = time.monotonic()
            with pytest.raises(StoreError) as caught:
                action()
            assert time.monotonic() - started < 5
            assert "databaseserver" in str(caught.value)
    finally:
        stoppable_server.answer_again()
    assert store.get_project().gemeente == "Gemeente Testdorp"
    store.close()
