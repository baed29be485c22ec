"""Child process for the headless first-frame measurement: start an app headless at 80x24,
print "FRAME" right after its first frame has been painted, then quit.

    python bench/headless.py hr-wizard DB | python bench/headless.py baseline
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def timed(app_class):
    """The app class with one addition: right after its first frame with something on it (a
    screen with widgets, outside Textual's start-up batch, which keeps frames from the
    terminal) it prints FRAME and quits."""

    class Timed(app_class):
        # CSS_PATH is relative to the module that defines the class: keep the original's.
        if app_class.CSS_PATH:
            CSS_PATH = str(Path(inspect.getfile(app_class)).parent / app_class.CSS_PATH)
        _framed = False

        def _display(self, screen, renderable) -> None:  # where a frame goes to the terminal
            super()._display(screen, renderable)
            if renderable is not None and not self._batch_count and screen.children and not self._framed:
                self._framed = True
                print("FRAME", flush=True)
                self.exit()

    return Timed


def main() -> None:
    which = sys.argv[1]
    if which == "baseline":
        from baseline_app import BareApp

        app = timed(BareApp)()
    else:
        from hr_wizard.app import HrWizardApp
        from hr_wizard.content_file import load_content

        app = timed(HrWizardApp)(sys.argv[2], load_content())
    app.run(headless=True, size=(80, 24))


if __name__ == "__main__":
    main()
