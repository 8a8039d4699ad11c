"""The portal's directory, kept in the encrypted store for offline use: whom a focal point
may address. People are picked by display name and stored by principal id (names are not
identities: two people may both be "ana")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.clock import now_rfc3339
from app.errors import InvalidInput
from storage.database import Database
from storage.directory_repo import AgencyEntry, DirectoryRepository, PrincipalEntry


def store_directory(db: Database, answer: Any) -> tuple[int, int]:
    """Keeps GET /v1/directory's answer; returns (principals, agencies)."""
    if not isinstance(answer, dict):
        raise InvalidInput("The portal's directory answer is not a JSON object.")
    try:
        principals = [
            PrincipalEntry(
                str(p["principal_id"]),
                str(p["agency"]),
                str(p["member_state"]),
                str(p["role"]),
                None if p.get("display_name") is None else str(p["display_name"]),
                bool(p.get("third_party")),
            )
            for p in answer["principals"]
        ]
        agencies = [
            AgencyEntry(
                str(a["code"]), str(a["member_state"]), str(a["name"]), bool(a.get("third_party"))
            )
            for a in answer["agencies"]
        ]
    except (KeyError, TypeError) as exc:
        raise InvalidInput(f"The portal's directory answer is malformed ({exc}).") from None
    with db.transaction():
        DirectoryRepository(db).replace(principals, agencies, now_rfc3339())
    return len(principals), len(agencies)


def describe(entry: PrincipalEntry) -> str:
    name = entry.display_name or "(no name)"
    return f"{name} ({entry.role}, {entry.agency}) {entry.principal_id}"


def recipient_label(db: Database, principal_id: str) -> str:
    """A release's recipient as people read it: name and agency from the directory when it
    knows the principal, the id always (names are not identities)."""
    entry = DirectoryRepository(db).principal(principal_id)
    if entry is None or not entry.display_name:
        return principal_id
    return f"{entry.display_name} ({entry.agency}) {principal_id}"


def resolve_recipients(db: Database, wanted: Iterable[str]) -> tuple[str, ...]:
    """Principal ids for what a person typed: a principal id, or a display name that names
    exactly one person in the directory (else the candidates are listed to choose from)."""
    repo = DirectoryRepository(db)
    ids: list[str] = []
    for text in (w.strip() for w in wanted):
        if not text:
            continue
        exact = repo.principal(text)
        if exact is not None:
            ids.append(exact.principal_id)
            continue
        matches = repo.by_display_name(text)
        if len(matches) == 1:
            ids.append(matches[0].principal_id)
            continue
        if not matches:
            fetched = repo.fetched_at()
            hint = (
                "refresh it with: outpost directory sync"
                if fetched
                else "fetch it first with: outpost directory sync"
            )
            raise InvalidInput(f"Nobody called '{text}' is in the portal directory ({hint}).")
        listing = "; ".join(describe(m) for m in matches)
        raise InvalidInput(
            f"Several people are called '{text}': {listing}. Give the principal id instead."
        )
    return tuple(sorted(set(ids)))
