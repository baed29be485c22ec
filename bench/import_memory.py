"""Peak memory (RSS) and time of `hr-wizard import accounts` on a large CSV.

    python bench/import_memory.py [--rows 700000] [--folder DIR] [--source CHECKOUT]

Makes a database with one gemeente and a CSV of ROWS generated people (about 60 MB at
700,000 rows), then runs the command line as a child process, first with --dry-run, then for
real, and prints each run's peak RSS (the child's VmHWM, as wait4 reports it in ru_maxrss)
and its time. --source runs another checkout's hr_wizard with this Python (for example a
`git worktree add /tmp/main-src main`), for a before/after comparison on the same file.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hr_wizard.store import Store  # noqa: E402

FIRST = ["Jan", "Mila", "Özlem", "Pieter", "Fatima", "Kees", "Anouk", "Mohamed", "Sanne", "Daan", "Lotte", "Bram"]
LAST = ["de Vries", "Jansen", "Bakker", "Yılmaz", "van Dijk", "Visser", "Smit", "el Amrani", "Mulder", "de Boer"]
TEAMS = ["Afd. Werk en Inkomen", "Team Vergunningen", "Burgerzaken", "Belastingen", "Handhaving", "Economische Zaken"]


def write_csv(path: Path, rows: int, seed: int = 7) -> None:
    """As Dutch Excel saves it: BOM, ';', CRLF; every column the import reads."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write("Naam;Afdeling;E-mailadres;Telefoon;Kenmerk\r\n")
        for index in range(rows):
            naam, team = f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TEAMS)
            handle.write(f"{naam};{team};m{index}@benchdorp.nl;06 {rng.randint(10000000, 59999999)};{team} / {naam}\r\n")


def run(source: Path | None, args: list[str], log: Path) -> tuple[int, float, int]:
    """The exit code, the seconds and the peak RSS in KB of one child process."""
    env = {**os.environ, "HR_WIZARD_CONFIG": str(log.parent / "geen-config.toml")}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    started = time.monotonic()
    with log.open("w") as errors:
        child = subprocess.Popen([sys.executable, "-m", "hr_wizard", *args], stdout=subprocess.DEVNULL, stderr=errors, env=env,
                                 cwd=log.parent)  # `-m` puts the working folder first on sys.path
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, time.monotonic() - started, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=700_000)
    parser.add_argument("--folder", type=Path, default=None, help="where the database and the CSV go (a new temporary folder)")
    parser.add_argument("--source", type=Path, default=None, help="the checkout whose hr_wizard runs the import")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="hr-wizard-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    sheet = folder / f"aanvragen-{args.rows}.csv"
    if not sheet.exists():
        write_csv(sheet, args.rows)
    db = folder / "import.sqlite"
    for stale in folder.glob("import.sqlite*"):
        stale.unlink()
    Store.open(str(db)).create_project("Gemeente Benchdorp", "Mila de Vries", "mila@benchdorp.nl")

    env = {**os.environ, "PYTHONPATH": str(args.source)} if args.source else None
    code = "import hr_wizard; print(hr_wizard.__file__)"
    used = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                          cwd=folder).stdout.strip()
    print(f"{args.rows:,} rows, {sheet.stat().st_size / 1e6:.0f} MB; hr_wizard from {used}")
    for label, extra in (("--dry-run", ["--dry-run"]), ("import", [])):
        log = folder / f"{label.strip('-')}.log"
        code, seconds, peak_kb = run(args.source, ["--db", str(db), "import", "accounts", str(sheet), *extra], log)
        last = (log.read_text(encoding="utf-8").strip().splitlines() or [""])[-1]
        print(f"{label:10} exit {code}  peak RSS {peak_kb / 1024:7.0f} MB  {seconds:6.1f} s   {last}")
    with sqlite3.connect(db) as connection:
        print(f"applications in the database: {connection.execute('SELECT count(*) FROM application').fetchone()[0]:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
