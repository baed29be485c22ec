"""The employee's instruction sheet: one application, in txt (an e-mail), md and html (one
page, no external resources). Pure: no Textual, no database."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest

from hr_wizard import instruction

PROJECT = SimpleNamespace(gemeente="Gemeente Testdorp", projectleider_naam="Mila de Vries",
                          projectleider_email="mila@testdorp.nl", debiteurnummer="")
DAY = dt.date(2026, 11, 28)


def person(**changes):
    values = {"naam": "Jan de Werker", "team": "Afd. Werk en Inkomen", "email": "jan@testdorp.nl", "kenmerk": "",
              "applied_on": None, "letter_due": None}
    return SimpleNamespace(**{**values, **changes})


WITHOUT_KENMERK = person()
WITH_KENMERK = person(naam="Özlem Yılmaz", team="Burgerzaken", email="ozlem@testdorp.nl", kenmerk="Burgerzaken / Ö. Yılmaz")
FORMATS = ("txt", "md", "html")


def flat(text: str) -> str:
    """The words of a sheet without its markup and line breaks."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", '"').replace("\\", "")
    return re.sub(r"[\s*`#]+", " ", text)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("application", "kenmerk"), [
    (WITHOUT_KENMERK, "Afd. Werk en Inkomen / Jan de Werker"),  # built from team and name, as the screens do
    (WITH_KENMERK, "Burgerzaken / Ö. Yılmaz"),  # the stored one
], ids=["built", "stored"])
def test_the_sheet_has_what_the_employee_needs(content, fmt, application, kenmerk):
    sheet = flat(instruction.render(instruction.sheet_for(application, PROJECT, content, DAY), content, fmt))
    assert application.naam in sheet
    assert f"Kenmerk: {kenmerk}" in sheet
    assert "https://www.kvk.nl/toegangscode" in sheet
    assert '"Voor bedrijven en organisaties"' in sheet
    assert "Betalingskenmerken" in sheet and "al een toegangscode" in sheet and "Ga gewoon verder" in sheet
    assert "automatische incasso" in sheet and "bladzijde 2" in sheet and "debiteurnummer" in sheet
    assert "bedrag" in sheet
    assert "Autorisatielijst Inputfinanciering" in sheet and "productlijst" in sheet
    assert "per e-mail" in sheet and "per post" in sheet and "hoogstens 5 werkdagen" in sheet
    assert "persoonlijk" in sheet and "HR-wizard" in sheet
    assert "Mila de Vries" in sheet and "mila@testdorp.nl" in sheet
    assert "Bron: kvk.nl/toegangscode, gecontroleerd op 28-11-2026" in sheet


def test_a_kenmerk_that_cannot_be_built_asks_the_employee_to_make_one(content):
    application = person(team="Afdeling met een heel erg lange naam voor het sociaal domein en werk")
    sheet = instruction.render(instruction.sheet_for(application, PROJECT, content, DAY), content, "txt")
    assert "Kenmerk:" not in sheet
    assert content.facts["kenmerk_example"] in sheet


def test_the_letter_date_is_there_when_the_application_was_sent(content):
    application = person(applied_on=dt.date(2026, 4, 24), letter_due=dt.date(2026, 5, 4))
    sheet = flat(instruction.render(instruction.sheet_for(application, PROJECT, content, DAY), content, "txt"))
    assert "24-04-2026" in sheet and "04-05-2026" in sheet


def test_the_gemeentes_debiteurnummer_is_on_the_sheet_when_known(content):
    project = SimpleNamespace(**{**vars(PROJECT), "debiteurnummer": "DEB-123"})
    sheet = instruction.render(instruction.sheet_for(WITHOUT_KENMERK, project, content, DAY), content, "txt")
    assert "DEB-123" in sheet


@pytest.mark.parametrize("application", [WITHOUT_KENMERK, WITH_KENMERK])
def test_txt_fits_in_an_email(content, application):
    text = instruction.render(instruction.sheet_for(application, PROJECT, content, DAY), content, "txt")
    assert max(len(line) for line in text.splitlines()) <= 72
    assert text.endswith("\n") and "\t" not in text


