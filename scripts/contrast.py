"""Measure the contrast of every text colour pair hr-wizard paints, per theme.

Runs the real app headless (Pilot, 80x24) on a temporary SQLite database with seeded data,
walks through the main screens and reads the colours of every painted segment from the
compositor: what the terminal would be sent, not what the CSS intends. Each distinct
(foreground, background) pair with visible text gets its WCAG 2 contrast ratio.

    python scripts/contrast.py            # table of every pair, lowest first, then a summary
    python scripts/contrast.py --failing  # only the pairs below their bar

Exit code 1 if a pair in the high-contrast theme is below 7:1 (WCAG AAA, text and lines
alike). The default theme is Textual's own and is only reported, against WCAG AA: 4.5:1 for
text, 3:1 for lines (borders, dividers, scrollbars: non-text contrast).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.color import Color as RichColor
from rich.style import Style
from textual.constants import DIM_FACTOR
from textual.errors import NoWidget
from textual.screen import ModalScreen

from hr_wizard.app import HrWizardApp
from hr_wizard.content_file import load_content
from hr_wizard.theme import DEFAULT_THEME, HIGH_CONTRAST

BARS = {HIGH_CONTRAST.name: (7.0, 7.0), DEFAULT_THEME: (4.5, 3.0)}  # (text, lines)
STRICT = HIGH_CONTRAST.name  # the theme whose failures fail the run
SIZE = (80, 24)
# Box drawing and block glyphs: borders, dividers, scrollbars. Measured like text (the
# high-contrast theme promises lines that do not vanish) and marked "(lines)" in the table;
# a line drawn in its own background colour draws nothing and is skipped, like spaces.
GRAPHIC = {chr(code) for code in range(0x2500, 0x25A0)}


@dataclass(frozen=True)
class Pair:
    theme: str
    screen: str
    element: str  # the widget that painted it, "Class#id"
    lines: bool  # box drawing or block glyphs only: a border, divider or scrollbar
    fg: str
    bg: str
    ratio: float
    sample: str

    @property
    def kind(self) -> str:
        return self.element.split("#")[0] + (" (lines)" if self.lines else "")

    @property
    def bar(self) -> float:
        text, lines = BARS[self.theme]
        return lines if self.lines else text

    @property
    def ok(self) -> bool:
        return self.ratio >= self.bar


# --- WCAG 2 ------------------------------------------------------------------


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: str, bg: str) -> float:
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --- reading the screen --------------------------------------------------------


def resolve(style: Style | None, default_fg: RichColor, default_bg: RichColor, terminal_theme) -> tuple[str, str]:
    """The colours a terminal shows for `style`: unset colours fall back to the theme's
    foreground and background, reverse swaps them, dim blends towards the background as
    Textual's own dim filter does (most terminals dim by about as much)."""
    style = style or Style()
    fg = style.color if style.color and not style.color.is_default else default_fg
    bg = style.bgcolor if style.bgcolor and not style.bgcolor.is_default else default_bg
    fg_rgb = fg.get_truecolor(terminal_theme, foreground=True)
    bg_rgb = bg.get_truecolor(terminal_theme, foreground=False)
    if style.reverse:
        fg_rgb, bg_rgb = bg_rgb, fg_rgb
    if style.dim:
        fg_rgb = type(fg_rgb)(*(round(b + (f - b) * DIM_FACTOR) for f, b in zip(fg_rgb, bg_rgb, strict=True)))
    return fg_rgb.hex.upper(), bg_rgb.hex.upper()


def element_at(screen, x: int, y: int) -> str:
    """The widget that painted (x, y): its class, and its id where it has one."""
    try:
        widget, _ = screen.get_widget_at(x, y)
    except NoWidget:
        return "?"
    if widget is screen and isinstance(screen, ModalScreen):
        return "(screen behind the dialog)"
    name = type(widget).__name__
    return f"{name}#{widget.id}" if widget.id else name


