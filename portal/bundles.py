"""POST /v1/bundles: offline bundles carried on removable media (docs/protocol.md §6.5).

The uploader is any enrolled user of the sender's agency; the bundle itself proves who made
it (the sender's signature over the ciphertext) and only the portal's X25519 key opens it.
The envelopes inside go through exactly the same ingest as a push, under the sender's
identity, so a replayed or twice-imported bundle only produces `duplicate` answers.
"""

from __future__ import annotations

from portal.auth import Caller
from portal.database import Database
from portal.ingest import ItemResult, ingest_batch
from portal.keys import PortalKeys
from portal.problems import Problem
from portal.resolver import PortalKeyResolver
from sync.bundles import BundleError, open_bundle
from sync.protocol.canonical import JsonValue


def ingest_bundle(
    data: bytes, *, db: Database, keys: PortalKeys, caller: Caller, now: int, max_batch: int
) -> tuple[str, list[ItemResult]]:
    with db.read() as conn:
        resolver = PortalKeyResolver(conn, keys)
        try:
            contents = open_bundle(data, keys.exchange_key, resolver, keys.portal_id)
        except BundleError as exc:
            raise Problem("invalid-bundle", str(exc)) from None
        sender = resolver.certificate(contents.sender_key_id)
    if sender is None or sender.self_signed:
        raise Problem("invalid-bundle", "the bundle's sender is not enrolled with this portal")
    if sender.agency != caller.certificate.agency:
        raise Problem(
            "wrong-agency",
            f"a bundle of agency {sender.agency} must be uploaded by a user of that agency",
        )
    if len(contents.envelopes) > max_batch * 20:
        raise Problem("batch-too-large", "the bundle holds too many envelopes")
    as_sender = Caller(certificate=sender, member_state=caller.member_state)
    items: list[JsonValue] = list(contents.envelopes)
    return contents.bundle_id, ingest_batch(items, db=db, keys=keys, caller=as_sender, now=now)
