"""Fase 1 and Fase 2 tools in the real app: fill, restart, see it again."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, RadioSet

from hr_wizard.screens.confirm import ConfirmScreen
from hr_wizard.screens.preparation import PreparationScreen
from hr_wizard.screens.processes import ProcessesScreen, ProcessFormScreen
from hr_wizard.screens.roadmap import RoadmapScreen
from hr_wizard.screens.status_choice import StatusChoiceScreen
from hr_wizard.screens.terugmeldingen import (
    TerugmeldingenScreen,
    TerugmeldingFormScreen,
)
from hr_wizard.screens.text_view import TextViewScreen
from hr_wizard.store import Store

from ..helpers import seeded
from .pilot import make_app, open_tool, paste, text_of, wait_for

pytestmark = pytest.mark.both_backends  # SQLite and a real PostgreSQL server


async def test_fase1_record_is_saved_as_typed_and_back_after_restart(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tool(pilot, "fase1.aanvraagformulier")
        screen = await wait_for(pilot, PreparationScreen)
        assert "ook in als uw gemeente al een aansluiting op HR Inzien heeft" in text_of(screen, ".stress")
        await pilot.press("space", "tab", "space", "tab")  # both checklist items
        assert isinstance(app.focused, RadioSet)
        await pilot.press("down", "enter")  # terugmelden: "nee"
        await pilot.press(*"12-01-2026", "enter", *"Piet Puk", "enter", *"piet@testdorp", "enter")
        await pilot.pause(0.6)
        assert "! " in text_of(screen, "#contact_email .field--message")  # not a full address: not stored
        assert app.store.get_preparation(app.project.id).contact_email == ""
        assert app.focused is screen.query_one("#contact_email Input")  # Enter never leaves a field that is not right
        await pilot.press("end", *".nl", "enter")
        await pilot.press("enter", *"DEB-42")  # existing connection: "ja"; then the debiteurnummer
        await pilot.press("escape")
        roadmap = await wait_for(pilot, RoadmapScreen)
        assert "3 van 3 punten gedaan" in text_of(roadmap, "#step-tool")
        # One transaction saved record and number; the app works on the saved project from now on.
        assert app.project.debiteurnummer == "DEB-42" and app.project.version == app.store.get_project().version
        assert roadmap.project is app.project

    store = Store.open(str(db_path))
    project = store.get_project()
    prep = store.get_preparation(project.id)
    assert (prep.website_consulted, prep.form_filled, prep.terugmelden) == (True, True, "no")
    assert (str(prep.sent_on), prep.contact_naam, prep.contact_email, prep.existing_connection) == (
        "2026-01-12", "Piet Puk", "piet@testdorp.nl", "yes")
    assert project.debiteurnummer == "DEB-42"
    store.close()

    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tool(pilot, "fase1.website")
        screen = await wait_for(pilot, PreparationScreen)
        assert screen.query_one("#sent_on Input", Input).value == "12-01-2026"
        assert screen.query_one("#contact_email Input", Input).value == "piet@testdorp.nl"


async def test_process_inventory_add_edit_delete_and_progress_line(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tool(pilot, "fase2.processen")
        screen = await wait_for(pilot, ProcessesScreen)
        assert text_of(screen, "#process-progress") == "0 van 0 processen gebruiken het HR als bron"
        for naam in ("Vergunning horeca", "Subsidie"):
            await pilot.press("f4")
            await wait_for(pilot, ProcessFormScreen)
            await pilot.press(*naam, "enter", *"Afd. Vergunningen")
            await pilot.press("escape")
            await wait_for(pilot, ProcessesScreen)
        assert text_of(screen, "#process-progress") == "0 van 2 processen gebruiken het HR als bron"
        options = screen.query_one(OptionList)
        assert str(options.get_option_at_index(0).prompt).startswith("[ ] Subsidie (Afd. Vergunningen)")
        await pilot.press("enter")  # edit Subsidie: its source becomes the Handelsregister
        form = await wait_for(pilot, ProcessFormScreen)
        form.query_one("#source RadioSet").focus()
        await pilot.press("down", "enter")
        await pilot.press("escape")
        await wait_for(pilot, ProcessesScreen)
        assert text_of(screen, "#process-progress") == "1 van 2 processen gebruikt het HR als bron"
        assert str(options.get_option_at_index(0).prompt).startswith("[x] Subsidie")
        await pilot.press("down", "f8")
        await wait_for(pilot, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert text_of(screen, "#process-progress") == "1 van 1 processen gebruikt het HR als bron"
        await pilot.press("escape")
        roadmap = await wait_for(pilot, RoadmapScreen)
        assert "1 van 1 processen" in text_of(roadmap, "#step-tool")


TOELICHTING = "Bij ons bezoek op 3 maart stond het pand leeg; zie de foto in zaak 2026-114."


async def fill_report(pilot, form) -> None:
    await pilot.press(*"69599084", "enter")
    await pilot.press("down", "down", "enter")  # object: vestiging
    form.query_one("#attribute Input").focus()
    await pilot.press(*"bezoekadres", "enter")
    await paste(pilot, "Stationsstraat 1, Utrecht")
    await pilot.press("enter")
    await paste(pilot, "Postbus 100, Utrecht")
    await pilot.press("enter", *"3-3-2026", "enter")
    await paste(pilot, TOELICHTING)
    await pilot.press("enter", *"TM-001", "enter")
    await pilot.pause(0.5)


async def new_terugmelding(pilot) -> TerugmeldingFormScreen:
    """From the main screen: the register, then F4 for a new report."""
    await open_tool(pilot, "fase2.terugmelden")
    await wait_for(pilot, TerugmeldingenScreen)
    await pilot.press("f4")
    return await wait_for(pilot, TerugmeldingFormScreen)


async def move(pilot, status: str) -> StatusChoiceScreen:
    await pilot.press("f6")
    choice = await wait_for(pilot, StatusChoiceScreen)
    options = choice.query_one(OptionList)
    options.highlighted = [options.get_option_at_index(i).id for i in range(options.option_count)].index(status)
    await pilot.press("enter")
    await pilot.pause()
    return choice


async def test_terugmelding_through_its_statuses_with_a_refused_step_and_history_after_restart(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_terugmelding(pilot)
        await fill_report(pilot, form)
        assert "Nog nodig" not in text_of(form, "#tm-state")  # melder comes from the projectleider

        await pilot.press("f5")  # copy as text: shown on screen in Digimelding's order
        view = await wait_for(pilot, TextViewScreen)
        lines = view.text.splitlines()
        assert lines[0] == "KvK-nummer: 69599084"
        assert lines[10] == f"Toelichting: {TOELICHTING}"
        assert lines[6] == "Attribuut: bezoekadres"
        assert lines[-1] == "Status: Concept (nog niet verstuurd)"
        await pilot.press("escape")

        await move(pilot, "reported")
        await move(pilot, "in_progress")
        await pilot.press("f6")
        choice = await wait_for(pilot, StatusChoiceScreen)
        listed = choice.query_one(OptionList)
        assert [listed.get_option_at_index(i).id for i in range(listed.option_count)] == ["scheduled", "resolved"]
        assert str(listed.get_option_at_index(0).prompt).startswith(">")  # the cursor reads without colour
        await pilot.press("escape")
        confirm = await move(pilot, "resolved")  # a final status: asked first
        assert isinstance(app.screen, ConfirmScreen) and "niet meer veranderen" in text_of(app.screen, "Static")
        await pilot.press("j")
        await pilot.pause()
        assert confirm is not app.screen
        assert "Status: Afgehandeld" in text_of(form, "#tm-state")
        await pilot.press("escape")
        register = await wait_for(pilot, TerugmeldingenScreen)
        assert "1 afgehandeld" in text_of(register, "#tm-summary")

    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tool(pilot, "fase2.terugmelden")
        register = await wait_for(pilot, TerugmeldingenScreen)
        await pilot.press(*"6959")  # filter by KvK-nummer
        await pilot.press("enter", "enter")
        form = await wait_for(pilot, TerugmeldingFormScreen)
        history = text_of(form, "#tm-history")
        assert [line.split("  ")[1] for line in history.splitlines()[1:]] == [
            "Concept (nog niet verstuurd)", "Gemeld", "In behandeling", "Afgehandeld"]


async def test_incomplete_concept_cannot_be_reported(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_terugmelding(pilot)
        await pilot.press(*"69599084")
        await pilot.pause(0.5)
        assert "Nog nodig om te melden: Object" in text_of(form, "#tm-state")
        await pilot.press("f7")  # the explanation: gerede twijfel, articles 30, 32 and 34
        panel = str(form.query_one("ExplanationPanel").render())
        assert all(part in panel for part in ("gerede twijfel", "artikel 30", "artikel 32", "in onderzoek"))
        await pilot.press("f7")
        assert not form.query("ExplanationPanel")
        await move(pilot, "reported")
        assert app.store.terugmeldingen(app.project.id)[0].status == "draft"


async def test_a_report_about_an_unregistered_organisation_asks_for_the_address(db_path):
    """KvK takes a report with 22222222 into handling only with the address; evidence is advised."""
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_terugmelding(pilot)
        form.query_one("#not_registered").value = True  # fills in 22222222
        await pilot.pause()
        form.query_one("#object RadioSet").focus()
        await pilot.press("down", "enter")  # object: onderneming
        form.query_one("#attribute Input").focus()
        await pilot.press(*"bezoekadres", "enter")
        await paste(pilot, "Stationsstraat 1, Utrecht")
        await pilot.press("enter")
        await paste(pilot, "Postbus 100, Utrecht")
        await pilot.press("enter", *"3-3-2026", "enter")
        await paste(pilot, TOELICHTING)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert text_of(form, "#tm-state").endswith("Nog nodig om te melden: Straat en huisnummer, Postcode, Plaats.")
        assert "schermafdruk" in text_of(form, "#tm-address-hint")
        form.query_one("#adres_straat Input").focus()
        await pilot.press(*"Stationsstraat 1", "enter", *"3511ab", "enter", *"Utrecht", "enter")
        await pilot.pause(0.5)
        assert "Nog nodig" not in text_of(form, "#tm-state")
        await pilot.press("f5")
        view = await wait_for(pilot, TextViewScreen)
        assert "Postcode: 3511 AB" in view.text.splitlines()
        await pilot.press("escape")
    store = Store.open(str(db_path))
    report = store.terugmeldingen(store.get_project().id)[0]
    assert (report.kvk_nummer, report.adres_straat, report.adres_postcode, report.adres_plaats) == (
        "22222222", "Stationsstraat 1", "3511 AB", "Utrecht")
    store.close()


async def test_esc_on_an_untouched_new_form_leaves_at_once_and_with_unsaved_changes_asks(db_path):
    seeded(db_path).close()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tool(pilot, "fase2.processen")
        await wait_for(pilot, ProcessesScreen)
        await pilot.press("f4")
        await wait_for(pilot, ProcessFormScreen)
        await pilot.press("escape")  # nothing typed: back at once, nothing asked
        await wait_for(pilot, ProcessesScreen)
        await pilot.press("f4")
        form = await wait_for(pilot, ProcessFormScreen)
        await pilot.press("tab", *"Afd. Vergunningen", "escape")  # a department, but no name: cannot be saved
        confirm = await wait_for(pilot, ConfirmScreen)
        assert "Toch teruggaan" in text_of(confirm, "Static")
        await pilot.press("n")  # stay, and fix it: back at the field that is not right
        assert app.screen is form and app.focused is form.query_one("#naam Input")
        await pilot.press("escape")
        await wait_for(pilot, ConfirmScreen)
        await pilot.press("j")
        await wait_for(pilot, ProcessesScreen)
    assert Store.open(str(db_path)).processes(1) == []
