"""How progress reads, the same on the main screen, in the report and in `hr-wizard status`:
the codes of a roadmap step's status and the marks that show them without colour, what the
Fase 1 record says about its steps, and one-line summaries of each tool.

Pure: never imports Textual or the database layer. Words come from the content (`text`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

STEP_STATUSES = ("todo", "in_progress", "done", "skipped")
STEP_MARKS = {"todo": "[ ]", "in_progress": "[~]", "done": "[x]", "skipped": "[-]"}

Text = Callable[..., str]


def counted(text: Text, key: str, count: int, **values: Any) -> str:
    """A text about `count` things, singular or plural: `key_one` when there is one, else `key`."""
    if count == 1:
        try:
            return text(f"{key}_one", count=count, **values)
        except KeyError:
            pass
    return text(key, count=count, **values)


# --- the roadmap's steps -------------------------------------------------------------


def step_counts(statuses: Iterable[str]) -> tuple[int, int]:
    """(steps done, steps skipped)."""
    seen = list(statuses)
    return seen.count("done"), seen.count("skipped")


def progress_line(statuses: Iterable[str], total: int, overdue: int, text: Text, width: int | None = None) -> str:
    """ "3 van 16 stappen klaar, 1 overgeslagen · 2 brieven te laat", shortened in a fixed order
    to fit `width` (the skipped steps go first, then words), so that neither the progress nor
    the late letters is ever cut off."""
    done, skipped = step_counts(statuses)
    full, short, tiny = (text(key, done=done, total=total) for key in ("progress", "progress_short", "progress_tiny"))
    late = counted(text, "roster_overdue", overdue) if overdue else ""
    late_short = text("overdue_short", count=overdue) if overdue else ""
    skipped_part = ", " + text("progress_skipped", skipped=skipped) if skipped else ""
    pairs = [(full + skipped_part, late), (full, late), (short, late), (short, late_short), (tiny, late_short)]
    lines = [" · ".join(filter(None, pair)) for pair in pairs]
    return next((line for line in lines if width is None or len(line) <= width), lines[-1])


# --- Fase 1: the preparation record ----------------------------------------------------


class PreparationLike(Protocol):
    website_consulted: bool
    form_filled: bool
    terugmelden: str
    sent_on: Any


def preparation_points(prep: PreparationLike) -> tuple[int, int]:
    """(points of the Fase 1 checklist done, points in all)."""
    return sum((prep.website_consulted, prep.form_filled, prep.terugmelden in ("yes", "no"))), 3


def preparation_step_statuses(prep: PreparationLike) -> dict[str, str]:
    """What the Fase 1 record says about each Fase 1 step of the roadmap: done when its part is
    complete, in progress when it is partly there, todo when nothing is."""
    form = "done" if prep.form_filled and prep.sent_on else "in_progress" if prep.form_filled or prep.sent_on else "todo"
    choice = {"yes": "done", "no": "done", "undecided": "in_progress"}.get(prep.terugmelden, "todo")
    return {
        "fase1.website": "done" if prep.website_consulted else "todo",
        "fase1.aanvraagformulier": form,
        "fase1.terugmelden": choice,
    }


# Which fields of the record each Fase 1 step follows: a save that changes one of them marks the step.
PREPARATION_STEP_FIELDS = {
    "fase1.website": frozenset({"website_consulted"}),
    "fase1.aanvraagformulier": frozenset({"form_filled", "sent_on"}),
    "fase1.terugmelden": frozenset({"terugmelden"}),
}


def preparation_line(prep: PreparationLike, text: Text) -> str:
    done, total = preparation_points(prep)
    line = text("prep_summary", done=done, total=total)
    if prep.terugmelden:
        line += " " + text("prep_summary_choice", choice=text(f"answer_{prep.terugmelden}"))
    return line


# --- Fase 2 and the accounts -----------------------------------------------------------


def processes_line(done: int, total: int, text: Text) -> str:
    """ "1 van 2 processen gebruikt het HR als bron" (the verb agrees with the first number)."""
    return counted(text, "proc_progress", done, done=done, total=total)


def terugmeldingen_line(counts: Mapping[str, int], statuses: Iterable[str], text: Text) -> str:
    """ "2 concept · 1 gemeld", in the order of `statuses`; "nog geen" when there are none."""
    parts = [f"{counts[s]} {text(f'tm_status_{s}').lower()}" for s in statuses if counts.get(s)]
    return " · ".join(parts) if parts else text("tm_none")