@pytest.mark.parametrize("application", [WITHOUT_KENMERK, WITH_KENMERK])
def test_html_is_one_file_without_anything_to_load(content, application):
    page = instruction.render(instruction.sheet_for(application, PROJECT, content, DAY), content, "html")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert "<script" not in page.lower() and "<link" not in page.lower() and "<img" not in page.lower()
    assert not re.search(r"(src|href)\s*=", page, re.IGNORECASE)
    assert not re.search(r"url\(", page, re.IGNORECASE) and "@import" not in page
    assert "@page" in page and "A4" in page


def test_values_are_escaped(content):
    application = person(naam="Jan <b>de</b> Werker", kenmerk="R&D / Jan *de* Werker")
    sheet = instruction.sheet_for(application, PROJECT, content, DAY)
    assert "<b>" not in instruction.render(sheet, content, "html")
    assert "R&amp;D" in instruction.render(sheet, content, "html")
    assert r"\*de\*" in instruction.render(sheet, content, "md")


def test_every_word_comes_from_the_content_file(content, tmp_path):
    from hr_wizard.content_file import load_content

    override = tmp_path / "config.toml"
    override.write_text('[application]\nsheet_title = "Uw account bij de KvK"\n', encoding="utf-8")
    changed = load_content(override)
    sheet = instruction.render(instruction.sheet_for(WITHOUT_KENMERK, PROJECT, changed, DAY), changed, "txt")
    assert sheet.startswith("Uw account bij de KvK")


def test_the_kiosk_gets_the_same_text(content):
    assert instruction.sheet_text(WITHOUT_KENMERK, PROJECT, content, DAY) == instruction.render(
        instruction.sheet_for(WITHOUT_KENMERK, PROJECT, content, DAY), content, "txt")


def test_file_names_are_safe_and_distinct(content):
    names = instruction.file_names(["Jan de Werker", "Özlem Yılmaz", "Jan de Werker", "../../etc/passwd", "...", ""], "txt",
                                   content.text("sheet_file_stem"))
    assert names == ["jan-de-werker.txt", "ozlem-yilmaz.txt", "jan-de-werker-2.txt", "etc-passwd.txt",
                     "medewerker.txt", "medewerker-2.txt"]


def test_the_html_sheet_prints_on_one_a4_page_and_loads_nothing(content, tmp_path):
    """Printed by a real Chromium (scripts/with-chromium.sh), with the longest values a sheet
    can hold: a name of 80 characters, a letter date and the gemeente's debiteurnummer."""
    from playwright.sync_api import sync_playwright

    from ..helpers import CHROMIUM_FLAGS, chromium

    browser = chromium()
    project = SimpleNamespace(**{**vars(PROJECT), "debiteurnummer": "DEB-1234567890123456",
                                 "projectleider_naam": "Mila " + "van der " * 8 + "Vries"})
    application = person(naam=("Jan " * 20).strip()[:80], kenmerk="Afd. Werk en Inkomen / " + "J" * 37,
                         applied_on=dt.date(2026, 4, 24), letter_due=dt.date(2026, 5, 4))
    page_html = instruction.render(instruction.sheet_for(application, project, content, DAY), content, "html")
    requests: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=browser, args=CHROMIUM_FLAGS, headless=True, timeout=30_000)
        try:
            page = context.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.set_content(page_html)
            pdf = page.pdf(prefer_css_page_size=True)
        finally:
            context.close()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
    assert [url for url in requests if not url.startswith(("about:", "data:"))] == []


def test_the_sheet_needs_neither_textual_nor_the_database():
    import json
    import subprocess
    import sys

    code = "import sys, json, hr_wizard.instruction; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {name.split(".")[0] for name in json.loads(result.stdout)}
    assert "hr_wizard" in loaded and not loaded & {"textual", "sqlmodel", "sqlalchemy", "alembic"}
