"""Schema versions: an old file is migrated with every row intact, after a backup copy."""

from __future__ import annotations

import sqlite3

from alembic.config import Config
from alembic.script import ScriptDirectory

from hr_wizard.store import HEAD_REVISION, KNOWN_REVISIONS, Store

from ..make_v1_db import MIGRATIONS, make_v1_db


def test_head_revision_constant_matches_alembic():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == HEAD_REVISION
    assert {script.revision for script in scripts.walk_revisions()} == set(KNOWN_REVISIONS)


def test_first_version_database_is_migrated_with_rows_intact(tmp_path):
    path = tmp_path / "v1.sqlite"
    make_v1_db(path)
    store = Store.open(str(path))
    project = store.get_project()
    assert (project.gemeente, project.projectleider_email) == ("Gemeente Oudstad", "p.puk@oudstad.nl")
    progress = store.step_progress(project.id)
    assert {key: (row.status, row.note) for key, row in progress.items()} == {
        "fase1.website": ("done", "Gelezen op 3 januari"),  # stored as "klaar" by the first version
        "fase1.aanvraagformulier": ("in_progress", ""),
    }
    assert store.get_setting("roadmap.last_step.1") == "fase1.aanvraagformulier"
    assert store.roster_count(project.id) == 0  # the new table exists and works
    store.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    backups = list(tmp_path.glob("v1.sqlite.voor-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert connection.execute("SELECT count(*) FROM step_progress").fetchone() == (2,)


def test_models_match_the_newest_migration(db_path):
    """The SQLModel classes and the migrations describe the same schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from hr_wizard.models import SQLModel

    store = Store.open(str(db_path))
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    store.close()
    # Indexes the migrations add for speed (roster sort and filter) are not declared on the models.
    differences = [d for d in differences if not (d[0] == "remove_index" and d[1].name.startswith("ix_application_project_"))]
    assert differences == []


def test_revision_4_database_gets_english_codes_and_readable_audit_details(tmp_path):
    """0005 turns every stored Dutch word into its code, the logboek's details too, and nothing else."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    path = tmp_path / "v4.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        run = connection.exec_driver_sql
        run("INSERT INTO project (id, gemeente, projectleider_naam, projectleider_email, debiteurnummer, created_at, version)"
            " VALUES (1, 'Gemeente Oudstad', 'Piet Puk', 'p.puk@oudstad.nl', '', '2026-01-01', 1)")
        run("INSERT INTO step_progress (project_id, step_key, status, note, updated_at, version) VALUES"
            " (1, 'fase1.website', 'klaar', '', '2026-01-02', 1), (1, 'fase2.toezicht', 'overgeslagen', '', '2026-01-02', 1)")
        run("INSERT INTO preparation (project_id, website_consulted, form_filled, terugmelden, existing_connection, updated_at, version)"
            " VALUES (1, 1, 0, 'nog niet besloten', 'ja', '2026-01-02', 1)")
        run("INSERT INTO process (project_id, naam, source, created_at, updated_at, version) VALUES"
            " (1, 'Horeca', 'Handelsregister', '2026-01-02', '2026-01-02', 1), (1, 'Inkoop', 'beide', '2026-01-02', '2026-01-02', 1)")
        run("INSERT INTO terugmelding (id, project_id, status, object, created_at, updated_at, version)"
            " VALUES (1, 1, 'in_behandeling', 'vestiging', '2026-01-02', '2026-01-02', 3)")
        run("INSERT INTO terugmelding_status (terugmelding_id, status, changed_on, at) VALUES"
            " (1, 'concept', '2026-01-02', '2026-01-02'), (1, 'gemeld', '2026-01-03', '2026-01-03')")
        run("INSERT INTO application (project_id, naam, team, email, current_step, letter_received, debiteur_choice,"
            " created_at, updated_at, version) VALUES (1, 'Jan', 'Team', 'jan@oudstad.nl', 6, '2026-01-05', 'organisatie',"
            " '2026-01-02', '2026-01-02', 1)")
        run("INSERT INTO audit (at, actor, project_id, entity, entity_id, action, detail) VALUES"
            " ('2026-01-02', 'piet', 1, 'stap', 'fase1.website', 'gewijzigd', 'status: klaar'),"
            " ('2026-01-02', 'piet', 1, 'stap', 'fase1.website', 'gewijzigd', 'notitie'),"
            " ('2026-01-02', 'piet', 1, 'aanvraag', '1', 'gewijzigd', 'debiteur_choice: organisatie, first_search_done: ja, naam'),"
            " ('2026-01-02', 'piet', 1, 'aanvraag', '-', 'geïmporteerd', '12 aanvragen'),"
            " ('2026-01-02', 'piet', 1, 'aanvraag', '2', 'vergeten', 'alle persoonsgegevens gewist'),"
            " ('2026-01-02', 'piet', 1, 'terugmelding', '1', 'gewijzigd', 'status: in_behandeling')")
    engine.dispose()
    store = Store.open(str(path))
    assert {k: r.status for k, r in store.step_progress(1).items()} == {"fase1.website": "done", "fase2.toezicht": "skipped"}
    prep = store.get_preparation(1)
    assert (prep.terugmelden, prep.existing_connection) == ("undecided", "yes")
    assert sorted(p.source for p in store.processes(1)) == ["both", "handelsregister"]
    report = store.get_terugmelding(1)
    assert (report.status, report.object, report.version) == ("in_progress", "establishment", 3)
    assert [h.status for h in store.terugmelding_history(1)] == ["draft", "reported"]
    application = next(iter(store.iter_applications(1)))
    assert (application.debiteur_choice, application.furthest_step, application.code_channel) == ("organisation", 6, "letter")
    trail = [(e.entity, e.action, e.detail) for e in reversed(store.audit_entries(1))]
    assert trail == [
        ("step", "changed", "status: done"),
        ("step", "changed", "note"),
        ("application", "changed", "debiteur_choice: organisation, first_search_done: true, naam"),
        ("application", "imported", "count: 12"),
        ("application", "forgotten", ""),
        ("terugmelding", "changed", "status: in_progress"),
    ]
    store.close()


def test_late_letters_are_counted_from_the_partial_index(db_path):
    """The main screen counts the late letters before its first frame (quickread) and the
    store counts them too: from the index of the rows that can be late, not from the table
    (10,000 applications: 1.7 ms before revision 0006, 0.1 ms after, on SQLite)."""
    from hr_wizard.quickread import _LATE

    Store.open(str(db_path)).close()
    with sqlite3.connect(db_path) as connection:
        plan = connection.execute(f"EXPLAIN QUERY PLAN {_LATE}", {"project": 1, "today": "2026-11-29"}).fetchall()
    assert [row[3] for row in plan] == [
        "SEARCH application USING INDEX ix_application_project_waiting (project_id=? AND letter_due<?)"]
