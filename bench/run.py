"""hr-wizard next to a bare Textual app, measured in the same run: `make bench`.

Each row is measured for hr-wizard and for its baseline, alternating, several runs; the
table gives the median, the min-max and the ratio (hr-wizard / baseline). Times include
Python's start-up and imports, as a user on a jump host feels them.

    python bench/run.py [--runs 5] [--idle-seconds 10] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from fill import fill  # noqa: E402
from terminal import Terminal  # noqa: E402

PYTHON = sys.executable
HR_WIZARD = [PYTHON, "-m", "hr_wizard"]
BASELINE = [PYTHON, str(HERE / "baseline_app.py")]
BASELINE_INPUT = [PYTHON, str(HERE / "baseline_input.py")]
BASELINE_SQLMODEL = [PYTHON, str(HERE / "baseline_sqlmodel.py")]
FIRST_FRAME = (b"geduld", b"stappen")  # hr-wizard's loading screen, or the main screen if that came first


def environment(db: Path, home: Path) -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE (set on some machines, this one too) is left out: an installed
    # hr-wizard has its bytecode (pip compiles a wheel's modules when it installs them).
    env = {key: value for key, value in os.environ.items()
           if key not in ("NO_COLOR", "HR_WIZARD_DB", "PYTHONDONTWRITEBYTECODE")}
    env.update(TERM="xterm-256color", HR_WIZARD_DB=str(db), HR_WIZARD_CONFIG=str(home / "none.toml"),
               XDG_DATA_HOME=str(home), PYTHONPATH=str(ROOT))
    return env


def summary(values: list[float], unit: float = 1.0) -> tuple[float, float, float]:
    scaled = [value * unit for value in values]
    return statistics.median(scaled), min(scaled), max(scaled)


# --- measurements in a pseudo-terminal --------------------------------------------


def pty_start(argv: list[str], env: dict[str, str], *markers: bytes) -> tuple[float, Terminal]:
    terminal = Terminal(argv, env)
    return terminal.wait_for(*markers), terminal


def first_frames(db: Path, home: Path, runs: int) -> dict[str, list[float]]:
    """First frame and state shown, in a real pty, alternating hr-wizard and the bare app."""
    env = environment(db, home)
    out: dict[str, list[float]] = {"first": [], "state": [], "base": [], "rss": [], "base_rss": [], "sqlmodel_rss": []}
    for _ in range(runs):
        terminal = Terminal(HR_WIZARD, env)
        out["first"].append(terminal.wait_for(*FIRST_FRAME))
        out["state"].append(terminal.wait_for(b"stappen"))
        terminal.send(b"a")
        terminal.wait_for(b"aanvragen \xc2\xb7", b"Nog geen aanvragen")
        terminal.settle()
        out["rss"].append(terminal.peak_rss_kb() / 1024)
        terminal.close()
        base_time, base = pty_start(BASELINE, env, b"Basislijn")
        out["base"].append(base_time)
        base.settle()
        out["base_rss"].append(base.peak_rss_kb() / 1024)
        base.close()
        _, with_sqlmodel = pty_start(BASELINE_SQLMODEL, env, b"Basislijn")
        with_sqlmodel.settle()
        out["sqlmodel_rss"].append(with_sqlmodel.peak_rss_kb() / 1024)
        with_sqlmodel.close()
    return out


def headless_first_frames(db: Path, home: Path, runs: int) -> tuple[list[float], list[float]]:
    env = environment(db, home)

    def once(args: list[str]) -> float:
        start = time.perf_counter()
        process = subprocess.Popen([PYTHON, str(HERE / "headless.py"), *args], stdout=subprocess.PIPE, env=env, text=True)
        for line in process.stdout:
            if line.startswith("FRAME"):
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"no frame from {args}")
        process.wait(timeout=30)
        return elapsed

    ours, base = [], []
    for _ in range(runs):
        ours.append(once(["hr-wizard", str(db)]))
        base.append(once(["baseline"]))
    return ours, base


def kenmerk_db(folder: Path) -> Path:
    from hr_wizard.store import Store

    db = folder / "kenmerk.sqlite"
    store = Store.open(str(db))
    project = store.create_project("Gemeente Benchdorp", "Mila de Vries", "mila@benchdorp.nl")
    application = store.create_application(project.id, "Jan de Werker", "Afd. Werk en Inkomen", "jan@benchdorp.nl")
    store.save_application(application.id, application.version, current_step=2)
    store.close()
    return db


def keystrokes(db: Path, home: Path, presses: int, idle_seconds: float) -> dict[str, list[float]]:
    """Key to repaint and bytes per key in the Kenmerk field; idle bytes per second there."""
    env = environment(db, home)
    out: dict[str, list[float]] = {"echo": [], "time": [], "bytes": [], "base_time": [], "base_bytes": [], "idle": [],
                                   "base_idle": []}
    ours = Terminal(HR_WIZARD, env)
    ours.wait_for(b"stappen")
    ours.send(b"a")
    ours.wait_for(b"Jan de Werker")
    ours.settle()
    ours.send(b"\r")
    ours.wait_for(b"Kenmerk")
    ours.settle()
    base = Terminal(BASELINE_INPUT, env)
    base.wait_for(b"Basislijn")
    base.settle(gap=0.2)
    for index in range(presses):
        key = b"x" if index % 2 == 0 else b"\x7f"  # type and delete, so the field stays short
        echo, elapsed, written = ours.keystroke(key)
        out["echo"].append(echo)
        out["time"].append(elapsed)
        out["bytes"].append(written)
        _, elapsed, written = base.keystroke(key)
        out["base_time"].append(elapsed)
        out["base_bytes"].append(written)
        time.sleep(0.05)
    ours.settle()
    out["idle"].append(ours.count_bytes(idle_seconds) / idle_seconds)
    out["base_idle"].append(base.count_bytes(idle_seconds) / idle_seconds)
    ours.close()
    base.close()
    return out


def roster_keystrokes(db: Path, home: Path, presses: int) -> dict[str, list[float]]:
    """Typing in the roster's search box at 10,000 rows: key to the letter on screen (the
    list follows once that frame is out) and key to the filtered list; a bare Input beside it."""
    env = environment(db, home)
    out: dict[str, list[float]] = {"echo": [], "list": [], "base": []}
    ours = Terminal(HR_WIZARD, env)
    ours.wait_for(b"stappen")
    ours.send(b"a")
    ours.wait_for(b"aanvragen \xc2\xb7")
    ours.settle()
    ours.send(b"\x1b[Z")  # shift+tab: from the list to the search box above it
    ours.settle()
    base = Terminal(BASELINE_INPUT, env)
    base.wait_for(b"Basislijn")
    base.settle(gap=0.2)
    for index in range(presses):
        key = b"j" if index % 2 == 0 else b"\x7f"  # "j" filters to about a quarter, backspace shows all again
        echo, whole, _ = ours.keystroke(key)
        out["echo"].append(echo)
        out["list"].append(whole)
        _, elapsed, _ = base.keystroke(key)
        out["base"].append(elapsed)
        time.sleep(0.05)
    ours.close()
    base.close()
    return out


def postgres_state(url: str, home: Path, runs: int) -> tuple[list[float], list[float]]:
    """State shown with the database on a PostgreSQL server (no quick read there), beside the bare app."""
    env = {**environment(Path("unused"), home), "HR_WIZARD_DB": url}
    ours, base = [], []
    for _ in range(runs):
        terminal = Terminal(HR_WIZARD, env)
        ours.append(terminal.wait_for(b"stappen"))
        terminal.close()
        base_time, bare = pty_start(BASELINE, env, b"Basislijn")
        base.append(base_time)
        bare.close()
    return ours, base


def postgres_database(server: str) -> str:
    """A fresh database `hr_wizard_bench` on the test server, with one gemeente."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS hr_wizard_bench WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE hr_wizard_bench"))
    admin.dispose()
    url = make_url(server).set(database="hr_wizard_bench").render_as_string(hide_password=False)
    from hr_wizard.store import Store

    store = Store.open(url)
    store.create_project("Gemeente Benchdorp", "Mila de Vries", "mila@benchdorp.nl")
    store.close()
    return url


