"""Over SSH on a jump host: no colour, small and resized windows, a remembered contrast
theme, no mouse, and the installed program in a real pseudo-terminal (tmux)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hr_wizard.screens.help import HelpScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.store import Store
from hr_wizard.theme import HIGH_CONTRAST

from ..helpers import seeded
from .pilot import make_app, open_tool, wait_for

# The three dots of the window frame that Textual draws around every SVG screenshot.
_FRAME_COLOURS = {"#ff5f57", "#febc2e", "#28c840"}


def colours_in(svg: str) -> set[str]:
    """The colours that are not a shade of grey in a screenshot (the window frame left out)."""
    colourful = set()
    for colour in set(re.findall(r"#[0-9a-fA-F]{6}\b", svg)) - _FRAME_COLOURS:
        red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        if max(red, green, blue) - min(red, green, blue) > 8:
            colourful.add(colour)
    return colourful


async def test_every_screen_renders_without_colour(db_path, monkeypatch):
    """Textual's monochrome filter once crashed on the roster; walk every screen with NO_COLOR
    and check that each one is painted in shades of grey only (a crash fails run_test itself)."""
    store = seeded(db_path)
    store.create_application(store.get_project().id, "Jan Jansen", "Burgerzaken", "jan@testdorp.nl")
    store.close()
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(db_path)
    seen = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        for keys in ([], ["a"], ["enter"], ["escape", "escape"], ["f4"], ["escape", "escape", "escape"], ["l"], ["escape"],
                     ["n"], ["escape"], ["f1"], ["escape"], ["r"], ["escape"]):
            await pilot.press(*keys)
            await pilot.pause()
            seen[type(app.screen).__name__] = colours_in(app.export_screenshot())
        for step in ("fase1.website", "fase2.processen", "fase2.terugmelden"):
            await open_tool(pilot, step)
            await pilot.pause()
            seen[type(app.screen).__name__] = colours_in(app.export_screenshot())
            await pilot.press("f4")
            await pilot.pause()
            seen[type(app.screen).__name__] = colours_in(app.export_screenshot())
            while not isinstance(app.screen, RoadmapScreen):
                await pilot.press("escape")
                await pilot.pause()
        assert app.is_running
    assert {"RoadmapScreen", "RosterScreen", "ApplicationScreen", "AuditScreen", "HelpScreen", "ReportDialog",
            "PreparationScreen", "ProcessesScreen", "TerugmeldingenScreen"} <= set(seen), sorted(seen)
    assert {name: found for name, found in seen.items() if found} == {}


async def test_the_colour_check_sees_colour(db_path):
    """Without NO_COLOR the same check finds Textual's blue: it is not blind."""
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        assert colours_in(app.export_screenshot())


