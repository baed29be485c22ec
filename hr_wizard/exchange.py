"""Registers to and from files: CSV that Dutch Excel opens as it should, xlsx with real dates
and JSON for scripts (the columns and rows are in registers.py), and an import of applications
that checks every row with the screens' own rules and writes all rows or none.

Never imports Textual.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

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


FIELD_LIMIT = 128 * 1024  # characters in one cell (csv's own limit): more is "veld te lang"


@dataclass
class CheckResult:
    """What checking a file keeps: how many rows it has, the faults, and each row's e-mail key
    with its line (for duplicates in the file and in the database). Never the rows themselves."""

    count: int
    problems: list[RowProblem]
    emails: dict[str, int]

    def refuse_taken(self, taken: dict[str, str]) -> None:
        """Addresses that already have an application in the database (address → naam) are faults of their rows."""
        self.problems += [RowProblem(self.emails[email], "email", text("import_email_taken", naam=clean(naam)))
                          for email, naam in taken.items() if email in self.emails]
        self.problems.sort(key=lambda problem: problem.row)


class ImportFileChanged(Exception):
    """The file no longer passes the check it passed a moment ago (it was changed meanwhile)."""


class _Lines:
    """The file's lines for csv.reader, keeping those of the record being read, so that a cell
    that is too long can be named and the rest of its record passed over."""

    def __init__(self, handle: Iterator[str]) -> None:
        self.handle = handle
        self.record: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self.handle)
        self.record.append(line)
        return line

    def too_long(self, delimiter: str) -> tuple[int, bool]:
        """The index of the first cell over FIELD_LIMIT in the record read so far (else of the
        longest), and whether that text ends inside quotes, as csv reads it."""
        index, longest, first_over = 0, [0, 0], -1
        length, state = 0, "start"  # start of a cell, in a plain cell, in quotes, a quote in quotes
        for line in self.record:
            for char in line:
                if state == "quoted":
                    if char == '"':
                        state = "quote"
                        continue
                elif char == delimiter:
                    index, length, state = index + 1, 0, "start"
                    continue
                elif char in "\r\n":
                    continue
                elif state == "start" and char == '"':
                    state = "quoted"
                    continue
                elif state == "quote" and char == '"':
                    state = "quoted"
                else:
                    state = "plain"
                length += 1
                if length > longest[1]:
                    longest = [index, length]
                if length > FIELD_LIMIT and first_over < 0:
                    first_over = index
        return (first_over if first_over >= 0 else longest[0]), state == "quoted"

    def skip_quoted(self) -> None:
        """Pass over the lines that still belong to a quoted cell (up to its closing quote)."""
        inside = True
        for line in self.handle:
            inside ^= line.count('"') % 2 == 1
            if not inside:
                return


def _column_name(index: int, header: list[str], positions: dict[str, int]) -> str:
    named = {position: name for name, position in positions.items()}
    if index in named:
        return named[index]
    return header[index].replace("\ufeff", "").strip() if index < len(header) else str(index + 1)


def _rows(path: Path, problems: list[RowProblem]) -> Iterator[tuple[int, dict[str, str], bool]]:
    """Each row of the file, one at a time, as (line, the values that passed, whether all
    did); every fault goes into `problems`. Only the record being read is held."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        problems.append(RowProblem(0, "", text("import_unreadable", path=path, reason=exc.strerror or exc)))
        return
    with handle:
        try:
            yield from _records(handle, problems)
        except UnicodeDecodeError:
            problems.append(RowProblem(0, "", text("import_not_utf8", path=path)))
        except OSError as exc:
            problems.append(RowProblem(0, "", text("import_unreadable", path=path, reason=exc.strerror or exc)))


def _records(handle: TextIO, problems: list[RowProblem]) -> Iterator[tuple[int, dict[str, str], bool]]:
    first_line = handle.readline()
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    lines = _Lines(itertools.chain([first_line], handle))
    reader = csv.reader(lines, delimiter=delimiter)
    too_long = text("import_field_too_long", kb=FIELD_LIMIT // 1024)
    try:
        header = next(reader, [])
    except csv.Error:
        problems.append(RowProblem(1, "", too_long))
        return
    positions, header_problems = match_header(header)
    if header_problems:
        problems += header_problems
        return
    number = 1
    while True:
        lines.record.clear()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:  # a cell over csv's limit: name it, pass over the rest of its record
            number += 1
            index, open_quote = lines.too_long(delimiter)
            problems.append(RowProblem(number, _column_name(index, header, positions), too_long))
            if open_quote:
                lines.skip_quoted()
            yield number, {}, False
            continue
        number += 1
        if not any(cell.strip() for cell in cells):
            continue  # an empty line, as spreadsheets leave at the end
        record, ok = {}, True
        for name, index in positions.items():
            typed = unneutralise(cells[index]) if index < len(cells) else ""
            check = IMPORT_RULES[name](typed) if len(typed) <= FIELD_LIMIT else None
            if check is not None and check.ok:
                record[name] = check.value
            else:
                problems.append(RowProblem(number, name, check.message if check is not None else too_long))
                ok = False
        yield number, record, ok


def check_csv(path: Path, progress: Progress | None = None,
              keep: Callable[[dict[str, str]], object] | None = None) -> CheckResult:
    """Check every row of the file with the screens' rules, one row at a time: `;` or `,`,
    with or without BOM. Memory holds one row, the faults and one key per e-mail address
    (for duplicates), so a file of 700,000 rows needs no more than a small one per row.
    `keep` gets each row's checked values (read_csv's list, for small files)."""
    problems: list[RowProblem] = []
    emails: dict[str, int] = {}
    count = 0
    for number, record, _ok in _rows(path, problems):
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
        email = record.get("email", "").lower()
        if email and email in emails:
            problems.append(RowProblem(number, "email", text("import_duplicate", row=emails[email])))
        elif email:
            emails[email] = number
        if keep is not None:
            keep(record)
    return CheckResult(count, problems, emails)


def rows_to_write(path: Path, progress: Progress | None = None) -> Iterator[dict[str, str]]:
    """The file's rows as application fields, one at a time, for a file that check_csv passed.
    Each row is checked again; ImportFileChanged if one fails now (the file was changed since)."""
    problems: list[RowProblem] = []
    for count, (_number, record, ok) in enumerate(_rows(path, problems), start=1):
        if not ok or problems:
            raise ImportFileChanged(problems[0].message if problems else "")
        if progress and count % 1000 == 0:
            progress(count)
        yield application_fields(record)
    if problems:  # unreadable now
        raise ImportFileChanged(problems[0].message)


def read_csv(path: Path, progress: Progress | None = None) -> ImportResult:
    """Every row of a small file with its faults, as a list (the command line streams with
    check_csv and rows_to_write instead)."""
    rows: list[dict[str, str]] = []
    checked = check_csv(path, progress, keep=rows.append)
    return ImportResult(rows, checked.problems)


def application_fields(record: dict[str, str]) -> dict[str, str]:
    return {"naam": record["naam"], "team": record["team"], "email": record["email"],
            "kenmerk": record.get("kenmerk", ""), "telefoon": record.get("telefoon", "")}
