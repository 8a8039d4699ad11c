"""The portal's directory and register, fetched for an unlocked user over the signed
client."""

from __future__ import annotations

from typing import Any

from app.directory import store_directory
from app.session import Session
from services.portal import portal_client


def refresh_directory(session: Session) -> tuple[int, int]:
    """GET /v1/directory into the store; returns (principals, agencies)."""
    with portal_client(session) as client:
        answer = client.request("GET", "/v1/directory").json()
    return store_directory(session.db, answer)


def received_by(session: Session, report_id: str) -> list[dict[str, Any]]:
    """GET /v1/register: who received which item of this report, per the portal."""
    with portal_client(session) as client:
        answer = client.request("GET", "/v1/register", params={"report_id": report_id}).json()
    deliveries = answer.get("deliveries") if isinstance(answer, dict) else None
    if not isinstance(deliveries, list):
        return []
    return [d for d in deliveries if isinstance(d, dict)]
