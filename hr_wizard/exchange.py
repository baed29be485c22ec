"""Registers to and from files: CSV that Dutch Excel opens as it should, xlsx with real dates
and JSON for scripts (the columns and rows are in registers.py), and an import of applications
that checks every row with the screens' own rules and writes all rows or none.

Never imports Textual.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from hr_wizard import validation as v
from hr_wizard.safe_text import clean
from hr_wizard.texts import text

Progress = Callable[[int], None]

# Column names in the file; the import needs the first three, the rest may be left out.
EXPORT_COLUMNS = ("naam", "team", "email", "telefoon", "kenmerk", "stap", "status", "aangevraagd_op",
                  "brief_uiterlijk", "brief_ontvangen", "debiteurnummer", "klaar_op")
IMPORT_REQUIRED = ("naam", "team", "email")
IMPORT_OPTIONAL = ("kenmerk", "telefoon")
# The column names people use in their own spreadsheets, per column. A header cell matches
# without regard to case, spaces, hyphens, underscores and a BOM ("E-mail adres" is "emailadres").
HEADER_SPELLINGS = {
    "naam": ("Naam", "Volledige naam"),
    "team": ("Team", "Afdeling"),
    "email": ("E-mail", "E-mailadres", "Emailadres"),
    "telefoon": ("Telefoon", "Telefoonnummer"),
    "kenmerk": ("Kenmerk",),
}
IMPORT_RULES = {"naam": v.person_name, "team": v.team_name, "email": v.work_email,
                "kenmerk": lambda s: v.optional(v.kenmerk(s), s), "telefoon": v.phone}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def write_csv(rows: Iterable[list[Any]], target: Path | BinaryIO, progress: Progress | None = None,
              header: Sequence[str] = EXPORT_COLUMNS) -> int:
    """UTF-8 with BOM and ';': what Dutch Excel expects when the file is double-clicked.
    `target` is a path or an open binary file (left open); `rows` is read one row at a time."""
    if isinstance(target, Path):
        with target.open("wb") as handle:
            return write_csv(rows, handle, progress, header)
    text_buffer = io.StringIO()  # rows become text here and leave as UTF-8 bytes, 64 KB at a time
    writer = csv.writer(text_buffer, delimiter=";", lineterminator="\r\n")
    target.write("\ufeff".encode())
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
        if text_buffer.tell() > 65536:
            target.write(text_buffer.getvalue().encode("utf-8"))
            text_buffer.seek(0)
            text_buffer.truncate()
    target.write(text_buffer.getvalue().encode("utf-8"))
    return count


XLSX_DATE = "dd-mm-yyyy"
XLSX_MOMENT = "dd-mm-yyyy hh:mm"


def write_xlsx(rows: Iterable[list[Any]], target: Path | BinaryIO, progress: Progress | None = None,
               header: Sequence[str] = EXPORT_COLUMNS, sheet_name: str = "aanvragen") -> int:
    """One sheet, written as the rows come (openpyxl's write-only mode). Dates and moments
    become real date cells shown as dd-mm-jjjj; numbers stay numbers; text is text."""
    from openpyxl import Workbook  # deferred: only for xlsx
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(list(header))

    def cell(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            moment = WriteOnlyCell(sheet, value)
            moment.number_format = XLSX_MOMENT
            return moment
        if isinstance(value, dt.date):
            day = WriteOnlyCell(sheet, value)
            day.number_format = XLSX_DATE
            return day
        if value is None or isinstance(value, int):
            return value
        return clean(value)  # text, neutralised; openpyxl refuses control characters

    count = 0
    for row in rows:
        sheet.append([cell(value) for value in row])
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
    workbook.save(target)
    return count


def write_json(objects: Iterable[dict[str, Any]], target: BinaryIO, progress: Progress | None = None) -> int:
    """One JSON array of objects, written an object at a time (never the whole list in memory)."""
    import json

    count = 0
    target.write(b"[")
    for item in objects:
        target.write((",\n" if count else "\n").encode() + json.dumps(item, ensure_ascii=False).encode("utf-8"))
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
    target.write(b"\n]\n" if count else b"]\n")
    return count


# --- import ------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    row: int  # the line in the file, the header being line 1
    field: str
    message: str


@dataclass
class ImportResult:
    rows: list[dict[str, str]]
    problems: list[RowProblem]


def _header_key(cell: str) -> str:
    folded = unicodedata.normalize("NFKC", cell).replace("\ufeff", "").casefold()
    return "".join(ch for ch in folded if not (ch.isspace() or ch in "-_"))


_HEADER_KEYS = {_header_key(spelling): column for column, spellings in HEADER_SPELLINGS.items() for spelling in spellings}
_IGNORED_KEYS = {_header_key(name) for name in EXPORT_COLUMNS} - set(_HEADER_KEYS)  # the export's own extra columns


def _spellings(column: str) -> str:
    """"E-mail, E-mailadres of Emailadres"."""
    *most, last = HEADER_SPELLINGS[column]
    return f"{', '.join(most)} {text('import_or')} {last}" if most else last


def match_header(cells: list[str]) -> tuple[dict[str, int], list[RowProblem]]:
    """Which column of the file holds what: {"naam": 0, ...}, and the header's faults (line 1)."""
    positions: dict[str, int] = {}
    problems = []
    for index, cell in enumerate(cells):
        key = _header_key(cell)
        if not key or key in _IGNORED_KEYS:
            continue
        column = _HEADER_KEYS.get(key)
        if column is None:
            accepted = "; ".join(_spellings(name) for name in HEADER_SPELLINGS)
            problems.append(RowProblem(1, cell.strip(), text("import_unknown_column", column=cell.strip(), accepted=accepted)))
        elif column in positions:
            first = cells[positions[column]].replace("\ufeff", "").strip()
            problems.append(RowProblem(1, cell.strip(), text("import_double_column", column=cell.strip(), first=first)))
        else:
            positions[column] = index
    example = ";".join(IMPORT_REQUIRED + IMPORT_OPTIONAL)
    problems += [RowProblem(1, name, text("import_missing_column", column=name, spellings=_spellings(name), example=example))
                 for name in IMPORT_REQUIRED if name not in positions]
    return positions, problems


def read_csv(path: Path, progress: Progress | None = None) -> ImportResult:
    """Read and check every row. `;` or `,`, with or without BOM."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return ImportResult([], [RowProblem(0, "", text("import_unreadable", path=path, reason=exc.strerror or exc))])
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ImportResult([], [RowProblem(0, "", text("import_not_utf8", path=path))])
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    positions, header_problems = match_header(next(reader, []))
    if header_problems:
        return ImportResult([], header_problems)
    rows, problems, seen = [], [], {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # an empty line, as spreadsheets leave at the end
        record = {}
        for name, index in positions.items():
            typed = unneutralise(cells[index]) if index < len(cells) else ""
            check = IMPORT_RULES[name](typed)
            if check.ok:
                record[name] = check.value
            else:
                problems.append(RowProblem(number, name, check.message))
        email = record.get("email", "").lower()
        if email and email in seen:
            problems.append(RowProblem(number, "email", text("import_duplicate", row=seen[email])))
        elif email:
            seen[email] = number
        rows.append(record)
        if progress and len(rows) % 1000 == 0:
            progress(len(rows))
    return ImportResult(rows, problems)


def application_fields(record: dict[str, str]) -> dict[str, str]:
    return {"naam": record["naam"], "team": record["team"], "email": record["email"],
            "kenmerk": record.get("kenmerk", ""), "telefoon": record.get("telefoon", "")}
