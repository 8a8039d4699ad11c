"""The dissemination register: every time information leaves this device (to the portal, in an
offline bundle, as an export file or on paper), one entry says to whom, how, why and under
which handling label. Each entry is also an audit event, so the register is tamper-evident."""

from __future__ import annotations

from enum import StrEnum

from app.audit import AuditTrail
from app.clock import now_rfc3339
from app.errors import InvalidInput
from storage.database import Database
from storage.dissemination_repo import DisseminationRecord, DisseminationRepository


class Method(StrEnum):
    PORTAL = "portal"
    OFFLINE_BUNDLE = "offline_bundle"
    EXPORT_FILE = "export_file"
    PRINT = "print"


class DisseminationRegister:
    def __init__(self, db: Database, audit: AuditTrail) -> None:
        self._db = db
        self._repo = DisseminationRepository(db)
        self._audit = audit

    @staticmethod
    def check(*, recipient: str, purpose: str) -> None:
        """What an entry needs, checked before the act it records (so a refused entry never
        follows a file already written)."""
        if not recipient.strip():
            raise InvalidInput("Say to whom the information goes (recipient).")
        if not purpose.strip():
            raise InvalidInput("Say why the information is shared (purpose).")

    def record(
        self,
        *,
        actor: str,
        obj: str,
        recipient: str,
        method: Method,
        purpose: str,
        legal_basis: str | None,
        tlp: str,
    ) -> int:
        self.check(recipient=recipient, purpose=purpose)
        with self._db.transaction():
            entry_id = self._repo.add(
                at=now_rfc3339(),
                actor=actor,
                obj=obj,
                recipient=recipient.strip(),
                method=method.value,
                purpose=purpose.strip(),
                legal_basis=legal_basis,
                tlp=tlp,
            )
            self._audit.record(
                actor,
                "dissemination.recorded",
                obj,
                {
                    "entry": entry_id,
                    "recipient": recipient.strip(),
                    "method": method.value,
                    "purpose": purpose.strip(),
                    "legal_basis": legal_basis,
                    "tlp": tlp,
                },
            )
        return entry_id

    def entries(self, obj: str | None = None) -> list[DisseminationRecord]:
        return self._repo.entries(obj)
