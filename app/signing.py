"""What a signature covers, said before it is made: the summary the signing confirmation
shows for a submission, an approval or a return (issue 12: "Confirmation before signing
shows what will be signed, the TLP and the recipients").

The summary is built on the worker from what is stored (the exact content that will be
signed) and the signer's key; `app.audience` puts the recipients in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from storage.database import Database
from storage.errors import NotFound
from storage.identity_repo import IdentityRepository
from storage.users_repo import UserRecord, UserRepository


@dataclass(frozen=True)
class Signer:
    """Whose key signs: the user, their agency and the key (certified by the portal or not)."""

    name: str
    agency: str
    key_id: str
    certified: bool


@dataclass(frozen=True)
class SigningSummary:
    action: str  # "submit" | "approve" | "return"
    kind: str | None
    observed_at: str | None
    crossing_point: str | None
    persons: int  # people, counting each row's count
    documents: int
    attachments: int
    tlp: str | None  # the label the signed act carries (the release label for approvals)
    audience: tuple[str, ...]  # who receives it, in words (app.audience)
    signer: Signer
    version: int = 1
    legal_basis: str | None = None
    third_party: bool | None = None
    comment: str = ""
    warnings: tuple[str, ...] = ()  # said before signing (e.g. codes not checked)


def signer_of(db: Database, user: UserRecord) -> Signer:
    stored = IdentityRepository(db).private_key(user.id)
    key_id = stored[0] if stored else ""
    cert = IdentityRepository(db).certificate(key_id) if key_id else None
    return Signer(user.name, user.agency, key_id, cert is not None and not cert.self_signed)


def author_name(db: Database, author_id: str) -> str:
    """A local user's name; the id for an author known only from another device."""
    try:
        user = UserRepository(db).by_id(author_id)
    except NotFound:
        return author_id
    return author_id if user.name.startswith("remote:") else user.name


def summarise(
    action: str,
    report: Mapping[str, Any],
    signer: Signer,
    audience: list[str],
    *,
    version: int = 1,
    tlp: str | None = None,
    legal_basis: str | None = None,
    third_party: bool | None = None,
    comment: str = "",
    warnings: tuple[str, ...] = (),
) -> SigningSummary:
    handling = report.get("handling") or {}
    persons = report.get("persons") or []
    return SigningSummary(
        action=action,
        kind=report.get("kind"),
        observed_at=report.get("observed_at"),
        crossing_point=report.get("crossing_point"),
        persons=sum(int(p.get("count") or 1) for p in persons),
        documents=len(report.get("documents") or []),
        attachments=len(report.get("attachments") or []),
        tlp=tlp if tlp is not None else handling.get("tlp"),
        audience=tuple(audience),
        signer=signer,
        version=version,
        legal_basis=legal_basis,
        third_party=third_party,
        comment=comment,
        warnings=warnings,
    )
