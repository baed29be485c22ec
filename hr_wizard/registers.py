"""Every register out, for Excel and for scripts: the accounts, the processes, the
terugmeldingen and the logboek, each as columns with a Dutch name (CSV, xlsx) and a stable
English key (JSON). A row is read from the store as raw values (codes, dates) and shown per
format: in a spreadsheet codes become Dutch words, dates dd-mm-jjjj (real date cells in
xlsx) and text that a spreadsheet would run as a formula is neutralised; in JSON codes,
ISO dates and the text stay as stored.

Pure: never imports Textual; the store is passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hr_wizard.applications import status_of
from hr_wizard.audit_trail import describe
from hr_wizard.exchange import EXPORT_COLUMNS, neutralise
from hr_wizard.validation import format_date

if TYPE_CHECKING:
    from hr_wizard.content import Content
    from hr_wizard.models import Application
    from hr_wizard.store import Store

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    header: str  # the column in CSV and xlsx: Dutch, fixed (a file format, like the accounts export's)
    key: str  # the key in JSON: stable English
    kind: str = "text"  # text, number, date, moment, yes_no, code
    words: str = ""  # for a code: the prefix of its Dutch word in the content ("source_")
    # A word that needs the rest of the row (the logboek's details): (value, row, content) -> text.
    worded: Callable[[Any, Row, Content], str] | None = None


@dataclass(frozen=True)
class Register:
    name: str  # as the command names it: hr-wizard export <name>
    stem: str  # the default file name: hr-wizard-<stem>-<date>.<format>
    columns: tuple[Column, ...]
    rows: Callable[[Store, int, dt.date], Iterator[Row]]  # raw values by JSON key, in order


# --- reading the rows ------------------------------------------------------------------


def account_values(a: Application, today: dt.date) -> Row:
    return {"name": a.naam, "team": a.team, "email": a.email, "phone": a.telefoon, "reference": a.kenmerk,
            "step": a.furthest_step, "status": status_of(a, today), "applied_on": a.applied_on, "letter_due": a.letter_due,
            "letter_received": a.letter_received, "debtor_number": a.debiteurnummer, "finished_on": a.finished_on}


def _accounts(store: Store, project_id: int, today: dt.date) -> Iterator[Row]:
    for application in store.iter_applications(project_id):
        yield account_values(application, today)


def _processes(store: Store, project_id: int, today: dt.date) -> Iterator[Row]:
    for p in store.iter_processes(project_id):
        yield {"id": p.id, "name": p.naam, "department": p.afdeling, "owner": p.eigenaar, "hr_data": p.hr_data,
               "source": p.source, "switch_on": p.switch_on, "note": p.note}


def _terugmeldingen(store: Store, project_id: int, today: dt.date) -> Iterator[Row]:
    for r, reported_on, status_since in store.iter_terugmeldingen(project_id):
        yield {"id": r.id, "status": r.status, "status_since": status_since, "reported_on": reported_on,
               "kvk_number": r.kvk_nummer, "not_registered": r.not_registered, "secondary_establishment": r.nevenvestiging,
               "establishment_number": r.vestigingsnummer, "object": r.object, "attribute": r.attribute,
               "doubted_value": r.betwijfelde_waarde, "proposed_value": r.voorgestelde_waarde, "reference_date": r.peilmoment,
               "explanation": r.toelichting, "own_reference": r.referentie, "reporter_name": r.melder_naam,
               "reporter_email": r.melder_email, "reporter_phone": r.melder_telefoon, "reporter_department": r.melder_afdeling,
               "address_street": r.adres_straat, "address_postcode": r.adres_postcode, "address_city": r.adres_plaats,
               "follow_up_on": r.follow_up_on}


def _logboek(store: Store, project_id: int, today: dt.date) -> Iterator[Row]:
    """The trail holds no personal data (models.AuditEntry): a record by kind and number, fields by name."""
    for entry in store.iter_audit(project_id):
        at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=dt.UTC)  # stored in UTC
        yield {"at": at.astimezone(dt.UTC), "actor": entry.actor, "entity": entry.entity, "entity_id": entry.entity_id,
               "action": entry.action, "detail": entry.detail}


def _record_words(value: Any, row: Row, content: Content) -> str:
    """A step by its title, as the logboek screen shows it; other records by their number."""
    if row["entity"] == "step":
        try:
            return content.step(value).title
        except KeyError:
            return str(value)
    return str(value)


def _detail_words(value: Any, row: Row, content: Content) -> str:
    return describe(row["entity"], row["action"], value, content.text)


# --- the registers -------------------------------------------------------------------------

ACCOUNTS = Register("accounts", "aanvragen", tuple(Column(header, key, kind, words) for header, (key, kind, words) in zip(
    EXPORT_COLUMNS,
    (("name", "text", ""), ("team", "text", ""), ("email", "text", ""), ("phone", "text", ""), ("reference", "text", ""),
     ("step", "number", ""), ("status", "code", "status_"), ("applied_on", "date", ""), ("letter_due", "date", ""),
     ("letter_received", "date", ""), ("debtor_number", "text", ""), ("finished_on", "date", "")),
    strict=True)), _accounts)

PROCESSES = Register("processen", "processen", (
    Column("nummer", "id", "number"),
    Column("naam", "name"),
    Column("afdeling", "department"),
    Column("eigenaar", "owner"),
    Column("hr_gegevens", "hr_data"),
    Column("bron", "source", "code", "source_"),
    Column("overstap_op", "switch_on", "date"),
    Column("notitie", "note"),
), _processes)

TERUGMELDINGEN = Register("terugmeldingen", "terugmeldingen", (
    Column("nummer", "id", "number"),
    Column("status", "status", "code", "tm_status_"),
    Column("status_sinds", "status_since", "date"),
    Column("gemeld_op", "reported_on", "date"),
    Column("kvk_nummer", "kvk_number"),
    Column("niet_ingeschreven", "not_registered", "yes_no"),
    Column("nevenvestiging", "secondary_establishment", "yes_no"),
    Column("vestigingsnummer", "establishment_number"),
    Column("object", "object", "code", "tm_object_"),
    Column("attribuut", "attribute"),
    Column("betwijfelde_waarde", "doubted_value"),
    Column("voorgestelde_waarde", "proposed_value"),
    Column("peilmoment", "reference_date", "date"),
    Column("toelichting", "explanation"),
    Column("eigen_referentie", "own_reference"),
    Column("melder_naam", "reporter_name"),
    Column("melder_email", "reporter_email"),
    Column("melder_telefoon", "reporter_phone"),
    Column("melder_afdeling", "reporter_department"),
    Column("adres_straat", "address_street"),
    Column("adres_postcode", "address_postcode"),
    Column("adres_plaats", "address_city"),
    Column("opvolgen_op", "follow_up_on", "date"),
), _terugmeldingen)

LOGBOEK = Register("logboek", "logboek", (
    Column("wanneer", "at", "moment"),
    Column("wie", "actor"),
    Column("soort", "entity", "code", "audit_entity_"),
    Column("onderdeel", "entity_id", worded=_record_words),
    Column("actie", "action", "code", "audit_action_"),
    Column("details", "detail", worded=_detail_words),
), _logboek)

REGISTERS = {register.name: register for register in (ACCOUNTS, PROCESSES, TERUGMELDINGEN, LOGBOEK)}


# --- showing a row ---------------------------------------------------------------------------


def _word(content: Content, key: str, fallback: str) -> str:
    try:
        return content.text(key)
    except KeyError:  # a code this version has no word for (an older or newer database)
        return fallback


def sheet_cell(column: Column, row: Row, content: Content, as_text: bool) -> Any:
    """A value for a spreadsheet: codes as Dutch words, yes/no as ja/nee, text neutralised.
    `as_text` (CSV): dates dd-mm-jjjj and moments dd-mm-jjjj uu:mm in local time; otherwise
    (xlsx) dates, moments (local, without a zone: Excel has none) and numbers stay typed."""
    value = row[column.key]
    if column.worded is not None:
        return neutralise(column.worded(value, row, content))
    if value is None or value == "" and column.kind != "text":
        return ""
    if column.kind == "date":
        return format_date(value) if as_text else value
    if column.kind == "moment":
        local = value.astimezone().replace(tzinfo=None)
        return local.strftime("%d-%m-%Y %H:%M") if as_text else local
    if column.kind == "number":
        return str(value) if as_text else value
    if column.kind == "yes_no":
        return content.text("answer_yes" if value else "answer_no")
    if column.kind == "code":
        return neutralise(_word(content, f"{column.words}{value}", str(value)))
    return neutralise(str(value))


def sheet_row(register: Register, row: Row, content: Content, as_text: bool) -> list[Any]:
    return [sheet_cell(column, row, content, as_text) for column in register.columns]


def json_value(column: Column, value: Any) -> Any:
    """A value for scripts: codes as stored (null when none), ISO dates, moments in UTC, true/false."""
    if column.kind in ("date", "moment"):
        return value.isoformat(timespec="seconds") if isinstance(value, dt.datetime) else value.isoformat() if value else None
    if column.kind == "code":
        return value or None
    if column.kind == "yes_no":
        return bool(value)
    return value


def json_object(register: Register, row: Mapping[str, Any]) -> dict[str, Any]:
    return {column.key: json_value(column, row[column.key]) for column in register.columns}
