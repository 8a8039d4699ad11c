"""`outpost provision | enrol | sync | outbox | bundle`: reaching the portal, moving work."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from app.clock import now_rfc3339
from app.session import Session
from cli.output import print_json, print_table
from services.bundles import export_bundle, import_bundle
from services.portal import connect_portal, enrol_user, replace_key
from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from sync.events import PassSummary, Progress


def cmd_provision(args: argparse.Namespace, session: Session) -> int:
    print(f"Connected to {connect_portal(session, Path(args.file))}.")
    return 0


def cmd_enrol(args: argparse.Namespace, session: Session) -> int:
    if args.replace:
        print(
            "Replacing your signing key: a new key is made on this device, the portal "
            "certifies it with this code, and revokes your current key in the same step."
        )
        print(replace_key(session, args.code) + ".")
        return 0
    print(enrol_user(session, args.code) + ".")
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


DEFAULT_MAX_TIME = 300.0  # seconds `outpost sync` keeps going across a link that drops


def _say_retry(summary: PassSummary, delay: float) -> None:
    """One line per retry, so a person watching a bad link sees it is still being worked."""
    moved = "; it was moving, so again" if summary.progressed else "; again"
    sys.stderr.write(f"\noutpost: {summary.error}{moved} in {delay:.0f} s\n")
    sys.stderr.flush()


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
                time.sleep(3600)  # the worker does the work; Ctrl+C ends the watch
        except KeyboardInterrupt:
            engine.stop()
            print("Stopped; anything not delivered stays queued.")
            return 0
    summary = engine.run_until_done(args.max_time, on_retry=_say_retry)
    if args.progress:
        sys.stderr.write("\n")
    if not summary.complete:
        reason = summary.error or (
            f"{summary.refused} item(s) tried were not delivered (see 'outpost outbox')"
        )
        print(
            f"outpost: sync incomplete: {reason} ({_summary(summary)}); "
            f"{summary.waiting} item(s) wait in the outbox",
            file=sys.stderr,
        )
        return 1
    print(f"Sync complete: {_summary(summary)}.")
    _refresh_directory_for_focal_points(session)
    return 0


def _refresh_directory_for_focal_points(session: Session) -> None:
    """A focal point keeps the portal's directory for offline use (TLP:RED by name)."""
    from app.roles import FOCAL_POINT_ROLES, certified_role
    from services.directory import refresh_directory
    from sync.transport import TransportError

    if certified_role(session.db, session.user) not in FOCAL_POINT_ROLES:
        return
    try:
        refresh_directory(session)
    except TransportError as exc:
        print(f"outpost: the directory was not refreshed ({exc}); the copy here is used.",
              file=sys.stderr)  # fmt: skip


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


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def byte_size(text: str) -> int:
    """`65536`, `64K`, `1M`, `1.5M`, `2G` (binary units, an optional trailing B or iB)."""
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)(?:I?B)?\s*", text.upper())
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (for example 64K or 1M)")
    return int(float(match[1]) * _UNITS[match[2]])


def cmd_bundle_export(args: argparse.Namespace, session: Session) -> int:
    result = export_bundle(session, Path(args.file), args.purpose, args.max_part_size)
    files = (
        f" and {result.attachments} attachments ({result.attachment_bytes:,} bytes)"
        if result.attachments
        else ""
    )
    if len(result.files) > 1:
        where = (
            f"{len(result.files)} parts of at most {args.max_part_size:,} bytes "
            f"({result.files[0]} … {result.files[-1].name})"
        )
        carry = "Carry every part to a connected installation of your agency and run "
        carry += "'outpost bundle import' with all of them (in any order)."
    else:
        where = str(result.files[0]) if result.files else args.file
        carry = "Carry it to a connected installation of your agency and run "
        carry += "'outpost bundle import'."
    print(
        f"Wrote {result.envelopes} signed envelopes ({result.reports} reports){files} "
        f"{'in' if len(result.files) > 1 else 'to'} {where}, encrypted to the portal. {carry}"
    )
    return 0


def cmd_bundle_import(args: argparse.Namespace, session: Session) -> int:
    result = import_bundle(session, [Path(name) for name in args.files])
    print(
        f"Bundle delivered: {result.stored} new, {result.duplicates} already on the portal, "
        f"{len(result.refused)} refused; attachments: {result.attachments_stored} new, "
        f"{result.attachments_duplicate} already on the portal. The sender's next sync "
        "collects the receipts."
    )
    for line in result.refused:
        print(f"  refused: {line}")
    return 1 if result.refused else 0


def cmd_directory_sync(args: argparse.Namespace, session: Session) -> int:
    from services.directory import refresh_directory

    principals, agencies = refresh_directory(session)
    print(f"Directory updated: {principals} people, {agencies} agencies (kept for offline use).")
    return 0


def cmd_directory_list(args: argparse.Namespace, session: Session) -> int:
    from storage.directory_repo import DirectoryRepository

    rows = [
        {
            "name": p.display_name or "",
            "role": p.role,
            "agency": p.agency,
            "member_state": p.member_state,
            "principal_id": p.principal_id,
        }
        for p in DirectoryRepository(session.db).principals()
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("The directory is empty here: fetch it with: outpost directory sync")
    else:
        print_table(rows, ["name", "role", "agency", "member_state", "principal_id"])
    return 0


def cmd_register_received_by(args: argparse.Namespace, session: Session) -> int:
    """Who has my report: the portal's register of deliveries, for the agency's focal points."""
    from app.reports import ReportService
    from services.directory import received_by

    report_id = ReportService(session.db, session.user, session.audit).resolve_id(args.id)
    rows = [
        {
            "delivered_at": d.get("delivered_at"),
            "kind": d.get("kind"),
            "tlp": d.get("tlp") or "",
            "name": d.get("display_name") or "",
            "agency": d.get("agency"),
            "principal_id": d.get("principal_id"),
        }
        for d in received_by(session, report_id)
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print(f"The portal has handed report {report_id[:8]} to nobody yet.")
    else:
        print_table(rows, ["delivered_at", "kind", "tlp", "name", "agency", "principal_id"])
    return 0
