"""Pure validators: a typed string in, a `Check` out (ok, normalised value, Dutch message).

Every rule lives here once; screens wrap these in Textual validators, the import uses
them directly. Never raises on any input string. Never imports Textual.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass

from hr_wizard import texts
from hr_wizard.latin import is_latin_letter as _is_latin_letter
from hr_wizard.latin import latin_letters as _latin_letters

KENMERK_MAX = 60
NAME_MAX = 80
NOTE_MAX = 2000
DEBITEUR_MAX = 20
EMAIL_MAX = 254
PHONE_MAX = 30  # room for 15 digits with spaces and + ( ) -; the rule itself counts digits
REFERENCE_MAX = 12


@dataclass(frozen=True, slots=True)
class Check:
    ok: bool
    value: str  # the normalised value when ok, else the input unchanged
    message: str = ""


def _ok(value: str) -> Check:
    return Check(True, value)


def _fail(value: str, key: str, **values: object) -> Check:
    """A refusal with the message `key` from the content file's [messages], filled in."""
    return Check(False, value, texts.text(key, **values))


def _word(key: str) -> str:
    """A label or example used inside messages, such as "De naam van de gemeente"."""
    return texts.text(key)


class _Example:
    """An example looked up only when a message is made (a value that is right needs none)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __format__(self, spec: str) -> str:
        return format(_word(self.key), spec)

    def __str__(self) -> str:
        return _word(self.key)


def _has_control(text: str, allow: str = "") -> bool:
    if text.isprintable():  # no character of a "C" category at all: the common case, in C
        return False
    return any(unicodedata.category(ch)[0] == "C" and ch not in allow for ch in text)


_SPACES = re.compile(r" {2,}")


def _tidy(text: str) -> str:
    """Trim and collapse inner runs of spaces."""
    return _SPACES.sub(" ", text.strip(" "))


def _nfc(text: str) -> str:
    """Composed form: "José" typed as J-o-s-e + accent (NFD) becomes the same text as "José"."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# --- names ----------------------------------------------------------------

_NAME_PUNCT = set(" .-'’")
_ORG_PUNCT = set(" .-'’()&,/")


def _name_like(value: str, kind: str, punct: set[str], digits: bool) -> Check:
    label, example = _word(f"label_{kind}"), _word(f"example_{kind}")
    if _has_control(value):
        return _fail(value, "name_control", label=label, example=example)
    text = _tidy(_nfc(value))
    if not text:
        return _fail(value, "name_empty", label_lower=label.lower(), example=example)
    if len(text) > NAME_MAX:
        return _fail(value, "name_long", label=label, count=len(text), max=NAME_MAX, example=example)
    letters = _latin_letters(text)
    bad = [ch for ch, letter in zip(text, letters, strict=True)
           if not (letter or ch in punct or (digits and ch.isdigit() and ch.isascii()))]
    if bad:
        return _fail(value, "name_char", label=label, char=bad[0], example=example)
    if sum(_is_latin_letter(ch) for ch in text) < 2:
        return _fail(value, "name_short", label=label, example=example)
    return _ok(text)


def gemeente_name(value: str) -> Check:
    return _name_like(value, "gemeente", _ORG_PUNCT, digits=True)


def person_name(value: str) -> Check:
    return _name_like(value, "person", _NAME_PUNCT, digits=False)


def team_name(value: str) -> Check:
    return _name_like(value, "team", _ORG_PUNCT, digits=True)


# --- e-mail ---------------------------------------------------------------


def work_email(value: str) -> Check:
    example = _word("example_email")
    text = value.strip()
    if not text:
        return _fail(value, "email_empty", example=example)
    if _has_control(text) or " " in text:
        return _fail(value, "email_space", example=example)
    if len(text) > EMAIL_MAX:
        return _fail(value, "email_long", example=example)
    if "@" not in text:
        return _fail(value, "email_at", example=example)
    from email_validator import (  # deferred: not on the start-up path
        EmailNotValidError,
        validate_email,
    )

    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return _fail(value, "email_invalid", example=example)
    except Exception:  # email-validator can reject exotic input with other errors
        return _fail(value, "email_invalid", example=example)
    return _ok(result.normalized)


# --- Kenmerk --------------------------------------------------------------

_KENMERK_PUNCT = set(" .,-'&()")


def normalise_kenmerk(value: str) -> str:
    """`<team> / <contactpersoon>` with one space each side of the slash, spaces collapsed, NFC."""
    value = _nfc(value)
    if value.count("/") != 1:
        return _tidy(value)
    team, person = value.split("/")
    return f"{_tidy(team)} / {_tidy(person)}"


