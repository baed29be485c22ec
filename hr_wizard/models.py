"""SQLModel tables. The schema itself is defined by the Alembic migrations in `migrations/`;
these classes must match the newest revision (a test compares them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Project(SQLModel, table=True):
    """One gemeente's connection project."""

    __tablename__ = "project"

    id: int | None = Field(default=None, primary_key=True)
    gemeente: str
    projectleider_naam: str
    projectleider_email: str
    debiteurnummer: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1


class StepProgress(SQLModel, table=True):
    """Status and note of one roadmap step; a missing row means 'todo' without a note."""

    __tablename__ = "step_progress"
    __table_args__ = (UniqueConstraint("project_id", "step_key"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    step_key: str
    status: str = "todo"  # a code of summaries.STEP_STATUSES
    note: str = ""
    updated_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1


class Setting(SQLModel, table=True):
    """Small remembered choices, such as the step that was selected last."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str


class Application(SQLModel, table=True):
    """One employee's application for a personal kvk.nl account (the 7-step aanmeldprocedure).

    There is deliberately no field for a password or a toegangscode.
    """

    __tablename__ = "application"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    naam: str
    team: str
    email: str
    telefoon: str = ""
    kenmerk: str = ""
    current_step: int = 0  # the page shown last: 0 the employee's details, 1..7 the procedure's steps
    furthest_step: int = 0  # the furthest page reached; looking back never lowers it
    applied_on: dt.date | None = None
    letter_due: dt.date | None = None
    letter_received: dt.date | None = None  # the day the toegangscode arrived (by letter or e-mail)
    code_channel: str = ""  # how it came: "letter", "email" or "" (not yet)
    debiteur_choice: str = ""  # "organisation", "new", "none" or "" (not answered yet)
    debiteurnummer: str = ""
    first_search_done: bool = False
    finished_on: dt.date | None = None
    resume_code_hash: str = ""  # the kiosk's personal resume code, only as a hash
    resume_code_expires: dt.date | None = None
    offboarded_on: dt.date | None = None  # uit dienst, or no access needed any more
    code_revoked_on: dt.date | None = None  # KvK asked to revoke the toegangscode
    autorisaties_revoked_on: dt.date | None = None  # autorisaties for non-public data revoked
    access_reviewed_on: dt.date | None = None  # last periodic access review
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1


class AuditEntry(SQLModel, table=True):
    """Who changed what and when. Holds no personal data: a record is named by its kind and
    number, and `detail` names fields and non-personal values (a status, a step), never a
    name, e-mail address or note text. So "medewerker vergeten" leaves nothing behind here."""

    __tablename__ = "audit"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str  # the operating-system user
    project_id: int | None = Field(default=None, index=True)
    entity: str  # a code of audit_trail.ENTITIES
    entity_id: str
    action: str  # a code of audit_trail.ACTIONS
    detail: str = ""


class Preparation(SQLModel, table=True):
    """Fase 1 of one project: the checklist and the record of the aanvraagformulier."""

    __tablename__ = "preparation"

    project_id: int = Field(foreign_key="project.id", primary_key=True)
    website_consulted: bool = False
    form_filled: bool = False
    terugmelden: str = ""  # "yes", "no", "undecided" or "" (not answered yet)
    sent_on: dt.date | None = None
    contact_naam: str = ""
    contact_email: str = ""
    existing_connection: str = ""  # "yes", "no" or ""
    note: str = ""
    updated_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1


class Process(SQLModel, table=True):
    """Fase 2: one process that uses data about companies, and whether it uses the HR yet."""

    __tablename__ = "process"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    naam: str
    afdeling: str = ""
    eigenaar: str = ""
    hr_data: str = ""
    source: str = "own_register"  # a code of inventory.SOURCES
    switch_on: dt.date | None = None
    note: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1


class Terugmelding(SQLModel, table=True):
    """Fase 2: a report of gerede twijfel about an HR fact, in the shape of a Digimelding report."""

    __tablename__ = "terugmelding"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True)
    status: str = "draft"  # a code of terugmelding.STATUSES
    kvk_nummer: str = ""
    not_registered: bool = False
    nevenvestiging: bool = False
    vestigingsnummer: str = ""
    object: str = ""  # a code of terugmelding.OBJECTS
    attribute: str = ""
    betwijfelde_waarde: str = ""
    voorgestelde_waarde: str = ""
    peilmoment: dt.date | None = None
    toelichting: str = ""
    referentie: str = ""
    melder_naam: str = ""
    melder_email: str = ""
    melder_telefoon: str = ""
    melder_afdeling: str = ""
    adres_straat: str = ""  # street and number of the address concerned
    adres_postcode: str = ""
    adres_plaats: str = ""
    follow_up_on: dt.date | None = None  # when to look for KvK's answer
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1


class TerugmeldingStatus(SQLModel, table=True):
    """One step in a terugmelding's status history."""

    __tablename__ = "terugmelding_status"

    id: int | None = Field(default=None, primary_key=True)
    terugmelding_id: int = Field(foreign_key="terugmelding.id", index=True, ondelete="CASCADE")
    status: str
    changed_on: dt.date
    at: dt.datetime = Field(default_factory=utcnow)


class KioskResumeAttempt(SQLModel, table=True):
    """Wrong resume codes typed at the kiosk for one e-mail address, to slow down guessing.
    Keyed by a hash of the gemeente and the address, so the table holds no address."""

    __tablename__ = "kiosk_resume_attempt"

    email_key: str = Field(primary_key=True)
    failures: int = 0
    locked_until: dt.datetime | None = None
