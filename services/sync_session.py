"""The sync engine composed for an unlocked session: the encrypted store on one side, the
signed, pinned portal client on the other."""

from __future__ import annotations

from app.session import Session
from app.sync_store import LocalSyncStore
from services.portal import portal_client
from sync.engine import EngineSettings, SyncEngine


def sync_engine(
    session: Session,
    settings: EngineSettings | None = None,
    *,
    connect_timeout: float = 15.0,
    stall_timeout: float = 60.0,
) -> SyncEngine:
    store = LocalSyncStore(session.db, session.audit, session.user)
    client = portal_client(session, connect_timeout=connect_timeout, stall_timeout=stall_timeout)
    from sync.uploads import TusUploader  # attachments: resumable uploads

    uploader = TusUploader(client, store)
    return SyncEngine(store, client, uploader=uploader, settings=settings)
