"""A list of applications that stays fast at 100,000 rows: it draws only the visible lines
(Textual's line API) and asks the store for one page of rows at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

PAGE = 100
FetchPage = Callable[[int, int], list[Any]]
FormatRow = Callable[[Any, int], Text]


class RosterTable(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    RosterTable { height: 1fr; }
    RosterTable > .roster--cursor { background: $accent; color: $text; text-style: bold; }
    RosterTable > .roster--late { color: $text-error; text-style: bold; }
    """
    # roster--late: a late letter, in the theme's error colour (ANSI red gave 4.5:1 on black).
    COMPONENT_CLASSES = {"roster--cursor", "roster--late"}
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", id="roster.first", show=False),
        Binding("end", "jump(-1)", id="roster.last", show=False),  # in F1; the footer has no room at 80 columns
        Binding("enter", "open", id="roster.open"),
    ]

    cursor = reactive(0, always_update=True)

    class Opened(Message):
        def __init__(self, row: Any) -> None:
            super().__init__()
            self.row = row

    def __init__(self, format_row: FormatRow, id: str | None = None) -> None:
        super().__init__(id=id)
        self.format_row = format_row
        self.total = 0
        self._fetch: FetchPage = lambda offset, limit: []
        self._pages: dict[int, list[Any]] = {}

    def load(self, total: int, fetch: FetchPage, first_page: list[Any] | None = None) -> None:
        """Show a new result: `total` rows, fetched a page at a time by `fetch(offset, limit)`;
        `first_page`, when the caller already read it, saves a query."""
        self.total = total
        self._fetch = fetch
        self._pages.clear()
        if first_page is not None:
            self._pages[0] = first_page
        self.virtual_size = Size(0, total)  # rows are cut to the width, never scrolled sideways: only a new height lays out
        self.cursor = min(self.cursor, max(total - 1, 0))
        self.scroll_to(y=min(self.scroll_y, max(total - self.size.height, 0)), animate=False)
        self.refresh()

    def row_at(self, index: int) -> Any | None:
        if not 0 <= index < self.total:
            return None
        page = index // PAGE
        if page not in self._pages:
            self._pages[page] = self._fetch(page * PAGE, PAGE)
        rows = self._pages[page]
        offset = index - page * PAGE
        return rows[offset] if offset < len(rows) else None

    @property
    def current_row(self) -> Any | None:
        return self.row_at(self.cursor)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, self.rich_style)
        selected = index == self.cursor
        # The cursor is marked with '>' as well, so it shows without colour.
        text = Text(">" if selected else " ", style="bold") + self.format_row(row, width - 1)
        text.truncate(width, pad=True)
        if selected and self.has_focus:
            text.stylize(self.get_component_rich_style("roster--cursor"))
        # Every segment gets a style: Textual's monochrome filter (NO_COLOR) cannot handle None.
        return Strip(list(text.render(self.app.console))).crop(0, width).apply_style(self.rich_style)

    def watch_cursor(self, cursor: int) -> None:
        height = self.size.height or 1
        if cursor < self.scroll_offset.y:
            self.scroll_to(y=cursor, animate=False)
        elif cursor >= self.scroll_offset.y + height:
            self.scroll_to(y=cursor - height + 1, animate=False)
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, delta: int) -> None:
        if self.total:
            self.cursor = max(0, min(self.total - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(self.size.height - 1, 1))

    def action_jump(self, index: int) -> None:
        if self.total:
            self.cursor = self.total - 1 if index < 0 else 0

    def action_open(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Opened(row))
