"""All SQL for signing keys, certificates and trusted portal keys."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database, Row


@dataclass(frozen=True)
class CertificateRecord:
    key_id: str
    user_id: str
    agency: str
    role: str
    self_signed: bool
    not_after: str
    body: str  # certificate JSON
    revoked_at: str | None
    received_at: str

    @classmethod
    def from_row(cls, row: Row) -> CertificateRecord:
        return cls(row[0], row[1], row[2], row[3], bool(row[4]), *row[5:])


_CERT_COLUMNS = (
    "key_id, user_id, agency, role, self_signed, not_after, body, revoked_at, received_at"
)


class IdentityRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- the private keys of local users (inside the encrypted database only) -----------------

    def private_key(self, user_id: str) -> tuple[str, bytes] | None:
        row = self._db.execute_one(
            "SELECT key_id, private_key FROM user_keys WHERE user_id=?", (user_id,)
        )
        return None if row is None else (str(row[0]), bytes(row[1]))

    def local_key_ids(self) -> list[str]:
        """Every local user's current key id, in a stable order."""
        return [str(r[0]) for r in self._db.execute("SELECT key_id FROM user_keys ORDER BY key_id")]

    def store_private_key(self, user_id: str, key_id: str, raw: bytes, at: str) -> None:
        self._db.execute(
            "INSERT INTO user_keys (user_id, key_id, private_key, created_at) VALUES (?,?,?,?)",
            (user_id, key_id, raw, at),
        )

    def replace_private_key(self, user_id: str, key_id: str, raw: bytes, at: str) -> None:
        self._db.execute(
            "UPDATE user_keys SET key_id=?, private_key=?, created_at=? WHERE user_id=?",
            (key_id, raw, at, user_id),
        )

    # -- certificates of anyone whose signatures this installation checks ---------------------

    def put_certificate(self, record: CertificateRecord) -> None:
        """Stores or replaces a key's certificate (a portal one replaces a self-signed one);
        an earlier revocation is kept."""
        self._db.execute(
            f"INSERT INTO certificates ({_CERT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(key_id) DO UPDATE SET user_id=excluded.user_id, "
            "agency=excluded.agency, role=excluded.role, self_signed=excluded.self_signed, "
            "not_after=excluded.not_after, body=excluded.body, "
            "received_at=excluded.received_at",
            (
                record.key_id,
                record.user_id,
                record.agency,
                record.role,
                int(record.self_signed),
                record.not_after,
                record.body,
                record.revoked_at,
                record.received_at,
            ),
        )

    def certificate(self, key_id: str) -> CertificateRecord | None:
        row = self._db.execute_one(
            f"SELECT {_CERT_COLUMNS} FROM certificates WHERE key_id=?", (key_id,)
        )
        return None if row is None else CertificateRecord.from_row(row)

    def certificates_of(self, user_id: str) -> list[CertificateRecord]:
        rows = self._db.execute(
            f"SELECT {_CERT_COLUMNS} FROM certificates WHERE user_id=? ORDER BY received_at",
            (user_id,),
        )
        return [CertificateRecord.from_row(r) for r in rows]

    def revoke(self, key_id: str, at: str) -> None:
        self._db.execute(
            "UPDATE certificates SET revoked_at=coalesce(revoked_at, ?) WHERE key_id=?",
            (at, key_id),
        )

    # -- trusted portal keys (from the provisioning file) -----------------------------------

    def add_trust_anchor(self, key_id: str, public_key: bytes, label: str, at: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO trust_anchors (key_id, public_key, label, added_at) "
            "VALUES (?,?,?,?)",
            (key_id, public_key, label, at),
        )

    def trust_anchor(self, key_id: str) -> bytes | None:
        row = self._db.execute_one("SELECT public_key FROM trust_anchors WHERE key_id=?", (key_id,))
        return None if row is None else bytes(row[0])
