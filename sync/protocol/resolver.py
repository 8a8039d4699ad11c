"""Where verification finds certificates, revocations and trusted portal keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from sync.protocol.certificates import Certificate
from sync.protocol.keys import key_id


class KeyResolver(Protocol):
    """Read-only view of the caller's key store (client database or portal tables)."""

    def certificate(self, key_id: str) -> Certificate | None:
        """The current certificate of the key, or None if the key is unknown."""
        ...

    def is_revoked(self, key_id: str) -> bool:
        """Whether the key has been revoked (lost device, user left...)."""
        ...

    def trust_anchor(self, key_id: str) -> bytes | None:
        """The raw public key if `key_id` names a trusted portal key, else None."""
        ...


@dataclass
class MemoryKeyResolver:
    """A KeyResolver over plain dicts, for tests, tools and small callers."""

    certificates: dict[str, Certificate] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)
    anchors: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def of(
        cls, certificates: Iterable[Certificate] = (), anchors: Iterable[bytes] = ()
    ) -> MemoryKeyResolver:
        resolver = cls()
        for cert in certificates:
            resolver.add_certificate(cert)
        for raw in anchors:
            resolver.add_anchor(raw)
        return resolver

    def add_certificate(self, cert: Certificate) -> None:
        self.certificates[cert.key_id] = cert

    def add_anchor(self, public_key_raw: bytes) -> None:
        self.anchors[key_id(public_key_raw)] = public_key_raw

    def revoke(self, key_id: str) -> None:
        self.revoked.add(key_id)

    def certificate(self, key_id: str) -> Certificate | None:
        return self.certificates.get(key_id)

    def is_revoked(self, key_id: str) -> bool:
        return key_id in self.revoked

    def trust_anchor(self, key_id: str) -> bytes | None:
        return self.anchors.get(key_id)
