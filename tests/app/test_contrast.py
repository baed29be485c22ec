"""The high-contrast theme keeps its promise: every text and line it paints reaches 7:1.

Measured on the real screens by scripts/contrast.py (`make contrast` prints the whole table)."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

from hr_wizard.theme import HIGH_CONTRAST

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "contrast.py"


@functools.cache
def load_script():
    """scripts/ is not a package; its dataclasses need the module registered while it loads."""
    spec = importlib.util.spec_from_file_location("hr_wizard_contrast_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_contrast_formula_matches_wcag():
    contrast = load_script().contrast
    assert round(contrast("#FFFFFF", "#000000"), 2) == 21.0
    assert round(contrast("#777777", "#FFFFFF"), 2) == 4.48  # the classic just-below-AA grey
    assert contrast("#123456", "#123456") == 1.0


def test_every_high_contrast_pair_reaches_7_to_1():
    script = load_script()
    pairs = script.measure((HIGH_CONTRAST.name,))
    screens = {pair.screen for pair in pairs}
    assert len(screens) == 10, screens  # the walk reached every screen it measures
    failing = [pair for pair in pairs if not pair.ok]
    assert not failing, "below 7:1 in high contrast:\n" + script.table(failing)
