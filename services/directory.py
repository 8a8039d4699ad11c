"""The portal's directory and register, fetched for an unlocked user over the signed
client."""

from __future__ import annotations

from typing import Any

from app.directory import store_directory
from app.session import Session
from services.portal import portal_client
from sync.transport import PortalClient


def refresh_directory(session: Session) -> tuple[int, int]:
    """GET /v1/directory into the store; returns (principals, agencies)."""
    return keep_directory(session, fetch_directory(directory_request(session)))


def directory_request(session: Session) -> PortalClient:
    """Store step: the signed client (the UI then runs the request on its network lane)."""
    return portal_client(session)


def fetch_directory(client: PortalClient) -> Any:
    """Network step: the portal's directory as it answered (no store)."""
    with client:
        return client.request("GET", "/v1/directory").json()


def keep_directory(session: Session, answer: Any) -> tuple[int, int]:
    """Store step: the directory kept; returns (principals, agencies)."""
    return store_directory(session.db, answer)


def received_by(session: Session, report_id: str) -> list[dict[str, Any]]:
    """GET /v1/register: who received which item of this report, per the portal."""
    with portal_client(session) as client:
        answer = client.request("GET", "/v1/register", params={"report_id": report_id}).json()
    deliveries = answer.get("deliveries") if isinstance(answer, dict) else None
    if not isinstance(deliveries, list):
        return []
    return [d for d in deliveries if isinstance(d, dict)]
