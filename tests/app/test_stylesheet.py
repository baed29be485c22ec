"""The stylesheet in two parts: the first frame parses only its own rules (styles/app.tcss);
every other screen's rules (styles/screens.tcss) follow right after it, or before whichever
screen comes first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import hr_wizard.app
from hr_wizard.content_file import load_content
from hr_wizard.screens.help import HelpScreen
from hr_wizard.screens.roadmap import RoadmapScreen

from ..helpers import seeded_for_quickread
from .pilot import wait_for

# CSS_PATH is relative to the defining module: a subclass here points at the package's stylesheet.
APP_CSS = str(Path(hr_wizard.app.__file__).parent / hr_wizard.app.HrWizardApp.CSS_PATH)


def screens_rules_loaded(app: hr_wizard.app.HrWizardApp) -> bool:
    return app.stylesheet.has_source(str(app.SCREENS_CSS), "")


async def test_the_first_frame_does_not_wait_for_the_other_screens_rules(db_path):
    at_first_frame: list[bool] = []

    class Watched(hr_wizard.app.HrWizardApp):
        CSS_PATH = APP_CSS

        def _display(self, screen, renderable) -> None:  # where a frame goes to the terminal (pinned Textual)
            if renderable is not None and isinstance(screen, RoadmapScreen) and not at_first_frame:
                at_first_frame.append(screens_rules_loaded(self))
            super()._display(screen, renderable)

    seeded_for_quickread(db_path, dt.date(2026, 11, 28)).close()
    app = Watched(str(db_path), load_content())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        assert at_first_frame == [False]
        assert screens_rules_loaded(app)  # right after the first frame


async def test_a_screen_that_comes_before_the_other_rules_is_styled_all_the_same(db_path):
    """However early a screen opens (a key pressed at once), its rules are there first."""

    class NeverAfterTheFirstFrame(hr_wizard.app.HrWizardApp):
        CSS_PATH = APP_CSS

        def _after_first_frame(self) -> None:
            self.open_database()  # the rules are left for the first other screen to load

    seeded_for_quickread(db_path, dt.date(2026, 11, 28)).close()
    app = NeverAfterTheFirstFrame(str(db_path), load_content())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        assert not screens_rules_loaded(app)
        await pilot.press("f1")
        await wait_for(pilot, HelpScreen)
        dialog = app.screen.query_one("#help-dialog")
        assert dialog.styles.max_width is not None and dialog.styles.max_width.value == 76  # screens.tcss
        assert dialog.outer_size.width == 72  # 90% of 80 columns