def painted_pairs(app: HrWizardApp, label: str) -> list[Pair]:
    """Every (fg, bg) pair with visible text on the current screen, with one sample each."""
    screen = app.screen
    variables = app.theme_variables
    default_fg = RichColor.parse(variables["foreground"])
    default_bg = RichColor.parse(variables["background"])
    terminal_theme = app.ansi_theme
    update = screen._compositor.render_update(full=True, screen_stack=app._background_screens, simplify=True)
    found: dict[tuple[str, bool, str, str], str] = {}
    for y, line in enumerate(update.strips):
        x = 0
        for segment in (segment for strip in line for segment in strip):
            text, x = segment.text, x + segment.cell_length
            if not text.strip() or segment.control:
                continue
            fg, bg = resolve(segment.style, default_fg, default_bg, terminal_theme)
            element = element_at(screen, x - segment.cell_length + len(text) - len(text.lstrip()), y)
            lines = all(ch in GRAPHIC or ch.isspace() for ch in text)
            if lines and fg == bg:
                continue
            sample = found.get((element, lines, fg, bg), "")
            if len(sample) < 24:
                found[element, lines, fg, bg] = f"{sample} {text.strip()}".strip()[:40]
    return [Pair(app.theme, label, element, lines, fg, bg, round(contrast(fg, bg), 2), sample)
            for (element, lines, fg, bg), sample in found.items()]


# --- the walk through the app ---------------------------------------------------


