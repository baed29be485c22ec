"""The report from the main screen: R, choose a format and a file, Enter."""

from __future__ import annotations

from hr_wizard.screens.report_dialog import ReportDialog
from hr_wizard.screens.roadmap import RoadmapScreen

from ..helpers import seeded
from .pilot import make_app, wait_for


async def test_report_from_the_main_screen_as_html(db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, RoadmapScreen)
        await pilot.press("r")
        dialog = await wait_for(pilot, ReportDialog)
        dialog.query_one("RadioSet").focus()
        await pilot.press("down", "space")  # HTML: the file name follows
        assert dialog.query_one("#report-path Input").value.endswith(".html")
        dialog.query_one("#report-path Input").value = str(tmp_path / "geen-map" / "r.html")
        await pilot.press("enter")
        assert app.screen is dialog  # a folder that does not exist: said, not saved
        assert "bestaat niet" in str(dialog.query_one(".field--message").render())
        dialog.query_one("#report-path Input").value = str(tmp_path / "rapport.html")
        await pilot.press("enter")
        await wait_for(pilot, RoadmapScreen)
    page = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "Gemeente Testdorp" in page and page.startswith("<!DOCTYPE html>")


def test_the_report_goes_to_the_documents_folder_when_there_is_one(tmp_path, monkeypatch):
    from pathlib import Path

    from hr_wizard.screens.report_dialog import default_report_path

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    assert Path(default_report_path()).parent == tmp_path  # no documents folder: the home folder
    (tmp_path / "Documents").mkdir()
    assert Path(default_report_path("html")).parent == tmp_path / "Documents"
    assert default_report_path("html").endswith(".html")
