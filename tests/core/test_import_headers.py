"""The import reads the spreadsheets people have: Dutch column names, any case, spaces,
hyphens and a BOM; an unknown or missing column is named with the names that work."""

from __future__ import annotations

import pytest

from hr_wizard import exchange

ROW = "Jan Jansen;Burgerzaken;jan@testdorp.nl"


def read(tmp_path, header: str, row: str = ROW, encoding: str = "utf-8") -> exchange.ImportResult:
    source = tmp_path / "in.csv"
    source.write_bytes(f"{header}\r\n{row}\r\n".encode(encoding))
    return exchange.read_csv(source)


def test_a_file_saved_by_dutch_excel_imports_as_it_is(tmp_path):
    """Excel's 'CSV UTF-8 (gescheiden door lijstscheidingsteken)': BOM, ';', CRLF."""
    source = tmp_path / "medewerkers.csv"
    source.write_bytes(b"\xef\xbb\xbfNaam;Afdeling;E-mailadres\r\n"
                       b"Jan Jansen;Burgerzaken;jan@testdorp.nl\r\n"
                       b"\xc3\x96zlem Y\xc4\xb1lmaz;Team Vergunningen;ozlem@testdorp.nl\r\n")
    result = exchange.read_csv(source)
    assert result.problems == []
    assert result.rows == [{"naam": "Jan Jansen", "team": "Burgerzaken", "email": "jan@testdorp.nl"},
                           {"naam": "Özlem Yılmaz", "team": "Team Vergunningen", "email": "ozlem@testdorp.nl"}]


@pytest.mark.parametrize("header", [
    "naam;team;email",
    "NAAM;TEAM;EMAIL",
    " Naam ; Team ; E-mail ",
    "Volledige naam;Afdeling;E-mailadres",
    "volledige-naam;afdeling;Emailadres",
    "Volledige_naam;AFDELING;e-mail adres",
    "\ufeffNaam;Team;E-mail",  # a second BOM, as a file saved twice can carry
])
def test_the_spellings_people_use_are_recognised(tmp_path, header):
    result = read(tmp_path, header)
    assert result.problems == []
    assert result.rows == [{"naam": "Jan Jansen", "team": "Burgerzaken", "email": "jan@testdorp.nl"}]


def test_the_optional_columns_have_their_spellings_too(tmp_path):
    result = read(tmp_path, "Naam;Afdeling;E-mail;Telefoonnummer;Kenmerk",
                  "Jan Jansen;Burgerzaken;jan@testdorp.nl;030 123 45 67;Burgerzaken / Jan Jansen")
    assert result.problems == []
    assert result.rows[0]["telefoon"] and result.rows[0]["kenmerk"] == "Burgerzaken / Jan Jansen"


def test_an_unknown_column_is_named_with_the_accepted_names(tmp_path):
    result = read(tmp_path, "Naam;Afdeling;E-mail;Functie", ROW + ";Beleidsmedewerker")
    assert [(p.row, p.field) for p in result.problems] == [(1, "Functie")]
    message = result.problems[0].message
    assert "'Functie'" in message
    for spelling in ("Naam", "Volledige naam", "Afdeling", "E-mailadres", "Telefoonnummer", "Kenmerk"):
        assert spelling in message


def test_a_missing_column_is_named_with_its_accepted_names(tmp_path):
    result = read(tmp_path, "Naam;Afdeling", "Jan Jansen;Burgerzaken")
    assert [(p.row, p.field) for p in result.problems] == [(1, "email")]
    assert "E-mail, E-mailadres of Emailadres" in result.problems[0].message
    assert "naam;team;email" in result.problems[0].message  # and a correct example


def test_a_column_given_twice_is_refused(tmp_path):
    result = read(tmp_path, "Naam;Volledige naam;Afdeling;E-mail", "Jan;Jan Jansen;Burgerzaken;jan@testdorp.nl")
    assert [(p.row, p.field) for p in result.problems] == [(1, "Volledige naam")]
    assert "'Naam'" in result.problems[0].message


def test_the_exports_own_columns_and_empty_header_cells_are_left_alone(tmp_path):
    """A file made by `hr-wizard export` imports again; Excel's empty trailing columns too."""
    result = read(tmp_path, "naam;team;email;stap;status;aangevraagd_op;brief_uiterlijk;;",
                  ROW + ";2;wacht op brief;05-01-2026;07-01-2026;;")
    assert result.problems == []
    assert result.rows == [{"naam": "Jan Jansen", "team": "Burgerzaken", "email": "jan@testdorp.nl"}]
