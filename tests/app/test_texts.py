"""Every text on screen comes from the content file, key descriptions and input messages too,
and a gemeente's override file changes them."""

from __future__ import annotations

import importlib
import pkgutil

from textual.dom import DOMNode

import hr_wizard.screens
import hr_wizard.widgets
from hr_wizard import validation
from hr_wizard.app import HrWizardApp
from hr_wizard.content_file import load_content
from hr_wizard.screens.help import keys_of
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.texts import text

from ..helpers import seeded
from .pilot import wait_for


def all_bindings():
    for package in (hr_wizard.screens, hr_wizard.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    classes, todo = [HrWizardApp], list(DOMNode.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("hr_wizard"):
            classes.append(cls)
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            yield cls, binding


def test_every_key_has_its_description_in_the_content_file(content):
    seen = list(all_bindings())
    assert len(seen) > 40
    for cls, binding in seen:
        if binding.show or binding.id:
            assert binding.id in content.keys, f"{cls.__name__}: {binding.key} has no [keys] text"
            assert not binding.description, f"{cls.__name__}: {binding.key} has its text in code"


def test_every_rule_message_is_in_the_content_file(content):
    assert all(text(f"example_{kind}") for kind in ("kenmerk", "kvk", "email"))
    assert validation.kvk_nummer("123").message == "Een KvK-nummer heeft precies 8 cijfers, bijvoorbeeld 69599084. U typte er 3."


async def test_override_file_changes_a_key_and_a_message(tmp_path, db_path):
    override = tmp_path / "override.toml"
    override.write_text(
        '[keys]\n"roadmap.roster" = "Accounts"\n'
        '[messages]\ndigits_length = "{label}: {length} cijfers nodig, u gaf er {count}."\n', encoding="utf-8")
    seeded(db_path).close()
    app = HrWizardApp(str(db_path), load_content(override))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for(pilot, RoadmapScreen)
        assert ("a", "Accounts") in keys_of(screen)
        assert validation.kvk_nummer("123").message == "KvK-nummer: 8 cijfers nodig, u gaf er 3."


def test_override_message_may_not_ask_for_values_the_rule_does_not_give(tmp_path):
    import pytest

    from hr_wizard.content_file import ContentError

    override = tmp_path / "override.toml"
    override.write_text('[messages]\ndigits_length = "Fout in {url_kvk}"\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(override)
    assert "{url_kvk}" in str(caught.value)
