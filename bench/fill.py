"""Fill a database with generated data for benchmarks: `python bench/fill.py PATH [--applications N]`."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hr_wizard.applications import letter_due  # noqa: E402
from hr_wizard.store import Store  # noqa: E402

FIRST = ["Jan", "Mila", "Özlem", "Pieter", "Fatima", "Kees", "Anouk", "Mohamed", "Sanne", "Daan", "Lotte", "Bram"]
LAST = ["de Vries", "Jansen", "Bakker", "Yılmaz", "van Dijk", "Visser", "Smit", "el Amrani", "Mulder", "de Boer"]
TEAMS = ["Afd. Werk en Inkomen", "Team Vergunningen", "Burgerzaken", "Belastingen", "Handhaving", "Economische Zaken"]


def fill(path: Path, applications: int, seed: int = 7, processes: int = 0, terugmeldingen: int = 0) -> None:
    rng = random.Random(seed)
    store = Store.open(str(path))
    project = store.get_project() or store.create_project("Gemeente Benchdorp", "Mila de Vries", "mila@benchdorp.nl")
    store.close()
    today = dt.date(2026, 11, 27)
    rows = []
    for index in range(applications):
        naam = f"{rng.choice(FIRST)} {rng.choice(LAST)} {index}"
        team = rng.choice(TEAMS)
        step = rng.randint(0, 7)
        applied = today - dt.timedelta(days=rng.randint(0, 400)) if step >= 3 else None
        due = letter_due(applied, 2) if applied else None
        received = applied + dt.timedelta(days=rng.randint(1, 6)) if applied and step >= 5 else None
        finished = received if received and step == 7 and rng.random() < 0.7 else None
        now = dt.datetime.now(dt.UTC).isoformat(sep=" ")
        rows.append((project.id, naam, team, f"m{index}@benchdorp.nl", "", f"{team} / {naam}"[:60], step, applied, due, received, finished, now, now))
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO application (project_id, naam, team, email, telefoon, kenmerk, current_step, applied_on, letter_due,"
            " letter_received, finished_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        now = dt.datetime.now(dt.UTC).isoformat(sep=" ")
        sources = ("own_register", "handelsregister", "both")
        connection.executemany(
            "INSERT INTO process (project_id, naam, afdeling, eigenaar, hr_data, source, note, created_at, updated_at, version)"
            " VALUES (?,?,?,'','KvK-nummer, naam',?,'',?,?,1)",
            [(project.id, f"Proces {index}", rng.choice(TEAMS), rng.choice(sources), now, now) for index in range(processes)],
        )
        statuses = ("draft", "reported", "in_progress", "resolved")
        connection.executemany(
            "INSERT INTO terugmelding (project_id, status, kvk_nummer, object, attribute, toelichting, melder_naam, melder_email,"
            " created_at, updated_at, version) VALUES (?,?,?,'vestiging','bezoekadres','Pand staat leeg, zie foto.',"
            "'Mila de Vries','mila@benchdorp.nl',?,?,1)",
            [(project.id, rng.choice(statuses), f"{rng.randint(10000000, 99999999)}", now, now) for _ in range(terugmeldingen)],
        )
    connection.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=0)
    parser.add_argument("--terugmeldingen", type=int, default=0)
    args = parser.parse_args()
    fill(args.path, args.applications, processes=args.processes, terugmeldingen=args.terugmeldingen)