@contextmanager
def isolated(folder: Path) -> Iterator[None]:
    """No user config or database, and colour on (NO_COLOR would make everything mono)."""
    names = ("HR_WIZARD_CONFIG", "HR_WIZARD_DB", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "NO_COLOR")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(HR_WIZARD_CONFIG=str(folder / "config.toml"), XDG_DATA_HOME=str(folder / "data"),
                      XDG_CONFIG_HOME=str(folder / "config"))
    os.environ.pop("HR_WIZARD_DB", None)
    os.environ.pop("NO_COLOR", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def seed(db: Path, theme: str) -> None:
    """A project part-way: every step status, a note, and applications of which one has a late letter."""
    from hr_wizard.store import Store

    store = Store.open(str(db))
    project = store.create_project("Gemeente Testdorp", "Mila de Vries", "mila@testdorp.nl")
    store.set_step_status(project.id, "doorlooptijd.startpunt", "done")
    store.set_step_status(project.id, "fase1.website", "done")
    store.set_step_status(project.id, "fase1.aanvraagformulier", "in_progress")
    store.set_step_note(project.id, "fase1.aanvraagformulier", "Formulier ligt bij de teamleider.", expected_version=1)
    store.set_step_status(project.id, "fase1.terugmelden", "skipped")
    today = dt.date.today()
    anna = store.create_application(project.id, "Anna Bakker", "Burgerzaken", "anna@testdorp.nl")
    store.save_application(anna.id, anna.version, current_step=3)
    jan = store.create_application(project.id, "Jan de Werker", "Afd. Werk en Inkomen", "jan@testdorp.nl")
    store.save_application(jan.id, jan.version, current_step=4, kenmerk="Werk / Jan de Werker",
                           applied_on=today - dt.timedelta(days=20), letter_due=today - dt.timedelta(days=10))
    store.create_application(project.id, "Özlem Yılmaz", "Burgerzaken", "ozlem@testdorp.nl")
    store.set_setting(f"theme.{store.actor}", theme)  # the app's own way to a theme: the remembered choice
    store.close()


async def wait_until(pilot, condition, what: str) -> None:
    for _ in range(500):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{what} did not appear; the app shows {pilot.app.screen!r}")


def screen_is(pilot, name: str, ready=lambda screen: True):
    return lambda: type(pilot.app.screen).__name__ == name and ready(pilot.app.screen)


async def walk(theme: str, db: Path) -> list[Pair]:
    app = HrWizardApp(str(db), load_content())
    pairs: list[Pair] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:

        async def shot(label: str) -> None:
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            pairs.extend(painted_pairs(app, label))

        await wait_until(pilot, screen_is(pilot, "RoadmapScreen", lambda s: s.store is not None), "the main screen")
        assert app.theme == theme, app.theme
        steps = app.screen.query_one("#steps")
        steps.select_step("fase1.aanvraagformulier")
        await shot("main, focus in the step list")
        await pilot.press("tab")
        await shot("main, focus in the step text")
        await pilot.press("shift+tab", "f1")
        await wait_until(pilot, screen_is(pilot, "HelpScreen"), "F1")
        await shot("F1 help")
        await pilot.press("escape", "a")
        await wait_until(pilot, screen_is(pilot, "RosterScreen"), "the roster")
        await shot("roster, cursor on a row")
        await pilot.press("down")
        await shot("roster, cursor on the late letter")
        await pilot.press("f8")
        await wait_until(pilot, screen_is(pilot, "ConfirmScreen"), "the confirm dialog")
        await shot("confirm dialog")
        await pilot.press("n", "up", "enter")
        await wait_until(pilot, screen_is(pilot, "ApplicationScreen"), "the application")
        await pilot.press("end", "shift+home", *"31-02-2026", "enter")  # step 3: a date that does not exist
        await shot("application step 3, error and explanation")
        app.screen.set_focus(None)  # the invalid field, blurred
        await shot("application step 3, error, field left")
        await pilot.press("escape")  # the page cannot be saved: asked once
        await wait_until(pilot, screen_is(pilot, "ConfirmScreen"), "the question whether to leave")
        await pilot.press("j")
        await wait_until(pilot, screen_is(pilot, "RosterScreen"), "the roster again")
        await pilot.press("escape")
        await wait_until(pilot, screen_is(pilot, "RoadmapScreen"), "the main screen again")
        app.screen.query_one("#steps").select_step("fase1.website")
        await pilot.press("enter")
        await wait_until(pilot, screen_is(pilot, "PreparationScreen"), "the Fase 1 form")
        await shot("form Fase 1")
        app.screen.query_one("#sent_on Input").focus()
        await pilot.press(*"99-99-2026", "enter", "escape")  # a wrong date: message and warning toast
        await shot("form Fase 1, error and notice")
    return pairs


def measure(themes: tuple[str, ...] = (HIGH_CONTRAST.name, DEFAULT_THEME)) -> list[Pair]:
    """Every painted text colour pair of every theme, lowest ratio first."""
    pairs: list[Pair] = []
    for theme in themes:
        with tempfile.TemporaryDirectory(prefix="hr-wizard-contrast-") as folder, isolated(Path(folder)):
            db = Path(folder) / "contrast.sqlite"
            seed(db, theme)
            pairs.extend(asyncio.run(walk(theme, db)))
    return sorted(pairs, key=lambda pair: (pair.theme != STRICT, pair.ratio))


def table(pairs: list[Pair]) -> str:
    rows = [f"{'theme':17} {'screen':41} {'element':30} {'fg':7} {'bg':7} {'ratio':>6}  {'':4}  sample"]
    for p in pairs:
        element = p.element + (" (lines)" if p.lines else "")
        rows.append(f"{p.theme:17} {p.screen:41} {element[:30]:30} {p.fg} {p.bg} {p.ratio:6.2f}  "
                    f"{'PASS' if p.ok else 'FAIL'}  {p.sample[:28]}")
    return "\n".join(rows)


def summary(pairs: list[Pair]) -> str:
    """The lowest ratio per kind of element (widget class; text or lines), per theme."""
    lowest: dict[tuple[str, str], Pair] = {}
    for p in pairs:
        if (p.theme, p.kind) not in lowest or p.ratio < lowest[p.theme, p.kind].ratio:
            lowest[p.theme, p.kind] = p
    rows = [f"{'theme':17} {'element':36} {'lowest':>6}  sample"]
    for (theme, kind), p in sorted(lowest.items(), key=lambda item: (item[0][0], item[1].ratio)):
        rows.append(f"{theme:17} {kind:36} {p.ratio:6.2f}  {p.sample[:28]}")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    pairs = measure()
    shown = [p for p in pairs if not p.ok] if "--failing" in argv else pairs
    print(table(shown))
    print()
    print(summary(pairs))
    failing = [p for p in pairs if p.theme == STRICT and not p.ok]
    print(f"\n{len(failing)} pair(s) in {STRICT} below {BARS[STRICT][0]}:1" if failing else f"\nall {STRICT} pairs reach {BARS[STRICT][0]}:1")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
