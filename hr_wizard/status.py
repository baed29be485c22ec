"""The state of affairs for scripts and monitoring: `hr-wizard status --json` and `--check`.

The keys are English and stable (documented in the README); counts only, no names, so what a
monitoring system keeps holds no personal data. Never imports Textual.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from hr_wizard import terugmelding as tm
from hr_wizard.applications import STATUSES

if TYPE_CHECKING:
    from hr_wizard.content import Content
    from hr_wizard.models import Project
    from hr_wizard.store import Store

FORMAT = 1  # raised only when a key changes meaning or goes away


def gather(store: Store, project: Project, content: Content, now: dt.datetime | None = None) -> dict[str, Any]:
    now = now or dt.datetime.now().astimezone()
    today = now.date()
    project_id = cast(int, project.id)  # a stored project always has its id
    progress = store.step_progress(project_id)
    phases = []
    for part in content.parts:
        done = sum(1 for step in part.steps if step.key in progress and progress[step.key].status == "done")
        phases.append({"key": part.key, "title": part.title, "done": done, "total": len(part.steps)})
    applications = {status: store.roster_count(project_id, status=status, today=today) for status in STATUSES}
    settings = content.settings
    totals = store.roster_totals(project_id, settings["bewaartermijn_maanden"], today, settings["toegang_controle_maanden"])
    using_hr, processes = store.process_progress(project_id)
    reports = store.terugmeldingen(project_id)
    still_open = [row for row in reports if row.status in tm.OPEN_STATUSES]
    return {
        "format": FORMAT,
        "gemeente": project.gemeente,
        "generated_at": now.isoformat(timespec="seconds"),
        "steps": {"done": sum(phase["done"] for phase in phases), "total": sum(phase["total"] for phase in phases)},
        "phases": phases,
        "applications": {**applications, "total": sum(applications.values())},
        "late_letters": applications["late"],
        "accounts": {"offboarding_open": totals.offboarding_open, "access_reviews_due": totals.reviews_due},
        "processes": {"total": processes, "using_hr": using_hr},
        "terugmeldingen": {
            "open": len(still_open),
            "past_follow_up": sum(1 for row in still_open if row.follow_up_on is not None and row.follow_up_on < today),
            "total": len(reports),
        },
    }


def needs_attention(data: dict[str, Any]) -> bool:
    """What `status --check` reports with exit code 1: late letters, or open terugmeldingen
    whose follow-up date has passed."""
    return bool(data["late_letters"] or data["terugmeldingen"]["past_follow_up"])
