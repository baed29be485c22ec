"""Fase 1 and Fase 2 records in the store: saved, versioned, audited; status rules for terugmeldingen."""

from __future__ import annotations

import datetime as dt

import pytest

from hr_wizard import terugmelding as tm
from hr_wizard.errors import ConflictError
from hr_wizard.store import Store, TransitionError

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server

COMPLETE = {
    "kvk_nummer": "69599084", "object": "establishment", "attribute": "bezoekadres",
    "betwijfelde_waarde": "Stationsstraat 1, Utrecht", "voorgestelde_waarde": "Postbus 100, Utrecht",
    "peilmoment": "2026-03-03", "toelichting": "Bij ons bezoek op 3 maart stond het pand leeg; zie foto.",
    "referentie": "TM-2026-001", "melder_naam": "Mila de Vries", "melder_email": "m.devries@testdorp.nl",
}


def test_preparation_is_saved_and_versioned(store, db_path):
    project_id = store.get_project().id
    assert store.get_preparation(project_id).version == 0
    saved = store.save_preparation(project_id, 0, form_filled=True, terugmelden="yes", sent_on="2026-01-12")
    assert saved.version == 1
    with pytest.raises(ConflictError):
        store.save_preparation(project_id, 0, note="tweede bureau")
    again = Store.open(str(db_path)).get_preparation(project_id)
    assert (again.form_filled, again.terugmelden, again.sent_on) == (True, "yes", dt.date(2026, 1, 12))
    assert store.audit_entries(project_id, entity="preparation")[0].detail == "form_filled: true, sent_on: 2026-01-12, terugmelden: yes"


def test_the_fase1_form_saves_record_and_debiteurnummer_together_or_neither(store, db_path):
    project = store.get_project()
    record, saved_project = store.save_preparation_form(project.id, 0, {"contact_naam": "Piet Puk"}, "12345678", project.version)
    assert record.contact_naam == "Piet Puk" and saved_project.debiteurnummer == "12345678"
    assert saved_project.version == project.version + 1
    # Another desk changed the project meanwhile: neither part is saved, and the error carries the project.
    other_desk = Store.open(str(db_path))
    other_desk.set_project_debiteurnummer(project.id, "87654321", saved_project.version)
    with pytest.raises(ConflictError) as caught:
        store.save_preparation_form(project.id, record.version, {"note": "niet bewaard"}, "11111111", saved_project.version)
    assert caught.value.current.debiteurnummer == "87654321"
    again = Store.open(str(db_path))
    assert again.get_preparation(project.id).note == "" and again.get_project().debiteurnummer == "87654321"


def test_process_progress_counts_processes_on_the_hr(store):
    project_id = store.get_project().id
    assert store.process_progress(project_id) == (0, 0)
    a = store.create_process(project_id, naam="Vergunning horeca", source="own_register")
    store.create_process(project_id, naam="Subsidie", source="handelsregister", switch_on="2026-02-01")
    store.create_process(project_id, naam="Inkoop", source="both")
    assert store.process_progress(project_id) == (1, 3)
    store.save_process(a.id, a.version, source="handelsregister")
    assert store.process_progress(project_id) == (2, 3)
    assert [p.naam for p in store.processes(project_id)] == ["Inkoop", "Subsidie", "Vergunning horeca"]
    store.delete_process(a.id)
    assert store.process_progress(project_id) == (1, 2)


def test_terugmelding_moves_only_as_digimelding_advises_and_keeps_history(store):
    project_id = store.get_project().id
    report = store.create_terugmelding(project_id, today=dt.date(2026, 3, 4), kvk_nummer="69599084")
    with pytest.raises(TransitionError):  # incomplete: cannot be reported yet
        store.move_terugmelding(report.id, report.version, "reported", dt.date(2026, 3, 4))
    report = store.save_terugmelding(report.id, report.version, **COMPLETE)
    with pytest.raises(TransitionError):
        store.move_terugmelding(report.id, report.version, "resolved", dt.date(2026, 3, 4))
    report = store.move_terugmelding(report.id, report.version, "reported", dt.date(2026, 3, 5))
    report = store.move_terugmelding(report.id, report.version, "in_progress", dt.date(2026, 3, 9))
    with pytest.raises(TransitionError):
        store.move_terugmelding(report.id, report.version, "reported", dt.date(2026, 3, 9))
    report = store.move_terugmelding(report.id, report.version, "resolved", dt.date(2026, 4, 1))
    history = [(h.status, h.changed_on) for h in store.terugmelding_history(report.id)]
    assert history == [("draft", dt.date(2026, 3, 4)), ("reported", dt.date(2026, 3, 5)),
                       ("in_progress", dt.date(2026, 3, 9)), ("resolved", dt.date(2026, 4, 1))]
    with pytest.raises(TransitionError):  # a sent report is withdrawn, never deleted
        store.delete_terugmelding(report.id)


