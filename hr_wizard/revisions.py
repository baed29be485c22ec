"""The database schema revisions this code knows, for the start-up path that must not import
Alembic or SQLAlchemy. tests/core/test_migrations.py checks HEAD_REVISION is Alembic's head."""

from __future__ import annotations

HEAD_REVISION = "0006"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
