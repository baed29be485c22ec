"""Baseline for the roster: Textual's own DataTable with the same rows, filtered by rebuilding
the table, as a straightforward app would do it. Driven headless with Pilot, like bench/roster.py."""

from __future__ import annotations

import time

from roster import filter_clear_jump  # bench/ is on sys.path
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Input


class TableApp(App[None]):
    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Input(id="filter")
        yield DataTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Naam", "Team", "Kenmerk")
        table.add_rows(self.rows)

    def on_input_changed(self, event: Input.Changed) -> None:
        text = event.value.lower()
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows([row for row in self.rows if not text or any(text in cell.lower() for cell in row)])


async def measure_once(rows: list[tuple[str, str, str]]) -> dict[str, float]:
    timings: dict[str, float] = {}
    app = TableApp(rows)
    start = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        timings["open"] = time.perf_counter() - start
        timings.update(await filter_clear_jump(pilot, app.query_one(Input), app.query_one(DataTable)))
    return timings
