"""A separate process that writes to an hr-wizard database in a loop, for the crash and
two-desk tests. After each committed change it prints the change's name on stdout.

Usage: python tests/writer_process.py DB NAME COUNT
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


if __name__ == "__main__":
    main()
