"""The employee's instruction sheet: what one employee needs to apply for their own kvk.nl
account (their Kenmerk, the form's address, the notices they may ignore, when the
toegangscode comes, whom to ask), as plain text for an e-mail (at most 72 columns), Markdown,
or one self-contained HTML page that prints on one A4 sheet.

Every word comes from the content file ([application] sheet_*; the sources from [sources]).
Pure: never imports Textual or the database layer. The roster (F9), the command line
(`hr-wizard instructie`) and the kiosk's closing screen (`sheet_text`) use it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from hr_wizard import validation

if TYPE_CHECKING:
    from hr_wizard.content import Content, Source

FORMATS = ("txt", "md", "html")
WIDTH = 72  # an e-mail's line
# The panels whose notices the sheet repeats: their sources are the sheet's sources.
NOTICE_PANELS = ("al_toegangscode", "bevestiging", "incasso", "brief", "debiteur", "bedragen")


class ApplicationLike(Protocol):
    naam: str
    team: str
    email: str
    kenmerk: str
    applied_on: dt.date | None
    letter_due: dt.date | None


class ProjectLike(Protocol):
    gemeente: str
    projectleider_naam: str
    projectleider_email: str
    debiteurnummer: str


def kenmerk_of(application: ApplicationLike) -> str:
    """The stored Kenmerk, or the one the screens build from team and name; "" if that breaks the rule."""
    if application.kenmerk:
        return application.kenmerk
    check = validation.kenmerk(validation.compose_kenmerk(application.team, application.naam))
    return check.value if check.ok else ""


# --- the sheet as plain blocks, rendered three ways ---------------------------------


@dataclass(frozen=True)
class Block:
    """"para" (text), "heading" (text), "items" (bullets), "notes" (small print, a line each) or
    "steps" (numbered items; `text: value` stands out under step number `after`, if given)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    value: str = ""
    after: int = 0


@dataclass(frozen=True)
class Sheet:
    title: str
    subtitle: str
    blocks: tuple[Block, ...]


def sheet_for(application: ApplicationLike, project: ProjectLike, content: Content, day: dt.date | None = None) -> Sheet:
    """The sheet for one application, in the words of `content`."""
    t = content.text
    day = day or dt.date.today()
    kenmerk = kenmerk_of(application)
    ask = {"projectleider": project.projectleider_naam, "projectleider_email": project.projectleider_email}
    how = (t("sheet_url"), t("sheet_choose"), t("sheet_fill", email=application.email),
           t("sheet_kenmerk") if kenmerk else t("sheet_kenmerk_unknown"), t("sheet_finish"))
    blocks = [Block("para", t("sheet_intro")), Block("heading", t("sheet_how")),
              Block("steps", t("sheet_kenmerk_label"), how, kenmerk, after=4 if kenmerk else 0)]
    debiteur = (t("sheet_notice_debiteur_number", nummer=project.debiteurnummer, **ask) if project.debiteurnummer
                else t("sheet_notice_debiteur", **ask))
    notices = (t("sheet_notice_code"), t("sheet_notice_incasso"), t("sheet_notice_letter"), debiteur, t("sheet_notice_prices"))
    blocks += [Block("heading", t("sheet_notices")), Block("items", items=notices), Block("para", t("sheet_costs", **ask))]
    when = [t("sheet_password"), t("sheet_code"), t("sheet_same_day")]
    if application.applied_on and application.letter_due:
        when.append(t("sheet_due", applied=validation.format_date(application.applied_on),
                      due=validation.format_date(application.letter_due)))
    blocks += [Block("heading", t("sheet_when")), Block("items", items=tuple(when))]
    blocks += [Block("heading", t("sheet_careful")), Block("items", items=(t("sheet_personal"), t("sheet_no_wizard")))]
    blocks += [Block("heading", t("sheet_questions")), Block("para", t("sheet_ask", **ask))]
    made = t("sheet_made", date=validation.format_date(day), gemeente=project.gemeente)
    blocks.append(Block("notes", items=(*_source_lines(content), made)))
    return Sheet(t("sheet_title"), t("sheet_for", naam=application.naam, gemeente=project.gemeente), tuple(blocks))


def _source_lines(content: Content) -> list[str]:
    seen: dict[str, Source] = {}
    for key in NOTICE_PANELS:
        for source in content.explain[key].sources:
            seen.setdefault(source.name, source)
    return [content.text("source_line", source=s.shown, checked=s.checked.strftime("%d-%m-%Y")) for s in seen.values()]


def render(sheet: Sheet, content: Content, fmt: str = "txt", width: int = WIDTH) -> str:
    if fmt == "md":
        return _markdown(sheet)
    if fmt == "html":
        return _html(sheet)
    if fmt == "txt":
        return _text(sheet, width)
    raise ValueError(f"unknown format: {fmt}")