def _kenmerk_part_fault(part: str) -> tuple[str, bool]:
    """(the first character a Kenmerk part may not hold or "", whether it holds a letter).
    Plain ASCII, the usual case, is checked without the Latin block lookups (the live
    preview runs this on every key)."""
    if part.isascii():
        bad = next((ch for ch in part if not (ch.isalnum() or ch in _KENMERK_PUNCT)), "")
        return bad, any(ch.isalpha() for ch in part)
    bad = next((ch for ch, letter in zip(part, _latin_letters(part), strict=True)
                if not (letter or (ch.isdigit() and ch.isascii()) or ch in _KENMERK_PUNCT)), "")
    return bad, any(_is_latin_letter(ch) for ch in part)


def kenmerk(value: str) -> Check:
    """The Kenmerk on kvk.nl: team or afdeling, a slash, the contactpersoon."""
    example = _Example("example_kenmerk")
    if _has_control(value):
        return _fail(value, "kenmerk_control", example=example)
    text = _tidy(_nfc(value))
    if not text:
        return _fail(value, "kenmerk_empty", example=example)
    slashes = text.count("/")
    if slashes == 0:
        return _fail(value, "kenmerk_no_slash", example=example)
    if slashes > 1:
        return _fail(value, "kenmerk_slashes", example=example)
    normal = normalise_kenmerk(text)
    team, person = normal.split(" / ")
    for part in (team, person):
        bad, has_letter = _kenmerk_part_fault(part)
        if bad:
            return _fail(value, "kenmerk_char", char=bad, example=example)
        if len(part) < 2 or not has_letter:
            return _fail(value, "kenmerk_team_short" if part is team else "kenmerk_person_short", example=example)
    if len(normal) > KENMERK_MAX:
        return _fail(value, "kenmerk_long", count=len(normal), max=KENMERK_MAX, example=example)
    return _ok(normal)


def compose_kenmerk(team: str, person: str) -> str:
    """The Kenmerk built from its two parts (for the builder's live preview)."""
    return normalise_kenmerk(f"{team}/{person}")


# --- identifiers ----------------------------------------------------------


def _digits(value: str, length: int, kind: str) -> Check:
    label, example = _word(f"label_{kind}"), _word(f"example_{kind}")
    text = "".join(value.split()) if not _has_control(value, allow=" \t") else value
    if not text:
        return _fail(value, "digits_empty", label=label, length=length, example=example)
    if not (text.isascii() and text.isdigit()):
        return _fail(value, "digits_only", label=label, length=length, example=example)
    if len(text) != length:
        return _fail(value, "digits_length", label=label, length=length, example=example, count=len(text))
    return _ok(text)


KVK_NOT_REGISTERED = "22222222"


def kvk_nummer(value: str, *, not_registered: bool = False) -> Check:
    """8 digits; no checksum (older numbers fail mod-11). 22222222 only for 'staat niet ingeschreven'."""
    check = _digits(value, 8, "kvk")
    if not check.ok:
        return check
    if check.value == KVK_NOT_REGISTERED and not not_registered:
        return _fail(value, "kvk_not_registered_only")
    if not_registered and check.value != KVK_NOT_REGISTERED:
        return _fail(value, "kvk_not_registered_must")
    return check


def vestigingsnummer(value: str) -> Check:
    return _digits(value, 12, "vestiging")


def rsin(value: str) -> Check:
    check = _digits(value, 9, "rsin")
    if not check.ok:
        return check
    from stdnum.nl import bsn  # the RSIN uses the same elfproef as the BSN

    if not bsn.is_valid(check.value):
        return _fail(value, "rsin_elfproef")
    return check


def postcode(value: str) -> Check:
    example = _word("example_postcode")
    if _has_control(value) or not value.strip():
        return _fail(value, "postcode_empty", example=example)
    from stdnum.exceptions import ValidationError
    from stdnum.nl import postcode as stdnum_postcode

    try:
        return _ok(stdnum_postcode.validate(value))
    except ValidationError:
        return _fail(value, "postcode_invalid", example=example)


_DEBITEUR = re.compile(r"[A-Za-z0-9-]+")


def debiteurnummer(value: str) -> Check:
    """No public format: optional, letters, digits and '-', at most 20."""
    text = value.strip()
    if not text:
        return _ok("")
    if len(text) > DEBITEUR_MAX:
        return _fail(value, "debiteur_long", max=DEBITEUR_MAX)
    if not _DEBITEUR.fullmatch(text):
        return _fail(value, "debiteur_chars")
    return _ok(text)


