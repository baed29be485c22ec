"""The pure validators: examples, faults, and properties over any string."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hr_wizard import texts
from hr_wizard import validation as v

ANY_TEXT = st.text(
    alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=300
) | st.sampled_from(["\x00", "\u202e", "👩‍💼 / 🏛", "a" * 10_000, "\r\n", "שלום / עולם"])

ALL_VALIDATORS = [
    v.gemeente_name, v.person_name, v.team_name, v.work_email, v.kenmerk, v.kvk_nummer,
    v.vestigingsnummer, v.rsin, v.postcode, v.debiteurnummer, v.reference, v.note, v.parse_date,
    v.phone, v.optional_date, v.toelichting,
    lambda s: v.short_text(s, "attribute"),
    lambda s: v.short_text(s, "proces_naam", required=True, max_length=80),
]


# --- Kenmerk --------------------------------------------------------------

@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("Afd. Werk en Inkomen / M.E de Werker", "Afd. Werk en Inkomen / M.E de Werker"),
        ("Team Vergunningen / J. van 't Hek", "Team Vergunningen / J. van 't Hek"),
        ("Burgerzaken/A. Öztürk", "Burgerzaken / A. Öztürk"),
        ("  Burgerzaken   /   A.  Öztürk  ", "Burgerzaken / A. Öztürk"),
        ("Team 3 (Noord) & Zuid / Jan-Willem, K.", "Team 3 (Noord) & Zuid / Jan-Willem, K."),
    ],
)
def test_kenmerk_valid(typed, normalised):
    check = v.kenmerk(typed)
    assert check.ok, check.message
    assert check.value == normalised


@pytest.mark.parametrize(
    ("typed", "fault"),
    [
        ("", "Vul het Kenmerk in"),
        ("   ", "Vul het Kenmerk in"),
        ("Afd. Werk en Inkomen M.E de Werker", "mist de schuine streep"),
        ("Afd / Werk / Jan", "maar één schuine streep"),
        ("A / Jan de Vries", "vóór de schuine streep is te kort"),
        ("Burgerzaken / J", "na de schuine streep is te kort"),
        ("12 / Jan", "vóór de schuine streep is te kort"),
        ("Burgerzaken / 42", "na de schuine streep is te kort"),
        ("Burgerzaken / Jan!", "teken dat niet kan: '!'"),
        ("Burgerzaken / Jan_de_Vries", "teken dat niet kan: '_'"),
        ("Burgerzaken\t/ Jan", "onzichtbaar teken"),
        ("Afdeling Vergunningen Toezicht en Handhaving / Johannes van der Berg-Smit", "te lang"),
    ],
)
def test_kenmerk_faults_say_what_is_wrong_and_show_the_example(typed, fault):
    check = v.kenmerk(typed)
    assert not check.ok
    assert fault in check.message
    assert texts.text("example_kenmerk") in check.message
    assert check.value == typed  # nothing typed is lost


def test_kenmerk_of_exactly_60_is_allowed_61_is_not():
    team = "Afd. " + "x" * 40
    person = "Jan de Vries"
    sixty = f"{team[: 60 - 3 - len(person)]} / {person}"
    assert len(sixty) == 60 and v.kenmerk(sixty).ok
    assert not v.kenmerk("A" + sixty).ok


def test_compose_kenmerk_matches_rule():
    composed = v.compose_kenmerk("Afd. Werk en Inkomen ", " M.E de Werker")
    assert composed == "Afd. Werk en Inkomen / M.E de Werker"
    assert v.kenmerk(composed).ok


@settings(max_examples=300)
@given(ANY_TEXT)
def test_kenmerk_properties(text):
    check = v.kenmerk(text)  # never raises
    if check.ok:
        assert len(check.value) <= v.KENMERK_MAX
        again = v.kenmerk(check.value)
        assert again.ok and again.value == check.value  # idempotent
        assert check.value.count("/") == 1 and " / " in check.value
    else:
        assert check.message and texts.text("example_kenmerk") in check.message
    assert v.normalise_kenmerk(v.normalise_kenmerk(text)) == v.normalise_kenmerk(text)


@settings(max_examples=200)
@given(st.from_regex(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ .,'&()-]{1,25}", fullmatch=True), st.from_regex(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ .'-]{1,25}", fullmatch=True))
def test_well_formed_kenmerken_are_accepted(team, person):
    check = v.kenmerk(f"{team}/{person}")
    if len(team.strip()) >= 2 and len(person.strip()) >= 2:
        assert check.ok, check.message


# --- identifiers ----------------------------------------------------------

@pytest.mark.parametrize(
    ("typed", "ok", "value"),
    [
        ("69599084", True, "69599084"),
        ("6959 9084", True, "69599084"),
        (" 01234567 ", True, "01234567"),  # leading zero kept
        ("12345678", True, "12345678"),  # no checksum: older numbers fail mod-11
        ("1234567", False, None),
        ("123456789", False, None),
        ("6959908A", False, None),
        ("22222222", False, None),
        ("", False, None),
    ],
)
def test_kvk_nummer(typed, ok, value):
    check = v.kvk_nummer(typed)
    assert check.ok is ok
    if ok:
        assert check.value == value
    else:
        assert "69599084" in check.message or "22222222" in check.message


def test_kvk_nummer_not_registered():
    assert v.kvk_nummer("22222222", not_registered=True).ok
    assert not v.kvk_nummer("69599084", not_registered=True).ok
    assert "precies 8 cijfers, bijvoorbeeld 69599084" in v.kvk_nummer("123").message


@pytest.mark.parametrize(
    ("typed", "ok"),
    [("000038509504", True), ("0000 3850 9504", True), ("38509504", False), ("0000385095041", False), ("00003850950X", False)],
)
def test_vestigingsnummer(typed, ok):
    check = v.vestigingsnummer(typed)
    assert check.ok is ok
    if ok:
        assert check.value == "000038509504"
    else:
        assert "000038509504" in check.message


def test_rsin_uses_elfproef():
    assert v.rsin("002454221").ok
    assert v.rsin("0024 54 221").value == "002454221"
    assert not v.rsin("002454220").ok
    assert "elfproef" in v.rsin("002454220").message


def test_postcode_normalises():
    assert v.postcode("2601dc").value == "2601 DC"
    assert not v.postcode("26011").ok


def test_debiteurnummer():
    assert v.debiteurnummer("").ok and v.debiteurnummer("").value == ""
    assert v.debiteurnummer(" AB-12345 ").value == "AB-12345"
    assert not v.debiteurnummer("12 34").ok
    assert not v.debiteurnummer("x" * 21).ok


def test_reference_at_most_12():
    assert v.reference("TM-2026-001").ok
    assert not v.reference("TM-2026-00001").ok


@pytest.mark.parametrize(("typed", "iso"), [("24-04-2026", "2026-04-24"), ("1-5-2026", "2026-05-01"), ("2026-04-24", "2026-04-24"), ("24.04.2026", "2026-04-24")])
def test_parse_date(typed, iso):
    assert v.parse_date(typed).value == iso


@pytest.mark.parametrize("typed", ["31-02-2026", "24-04-26", "morgen", "", "24-04-1999"])
def test_parse_date_rejects(typed):
    check = v.parse_date(typed)
    assert not check.ok and "24-04-2026" in check.message


def test_format_date():
    assert v.format_date("2026-04-29") == "29-04-2026"


# --- people and e-mail ----------------------------------------------------

@pytest.mark.parametrize(
    ("typed", "ok", "value"),
    [
        ("m.devries@utrecht.nl", True, "m.devries@utrecht.nl"),
        (" M.deVries@Utrecht.NL ", True, "M.deVries@utrecht.nl"),
        ("mila", False, None),
        ("mila@", False, None),
        ("mila@@utrecht.nl", False, None),
        ("mila @utrecht.nl", False, None),
        ("", False, None),
    ],
)
def test_work_email(typed, ok, value):
    check = v.work_email(typed)
    assert check.ok is ok
    if ok:
        assert check.value == value
    else:
        assert "m.devries@utrecht.nl" in check.message


def test_names():
    assert v.person_name("  Jan   van 't Hek ").value == "Jan van 't Hek"
    assert v.person_name("Özlem Yılmaz").ok
    assert not v.person_name("J").ok
    assert not v.person_name("Jan3").ok
    assert v.gemeente_name("Gemeente 's-Hertogenbosch").ok
    assert not v.gemeente_name("").ok


NFD_JOSE = "Jose\u0301"  # decomposed, as macOS and some CSV exports give it


@pytest.mark.parametrize(("typed", "stored"), [
    ("Nguyễn Văn An", "Nguyễn Văn An"),  # ễ is in Latin Extended Additional (U+1EC5)
    (NFD_JOSE + " García", "José García"),  # NFC first: stored composed
    ("Łukasz Żółć", "Łukasz Żółć"),  # Latin Extended-A
    ("Ǆemal Ǧorđević", "Ǆemal Ǧorđević"),  # Latin Extended-B
    ("Ⱡena Ɑmer", "Ⱡena Ɑmer"),  # Latin Extended-C
    ("Ꝁaro Ꞵeta", "Ꝁaro Ꞵeta"),  # Latin Extended-D
    ("Aꬰ Ꞡeꬷ", "Aꬰ Ꞡeꬷ"),  # Latin Extended-D and -E
    ("Vo\u0303 Thi\u0323", "Võ Thị"),  # combining marks that NFC composes
    ("Ban\u0304\u0301i Lo", "Ban\u0304\u0301i Lo"),  # a Latin letter with marks NFC has no single character for
])
def test_every_latin_letter_is_a_name_letter(typed, stored):
    for rule in (v.person_name, v.team_name, v.gemeente_name):
        check = rule(typed)
        assert check.ok, (rule.__name__, check.message)
        assert check.value == stored
    assert v.kenmerk(f"Burgerzaken / {typed}").value == f"Burgerzaken / {stored}"


@pytest.mark.parametrize("typed", ["Олег Петров", "Γιάννης", "ɐɓɔ Jan", "Jan µ", "\u0301Jan", "Jan ª"])
def test_letters_of_other_scripts_ipa_and_loose_marks_are_refused(typed):
    check = v.person_name(typed)
    assert not check.ok and "Mila de Vries" in check.message and check.value == typed


@pytest.mark.parametrize(("typed", "stored"), [
    ("14 020", "14 020"),  # a gemeente's short number
    ("14020", "14 020"),
    ("0800-1234", "0800 1234"),
    ("030 123 45 67", "030 123 4567"),
    ("+31 (0)30 123 45 67", "030 123 4567"),
    ("0031 6 1234 5678", "06 12345678"),
    ("+44 20 7946 0958", "+44 20 7946 0958"),  # a number abroad keeps its country code
    ("", ""),
])
def test_phone_numbers_that_exist_are_accepted(typed, stored):
    check = v.phone(typed)
    assert check.ok, check.message
    assert check.value == stored


@pytest.mark.parametrize(("typed", "says"), [
    ("0000000000", "bestaat niet"),
    ("06 70000000", "bestaat niet"),
    ("12", "te kort"),
    ("030 123 45 67 89 01 23 45", "te lang"),
    ("030-ABC-DEFG", "alleen cijfers"),
])
def test_phone_numbers_that_cannot_exist_are_refused_in_dutch_with_an_example(typed, says):
    check = v.phone(typed)
    assert not check.ok and check.value == typed
    assert says in check.message and "030 123 45 67" in check.message


@settings(max_examples=300)
@given(st.text(alphabet="0123456789 +()-", max_size=24))
def test_phone_never_raises_and_an_accepted_number_is_accepted_again_unchanged(typed):
    """Digits and the signs people type, so that phonenumbers really parses (random text
    rarely gets that far)."""
    check = v.phone(typed)
    if check.ok:
        assert v.phone(check.value) == check
    else:
        assert check.value == typed and "030 123 45 67" in check.message


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("aeoyAEO ṭễăøßŁǅⱠꝀꬰ\u0301\u0303\u0323-'ɐα"), min_size=1, max_size=20))
def test_names_in_latin_letters_and_accents_are_stored_composed(typed):
    import unicodedata

    check = v.person_name(typed)
    if check.ok:
        assert check.value == unicodedata.normalize("NFC", check.value) and v.person_name(check.value) == check


def test_note_allows_lines_but_not_control_characters():
    assert v.note("regel 1\nregel 2").ok
    assert not v.note("bel\x07").ok
    assert not v.note("x" * (v.NOTE_MAX + 1)).ok


@settings(max_examples=150)
@given(ANY_TEXT)
def test_no_validator_ever_raises_and_accepted_values_round_trip(text):
    for validator in ALL_VALIDATORS:
        check = validator(text)
        name = getattr(validator, '__name__', 'short_text')
        assert isinstance(check.ok, bool)
        if check.ok:
            again = validator(check.value)
            assert again.ok and again.value == check.value, name
        else:
            assert check.message and check.value == text


def test_short_text_and_toelichting():
    assert v.short_text("  postadres  ", "attribute").value == "postadres"
    assert v.short_text("", "attribute").ok
    assert "Vul de naam van het proces in, bijvoorbeeld: Vergunning horeca" in v.short_text("", "proces_naam", required=True).message
    assert not v.short_text("a\nb", "attribute").ok
    assert not v.toelichting("te kort").ok
    assert "minstens 20 tekens" in v.toelichting("te kort").message
    assert v.toelichting("Het pand staat al maanden leeg, zie de foto van 3 maart.").ok


def test_terugmelding_fields_accept_empty_while_concept_but_check_what_is_typed():
    from hr_wizard import terugmelding as tm

    for name in tm.TEXT_FIELDS:
        assert tm.check_field(name, "").ok, name
    assert tm.check_field("kvk_nummer", " 6959 9084 ").value == "69599084"
    assert not tm.check_field("kvk_nummer", "22222222").ok
    assert tm.check_field("kvk_nummer", "22222222", not_registered=True).ok
    assert not tm.check_field("referentie", "TM-2026-00001").ok
    assert tm.check_field("peilmoment", "3-3-2026").value == "2026-03-03"
