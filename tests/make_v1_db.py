"""Build a database exactly as the first schema version (revision 0001) left it, with rows.

Run directly to write one: `python tests/make_v1_db.py /tmp/v1.sqlite`. The migration test
builds a fresh one each run, so the file itself is never committed.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

import hr_wizard

MIGRATIONS = Path(hr_wizard.__file__).parent / "migrations"


def make_v1_db(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO project (id, gemeente, projectleider_naam, projectleider_email, debiteurnummer, created_at, version)"
            " VALUES (1, 'Gemeente Oudstad', 'Piet Puk', 'p.puk@oudstad.nl', '', '2026-01-02 09:00:00', 1)"
        )
        connection.executemany(
            "INSERT INTO step_progress (project_id, step_key, status, note, updated_at, version) VALUES (1, ?, ?, ?, '2026-01-03 10:00:00', 1)",
            [("fase1.website", "klaar", "Gelezen op 3 januari"), ("fase1.aanvraagformulier", "bezig", "")],
        )
        connection.execute("INSERT INTO setting (key, value) VALUES ('roadmap.last_step.1', 'fase1.aanvraagformulier')")
    connection.close()


if __name__ == "__main__":
    make_v1_db(Path(sys.argv[1]))