def test_terugmeldingen_filter_and_count(store):
    project_id = store.get_project().id
    first = store.create_terugmelding(project_id, kvk_nummer="69599084")
    store.create_terugmelding(project_id, kvk_nummer="12345678")
    first = store.save_terugmelding(first.id, first.version, **COMPLETE)
    store.move_terugmelding(first.id, first.version, "reported", dt.date.today())
    assert store.terugmelding_counts(project_id) == {"draft": 1, "reported": 1}
    assert [r.kvk_nummer for r in store.terugmeldingen(project_id, status="reported")] == ["69599084"]
    assert [r.kvk_nummer for r in store.terugmeldingen(project_id, kvk="1234")] == ["12345678"]
    assert [r.kvk_nummer for r in store.terugmeldingen(project_id, kvk="6959 9084")] == ["69599084"]


def test_every_advised_transition_and_no_other():
    allowed = {(a, b) for a in tm.STATUSES for b in tm.STATUSES if tm.can_move(a, b)}
    assert allowed == {
        ("draft", "reported"),
        ("reported", "in_progress"), ("reported", "withdrawn"), ("reported", "insufficient_information"),
        ("reported", "wrong_source_holder"),
        ("in_progress", "scheduled"), ("in_progress", "resolved"),
        ("scheduled", "resolved"),
    }


ADDRESS = {"adres_straat": "Stationsstraat 1", "adres_postcode": "3511 AB", "adres_plaats": "Utrecht"}


def test_not_registered_needs_the_address():
    """KvK takes a report with 22222222 (not registered) into handling only with the address."""
    report = {**COMPLETE, "kvk_nummer": "22222222", "not_registered": True}
    assert set(tm.missing_for_report(report)) == set(ADDRESS)
    assert set(tm.missing_for_report({**report, "adres_straat": "Stationsstraat 1"})) == {"adres_postcode", "adres_plaats"}
    assert tm.missing_for_report({**report, **ADDRESS}) == {}
    assert tm.missing_for_report(COMPLETE) == {}  # a registered organisation: the address may stay empty


def test_nevenvestiging_needs_vestigingsnummer_and_address():
    report = {**COMPLETE, "nevenvestiging": True}
    assert set(tm.missing_for_report(report)) == {"vestigingsnummer", *ADDRESS}
    assert set(tm.missing_for_report({**report, "vestigingsnummer": "000038509504"})) == set(ADDRESS)
    assert tm.missing_for_report({**report, "vestigingsnummer": "000038509504", **ADDRESS}) == {}


def test_address_fields_have_their_rules():
    assert tm.check_field("adres_postcode", "3511ab").value == "3511 AB"
    assert not tm.check_field("adres_postcode", "35111 AB").ok
    assert tm.check_field("adres_straat", "  Stationsstraat   1 ").value == "Stationsstraat 1"
    assert not tm.check_field("adres_plaats", "Utrecht\nNoord").ok
    assert all(tm.check_field(name, "").ok for name in ADDRESS)


def test_a_not_registered_organisation_is_reported_only_with_its_address(store):
    project_id = store.get_project().id
    report = store.create_terugmelding(project_id, **{**COMPLETE, "kvk_nummer": "22222222", "not_registered": True})
    with pytest.raises(TransitionError):
        store.move_terugmelding(report.id, report.version, "reported", dt.date(2026, 3, 5))
    report = store.save_terugmelding(report.id, report.version, **ADDRESS)
    report = store.move_terugmelding(report.id, report.version, "reported", dt.date(2026, 3, 5))
    assert (report.status, report.adres_postcode) == ("reported", "3511 AB")


def test_report_as_text_is_in_digimelding_order():
    labels = {name: name.upper() for name in tm.FIELD_ORDER} | {"status": "STATUS", "not_registered": "x", "nevenvestiging": "y"}
    labels |= {f"object_{code}": code.upper() for code in tm.OBJECTS}
    text = tm.as_text({**COMPLETE, **ADDRESS, "peilmoment": dt.date(2026, 3, 3)}, labels, "Concept")
    lines = text.splitlines()
    assert [line.split(":")[0] for line in lines] == [name.upper() for name in tm.FIELD_ORDER] + ["STATUS"]
    assert "PEILMOMENT: 03-03-2026" in lines
    assert lines[1:5] == ["VESTIGINGSNUMMER: ", "ADRES_STRAAT: Stationsstraat 1", "ADRES_POSTCODE: 3511 AB", "ADRES_PLAATS: Utrecht"]


def test_filling_fase_1_marks_its_roadmap_steps(store):
    project_id = store.get_project().id
    saved = store.save_preparation(project_id, 0, website_consulted=True, form_filled=True)
    statuses = {key: row.status for key, row in store.step_progress(project_id).items()}
    assert statuses == {"fase1.website": "done", "fase1.aanvraagformulier": "in_progress"}  # not sent yet
    saved = store.save_preparation(project_id, saved.version, sent_on="2026-01-12", terugmelden="undecided")
    statuses = {key: row.status for key, row in store.step_progress(project_id).items()}
    assert statuses["fase1.aanvraagformulier"] == "done" and statuses["fase1.terugmelden"] == "in_progress"
    store.set_step_status(project_id, "fase1.website", "skipped")  # the user's own mark
    saved = store.save_preparation(project_id, saved.version, terugmelden="yes", note="besproken")
    statuses = {key: row.status for key, row in store.step_progress(project_id).items()}
    assert statuses["fase1.terugmelden"] == "done"
    assert statuses["fase1.website"] == "skipped"  # untouched: its part of the record did not change
