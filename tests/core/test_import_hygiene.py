"""Layers stay apart, and the start-up path stays light (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys

import pytest

import hr_wizard

# The Textual layer; everything else in hr_wizard is the core, which never imports Textual.
UI_MODULES = {"hr_wizard.app", "hr_wizard.app_keys", "hr_wizard.app_projects", "hr_wizard.kiosk_app", "hr_wizard.kiosk_guards", "hr_wizard.kiosk_terminal", "hr_wizard.theme"}
UI_PACKAGES = ("hr_wizard.screens", "hr_wizard.widgets")
CORE_MODULES = sorted(
    module.name for module in pkgutil.walk_packages(hr_wizard.__path__, "hr_wizard.")
    if module.name not in UI_MODULES and not module.name.startswith(UI_PACKAGES) and not module.name.startswith("hr_wizard.migrations")
    and module.name != "hr_wizard.__main__"
)


def modules_after_import(module: str) -> set[str]:
    code = f"import sys, json, {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


def test_the_core_is_found():
    assert {"hr_wizard.validation", "hr_wizard.workdays", "hr_wizard.models", "hr_wizard.store", "hr_wizard.texts"} <= set(CORE_MODULES)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_layers_never_import_textual(module):
    loaded = modules_after_import(module)
    assert module in loaded
    assert not {name for name in loaded if name == "textual" or name.startswith("textual.")}


@pytest.mark.parametrize("module", ["hr_wizard.app", "hr_wizard.cli"])
def test_app_module_does_not_import_the_database_layer(module):
    loaded = modules_after_import(module)
    assert module in loaded
    heavy = {name for name in loaded if name.split(".")[0] in {"sqlmodel", "sqlalchemy", "alembic", "holidays", "email_validator"}}
    assert heavy == set()


@pytest.mark.parametrize("module", ["hr_wizard.cli", "hr_wizard.commands", "hr_wizard.exports", "hr_wizard.reminders",
                                    "hr_wizard.registers", "hr_wizard.report"])
def test_file_formats_are_imported_only_when_a_file_is_made(module):
    """icalendar and openpyxl cost start-up time: only the export that writes .ics or .xlsx loads them."""
    loaded = modules_after_import(module)
    assert module in loaded
    assert {name for name in loaded if name.split(".")[0] in {"icalendar", "openpyxl"}} == set()


def test_starting_the_wizard_does_not_build_the_command_line_parser(tmp_path):
    """`hr-wizard` without arguments, the usual start, goes past argparse (about 3 ms): the
    command line runs up to the app's start, which stops there."""
    code = (
        "import json, sys\n"
        "from textual.app import App\n"
        "class Started(BaseException): pass\n"
        "def run(self, **options): raise Started\n"
        "App.run = run\n"
        "from hr_wizard.cli import main\n"
        "try:\n"
        "    main([])\n"
        "except Started:\n"
        "    print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "HR_WIZARD_DB": str(tmp_path / "hr-wizard.sqlite"), "HR_WIZARD_CONFIG": str(tmp_path / "none.toml")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    loaded = set(json.loads(result.stdout))
    assert "hr_wizard.app" in loaded
    assert not {"argparse", "hr_wizard.cli_parser"} & loaded
