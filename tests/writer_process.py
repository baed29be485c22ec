"""A separate process that writes to an hr-wizard database in a loop, for the crash and
two-desk tests. After each committed change it prints the change's name on stdout.

Usage: python tests/writer_process.py DB NAME COUNT [bulk]

With `bulk`, each change is an import of 400 applications in one transaction followed by a
checkpoint, so a kill often lands in the middle of a large write or of a checkpoint.
"""

from __future__ import annotations

import sys

from hr_wizard.errors import ConflictError
from hr_wizard.store import Store


def main() -> None:
    location, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = Store.open(location)
    project = store.get_project() or store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    print("ready", flush=True)
    if sys.argv[4:] == ["bulk"]:
        bulk(store, project.id, name, count)
        return
    conflicts = 0
    for index in range(count):
        application = store.create_application(project.id, f"{name}-{index}", "Team", f"{name}{index}@testdorp.nl")
        store.set_step_status(project.id, "fase1.website", ("done", "in_progress")[index % 2])
        # Both desks edit the same shared note: a stale version is refused, never overwritten.
        current = store.step_progress(project.id).get("fase2.processen")
        try:
            store.set_step_note(project.id, "fase2.processen", f"{name} {index}", current.version if current else 0)
        except ConflictError:
            conflicts += 1
        print(f"committed {application.naam}", flush=True)
    print(f"done conflicts={conflicts}", flush=True)


def bulk(store: Store, project_id: int, name: str, count: int) -> None:
    for index in range(count):
        rows = [{"naam": f"{name}-{index}-{row}", "team": "Team", "email": f"{name}{index}-{row}@testdorp.nl",
                 "telefoon": "", "kenmerk": "Team / " + "x" * 40} for row in range(400)]
        store.import_applications(project_id, rows)
        print(f"committed {name}-{index}-0", flush=True)
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)" if index % 2 else "PRAGMA wal_checkpoint(PASSIVE)")


if __name__ == "__main__":
    main()
