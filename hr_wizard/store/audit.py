"""Reading the audit trail (the logboek). Writing it happens in base.StoreBase._audit."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import or_
from sqlmodel import col, select

from hr_wizard.models import AuditEntry
from hr_wizard.store.base import StoreBase, like_pattern

AUDIT_LIMIT = 500


class AuditStore(StoreBase):
    def audit_entries(self, project_id: int, text: str = "", entity: str | None = None, limit: int = AUDIT_LIMIT,
                      also: Sequence[str] = ()) -> list[AuditEntry]:
        """The newest changes first, filtered by kind and by a text found in the user, record,
        action or detail; `also` are more texts that count as a match (the codes of Dutch words)."""
        a = AuditEntry
        conditions = [col(a.project_id) == project_id]
        if entity:
            conditions.append(col(a.entity) == entity)
        terms = [term for term in (text.strip(), *also) if term]
        if terms:
            columns = (col(a.actor), col(a.entity), col(a.entity_id), col(a.action), col(a.detail))
            conditions.append(or_(*(column.ilike(like_pattern(term), escape="\\") for term in terms for column in columns)))
        with self._read() as session:
            return list(session.exec(select(a).where(*conditions).order_by(col(a.id).desc()).limit(limit)))

    def iter_audit(self, project_id: int, batch: int = 1000) -> Iterator[AuditEntry]:
        """The whole trail of a project, oldest first, a batch at a time (for the export)."""
        for rows in self._iter_records(AuditEntry, col(AuditEntry.project_id) == project_id, batch=batch):
            yield from rows
