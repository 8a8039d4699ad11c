"""`outpost provision | enrol | sync | outbox | bundle`: reaching the portal, moving work."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.clock import now_rfc3339
from app.dissemination import DisseminationRegister, Method
from app.errors import InvalidInput, NotAllowed
from app.identity import LocalKeyResolver, install_portal_certificate, signing_key
from app.provisioning import apply_provisioning, read_provisioning
from app.session import Session
from app.sync_store import LocalSyncStore
from cli.output import print_json, print_table
from cli.wiring import portal_client, require_portal, sync_engine
from storage.atomic import atomic_write_bytes
from storage.envelopes_repo import EnvelopeRepository
from storage.outbox_repo import OutboxRepository
from sync.events import PassSummary, Progress
from sync.protocol import key_id_of, public_key_raw


def cmd_provision(args: argparse.Namespace, session: Session) -> int:
    prov = read_provisioning(Path(args.file))
    apply_provisioning(session.db, session.audit, session.user.id, prov)
    print(f"Connected to portal {prov.portal_id} at {prov.portal_url} for agency {prov.agency}.")
    return 0


def cmd_enrol(args: argparse.Namespace, session: Session) -> int:
    key = signing_key(session.db, session.user)
    with portal_client(session, signed=False) as client:
        answer = client.enrol(args.code.strip(), session.user.id, public_key_raw(key))
    cert = install_portal_certificate(session.db, session.user, session.audit, answer.certificate)
    print(f"{session.user.name} is enrolled as {cert.role} of {cert.agency} ({key_id_of(key)}).")
    return 0


def _progress_line(event: Any) -> None:
    if isinstance(event, Progress):
        kb = event.bytes_done / 1024
        sys.stderr.write(
            f"\r{event.phase.value:<7} {event.items_done}/{event.items_total} items, "
            f"{kb:,.0f} KB   "
        )
        sys.stderr.flush()


def _summary(summary: PassSummary) -> str:
    text = (
        f"pushed {summary.pushed}, uploaded {summary.uploaded}, pulled {summary.pulled}; "
        f"{summary.bytes_sent / 1024:,.1f} KB sent, {summary.bytes_received / 1024:,.1f} KB "
        f"received in {summary.seconds:.1f} s"
    )
    if summary.quarantined:
        text += f"; {summary.quarantined} refused by the portal (see 'outpost outbox')"
    return text


def cmd_sync(args: argparse.Namespace, session: Session) -> int:
    engine = sync_engine(session)
    engine.set_metered(args.metered)
    if args.progress:
        engine.add_listener(_progress_line)
    if args.watch:
        engine.add_listener(
            lambda e: (
                print(f"{now_rfc3339()} {_summary(e)}" + (f" — {e.error}" if e.error else ""))
                if isinstance(e, PassSummary)
                else None
            )
        )
        engine.start()
        try:
            while True:
                engine._wake.wait(3600)  # the worker does the work; Ctrl+C ends the watch
        except KeyboardInterrupt:
            engine.stop()
            print("Stopped; anything not delivered stays queued.")
            return 0
    summary = engine.run_pass()
    if args.progress:
        sys.stderr.write("\n")
    if summary.error:
        print(f"outpost: sync incomplete: {summary.error} ({_summary(summary)})", file=sys.stderr)
        return 1
    print(f"Sync complete: {_summary(summary)}.")
    return 0


def cmd_outbox(args: argparse.Namespace, session: Session) -> int:
    items = OutboxRepository(session.db).items()
    rows = [
        {
            "id": o.id,
            "kind": o.kind,
            "ref": o.ref[:12],
            "state": o.state,
            "since": o.created_at,
            "attempts": o.attempts,
            "bytes": o.bytes_sent,
            "last_error": o.last_error or "",
        }
        for o in items
        if args.all or o.state != "delivered"
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("The outbox is empty: everything was delivered.")
    else:
        print_table(
            rows, ["id", "kind", "ref", "state", "since", "attempts", "bytes", "last_error"]
        )
    return 0


def cmd_bundle_export(args: argparse.Namespace, session: Session) -> int:
    from sync.bundles import seal_bundle

    portal = require_portal(session)
    store = LocalSyncStore(session.db, session.audit)
    envelopes_repo = EnvelopeRepository(session.db)
    keys = LocalKeyResolver(session.db)
    items = [o for o in store.due(("submission", "approval"), 100_000)]
    approved_reports: dict[str, tuple[str, str]] = {}
    for item in items:
        if item.kind != "approval":
            continue
        body = json.loads(envelopes_repo.get(item.ref).body)["body"]
        if body["decision"] == "approve":
            approved_reports[body["submission"]] = (
                body["release"]["legal_basis"],
                body["release"]["tlp"],
            )
    chosen = [
        o
        for o in items
        if (o.kind == "submission" and o.ref in approved_reports)
        or (
            o.kind == "approval"
            and json.loads(envelopes_repo.get(o.ref).body)["body"]["submission"] in approved_reports
        )
    ]
    if not chosen:
        raise InvalidInput("Nothing approved waits for delivery; there is nothing to bundle.")
    envelopes = [store.envelope(o) for o in chosen]
    certificates = []
    for e in envelopes:
        cert = keys.certificate(str(e["key_id"]))
        if cert is not None:
            certificates.append(cert.to_json())
    key = signing_key(session.db, session.user)
    data = seal_bundle(
        portal_id=portal.portal_id,
        portal_x25519=portal.x25519,
        sender_key=key,
        sender=session.user.id,
        agency=session.user.agency,
        created_at=now_rfc3339(),
        envelopes=envelopes,
        certificates=certificates,
    )
    register = DisseminationRegister(session.db, session.audit)
    for submission, (basis, tlp) in approved_reports.items():
        report_id = envelopes_repo.get(submission).report_id or submission
        register.record(
            actor=session.user.id,
            obj=report_id,
            recipient=f"portal {portal.portal_id} (offline bundle)",
            method=Method.OFFLINE_BUNDLE,
            purpose=args.purpose,
            legal_basis=basis,
            tlp=tlp,
        )
    atomic_write_bytes(Path(args.file), data)
    print(
        f"Wrote {len(envelopes)} signed envelopes ({len(approved_reports)} reports) to "
        f"{args.file}, encrypted to the portal. Carry it to a connected installation of your "
        "agency and run 'outpost bundle import'."
    )
    return 0


def cmd_bundle_import(args: argparse.Namespace, session: Session) -> int:
    from sync.bundles import BundleError, check_sender, read_header

    portal = require_portal(session)
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {args.file}: {exc.strerror}.") from None
    try:
        header = read_header(data)
        check_sender(header, LocalKeyResolver(session.db), portal.portal_id)
    except BundleError as exc:
        raise NotAllowed(str(exc)) from None
    with portal_client(session) as client:
        answer: Any = client.request(
            "POST", "/v1/bundles", data, {"Content-Type": "application/json"}
        ).json()
    results: list[dict[str, Any]] = answer.get("results", []) if isinstance(answer, dict) else []
    stored = sum(1 for r in results if r.get("status") == "stored")
    duplicates = sum(1 for r in results if r.get("status") == "duplicate")
    rejected = [r for r in results if r.get("status") == "rejected"]
    print(
        f"Bundle delivered: {stored} new, {duplicates} already on the portal, "
        f"{len(rejected)} refused. The sender's next sync collects the receipts."
    )
    for r in rejected:
        problem = r.get("problem") or {}
        print(f"  refused item {r.get('index')}: {problem.get('title')}: {problem.get('detail')}")
    return 1 if rejected else 0
