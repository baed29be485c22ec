"""Reading the audit trail (the logboek). Writing it happens in base.StoreBase._audit."""

from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import select

from hr_wizard.models import AuditEntry
from hr_wizard.store.base import StoreBase, like_pattern

AUDIT_LIMIT = 500


class AuditStore(StoreBase):
    def audit_entries(self, project_id: int, text: str = "", entity: str | None = None, limit: int = AUDIT_LIMIT) -> list[AuditEntry]:
        """The newest changes first, filtered by a text (in user, record, action or detail) and kind."""
        a = AuditEntry
        conditions = [a.project_id == project_id]
        if entity:
            conditions.append(a.entity == entity)
        text = text.strip()
        if text:
            pattern = like_pattern(text)
            conditions.append(or_(*(column.ilike(pattern, escape="\\") for column in (a.actor, a.entity, a.entity_id, a.action, a.detail))))
        with self._read() as session:
            return list(session.exec(select(a).where(*conditions).order_by(a.id.desc()).limit(limit)))
