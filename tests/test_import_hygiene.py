"""Layers stay apart, and the start-up path stays light (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def modules_after_import(module: str) -> set[str]:
    code = f"import sys, json, {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


@pytest.mark.parametrize(
    "module",
    ["hr_wizard.validation", "hr_wizard.roadmap", "hr_wizard.workdays", "hr_wizard.models", "hr_wizard.store", "hr_wizard.errors", "hr_wizard.paths",
     "hr_wizard.serve", "hr_wizard.serve_web"],
)
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