# --- in-process measurements ------------------------------------------------------------


def roster(db: Path, runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    import baseline_table
    import roster as roster_bench

    from hr_wizard.store import Store

    store = Store.open(str(db))
    rows = [(r.naam, r.team, r.kenmerk) for r in store.roster_page(store.get_project().id, limit=1_000_000)]
    store.close()
    ours: dict[str, list[float]] = {}
    base: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, value in asyncio.run(roster_bench.measure_once(db)).items():
            ours.setdefault(name, []).append(value)
        for name, value in asyncio.run(baseline_table.measure_once(rows)).items():
            base.setdefault(name, []).append(value)
    return ours, base


def validation_speed() -> tuple[list[float], list[float]]:
    from hr_wizard import validation

    samples = ["Afd. Werk en Inkomen / M.E de Werker", "Burgerzaken/A. Öztürk", "Team 3 / ", "geen streep", "x" * 80]
    validation.kenmerk(samples[0])  # load the messages once, as a running app has
    shape = re.compile(r"[^/]{2,} / [^/]{2,}")
    number = 20_000

    def per_call(func) -> list[float]:
        return [timeit.timeit(lambda: [func(s) for s in samples], number=number // len(samples)) / number * 1e6 for _ in range(5)]

    return per_call(validation.kenmerk), per_call(shape.fullmatch)


# --- the table ------------------------------------------------------------------------------


def row(name: str, ours: list[float], base: list[float], unit: str, scale: float = 1.0, target: str = "") -> str:
    o, b = summary(ours, scale), summary(base, scale)
    ratio = f"{o[0] / b[0]:.2f}x" if b[0] else "-"
    return (f"| {name} | {o[0]:.1f} ({o[1]:.1f}-{o[2]:.1f}) {unit} | {b[0]:.1f} ({b[1]:.1f}-{b[2]:.1f}) {unit} "
            f"| {ratio} | {target} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle-seconds", type=float, default=10)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--postgres", default="", help="a PostgreSQL server URL for the PostgreSQL row "
                        "(default: $HR_WIZARD_TEST_PG, which scripts/with-postgres.sh sets)")
    parser.add_argument("--quick", action="store_true", help="2 runs, 2 s idle: to check the script, not for numbers")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.idle_seconds, args.presses = 2, 2, 6

    # hr-wizard's bytecode, as pip writes it when it installs the wheel: without it every
    # start compiled the package's modules again (about 15 ms on this machine).
    compileall.compile_dir(ROOT / "hr_wizard", quiet=1)
    lines = ["| measurement | hr-wizard median (min-max) | baseline median (min-max) | ratio | target |",
             "|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        empty = folder / "empty.sqlite"
        from hr_wizard.store import Store

        Store.open(str(empty)).create_project("Gemeente Benchdorp", "Mila de Vries", "mila@benchdorp.nl")
        big = folder / "big.sqlite"
        fill(big, args.applications, processes=200, terugmeldingen=1000)

        for label, db in (("empty database", empty), (f"{args.applications:,} applications, 200 processes, 1,000 terugmeldingen", big)):
            frames = first_frames(db, folder, args.runs)
            lines.append(row(f"first frame, pty ({label})", frames["first"], frames["base"], "ms", 1000, "<= 1.3x"))
            lines.append(row(f"state shown, pty ({label})", frames["state"], frames["base"], "ms", 1000, "<= 1.3x"))
            ours, base = headless_first_frames(db, folder, args.runs)
            lines.append(row(f"first frame, headless ({label})", ours, base, "ms", 1000, "<= 1.3x"))
            if db is big:
                lines.append(row(f"peak memory RSS ({label}, roster open; baseline: bare app)", frames["rss"],
                                 frames["base_rss"], "MB", 1))
                lines.append(row(f"peak memory RSS ({label}, roster open; baseline: bare app that imported SQLModel)",
                                 frames["rss"], frames["sqlmodel_rss"], "MB", 1, "<= 1.3x"))

        ours, base = roster(big, args.runs)
        for action in ours:
            lines.append(row(f"roster at {args.applications:,}: {action} (baseline: DataTable)", ours[action], base[action],
                             "ms", 1000, "< 200 ms"))
        search = roster_keystrokes(big, folder, args.presses)
        lines.append(row(f"keystroke in the roster's search box at {args.applications:,}: key to the letter on screen "
                         "(baseline: bare Input)", search["echo"], search["base"], "ms", 1000, "<= 2x"))
        lines.append(row(f"keystroke in the roster's search box at {args.applications:,}: key to the filtered list "
                         "(baseline: bare Input)", search["list"], search["base"], "ms", 1000))

        keys = keystrokes(kenmerk_db(folder), folder, args.presses, args.idle_seconds)
        lines.append(row("keystroke in the Kenmerk field: key to the letter on screen (baseline: bare Input)", keys["echo"],
                         keys["base_time"], "ms", 1000, "<= 2x"))
        lines.append(row("keystroke in the Kenmerk field: key to the whole repaint, live Kenmerk included (baseline: bare Input)",
                         keys["time"], keys["base_time"], "ms", 1000))
        lines.append(row("keystroke in the Kenmerk field: bytes written", keys["bytes"], keys["base_bytes"], "B", 1, "<= 1.5x"))
        lines.append(row(f"idle bytes per second over {args.idle_seconds:g} s (Kenmerk step)", keys["idle"], keys["base_idle"], "B/s", 1, "0"))

        ours_us, base_us = validation_speed()
        lines.append(row("Kenmerk rule per call (baseline: one regex)", ours_us, base_us, "µs", 1, "< 5 µs"))

        server = args.postgres or os.environ.get("HR_WIZARD_TEST_PG", "")
        if server:
            ours, base = postgres_state(postgres_database(server), folder, args.runs)
            lines.append(row("state shown, pty, PostgreSQL on this machine (empty database)", ours, base, "ms", 1000, "<= 2x"))

    print(f"hr-wizard benchmark, {time.strftime('%Y-%m-%d')}, {args.runs} runs; {platform.python_implementation()} "
          f"{platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
