"""The package as a gemeente's IT department receives it: metadata, licence, declared and
pinned dependencies, and install instructions that work from a checkout."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def name_of(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group()).lower()


def test_the_licence_is_an_spdx_expression_with_its_full_text():
    assert PROJECT["license"] == "EUPL-1.2" and PROJECT["license-files"] == ["LICENSE"]
    assert not [c for c in PROJECT["classifiers"] if c.startswith("License ::")]  # PEP 639: the expression only
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    headings = re.findall(r"^(\d+)\. ", text, re.MULTILINE)
    assert headings == [str(n) for n in range(1, 16)]  # all fifteen articles, in order
    assert "\nAppendix\n" in text and "(LiLiQ-R+)" in text
    assert " ".join(text.split()).endswith("All other changes or additions to this Appendix require the production of a new EUPL version.")


def test_the_build_backend_is_bounded_on_both_sides():
    (requirement,) = PYPROJECT["build-system"]["requires"]
    low, high = re.fullmatch(r"setuptools>=(\d+),<(\d+)", requirement).groups()
    assert int(low) >= 77 and int(high) > int(low)  # 77 reads licence expressions


def third_party_imports() -> set[str]:
    found = set()
    for path in (ROOT / "hr_wizard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name not in ("hr_wizard", "__future__")}


def test_every_library_the_code_imports_is_declared():
    extras = PROJECT["optional-dependencies"]
    declared = {name_of(r) for r in PROJECT["dependencies"] + extras["postgres"] + extras["serve"]}
    distributions = packages_distributions()
    missing = {module: distributions.get(module) for module in third_party_imports()
               if not {name_of(d) for d in distributions.get(module, [module])} & declared}
    assert missing == {}


def test_every_declared_dependency_has_a_lower_bound_and_an_exact_pin():
    pins = {name_of(line): line for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")}
    for requirement in PROJECT["dependencies"] + [r for extra in PROJECT["optional-dependencies"].values() for r in extra]:
        if requirement.startswith("hr-wizard["):
            continue  # one extra taking in another: its own requirements are checked here
        assert ">=" in requirement, requirement
        assert "==" in pins.get(name_of(requirement), ""), f"{requirement} is not pinned in constraints.txt"
    assert "uv" in pins  # the tool of scripts/lowest-deps.sh is pinned too


@pytest.mark.parametrize("path", ["README.md", "hr_wizard/content/roadmap.nl.toml"])
def test_nothing_tells_users_to_install_from_a_registry_where_hr_wizard_is_not(path):
    """hr-wizard is not published on any package registry: installs go from a checkout."""
    text = (ROOT / path).read_text(encoding="utf-8")
    assert not re.findall(r"(?:pip|pipx|uv tool|uv pip) install\s+['\"]?hr-wizard", text)