def sheet_text(application: ApplicationLike, project: ProjectLike, content: Content, day: dt.date | None = None,
               width: int = WIDTH) -> str:
    """The sheet as plain text: for the kiosk's closing screen and the roster's F9, wrapped at
    `width` (an e-mail's 72 columns, or the screen's)."""
    return render(sheet_for(application, project, content, day), content, "txt", width)


def _text(sheet: Sheet, width: int = WIDTH) -> str:
    def _fill(text: str, first: str = "", rest: str = "") -> str:
        return textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest,
                             break_long_words=False, break_on_hyphens=False)

    out = [_fill(sheet.title), "=" * min(len(sheet.title), width), _fill(sheet.subtitle), ""]
    for block in sheet.blocks:
        if block.kind == "heading":
            out += [_fill(block.text), "-" * min(len(block.text), width)]
            continue
        if block.kind == "steps":
            for n, item in enumerate(block.items, start=1):
                out.append(_fill(item, f"{n}. ", "   "))
                if n == block.after:
                    out += ["", _fill(f"{block.text}: {block.value}", "   ", "   "), ""]
        elif block.kind == "items":
            out += [_fill(item, "- ", "  ") for item in block.items]
        elif block.kind == "notes":
            out += [_fill(item) for item in block.items]
        else:
            out.append(_fill(block.text))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _markdown(sheet: Sheet) -> str:
    out = [f"# {_md(sheet.title)}", "", _md(sheet.subtitle), ""]
    for block in sheet.blocks:
        if block.kind == "heading":
            out += [f"## {_md(block.text)}", ""]
            continue
        if block.kind == "steps":
            for n, item in enumerate(block.items, start=1):
                out.append(f"{n}. {_md(item)}")
                if n == block.after:
                    out += ["", f"   **{_md(block.text)}:** {_md(block.value)}", ""]
        elif block.kind == "items":
            out += [f"- {_md(item)}" for item in block.items]
        elif block.kind == "notes":
            out += [f"*{_md(item)}*  " for item in block.items]
        else:
            out.append(_md(block.text))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# One A4 page: small margins, a compact type size, no page breaks inside a part.
_CSS = """
@page { size: A4; margin: 14mm 16mm; }
body { font-family: system-ui, sans-serif; font-size: 10.5pt; line-height: 1.3; color: #111; max-width: 46rem; margin: 1rem auto; }
h1 { font-size: 16pt; margin: 0 0 .2rem; } h2 { font-size: 11.5pt; margin: .8rem 0 .2rem; border-bottom: 1px solid #999; }
p, ol, ul { margin: .2rem 0; } ol, ul { padding-left: 1.3rem; } li { margin: .1rem 0; }
.field { font-size: 12pt; border: 1px solid #555; padding: .2rem .5rem; margin: .3rem 0; display: inline-block; }
.small { font-size: 8.5pt; color: #333; margin-top: .8rem; }
@media print { body { margin: 0; max-width: none; } h2, ol, ul { break-inside: avoid; } }
"""


def _html(sheet: Sheet) -> str:
    """One file, nothing to load: inline CSS, no scripts, no links, no images."""
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(sheet.title)}: {e(sheet.subtitle)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{e(sheet.title)}</h1>", f"<p>{e(sheet.subtitle)}</p>"]
    for block in sheet.blocks:
        if block.kind == "heading":
            out.append(f"<h2>{e(block.text)}</h2>")
        elif block.kind == "steps":
            field = f'<div class="field">{e(block.text)}: <strong>{e(block.value)}</strong></div>'
            out.append("<ol>" + "".join(f"<li>{e(item)}{field if n == block.after else ''}</li>"
                                        for n, item in enumerate(block.items, start=1)) + "</ol>")
        elif block.kind == "items":
            out.append("<ul>" + "".join(f"<li>{e(item)}</li>" for item in block.items) + "</ul>")
        elif block.kind == "notes":
            out.append('<p class="small">' + "<br>".join(e(item) for item in block.items) + "</p>")
        else:
            out.append(f"<p>{e(block.text)}</p>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


# --- file names for `hr-wizard instructie --alle` -------------------------------------

# Letters NFKD does not take apart.
_LETTERS = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ł": "l", "Ł": "l",
                          "đ": "d", "Đ": "d", "œ": "oe", "Œ": "oe", "þ": "th"})


def safe_stem(naam: str, fallback: str) -> str:
    """A file name from a person's name: ascii letters, digits and hyphens only."""
    plain = unicodedata.normalize("NFKD", naam.translate(_LETTERS)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or fallback


def file_names(names: Iterable[str], fmt: str, fallback: str) -> list[str]:
    """One safe, distinct file name a person, in order: jan-de-werker.txt, jan-de-werker-2.txt;
    `fallback` (sheet_file_stem) for a name without a letter or digit to keep."""
    used: set[str] = set()
    result = []
    for naam in names:
        stem = safe_stem(naam, fallback)
        candidate, number = stem, 1
        while candidate in used:
            number += 1
            candidate = f"{stem}-{number}"
        used.add(candidate)
        result.append(f"{candidate}.{fmt}")
    return result
