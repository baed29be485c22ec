"""Statements about current KvK practice keep their source and the date they were checked
(DESIGN.md, "Domain facts": kvk.nl and logius.nl, checked 2026-11-28), in the content file,
and the panels and steps show them."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hr_wizard.content_file import PACKAGED_CONTENT, ContentError, load_content

CHECKED = dt.date(2026, 11, 28)
# DESIGN.md's source list, by the names the content file gives them.
DESIGN_SOURCES = {
    "toegang_handelsregister": "https://www.kvk.nl/over-het-handelsregister/toegang-handelsregister",
    "toegangscode": "https://www.kvk.nl/toegangscode",
    "inputfinanciering": "https://www.kvk.nl/advies-en-informatie/overheid/inputfinanciering",
    "terugmelden": "https://www.kvk.nl/over-het-handelsregister/terugmelden-via-digimelding",
    "autorisaties": "https://www.kvk.nl/over-het-handelsregister/autorisaties-voor-het-inzien-van-niet-openbare-gegevens",
    "digimelding": "https://logius.nl/diensten/digimelding",
}

# Every current fact of issue 15, by a phrase that states it, and the sources it must carry
# wherever a panel or a step states it.
FACTS = {
    "22222222 needs the address": ("22222222", {"terugmelden"}),
    "a nevenvestiging needs vestigingsnummer and address": ("nevenvestiging", {"terugmelden"}),
    "evidence is advised": ("schermafdruk", {"terugmelden"}),
    "access to Digimelding via Logius": ("Digimelding via Logius", {"digimelding"}),
    "gerede twijfel is a strong suspicion": ("sterk vermoeden", {"digimelding"}),
    "the dated note of 6-11-2024": ("6-11-2024", {"inputfinanciering"}),
    "autorisatie for non-public data": ("afgeschermde adressen", {"autorisaties"}),
    "the organisation keeps codes and autorisaties up to date": ("laat ze dan intrekken", {"toegang_handelsregister"}),
    "no invoice only on the Autorisatielijst": ("Autorisatielijst Inputfinanciering", {"inputfinanciering"}),
    "only the standard products of its productlijst": ("productlijst", {"inputfinanciering"}),
    "choose the organisations' entrance": ("Voor bedrijven en organisaties", {"toegangscode"}),
    "step 2 may say the organisation has a code": ("Betalingskenmerken", {"toegangscode"}),
    "one toegangscode per person": ("toegangscode is persoonlijk", {"toegang_handelsregister"}),
    "by e-mail when the address matches": ("hetzelfde is als in het Handelsregister", {"toegangscode"}),
    "by post within at most 5 working days": ("hoogstens 5 werkdagen", {"toegangscode"}),
    "posted the same day before 15:00": ("vóór 15:00", {"toegangscode"}),
}


def places(content):
    """(where, text, sources) of every panel and step."""
    for key, panel in content.explain.items():
        text = " ".join((panel.title, panel.see, panel.means, panel.todo))
        yield f"explain.{key}", text, panel.sources
    for step in content.steps:
        yield step.key, f"{step.title} {step.body}", step.sources


@pytest.mark.parametrize("fact", sorted(FACTS))
def test_every_current_fact_has_a_source_and_a_date(content, fact):
    phrase, wanted = FACTS[fact]
    found = [(where, sources) for where, text, sources in places(content) if phrase in re.sub(r"\s+", " ", text)]
    assert found, f"no panel or step says {phrase!r}"
    for where, sources in found:
        names = {source.name for source in sources}
        assert wanted <= names, f"{where} states {phrase!r} without its source {wanted - names}"
        for source in sources:
            assert source.url.startswith("https://") and isinstance(source.checked, dt.date)


def test_the_sources_are_design_md_s_with_their_check_date(content):
    assert {name: source.url for name, source in content.source_table.items()} == DESIGN_SOURCES
    assert {source.checked for source in content.source_table.values()} == {CHECKED}


def test_every_panel_has_a_source(content):
    for key, panel in content.explain.items():
        assert panel.sources, key
        assert panel.source_note.startswith("Bron: "), key


def test_the_source_line_as_shown(content):
    assert (content.explain["bevestiging"].source_note.splitlines()[0]
            == "Bron: kvk.nl/advies-en-informatie/overheid/inputfinanciering, gecontroleerd op 28-11-2026")
    assert "Bron: kvk.nl/toegangscode, gecontroleerd op 28-11-2026" in content.step("aanmelden.3").source_note


def test_facts_that_change_carry_their_source(content):
    assert content.fact_sources["letter_working_days"][0].name == "toegangscode"
    assert content.fact_sources["url_toegangscode"][0].name == "toegangscode"
    assert content.fact_sources["url_inputfinanciering"][0].name == "inputfinanciering"


def test_a_gemeente_can_bring_a_source_up_to_date(tmp_path):
    override = tmp_path / "config.toml"
    override.write_text('[facts]\nletter_working_days = 4\n[sources.toegangscode]\nchecked = "2027-03-01"\n', encoding="utf-8")
    content = load_content(override)
    assert content.source_table["toegangscode"].checked == dt.date(2027, 3, 1)
    assert "gecontroleerd op 01-03-2027" in content.explain["al_toegangscode"].source_note
    assert "hoogstens 4 werkdagen" in content.step("aanmelden.3").body


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('[explain.brief]\nsource = "nergens"\n', "nergens"),
        ('[steps."aanmelden.3"]\nsource = ["toegangscode", "nergens"]\n', "nergens"),
        ('[sources.nieuw]\nchecked = "2026-12-01"\n', "url"),
        ('[sources.nieuw]\nurl = "https://www.kvk.nl/x"\n', "checked"),
        ('[sources.toegangscode]\nchecked = "28-11-2026"\n', "2026-11-28"),
        ('[sources.toegangscode]\nurl = "http://www.kvk.nl/toegangscode"\n', "https://"),
        ('[sources.toegangscode]\nkleur = "rood"\n', "kleur"),
        ("[sources]\ntoegangscode = 3\n", "sources.toegangscode"),
    ],
)
def test_a_broken_source_gives_a_message_naming_the_file(tmp_path, text, fault):
    override = tmp_path / "config.toml"
    override.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(override)
    assert str(override) in str(caught.value) and fault in str(caught.value)


def test_a_packaged_panel_without_a_source_is_refused(tmp_path):
    packaged = PACKAGED_CONTENT.read_text(encoding="utf-8")
    broken = tmp_path / "roadmap.nl.toml"
    start = packaged.index("[explain.brief]")
    line = packaged.index("source = ", start)
    broken.write_text(packaged[:line] + "# " + packaged[line:], encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(packaged=broken)
    assert str(broken) in str(caught.value) and "explain.brief" in str(caught.value)


def test_a_new_source_from_a_gemeente(tmp_path):
    override = tmp_path / "config.toml"
    override.write_text('[sources.intranet]\nurl = "https://intranet.testdorp.nl/kvk"\nchecked = 2026-12-01\n'
                        '[explain.kosten]\nsource = ["inputfinanciering", "intranet"]\n', encoding="utf-8")
    panel = load_content(override).explain["kosten"]
    assert [s.name for s in panel.sources] == ["inputfinanciering", "intranet"]
    assert "Bron: intranet.testdorp.nl/kvk, gecontroleerd op 01-12-2026" in panel.source_note


# Words that promise that something costs a gemeente nothing.
PROMISES = ("geen rekening", "niets extra", "kosteloos", "zonder aanvullende kosten", "niets betalen", "geen zorgen",
            "betaalt u niets", "gratis")


def test_no_text_promises_no_invoice_without_the_inputfinanciering_condition(content):
    """Only on KvK's Autorisatielijst Inputfinanciering, and only for the standard products of its
    productlijst; and the text says where to check (the KvK's page, or whom to ask)."""
    texts = [(where, text) for where, text, _ in places(content)]
    texts += [(key, text.replace("{url_inputfinanciering}", content.facts["url_inputfinanciering"]))
              for key, text in content.texts.items()]
    promising = [(where, re.sub(r"\s+", " ", text)) for where, text in texts
                 if any(word in text.lower() for word in PROMISES)]
    assert promising  # the roadmap's own words are there
    for where, text in promising:
        assert "Autorisatielijst Inputfinanciering" in text and "productlijst" in text, where
        assert content.facts["url_inputfinanciering"] in text, where


def test_the_unconditional_promises_are_gone(content):
    for where, text, _ in places(content):
        assert "Er komt geen rekening." not in text, where
        assert "Dit kost de gemeente niets extra." not in text, where


@pytest.mark.parametrize("key", ["uitbreiden.accounts", "aanmelden.1"])
def test_the_2024_phone_route_is_a_dated_note_to_check_not_a_fact(content, key):
    body = re.sub(r"\s+", " ", content.step(key).body)
    note = body[body.index("Controleer dit bij de KvK"):]
    assert "6-11-2024" in note and "2025" in note and "bel" in note.lower()


def test_uitbreiden_says_non_public_data_needs_an_autorisatie(content):
    body = re.sub(r"\s+", " ", content.step("uitbreiden.accounts").body)
    assert "autorisatie" in body and "BSN" in body and "zakelijke toegangscode" in body


def test_fase_2_has_the_preparation_step_for_digimelding_before_terugmelden(content):
    keys = [step.key for step in content.steps if step.part_key == "fase2"]
    assert keys == ["fase2.processen", "fase2.toezicht", "fase2.digimelding", "fase2.terugmelden"]
    step = content.step("fase2.digimelding")
    assert step.title == "Regel toegang tot Digimelding via Logius"
    assert content.facts["url_digimelding"] in step.body
    assert len(content.steps) == 17


def test_gerede_twijfel_is_a_strong_suspicion_from_your_own_process(content):
    for text in (content.explain["gerede_twijfel"].means, content.step("fase2.terugmelden").body):
        text = re.sub(r"\s+", " ", text)
        assert "sterk vermoeden" in text and "eigen werkproces" in text
        assert "niet alleen een vermoeden" not in text and "goede reden" not in text
