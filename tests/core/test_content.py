"""The content file carries the whole seed roadmap, and broken files give a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hr_wizard.content_file import PACKAGED_CONTENT, ContentError, load_content

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_4d86ee111738f67e.txt"


def all_text(content) -> str:
    parts = [part.title for part in content.parts]
    parts += [f"{step.title}\n{step.body}" for step in content.steps]
    return re.sub(r"\s+", " ", "\n".join(parts))


def test_every_section_of_the_seed_is_a_part(content):
    titles = [part.title for part in content.parts]
    assert titles == [
        "Doorlooptijd",
        "Fase 1: De voorbereiding",
        "Fase 2: Aansluiten en gebruiken Handelsregistergegevens",
        "Uitbreiden van het aantal gebruikers",
        "Aanmeldprocedure",
    ]


def test_every_numbered_step_of_the_aanmeldprocedure_has_its_step(content):
    keys = [step.key for step in content.steps if step.part_key == "aanmelden"]
    assert keys == [f"aanmelden.{n}" for n in range(1, 8)]


@pytest.mark.parametrize(
    "phrase",
    [
        "inputfinanciering",
        "debiteurnummer",
        "terugmeldvoorziening",
        "gerede twijfel",
        "ook wanneer uw organisatie reeds beschikt over een aansluiting op HR Inzien",
        "0900-telefoonnummer",
        "persoonlijke account op www.kvk.nl",
        "https://www.kvk.nl/handelsregister/toegangcode-aanvragen/",
        "Afd. Werk en Inkomen / M.E de Werker",
        "binnen 2 werkdagen",
        "U ontvangt uw wachtwoord direct per e-mail",
        "op bladzijde 2 eveneens over automatische incasso",
        "zonder aanvullende kosten",
        "Achter alles staat nog wel een bedrag genoemd",
        "gegevensmodellen",
    ],
)
def test_seed_phrase_is_shown(content, phrase):
    assert phrase in all_text(content)


@pytest.mark.skipif(not SEED.exists(), reason="the seed roadmap is not next to this checkout")
def test_every_seed_paragraph_is_in_the_content(content):
    """Each sentence of the seed (links stripped) appears in a step."""
    text = all_text(content)
    seed = SEED.read_text(encoding="utf-8")
    seed = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", seed)  # [link text](#) -> link text
    sentences = [s.strip() for s in re.split(r"(?<=[.:])\s+|\n", seed) if len(s.strip()) > 30]
    missing = []
    for sentence in sentences:
        core = re.sub(r"\s+", " ", sentence).strip(" “”\"").removeprefix("Stap ")
        core = re.sub(r"^\d+\.\s*", "", core)
        core = core.replace("“", '"').replace("”", '"').replace("<", "").replace(">", "")
        core = core.replace("ontvang u ", "ontvangt u ")  # typo in the seed, fixed in the content
        if core[:60] not in text.replace("“", '"').replace("”", '"'):
            missing.append(core)
    assert missing == [], "\n".join(missing)


def test_facts_fill_the_texts(tmp_path):
    override = tmp_path / "config.toml"
    override.write_text('[facts]\nletter_working_days = 4\n[ui]\nintake_title = "Hallo"\n', encoding="utf-8")
    content = load_content(override)
    body = content.step("aanmelden.3").body
    assert "hoogstens 4 werkdagen" in body
    assert "binnen 2 werkdagen" in body  # the roadmap's own words stay, as its words
    assert content.text("intake_title") == "Hallo"
    assert content.sources[-1] == override


def test_the_roadmaps_two_working_days_stay_as_the_roadmaps_words_beside_kvks_five(content):
    body = re.sub(r"\s+", " ", content.step("aanmelden.3").body)
    roadmap, now = body.split("De KvK zegt nu:")
    assert "(binnen 2 werkdagen)" in roadmap and "Zo staat het in de routekaart." in roadmap
    assert "per e-mail" in now and "per post" in now and "hoogstens 5 werkdagen" in now and "vóór 15:00" in now


@pytest.mark.parametrize("key", ["expect_letter", "kiosk_closing"])
def test_texts_that_promise_the_code_say_email_or_post(content, key):
    said = content.text(key, due="04-05-2026")
    assert "per e-mail" in said and "per post" in said and "per brief" not in said


def test_step_text_can_be_overridden(tmp_path):
    override = tmp_path / "config.toml"
    override.write_text('[steps."fase1.website"]\ntitle = "Kijk op de site"\n', encoding="utf-8")
    assert load_content(override).step("fase1.website").title == "Kijk op de site"


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("[facts\n", "TOML"),
        ("[facts]\nletter_working_days = 'twee'\n", "letter_working_days"),
        ("[facts]\nurl_kvk = 'http://kvk.nl'\n", "https://"),
        ("[ui]\nonbekend = 'x'\n", "ui.onbekend"),
        ("[steps.\"geen.stap\"]\ntitle = 'x'\n", "geen.stap"),
        ("[ui]\nintake_title = 'Hallo {naam}'\n", "{naam}"),
        ("[ui]\nintake_title = ''\n", "niet leeg"),
        ("[kleuren]\nrood = 1\n", "[kleuren]"),
        # An escape in a text would reach the terminal as it is: retitle the window, hide text.
        ('[ui]\napp_title = "HR\\u001b]0;weg\\u0007"\n', "in 'ui.app_title' staat een stuurteken"),
        ('[keys]\n"app.quit" = "Stop\\u009b31m"\n', "stuurteken"),
        ('[facts]\nletter_same_day_before = "15:00\\u001b[2J"\n', "stuurteken"),
        # A format after a name failed only when the text was shown: the wizard stopped there.
        ('[ui]\napp_title = "HR {url_kvk:d}"\n', "in 'ui.app_title' staat {url_kvk:d}; tussen accolades kan alleen een naam, bijvoorbeeld {url_kvk}"),
        ('[ui]\nprogress = "{done:>{total}}"\n', "in 'ui.progress' staat {done:>{total}}"),
        ('[ui]\napp_title = "HR {url_kvk!r}"\n', "staat {url_kvk!r}"),
    ],
)
def test_broken_override_file_gives_clear_message(tmp_path, text, fault):
    override = tmp_path / "config.toml"
    override.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(override)
    message = str(caught.value)
    assert str(override) in message
    assert fault in message


def test_broken_packaged_file_gives_clear_message(tmp_path):
    broken = tmp_path / "roadmap.nl.toml"
    broken.write_text(PACKAGED_CONTENT.read_text(encoding="utf-8").replace("[[parts]]", "[[parts]", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(packaged=broken)
    assert str(broken) in str(caught.value) and "TOML" in str(caught.value)


def test_override_file_that_is_not_utf8(tmp_path):
    override = tmp_path / "config.toml"
    override.write_bytes(b"\xff\xfe[facts]")
    with pytest.raises(ContentError, match="UTF-8"):
        load_content(override)


def test_the_form_address_is_kvks_short_address_and_the_roadmaps_stays_visible(content):
    """DESIGN.md's source list gives https://www.kvk.nl/toegangscode as KvK's current address
    (not opened from here: no internet); step 1 still shows the roadmap's own address."""
    assert content.facts["url_toegangscode"] == "https://www.kvk.nl/toegangscode"
    body = content.step("aanmelden.1").body
    assert "Invullen gegevens op https://www.kvk.nl/handelsregister/toegangcode-aanvragen/" in body
    assert "https://www.kvk.nl/toegangscode" in body.split("toegangcode-aanvragen/", 1)[1]
def test_an_old_override_file_with_renamed_and_retired_texts_still_starts(tmp_path):
    override = tmp_path / "config.toml"
    override.write_text('[ui]\nstatus_klaar = "gereed"\ntm_status_refused = "Dat kan niet."\n', encoding="utf-8")
    content = load_content(override)
    assert content.text("status_done") == "gereed"


def test_no_label_ends_in_a_colon_or_question_mark_where_a_colon_follows(content):
    """Dutch that is right: no "Melder: naam: Jan", no "terugmelden?: ja"."""
    from hr_wizard import terugmelding as tm

    labels = [content.text(f"tm_{name}").split(" (")[0] for name in tm.FIELD_ORDER]
    labels += [content.text(key) for key in ("prep_sent_on_short", "prep_choice_short", "prep_existing_short")]
    assert not [label for label in labels if ":" in label or label.endswith("?")]