async def test_resizing_down_to_60x20_and_back_keeps_working(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)
        for size in ((60, 20), (100, 40), (60, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.screen.has_class("-narrow") is (size[0] < 76)
            await pilot.press("down", "k")
        assert screen.progress[screen.current_step.key].status == "done"
        await pilot.resize_terminal(60, 20)
        await pilot.press("a")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        columns = str(app.screen.query_one("#roster-columns").render())
        assert "Kenmerk" in columns  # back to the full table after growing again


async def test_high_contrast_is_switched_in_help_and_remembered(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("f1")
        await wait_for(pilot, HelpScreen)
        await pilot.press("c")
        assert app.theme == HIGH_CONTRAST.name
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        assert app.theme == HIGH_CONTRAST.name


def test_no_mouse_flag_turns_mouse_reporting_off(monkeypatch, tmp_path):
    from hr_wizard import cli
    from hr_wizard.app import HrWizardApp

    calls = {}
    monkeypatch.setattr(HrWizardApp, "run", lambda self, **kwargs: calls.update(kwargs))
    assert cli.main(["--db", str(tmp_path / "db.sqlite"), "--no-mouse"]) == 0
    assert calls == {"mouse": False}
    assert cli.main(["--db", str(tmp_path / "db.sqlite")]) == 0
    assert calls == {"mouse": True}


TMUX = shutil.which("tmux")


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it: see .ci/run)")
def test_installed_program_in_a_real_terminal(tmp_path):
    program = Path(sys.executable).parent / "hr-wizard"
    assert program.exists(), "the console script is installed with the package"
    session = f"hrw-test-{os.getpid()}"
    db = tmp_path / "db.sqlite"
    env = {**os.environ, "HR_WIZARD_DB": str(db), "TERM": "xterm-256color"}
    tmux = [TMUX, "-L", session]  # a private tmux server: nothing of the user's sessions is touched

    def screen() -> str:
        return subprocess.run([*tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout

    def wait_for_text(text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{screen()}")

    subprocess.run([*tmux, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", str(program)], env=env, check=True)
    try:
        wait_for_text("Welkom bij de HR-wizard")
        for text in ("Gemeente Tmuxdorp", "Mila de Vries", "mila@tmuxdorp.nl"):
            subprocess.run([*tmux, "send-keys", "-t", session, "-l", text], check=True)
            subprocess.run([*tmux, "send-keys", "-t", session, "Enter"], check=True)
        shown = wait_for_text("0 van 17 stappen klaar")
        assert "Gemeente Tmuxdorp" in shown and "[ ] Bepaal uw startpunt" in shown
        subprocess.run([*tmux, "send-keys", "-t", session, "k"], check=True)
        wait_for_text("1 van 17 stappen klaar")
        subprocess.run([*tmux, "send-keys", "-t", session, "C-q"], check=True)
        end = time.monotonic() + 10
        while time.monotonic() < end and subprocess.run([*tmux, "has-session", "-t", session], capture_output=True).returncode == 0:
            time.sleep(0.2)
        assert subprocess.run([*tmux, "has-session", "-t", session], capture_output=True).returncode != 0, "the program did not quit"
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
    store = Store.open(str(db))
    assert store.get_project().gemeente == "Gemeente Tmuxdorp"
    assert store.step_progress(store.get_project().id)["doorlooptijd.startpunt"].status == "done"


async def test_command_palette_offers_the_wizards_own_commands_in_dutch_and_remembers_a_theme(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)
        titles = [command.title for command in app.get_system_commands(screen)]
        assert titles == ["Hulp", "Hoog contrast aan of uit", "Kleuren kiezen", "Gegevens gemeente aanpassen",
                          "Andere gemeente", "Stoppen"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"contrast")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
        app.theme = "nord"  # what "Kleuren kiezen" does when the user picks one
        await pilot.pause()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        assert app.theme == "nord"


def list_lines(step_list) -> list[str]:
    """Every line of the step list as shown, scrolled through."""
    return ["".join(segment.text for segment in step_list.render_line(y)) for y in range(step_list.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_step_list_never_breaks_a_word_and_shows_the_remembered_step(db_path, size):
    import re

    from hr_wizard.remembered import last_step_setting
    from hr_wizard.widgets.step_list import StepList

    store = seeded(db_path)
    store.set_setting(last_step_setting(store.get_project().id), "aanmelden.7")
    store.close()
    app = make_app(db_path)
    async with app.run_test(size=size) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)
        await pilot.pause()
        step_list = screen.query_one(StepList)
        assert "7. Bedragen" in "\n".join(list_lines(step_list))  # the remembered step is in view
        shown = []
        for y in range(0, step_list.virtual_size.height, step_list.size.height):
            step_list.scroll_to(y=y, animate=False)
            await pilot.pause()
            shown += list_lines(step_list)
        titles = " ".join([part.title for part in app.content.parts] + [step.title for step in app.content.steps])
        whole = set(re.findall(r"\w+", titles))
        assert {word for word in re.findall(r"\w+", " ".join(shown)) if len(word) > 2} <= whole


async def test_f1_hulp_is_always_in_the_footer_at_60_columns(db_path):
    from textual.widgets._footer import FooterKey

    from hr_wizard.screens.application import ApplicationScreen
    from hr_wizard.screens.roster import RosterScreen

    store = seeded(db_path)
    jan = store.create_application(store.get_project().id, "Jan Jansen", "Burgerzaken", "jan@testdorp.nl")
    store.save_application(jan.id, jan.version, current_step=5)  # the page with the most keys
    store.close()
    app = make_app(db_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        for keys, screen_type in (([], RoadmapScreen), (["a"], RosterScreen), (["enter"], ApplicationScreen)):
            await pilot.press(*keys)
            screen = await wait_for(pilot, screen_type)
            await pilot.pause()
            footer_keys = list(screen.query(FooterKey))
            help_keys = [key for key in footer_keys if key.key == "f1"]
            assert len(help_keys) == 1, screen_type.__name__
            region = help_keys[0].region
            assert region.width > 0 and region.right <= 60 and region.y == 19
            assert "Hulp" in "".join(segment.text for segment in help_keys[0].render_line(0))
            # Every other key is there whole, left of F1 Hulp, or not there at all: none is cut.
            for key in footer_keys:
                if key not in help_keys and key.display:
                    assert key.region.right <= region.x, (screen_type.__name__, key.key, key.region, region)
                    whole = len(key.key_display) + (1 + len(key.description) if key.description else 0)
                    assert key.region.width >= whole, (screen_type.__name__, key.key)


async def test_f1_explains_the_words_of_the_trade(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("f1")
        help_screen = await wait_for(pilot, HelpScreen)
        glossary = str(help_screen.query_one(".glossary").render())
        for word in ("Inputfinanciering", "NHR", "Peilmoment", "Attribuut", "Object", "Gerede twijfel"):
            assert word in glossary


async def test_the_selected_step_keeps_its_marker_when_the_focus_moves_on(db_path, monkeypatch):
    from hr_wizard.widgets.step_list import StepList

    seeded(db_path).close()
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)
        await pilot.press("down", "down", "tab")  # to the step's text, on the right
        step_list = screen.query_one(StepList)
        assert not step_list.has_focus
        marked = [str(step_list.get_option_at_index(i).prompt) for i in range(step_list.option_count)
                  if str(step_list.get_option_at_index(i).prompt).startswith(">")]
        assert marked == [f">[ ] {screen.current_step.title}"]
