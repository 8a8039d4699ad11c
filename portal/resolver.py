"""A sync.protocol KeyResolver over the portal's tables, cached for one request.

The only trust anchor is the portal's own key: certificates that other portals or the
devices themselves issued never verify here (self-signed signers are refused).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal.keys import PortalKeys
from portal.tables import agencies, certificates, revocations
from sync.protocol import Certificate
from sync.protocol.canonical import parse_json


@dataclass
class PortalKeyResolver:
    conn: Connection
    keys: PortalKeys
    _certificates: dict[str, Certificate | None] = field(default_factory=dict)
    _revoked: dict[str, bool] = field(default_factory=dict)
    _agencies: dict[str, tuple[str, bool] | None] = field(default_factory=dict)

    def certificate(self, key_id: str) -> Certificate | None:
        if key_id not in self._certificates:
            if key_id == self.keys.key_id:
                self._certificates[key_id] = self.keys.certificate
            else:
                text = self.conn.execute(
                    sa.select(certificates.c.certificate).where(certificates.c.key_id == key_id)
                ).scalar_one_or_none()
                self._certificates[key_id] = (
                    None if not text else Certificate.from_json(parse_json(text))
                )
        return self._certificates[key_id]

    def is_revoked(self, key_id: str) -> bool:
        if key_id not in self._revoked:
            row = self.conn.execute(
                sa.select(revocations.c.key_id).where(revocations.c.key_id == key_id)
            ).first()
            self._revoked[key_id] = row is not None
        return self._revoked[key_id]

    def trust_anchor(self, key_id: str) -> bytes | None:
        return self.keys.public_key if key_id == self.keys.key_id else None

    def agency(self, code: str) -> tuple[str, bool] | None:
        """(member state, is a third-party organisation) of an agency, None if unknown."""
        if code not in self._agencies:
            row = self.conn.execute(
                sa.select(agencies.c.member_state, agencies.c.third_party).where(
                    agencies.c.code == code
                )
            ).first()
            self._agencies[code] = None if row is None else (str(row[0]), bool(row[1]))
        return self._agencies[code]

    def member_state(self, agency: str) -> str | None:
        facts = self.agency(agency)
        return None if facts is None else facts[0]
