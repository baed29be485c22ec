"""Pure validators: a typed string in, a `Check` out (ok, normalised value, Dutch message).

Every rule lives here once; screens wrap these in Textual validators, the import uses
them directly. Never raises on any input string. Never imports Textual.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass

KENMERK_EXAMPLE = "Afd. Werk en Inkomen / M.E de Werker"
KENMERK_MAX = 60
NAME_MAX = 80
NOTE_MAX = 2000
DEBITEUR_MAX = 20
REFERENCE_MAX = 12


@dataclass(frozen=True, slots=True)
class Check:
    ok: bool
    value: str  # the normalised value when ok, else the input unchanged
    message: str = ""


def _ok(value: str) -> Check:
    return Check(True, value)


def _fail(value: str, message: str) -> Check:
    return Check(False, value, message)


def _has_control(text: str, allow: str = "") -> bool:
    return any(unicodedata.category(ch)[0] == "C" and ch not in allow for ch in text)


_SPACES = re.compile(r" {2,}")


def _tidy(text: str) -> str:
    """Trim and collapse inner runs of spaces."""
    return _SPACES.sub(" ", text.strip(" "))


def _is_latin_letter(ch: str) -> bool:
    # Latin letters, with accents (Latin-1 Supplement, Extended-A and -B).
    return ch.isalpha() and ord(ch) < 0x250


# --- names ----------------------------------------------------------------

_NAME_PUNCT = set(" .-'’")
_ORG_PUNCT = set(" .-'’()&,/")


def _name_like(value: str, label: str, example: str, punct: set[str], digits: bool) -> Check:
    if _has_control(value):
        return _fail(value, f"{label} bevat een onzichtbaar teken of een regeleinde. Typ alleen letters, bijvoorbeeld: {example}")
    text = _tidy(value)
    if not text:
        return _fail(value, f"Vul {label.lower()} in, bijvoorbeeld: {example}")
    if len(text) > NAME_MAX:
        return _fail(value, f"{label} is te lang: {len(text)} tekens, het mogen er hoogstens {NAME_MAX} zijn. Bijvoorbeeld: {example}")
    bad = [ch for ch in text if not (_is_latin_letter(ch) or ch in punct or (digits and ch.isdigit() and ch.isascii()))]
    if bad:
        return _fail(value, f"{label} bevat een teken dat niet kan: '{bad[0]}'. Bijvoorbeeld: {example}")
    if sum(_is_latin_letter(ch) for ch in text) < 2:
        return _fail(value, f"{label} moet minstens 2 letters hebben. Bijvoorbeeld: {example}")
    return _ok(text)


def gemeente_name(value: str) -> Check:
    return _name_like(value, "De naam van de gemeente", "Gemeente Utrecht", _ORG_PUNCT, digits=True)


def person_name(value: str) -> Check:
    return _name_like(value, "De naam", "Mila de Vries", _NAME_PUNCT, digits=False)


def team_name(value: str) -> Check:
    return _name_like(value, "Het team of de afdeling", "Afd. Werk en Inkomen", _ORG_PUNCT, digits=True)


# --- e-mail ---------------------------------------------------------------


def work_email(value: str) -> Check:
    example = "m.devries@utrecht.nl"
    text = value.strip()
    if not text:
        return _fail(value, f"Vul een werk-e-mailadres in, bijvoorbeeld: {example}")
    if _has_control(text) or " " in text:
        return _fail(value, f"Een e-mailadres heeft geen spaties of onzichtbare tekens. Bijvoorbeeld: {example}")
    if len(text) > 254:
        return _fail(value, f"Dit e-mailadres is te lang. Bijvoorbeeld: {example}")
    if "@" not in text:
        return _fail(value, f"Er ontbreekt een @ in het e-mailadres. Bijvoorbeeld: {example}")
    from email_validator import (  # deferred: not on the start-up path
        EmailNotValidError,
        validate_email,
    )

    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return _fail(value, f"Dit is geen geldig e-mailadres. Controleer de schrijfwijze, bijvoorbeeld: {example}")
    except Exception:  # email-validator can reject exotic input with other errors
        return _fail(value, f"Dit is geen geldig e-mailadres. Bijvoorbeeld: {example}")
    return _ok(result.normalized)


# --- Kenmerk --------------------------------------------------------------

_KENMERK_PUNCT = set(" .,-'&()")


def normalise_kenmerk(value: str) -> str:
    """`<team> / <contactpersoon>` with one space each side of the slash, spaces collapsed."""
    if value.count("/") != 1:
        return _tidy(value)
    team, person = value.split("/")
    return f"{_tidy(team)} / {_tidy(person)}"


def kenmerk(value: str) -> Check:
    """The Kenmerk on kvk.nl: team or afdeling, a slash, the contactpersoon."""
    example = KENMERK_EXAMPLE
    if _has_control(value):
        return _fail(value, f"Het Kenmerk bevat een onzichtbaar teken of een regeleinde. Bijvoorbeeld: {example}")
    text = _tidy(value)
    if not text:
        return _fail(value, f"Vul het Kenmerk in: uw team of afdeling, een schuine streep en de contactpersoon. Bijvoorbeeld: {example}")
    slashes = text.count("/")
    if slashes == 0:
        return _fail(value, f"Het Kenmerk mist de schuine streep / tussen team en contactpersoon. Bijvoorbeeld: {example}")
    if slashes > 1:
        return _fail(value, f"Het Kenmerk mag maar één schuine streep / hebben, tussen team en contactpersoon. Bijvoorbeeld: {example}")
    normal = normalise_kenmerk(text)
    team, person = normal.split(" / ")
    for part, label in ((team, "Het team of de afdeling"), (person, "De contactpersoon")):
        bad = [ch for ch in part if not (_is_latin_letter(ch) or (ch.isdigit() and ch.isascii()) or ch in _KENMERK_PUNCT)]
        if bad:
            return _fail(value, f"Het Kenmerk bevat een teken dat niet kan: '{bad[0]}'. Gebruik letters, cijfers, spaties en . , - ' & ( ). Bijvoorbeeld: {example}")
        if len(part) < 2 or not any(_is_latin_letter(ch) for ch in part):
            where = "vóór" if part is team else "na"
            return _fail(value, f"{label} {where} de schuine streep is te kort: minstens 2 tekens met een letter. Bijvoorbeeld: {example}")
    if len(normal) > KENMERK_MAX:
        return _fail(value, f"Het Kenmerk is te lang: {len(normal)} tekens, het mogen er hoogstens {KENMERK_MAX} zijn. Kort de afdeling af, bijvoorbeeld: {example}")
    return _ok(normal)


def compose_kenmerk(team: str, person: str) -> str:
    """The Kenmerk built from its two parts (for the builder's live preview)."""
    return normalise_kenmerk(f"{team}/{person}")


# --- identifiers ----------------------------------------------------------


def _digits(value: str, length: int, label: str, example: str) -> Check:
    text = "".join(value.split()) if not _has_control(value, allow=" \t") else value
    if not text:
        return _fail(value, f"Vul het {label} in: precies {length} cijfers, bijvoorbeeld {example}")
    if not (text.isascii() and text.isdigit()):
        return _fail(value, f"Een {label} heeft alleen cijfers, precies {length}, bijvoorbeeld {example}")
    if len(text) != length:
        return _fail(value, f"Een {label} heeft precies {length} cijfers, bijvoorbeeld {example}. U typte er {len(text)}.")
    return _ok(text)


KVK_NOT_REGISTERED = "22222222"


def kvk_nummer(value: str, *, not_registered: bool = False) -> Check:
    """8 digits; no checksum (older numbers fail mod-11). 22222222 only for 'staat niet ingeschreven'."""
    check = _digits(value, 8, "KvK-nummer", "69599084")
    if not check.ok:
        return check
    if check.value == KVK_NOT_REGISTERED and not not_registered:
        return _fail(value, "22222222 is alleen voor een organisatie die niet is ingeschreven. Kies dan 'organisatie staat niet ingeschreven', of typ het echte KvK-nummer, bijvoorbeeld 69599084")
    if not_registered and check.value != KVK_NOT_REGISTERED:
        return _fail(value, "Bij 'organisatie staat niet ingeschreven' is het KvK-nummer altijd 22222222.")
    return check


def vestigingsnummer(value: str) -> Check:
    return _digits(value, 12, "vestigingsnummer", "000038509504")


def rsin(value: str) -> Check:
    check = _digits(value, 9, "RSIN", "002454221")
    if not check.ok:
        return check
    from stdnum.nl import bsn  # the RSIN uses the same elfproef as the BSN

    if not bsn.is_valid(check.value):
        return _fail(value, "Dit RSIN klopt niet: de elfproef faalt. Controleer de cijfers, bijvoorbeeld 002454221")
    return check


def postcode(value: str) -> Check:
    example = "2601 DC"
    if _has_control(value) or not value.strip():
        return _fail(value, f"Vul een postcode in: 4 cijfers en 2 letters, bijvoorbeeld {example}")
    from stdnum.exceptions import ValidationError
    from stdnum.nl import postcode as stdnum_postcode

    try:
        return _ok(stdnum_postcode.validate(value))
    except ValidationError:
        return _fail(value, f"Dit is geen Nederlandse postcode: 4 cijfers en 2 letters, bijvoorbeeld {example}")


_DEBITEUR = re.compile(r"[A-Za-z0-9-]+")


def debiteurnummer(value: str) -> Check:
    """No public format: optional, letters, digits and '-', at most 20."""
    text = value.strip()
    if not text:
        return _ok("")
    if len(text) > DEBITEUR_MAX:
        return _fail(value, f"Een debiteurnummer heeft hoogstens {DEBITEUR_MAX} tekens, bijvoorbeeld 12345678")
    if not _DEBITEUR.fullmatch(text):
        return _fail(value, "Een debiteurnummer heeft alleen letters, cijfers en een streepje -, bijvoorbeeld 12345678")
    return _ok(text)


def reference(value: str) -> Check:
    """Own reference on a Digimelding report: optional, at most 12 characters."""
    text = _tidy(value)
    if _has_control(value):
        return _fail(value, "De eigen referentie bevat een onzichtbaar teken. Bijvoorbeeld: TM-2026-001")
    if len(text) > REFERENCE_MAX:
        return _fail(value, f"De eigen referentie heeft hoogstens {REFERENCE_MAX} tekens, bijvoorbeeld TM-2026-001. U typte er {len(text)}.")
    return _ok(text)


# --- free text and dates --------------------------------------------------


def note(value: str) -> Check:
    """A free note: any text, lines and tabs allowed, no other control characters."""
    if _has_control(value, allow="\n\t"):
        return _fail(value, "De notitie bevat een onzichtbaar teken dat niet kan worden bewaard. Haal het weg en typ gewone tekst.")
    text = value.strip()
    if len(text) > NOTE_MAX:
        return _fail(value, f"De notitie is te lang: {len(text)} tekens, het mogen er hoogstens {NOTE_MAX} zijn.")
    return _ok(text)


_DMY = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(value: str) -> Check:
    """A date typed as dag-maand-jaar (24-04-2026) or ISO (2026-04-24); value is ISO."""
    example = "24-04-2026"
    text = value.strip()
    if not text:
        return _fail(value, f"Vul een datum in als dag-maand-jaar, bijvoorbeeld {example}")
    if match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        return _fail(value, f"Typ de datum als dag-maand-jaar, bijvoorbeeld {example}")
    try:
        parsed = _dt.date(year, month, day)
    except ValueError:
        return _fail(value, f"Deze datum bestaat niet. Typ dag-maand-jaar, bijvoorbeeld {example}")
    if not 2000 <= parsed.year <= 2100:
        return _fail(value, f"Het jaartal moet tussen 2000 en 2100 liggen, bijvoorbeeld {example}")
    return _ok(parsed.isoformat())


def format_date(iso: str | _dt.date) -> str:
    """ISO date -> dd-mm-jjjj, the way Dutch users read and type it."""
    day = _dt.date.fromisoformat(iso) if isinstance(iso, str) else iso
    return day.strftime("%d-%m-%Y")


def phone(value: str) -> Check:
    """Optional phone number: digits, spaces, + ( ) and -, 10 to 15 digits."""
    example = "030 123 45 67"
    text = _tidy(value)
    if not text:
        return _ok("")
    if _has_control(value) or any(not (ch.isdigit() and ch.isascii()) and ch not in " +()-" for ch in text):
        return _fail(value, f"Een telefoonnummer heeft alleen cijfers, spaties, + en -, bijvoorbeeld {example}")
    digits = sum(ch.isdigit() for ch in text)
    if not 10 <= digits <= 15:
        return _fail(value, f"Een telefoonnummer heeft 10 tot 15 cijfers, bijvoorbeeld {example}. U typte er {digits}.")
    return _ok(text)


def optional_date(value: str) -> Check:
    """A date that may stay empty (value "")."""
    return _ok("") if not value.strip() else parse_date(value)


# --- short texts of the phase tools ---------------------------------------

SHORT_TEXT_MAX = 200
TOELICHTING_MIN = 20


def short_text(value: str, label: str, example: str, *, required: bool = False, max_length: int = SHORT_TEXT_MAX) -> Check:
    """One line of free text (a process name, an attribute, a value in the HR)."""
    if _has_control(value):
        return _fail(value, f"{label} bevat een onzichtbaar teken of een regeleinde. Typ gewone tekst, bijvoorbeeld: {example}")
    text = _tidy(value)
    if not text:
        return _fail(value, f"Vul {label.lower()} in, bijvoorbeeld: {example}") if required else _ok("")
    if len(text) > max_length:
        return _fail(value, f"{label} is te lang: {len(text)} tekens, het mogen er hoogstens {max_length} zijn. Bijvoorbeeld: {example}")
    return _ok(text)


def toelichting(value: str) -> Check:
    """Why there is gerede twijfel and which evidence: required for a terugmelding."""
    example = "Volgens ons eigen bezoek op 3 maart is het adres sinds januari leeg; zie foto en huurcontract."
    if _has_control(value, allow="\n\t"):
        return _fail(value, "De toelichting bevat een onzichtbaar teken dat niet kan worden bewaard. Haal het weg en typ gewone tekst.")
    text = value.strip()
    if len(text) < TOELICHTING_MIN:
        return _fail(value, f"Leg in minstens {TOELICHTING_MIN} tekens uit waarom u twijfelt en welk bewijs u heeft. Bijvoorbeeld: {example}")
    if len(text) > NOTE_MAX:
        return _fail(value, f"De toelichting is te lang: {len(text)} tekens, het mogen er hoogstens {NOTE_MAX} zijn.")
    return _ok(text)


def optional(check: Check, value: str) -> Check:
    """An empty value is fine; anything typed must pass `check`."""
    return _ok("") if not value.strip() else check
