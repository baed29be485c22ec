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
        "fase1.website": ("klaar", "Gelezen op 3 januari"),
        "fase1.aanvraagformulier": ("bezig", ""),
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
