"""The test suite itself: helpers in one place, and PostgreSQL tests that skip cleanly."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
TEST_MODULES = sorted(TESTS.rglob("test_*.py"))


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
            names.update(alias.name for alias in node.names)  # `from . import test_x`
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_test_modules_are_found():
    assert len(TEST_MODULES) > 20 and TESTS / "core" / "test_cli.py" in TEST_MODULES


def test_no_test_module_imports_another_test_module():
    offenders = {path.name: sorted(name for name in imported_modules(path) if name.split(".")[-1].startswith("test_"))
                 for path in TEST_MODULES}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_seeding_helpers_live_in_tests_helpers():
    """A `seeded...` function belongs in tests/helpers.py, where every test module can share it."""
    defined = {path.name: [node.name for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                           if isinstance(node, ast.FunctionDef) and node.name.startswith("seeded")]
               for path in TEST_MODULES}
    assert {name: found for name, found in defined.items() if found} == {}


def test_postgresql_tests_skip_cleanly_without_psycopg(tmp_path):
    """A server address is set but psycopg is not installed (a venv without the postgres
    extra): the PostgreSQL variants are skipped with the reason, not errors."""
    code = ("import sys; sys.modules['psycopg'] = None; import pytest; "
            "sys.exit(pytest.main(['-q', '-rs', '-p', 'no:cacheprovider', '-k', 'postgresql', sys.argv[1]]))")
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["HR_WIZARD_TEST_PG"] = "postgresql+psycopg://postgres@127.0.0.1:9/postgres"
    result = subprocess.run([sys.executable, "-c", code, str(TESTS / "core" / "test_phases_store.py")],
                            capture_output=True, text=True, env=env, cwd=TESTS.parent, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "psycopg is not installed" in result.stdout
    assert " skipped" in result.stdout and "error" not in result.stdout.lower()
