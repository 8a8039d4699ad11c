"""Batch receipts against the real portal (issue 11, finding 6): one portal signature per
push; each stored receipt re-verifies alone, offline, in `report history`; a tampered proof,
root or signature is refused with its own error and nothing is stored; old-style single
receipts still come to a client that does not ask for a batch."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from support import sample
from sync_support import Post, connected_post

from app.history import report_history
from app.reports import ReportService
from app.sync_store import LocalSyncStore
from app.workflow import Workflow
from services.portal import portal_client
from services.sync_session import sync_engine
from storage.envelopes_repo import EnvelopeRepository
from storage.outbox_repo import OutboxRepository
from sync.engine import EngineSettings
from sync.protocol import VerificationError
from tests.portal_server import PortalServer, envelopes_on_portal


def _submitted(post: Post, n: int, seed: int = 0) -> list[str]:
    with post.officer() as s:
        service, flow = ReportService(s.db, s.user, s.audit), Workflow(s.db, s.user, s.audit)
        ids = []
        for i in range(n):
            report_id = service.create_draft(sample(500, seed + i)).report_id
            flow.submit(report_id)
            ids.append(report_id)
    return ids


def _batch_records(s: Any) -> list[dict[str, Any]]:
    rows = EnvelopeRepository(s.db)
    return [
        json.loads(e.body)
        for o in OutboxRepository(s.db).items()
        if o.receipt is not None
        for e in [rows.get(o.receipt)]
        if e.type == "batch_receipt"
    ]


@pytest.mark.parametrize("n", [1, 500])
def test_one_signature_per_push_and_each_receipt_verifies_alone(
    tmp_path: Path, live_portal: PortalServer, n: int
) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    ids = _submitted(post, n)
    settings = EngineSettings(start_batch=500, max_batch=500)
    with post.officer() as s:
        summary = sync_engine(s, settings).run_pass()
        assert summary.error is None, summary.error
        assert summary.pushed == n
        assert {o.state for o in OutboxRepository(s.db).items()} == {"delivered"}
        records = _batch_records(s)
        assert len(records) == n
        assert len({r["batch"]["sig"] for r in records}) == 1  # one signature for the push
        assert {r["batch"]["body"]["size"] for r in records} == {n}
        for report_id in ids[:20] + ids[-5:]:
            history = report_history(s.db, report_id)
            assert [h.action for h in history] == ["submitted", "acknowledged"]
            assert all(h.valid for h in history), [h.signature for h in history]
            assert history[1].type == "receipt"
    assert envelopes_on_portal(live_portal, ids) == dict.fromkeys(ids, 1)


def _tamper(receipt: dict[str, Any], what: str) -> dict[str, Any]:
    out = copy.deepcopy(receipt)
    forged = hashlib.sha256(b"forged").hexdigest()
    if what == "proof":
        out["path"][0] = forged
    elif what == "root":
        out["batch"]["body"]["root"] = forged
    else:
        sig = bytearray(base64.urlsafe_b64decode(out["batch"]["sig"] + "=="))
        sig[-1] ^= 0x40
        out["batch"]["sig"] = base64.urlsafe_b64encode(bytes(sig)).rstrip(b"=").decode()
    return out


def test_a_tampered_batch_receipt_is_refused_and_nothing_is_stored(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    _submitted(post, 3, seed=7)
    with post.officer() as s:
        store = LocalSyncStore(s.db, s.audit, s.user)
        items = store.due(("submission",), 10)
        with portal_client(s) as client:
            answer = client.push_envelopes(
                [store.envelope(i) for i in items], batch_receipts=True
            )
        assert [r.status for r in answer.results] == ["stored"] * 3
        item, receipt = items[1], answer.results[1].receipt
        assert receipt is not None and receipt["type"] == "batch_receipt"
        codes = {}
        for what in ("proof", "root", "signature"):
            with pytest.raises(VerificationError) as caught:
                store.accept_receipt(item, _tamper(receipt, what))
            codes[what] = caught.value.code
            assert [o.state for o in OutboxRepository(s.db).items() if o.id == item.id] == [
                "pending"
            ]
            assert _batch_records(s) == []
            report_id = EnvelopeRepository(s.db).get(item.ref).report_id
            assert [e.type for e in EnvelopeRepository(s.db).of_report(report_id)] == [
                "submission"
            ]
        assert codes == {
            "proof": "inclusion_proof_mismatch",
            "root": "batch_root_mismatch",
            "signature": "bad_signature",
        }
        # Another item's receipt is not this one's.
        with pytest.raises(VerificationError) as caught:
            store.accept_receipt(item, answer.results[0].receipt or {})
        assert caught.value.code == "hash_mismatch"
        store.accept_receipt(item, receipt)  # the genuine one still goes through
        assert len(_batch_records(s)) == 1


def test_a_client_that_does_not_ask_gets_single_receipts(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    _submitted(post, 2, seed=11)
    with post.officer() as s:
        store = LocalSyncStore(s.db, s.audit, s.user)
        items = store.due(("submission",), 10)
        envelopes = [store.envelope(i) for i in items]
        with portal_client(s) as client:
            old = client.push_envelopes(envelopes[:1])
            assert old.results[0].receipt is not None
            assert old.results[0].receipt["type"] == "receipt"
            store.accept_receipt(items[0], old.results[0].receipt)
            # A repeat in batch form keeps its first, single receipt; the new one is batched.
            mixed = client.push_envelopes(envelopes, batch_receipts=True)
        assert [r.status for r in mixed.results] == ["duplicate", "stored"]
        assert mixed.results[0].receipt == old.results[0].receipt
        assert mixed.results[1].receipt is not None
        assert mixed.results[1].receipt["type"] == "batch_receipt"
        store.accept_receipt(items[1], mixed.results[1].receipt)
        for item in items:
            report_id = EnvelopeRepository(s.db).get(item.ref).report_id
            assert report_id is not None
            history = report_history(s.db, report_id)
            assert [h.action for h in history] == ["submitted", "acknowledged"]
            assert all(h.valid for h in history)
