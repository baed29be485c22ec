"""Roster speed in the real app: open, type a 3-letter filter, clear it, jump to the last row.

    python bench/roster.py [--applications 10000 100000] [--runs 5]

Fills a database per size (bench/fill.py), drives the app headless with Pilot at 80x24 and
prints the median and min-max of each action in milliseconds. Times include the repaint
(Pilot waits until the screen is idle after each action); typing is timed per key.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fill import fill  # noqa: E402

from hr_wizard.app import HrWizardApp  # noqa: E402
from hr_wizard.content_file import load_content  # noqa: E402


async def settled_press(pilot, key: str) -> None:
    """Press a key and wait until its result is painted, including work the app runs after
    that frame (hr-wizard filters once the typed letter is on screen)."""
    await pilot.press(key)
    await pilot.app.screen.wait_for_refresh()
    await pilot.pause()


async def filter_clear_jump(pilot, filter_input, table) -> dict[str, float]:
    """Type "jan" in the filter, delete it again, jump to the last row (shared with the baseline)."""
    timings = {}
    pilot.app.set_focus(filter_input)
    await pilot.pause()
    # Per key: type "jan" and delete it again, one key at a time, each until the screen is idle.
    start = time.perf_counter()
    for key in "jan":
        await settled_press(pilot, key)
    timings["filter (per key)"] = (time.perf_counter() - start) / 3
    start = time.perf_counter()
    for _ in range(3):
        await settled_press(pilot, "backspace")
    timings["clear (per key)"] = (time.perf_counter() - start) / 3
    pilot.app.set_focus(table)
    await pilot.pause()
    start = time.perf_counter()
    await pilot.press("end")
    timings["jump to last"] = time.perf_counter() - start
    return timings


async def measure_once(path: Path) -> dict[str, float]:
    from hr_wizard.screens.roadmap import RoadmapScreen
    from hr_wizard.screens.roster import RosterScreen
    from hr_wizard.widgets.roster_table import RosterTable

    app = HrWizardApp(str(path), load_content())
    timings: dict[str, float] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        # The main screen with its store: it may show first from quickread, while the store
        # still opens, and a key pressed then waits for the store (not what "open" measures).
        while not (isinstance(app.screen, RoadmapScreen) and app.store is not None):
            await pilot.pause(0.01)
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("a")
        while not isinstance(app.screen, RosterScreen):
            await pilot.pause(0)
        await pilot.pause()
        timings["open"] = time.perf_counter() - start
        screen = app.screen
        timings.update(await filter_clear_jump(pilot, screen.query_one("#roster-filter"), screen.query_one(RosterTable)))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'rows':>8}  {'action':<16} {'median ms':>10} {'min-max ms':>14}")
    for size in args.applications:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.sqlite"
            fill(path, size)
            runs = [asyncio.run(measure_once(path)) for _ in range(args.runs)]
        for action in runs[0]:
            values = [run[action] * 1000 for run in runs]
            print(f"{size:>8}  {action:<16} {statistics.median(values):>10.1f} {min(values):>6.1f}-{max(values):<7.1f}")


if __name__ == "__main__":
    main()