def reference(value: str) -> Check:
    """Own reference on a Digimelding report: optional, at most 12 characters."""
    text = _tidy(value)
    if _has_control(value):
        return _fail(value, "reference_control")
    if len(text) > REFERENCE_MAX:
        return _fail(value, "reference_long", max=REFERENCE_MAX, count=len(text))
    return _ok(text)


# --- free text and dates --------------------------------------------------


def note(value: str) -> Check:
    """A free note: any text, lines and tabs allowed, no other control characters."""
    if _has_control(value, allow="\n\t"):
        return _fail(value, "note_control")
    text = value.strip()
    if len(text) > NOTE_MAX:
        return _fail(value, "note_long", count=len(text), max=NOTE_MAX)
    return _ok(text)


_DMY = re.compile(r"(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(value: str) -> Check:
    """A date typed as dag-maand-jaar (24-04-2026) or ISO (2026-04-24); value is ISO."""
    example = _word("example_date")
    text = value.strip()
    if not text:
        return _fail(value, "date_empty", example=example)
    if match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        return _fail(value, "date_format", example=example)
    try:
        parsed = _dt.date(year, month, day)
    except ValueError:
        return _fail(value, "date_invalid", example=example)
    if not 2000 <= parsed.year <= 2100:
        return _fail(value, "date_year", example=example)
    return _ok(parsed.isoformat())


def format_date(iso: str | _dt.date) -> str:
    """ISO date -> dd-mm-jjjj, the way Dutch users read and type it."""
    day = _dt.date.fromisoformat(iso) if isinstance(iso, str) else iso
    return day.strftime("%d-%m-%Y")


def phone(value: str) -> Check:
    """Optional phone number that exists, checked with `phonenumbers` (region NL): a number with
    its netnummer, a 0800/0900 number, a gemeente's 14 number ("14 020"), or one abroad with its
    country code. Stored in the usual written form: "030 123 4567", "+44 20 7946 0958"."""
    example = _word("example_phone")
    text = _tidy(value)
    if not text:
        return _ok("")
    if _has_control(value) or any(not (ch.isdigit() and ch.isascii()) and ch not in " +()-" for ch in text):
        return _fail(value, "phone_chars", example=example)
    import phonenumbers  # deferred: not on the start-up path

    try:
        number = phonenumbers.parse(text, "NL")
        possible = phonenumbers.is_possible_number_with_reason(number)
        valid = phonenumbers.is_valid_number(number)
    except Exception:  # NumberParseException, and anything else odd input may bring
        return _fail(value, "phone_invalid", example=example)
    digits = sum(ch.isdigit() for ch in text)
    if possible in (phonenumbers.ValidationResult.TOO_SHORT, phonenumbers.ValidationResult.INVALID_LENGTH) and digits < 10:
        return _fail(value, "phone_short", example=example, count=digits)
    if possible == phonenumbers.ValidationResult.TOO_LONG or (not valid and digits > 15):
        return _fail(value, "phone_long", example=example, count=digits)
    if not valid:
        return _fail(value, "phone_invalid", example=example)
    form = phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 31 else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return _ok(phonenumbers.format_number(number, form))


def optional_date(value: str) -> Check:
    """A date that may stay empty (value "")."""
    return _ok("") if not value.strip() else parse_date(value)


# --- short texts of the phase tools ---------------------------------------

SHORT_TEXT_MAX = 200
TOELICHTING_MIN = 20


def short_text(value: str, kind: str, *, required: bool = False, max_length: int = SHORT_TEXT_MAX) -> Check:
    """One line of free text (a process name, an attribute, a value in the HR); `kind` names
    its label and example in [messages] (label_<kind>, example_<kind>)."""
    label, example = _word(f"label_{kind}"), _word(f"example_{kind}")
    if _has_control(value):
        return _fail(value, "text_control", label=label, example=example)
    text = _tidy(_nfc(value))
    if not text:
        return _fail(value, "name_empty", label_lower=label.lower(), example=example) if required else _ok("")
    if len(text) > max_length:
        return _fail(value, "name_long", label=label, count=len(text), max=max_length, example=example)
    return _ok(text)


def toelichting(value: str) -> Check:
    """Why there is gerede twijfel and which evidence: required for a terugmelding."""
    example = _word("example_toelichting")
    if _has_control(value, allow="\n\t"):
        return _fail(value, "toelichting_control")
    text = value.strip()
    if len(text) < TOELICHTING_MIN:
        return _fail(value, "toelichting_short", min=TOELICHTING_MIN, example=example)
    if len(text) > NOTE_MAX:
        return _fail(value, "toelichting_long", count=len(text), max=NOTE_MAX)
    return _ok(text)


def optional(check: Check, value: str) -> Check:
    """An empty value is fine; anything typed must pass `check`."""
    return _ok("") if not value.strip() else check
