"""Terugmeldingen in the shape of a Logius Digimelding report: the fields in the form's order,
their rules, the advised status transitions, and the report as plain text.

Pure: never imports Textual or the database layer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hr_wizard import validation as v
from hr_wizard.validation import Check

# Stored codes; the words (Concept, Gemeld, In behandeling, ...) are tm_status_<code> in the content file.
STATUSES = ("draft", "reported", "in_progress", "scheduled", "insufficient_information",
            "wrong_source_holder", "withdrawn", "resolved")
# Digimelding's advice (DESIGN.md). A concept is not sent yet, so it can only be reported.
# Ingepland -> afgehandeld closes a scheduled investigation; Digimelding lists no other way out.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("reported",),
    "reported": ("in_progress", "withdrawn", "insufficient_information", "wrong_source_holder"),
    "in_progress": ("scheduled", "resolved"),
    "scheduled": ("resolved",),
}
OPEN_STATUSES = ("draft", "reported", "in_progress", "scheduled")
# After these nothing can change any more: the status dialog asks before it moves there.
FINAL_STATUSES = tuple(status for status in STATUSES if status not in TRANSITIONS)
# The HR's objects (maatschappelijke activiteit, onderneming, vestiging, rechtspersoon, eigenaar,
# functionaris), by code; the words are tm_object_<code> in the content file.
OBJECTS = ("business_activity", "enterprise", "establishment", "legal_entity", "owner", "officer")
ESTABLISHMENT = "establishment"

# The text fields in the order of the Digimelding form, with their rule. Empty is allowed
# while the report is a concept; `missing_for_report` says what must be there to report it.
FIELD_ORDER = ("kvk_nummer", "vestigingsnummer", "object", "attribute", "betwijfelde_waarde", "voorgestelde_waarde",
               "peilmoment", "toelichting", "referentie", "melder_naam", "melder_email", "melder_telefoon", "melder_afdeling")
TEXT_FIELDS = tuple(name for name in FIELD_ORDER if name != "object")
REQUIRED = ("kvk_nummer", "object", "attribute", "betwijfelde_waarde", "peilmoment", "toelichting", "melder_naam", "melder_email")

_RULES: dict[str, Callable[[str], Check]] = {
    "vestigingsnummer": v.vestigingsnummer,
    "attribute": lambda s: v.short_text(s, "attribute"),
    "betwijfelde_waarde": lambda s: v.short_text(s, "betwijfeld"),
    "voorgestelde_waarde": lambda s: v.short_text(s, "voorgesteld"),
    "peilmoment": v.parse_date,
    "toelichting": v.toelichting,
    "referentie": v.reference,
    "melder_naam": v.person_name,
    "melder_email": v.work_email,
    "melder_telefoon": v.phone,
    "melder_afdeling": v.team_name,
}


def can_move(old: str, new: str) -> bool:
    return new in TRANSITIONS.get(old, ())


def check_field(name: str, value: str, *, not_registered: bool = False) -> Check:
    """The rule for one typed field; empty is fine here (a concept may be incomplete)."""
    if name == "kvk_nummer":
        return v.optional(v.kvk_nummer(value, not_registered=not_registered), value)
    return v.optional(_RULES[name](value), value)


def missing_for_report(report: Mapping[str, Any]) -> dict[str, str]:
    """What must still be filled in before the report can be sent (status reported): field -> message."""
    missing = {}
    for name in REQUIRED:
        if not report.get(name):
            missing[name] = "nodig om te melden"
    if report.get("object") == ESTABLISHMENT and report.get("nevenvestiging") and not report.get("vestigingsnummer"):
        missing["vestigingsnummer"] = "nodig bij een nevenvestiging, bijvoorbeeld 000038509504"
    return missing


def as_text(report: Mapping[str, Any], labels: Mapping[str, str], status_label: str) -> str:
    """The whole report as plain text, in the order of the Digimelding form."""
    lines = []
    for name in FIELD_ORDER:
        value = report.get(name) or ""
        if name == "peilmoment" and value:
            value = v.format_date(value)
        if name == "kvk_nummer" and report.get("not_registered"):
            value = f"{value} ({labels['not_registered']})"
        if name == "object" and value:
            value = labels[f"object_{value}"]
            if report.get("object") == ESTABLISHMENT and report.get("nevenvestiging"):
                value = f"{value} ({labels['nevenvestiging']})"
        lines.append(f"{labels[name]}: {value}")
    lines.append(f"{labels['status']}: {status_label}")
    return "\n".join(lines)
