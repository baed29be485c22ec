"""Moving around writes nothing: the step is remembered once, when the user leaves or quits."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from hr_wizard.remembered import last_step_setting
from hr_wizard.screens.roadmap import RoadmapScreen

from ..helpers import seeded
from .pilot import make_app, open_roster, type_filter, wait_for

pytestmark = pytest.mark.both_backends

WRITES = ("INSERT", "UPDATE", "DELETE")


def count_writes(engine) -> list[str]:
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _seen(connection, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            seen.append(statement)

    return seen


async def test_moving_through_the_roadmap_and_the_roster_writes_nothing(db_path):
    store = seeded(db_path)
    project_id = store.get_project().id
    for number in range(30):
        store.create_application(project_id, f"Medewerker {number:02d}", "Burgerzaken", f"m{number}@testdorp.nl")
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        writes = count_writes(app.store.engine)
        await pilot.press(*["down"] * 8, "up", "end", "home", "down", "down")
        assert writes == []
        await open_roster(pilot)
        await pilot.press(*["down"] * 12, "pagedown", "end", "home")
        assert [w for w in writes if "setting" not in w.lower()] == []
        assert len(writes) == 1  # leaving the main screen for the roster remembered the step, once
        await pilot.press("escape")
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("down")
        await pilot.press("ctrl+q")
    assert len(writes) == 2  # and quitting, once more
    assert store.get_setting(last_step_setting(project_id)) == "fase1.terugmelden"  # home, 2 down; later 1 more
    store.close()


def count_round_trips(engine) -> list[str]:
    """What goes to the database server and back: every statement, and on PostgreSQL the BEGIN
    and the ROLLBACK or COMMIT psycopg sends around a transaction (none in autocommit). SQLite's
    BEGIN is a call inside the process, not a trip."""
    seen: list[str] = []
    postgres = engine.dialect.name == "postgresql"

    @event.listens_for(engine, "before_cursor_execute")
    def _statement(connection, cursor, statement, parameters, context, executemany) -> None:
        if postgres or statement.strip().upper() not in ("BEGIN", "BEGIN IMMEDIATE"):
            seen.append(statement)

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        if postgres and not connection.connection.dbapi_connection.autocommit:
            seen.extend(["BEGIN", "ROLLBACK/COMMIT"])

    return seen


async def test_each_key_costs_at_most_one_round_trip(db_path):
    """One round trip per key at most: on PostgreSQL each one crosses the network."""
    store = seeded(db_path)
    project_id = store.get_project().id
    store.import_applications(project_id, ({"naam": f"Medewerker {number:03d}", "team": "Burgerzaken",
                                            "email": f"m{number}@testdorp.nl"} for number in range(150)))
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        statements = count_round_trips(app.store.engine)
        per_key: dict[str, int] = {}
        for key in ("down", "down", "end", "up", "home"):  # some steps show what their tool holds: one read
            before = len(statements)
            await pilot.press(key)
            per_key[f"roadmap {key}"] = len(statements) - before
        roster = await open_roster(pilot)
        for action, keys in (("down", ["down"]), ("pagedown", ["pagedown"]), ("end", ["end"]), ("home", ["home"]),
                             ("filter 1", ["1"]), ("filter 2", ["2"]), ("clear", ["backspace"])):
            before = len(statements)
            await type_filter(pilot, *keys)
            per_key[f"roster {action}"] = len(statements) - before
        assert roster.query_one("#roster-filter").value == "1"
        assert max(per_key.values()) <= 1, (per_key, statements)
        assert per_key["roster filter 1"] == 1  # the count and the first rows come in one query
    store.close()
