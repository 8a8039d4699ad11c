"""`outpost`: the headless command line. It drives the same app/ services as the GUI.

Exit codes: 0 success, 1 a user error (one line on stderr saying what to do), 2 usage error.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import codelists
from app.errors import InvalidInput, OutpostError
from app.paths import DataPaths
from app.products import VRS_PURPOSE, VRS_RECIPIENT
from app.reports import AttachmentInput, ReportService
from app.session import (
    NewUser,
    Session,
    initialise,
    parse_role,
    recover_with_agency_key,
    unlock,
)
from app.validation import ReportValidationError
from app.workflow import ReleaseSettings, Workflow
from cli import passphrases
from cli.output import print_json, print_report, print_table
from resources.i18n import _
from storage.errors import StorageError
from storage.keyslots import KeySlotError
from storage.reports_repo import ReportFilter
from sync.protocol import VerificationError
from sync.transport import TransportError

log = logging.getLogger("outpost")
Handler = Callable[[argparse.Namespace], int]


# -- plumbing --------------------------------------------------------------------------------


def _paths(args: argparse.Namespace) -> DataPaths:
    return DataPaths.resolve(args.data_dir)


def _unlock(args: argparse.Namespace) -> Session:
    paths = _paths(args)
    if not paths.is_installed():
        raise InvalidInput(
            f"Outpost is not set up in {paths.root}. Run 'outpost init' first "
            "(or point --data-dir / OUTPOST_DATA_DIR at an installation)."
        )
    passphrase = passphrases.unlock_passphrase(args.passphrase_file)
    return unlock(paths, args.user, passphrase)


def _seconds(text: str) -> float:
    """A positive number of seconds for an option (argparse turns the error into usage)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("give a number of seconds above 0")
    return value


def _read_json_input(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"Cannot read {source}: {exc.strerror}.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = "standard input" if source == "-" else source
        raise InvalidInput(
            f"{where} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None


def _filters(args: argparse.Namespace) -> ReportFilter:
    return ReportFilter(
        kind=args.kind,
        status=args.status,
        observed_from=args.date_from,
        observed_to=args.date_to,
        crossing_point=args.crossing_point,
        nationality=args.nationality.upper() if args.nationality else None,
    )


# -- commands --------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    paths = _paths(args)
    recovery = None
    if args.recovery_public_key:
        raw = _read_key_file(args.recovery_public_key)
        recovery = X25519PublicKey.from_public_bytes(raw)
    passphrase = passphrases.new_passphrase(args.new_passphrase_file, args.user or "the first user")
    if not args.user:
        raise InvalidInput("Name the first user with --user NAME.")
    user = NewUser(args.user, parse_role(args.role), args.agency)
    with initialise(paths, user, passphrase, recovery_public_key=recovery):
        pass
    print(f"Outpost is set up in {paths.root} with user {user.name} ({user.role.value}).")
    return 0


def _read_key_file(path: str) -> bytes:
    try:
        text = Path(path).read_text(encoding="ascii").strip()
        raw = base64.b64decode(text, validate=True)
    except (OSError, ValueError):
        raise InvalidInput(f"{path} is not a readable base64 key file.") from None
    if len(raw) != 32:
        raise InvalidInput(f"{path} does not hold a 32-byte X25519 key.")
    return raw


def cmd_recovery_key_new(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from storage.atomic import atomic_write_bytes

    private = X25519PrivateKey.generate()
    atomic_write_bytes(Path(args.private), base64.b64encode(private.private_bytes_raw()) + b"\n")
    public = private.public_key().public_bytes_raw()
    atomic_write_bytes(Path(args.public), base64.b64encode(public) + b"\n", mode=0o644)
    print(f"Recovery key pair written: keep {args.private} offline at the agency.")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        passphrase = passphrases.new_passphrase(args.new_passphrase_file, args.name)
        agency = args.agency or session.agency
        record = session.add_user(NewUser(args.name, parse_role(args.role), agency), passphrase)
        print(f"User {record.name} ({record.role}) added.")
        if record.role != "officer":
            print(
                f"The {record.role} role takes effect when the portal certifies it: "
                f"unlock as {record.name} and enrol with a {record.role} code "
                "(outpost enrol CODE). Until then the user is an officer."
            )
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        from app.roles import role_state

        rows = []
        for u in session.users():
            state = role_state(session.db, u)
            rows.append(
                {
                    "name": u.name,
                    "role": state.certified.value,  # what counts: the portal's certificate
                    "requested_role": state.requested.value,
                    "agency": u.agency,
                    "since": u.created_at,
                }
            )
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["name", "role", "requested_role", "agency", "since"])
    return 0


def cmd_user_remove(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        session.remove_user(args.name)
        print(f"User {args.name} removed; their passphrase no longer opens this installation.")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    paths = _paths(args)
    old = passphrases.unlock_passphrase(args.passphrase_file, "Current passphrase: ")
    with unlock(paths, args.user, old) as session:
        new = passphrases.new_passphrase(args.new_passphrase_file, session.user.name)
        session.change_passphrase(old, new)
    print("Passphrase changed.")
    return 0


def cmd_user_recover(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.from_private_bytes(_read_key_file(args.recovery_key))
    new = passphrases.new_passphrase(args.new_passphrase_file, args.name)
    with recover_with_agency_key(_paths(args), private, args.name, new):
        pass
    print(f"A new passphrase is set for {args.name}; nothing in the store was lost.")
    return 0


def cmd_report_add(args: argparse.Namespace) -> int:
    data = _read_json_input(args.json_input)
    if not isinstance(data, dict):
        raise InvalidInput("The report must be a JSON object.")
    attachments = [AttachmentInput.from_path(Path(p)) for p in args.attach or []]
    with _unlock(args) as session:
        view = ReportService(session.db, session.user, session.audit).create_draft(
            data, attachments
        )
    if args.json:
        print_json(view.summary())
    else:
        print(view.report_id)
    return 0


def cmd_report_edit(args: argparse.Namespace) -> int:
    changes = _read_json_input(args.json_input)
    if not isinstance(changes, dict):
        raise InvalidInput("The changes must be a JSON object of report fields.")
    attachments = [AttachmentInput.from_path(Path(p)) for p in args.attach or []]
    with _unlock(args) as session:
        service = _service(session)
        view = service.edit(service.resolve_id(args.id), changes, attachments)
    if args.json:
        print_json(view.summary())
    else:
        print(
            f"Report {view.report_id[:8]} v{view.record.version} saved as a draft "
            f"({', '.join(sorted(changes)) or 'nothing'} changed); submit it when it is ready."
        )
    return 0


def cmd_report_show(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        service = ReportService(session.db, session.user, session.audit)
        view = service.get(service.resolve_id(args.id), args.version)
    if args.json:
        print_json({**view.summary(), "report": view.report})
    else:
        print_report(view.summary(), view.report)
    return 0


def cmd_report_list(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        service = ReportService(session.db, session.user, session.audit)
        views = service.list_page(_filters(args), limit=args.limit)
    _print_views(args, [v.summary() for v in views])
    return 0


def cmd_report_search(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        service = ReportService(session.db, session.user, session.audit)
        views = service.search(" ".join(args.text), _filters(args), limit=args.limit)
    _print_views(args, [v.summary() for v in views])
    return 0


def _print_views(args: argparse.Namespace, rows: list[dict[str, Any]]) -> None:
    if args.json:
        print_json(rows)
    elif not rows:
        print("No reports match.")
    else:
        for row in rows:
            row["id"] = row["id"][:8]
        print_table(rows, ["id", "status", "kind", "observed_at", "crossing_point", "tlp"])


def _workflow(session: Session) -> Workflow:
    return Workflow(session.db, session.user, session.audit)


def _service(session: Session) -> ReportService:
    return ReportService(session.db, session.user, session.audit)


def cmd_report_submit(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        report_id = _service(session).resolve_id(args.id)
        view = _workflow(session).submit(report_id)
    print(f"Report {view.report_id[:8]} v{view.record.version} signed and queued for review.")
    return 0


def cmd_report_revise(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        service = _service(session)
        view = service.revise(service.resolve_id(args.id))
    print(
        f"Version {view.record.version} of report {view.report_id[:8]} is a new draft; "
        "edit it, then submit it again."
    )
    return 0


def cmd_report_history(args: argparse.Namespace) -> int:
    from app.history import report_history

    with _unlock(args) as session:
        entries = report_history(session.db, _service(session).resolve_id(args.id))
    if args.json:
        print_json([e.as_dict() for e in entries])
        return 0
    if not entries:
        print("Nothing signed yet: the report is a draft.")
        return 0
    rows = [
        {
            "v": e.version,
            "action": e.action,
            "by": e.actor,
            "at": e.at,
            "tlp": e.tlp,
            "signature": e.signature,
            "comment": e.comment,
        }
        for e in entries
    ]
    print_table(rows, ["v", "action", "by", "at", "tlp", "signature", "comment"])
    return 0 if all(e.valid for e in entries) else 1


def cmd_report_export(args: argparse.Namespace) -> int:
    from app.exports import export_report

    with _unlock(args) as session:
        report_id = _service(session).resolve_id(args.id)
        export_report(
            session.db,
            session.user,
            session.audit,
            report_id,
            recipient=args.recipient,
            purpose=args.purpose,
            out=Path(args.out),
        )
    print(f"Exported to {args.out}; the dissemination register has the entry.")
    return 0


def cmd_products_vrs(args: argparse.Namespace) -> int:
    from app.products import export_vrs

    with _unlock(args) as session:
        result = export_vrs(
            session.db,
            session.user,
            session.audit,
            start=args.start,
            end=args.end,
            fmt=args.format,
            out=Path(args.out),
            recipient=args.recipient,
            purpose=args.purpose,
        )
    states = ", ".join(result.states) or "none"
    print(
        f"VRS-MSRC tables {result.period.start} to {result.period.end}: {result.reports} "
        f"reports counted (reporting states: {states}), written to {args.out}; "
        "the dissemination register has the entry."
    )
    return 0


def cmd_review_list(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        flow = _workflow(session)
        rows = []
        for view in flow.review_queue():
            allowed, why = flow.can_decide(view)
            rows.append({**view.summary(), "you_may_decide": allowed, "why_not": why})
    if args.json:
        print_json(rows)
    elif not rows:
        print("Nothing waits for review.")
    else:
        for row in rows:
            row["id"] = row["id"][:8]
            row["decide"] = "yes" if row["you_may_decide"] else "no: " + row["why_not"]
        print_table(rows, ["id", "kind", "observed_at", "crossing_point", "tlp", "decide"])
    return 0


def cmd_review_show(args: argparse.Namespace) -> int:
    from app.history import report_history

    with _unlock(args) as session:
        service = _service(session)
        view = service.get(service.resolve_id(args.id))
        allowed, why = _workflow(session).can_decide(view)
        history = report_history(session.db, view.report_id)
    if args.json:
        print_json(
            {
                **view.summary(),
                "report": view.report,
                "you_may_decide": allowed,
                "why_not": why,
                "history": [e.as_dict() for e in history],
            }
        )
        return 0
    print_report(view.summary(), view.report)
    source = view.report.get("source") or {}
    print(
        f"\nSource grading: {source.get('reliability')}{source.get('credibility')} — "
        f"{codelists.label('reliability', source.get('reliability') or '')}, "
        f"{codelists.label('credibility', source.get('credibility') or '')}"
    )
    print("You may approve or return it." if allowed else f"You may not decide: {why}")
    return 0


def _codes(text: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in (text or "").split(",") if c.strip())


def cmd_review_approve(args: argparse.Namespace) -> int:
    settings = ReleaseSettings(
        tlp=args.tlp,
        third_party=args.third_party,
        legal_basis=args.legal_basis,
        releasable_to=_codes(args.release_to),
        tlp_reason=args.tlp_reason,
        agencies=_codes(args.release_to_agency),
    )
    with _unlock(args) as session:
        if args.recipient:
            from app.directory import resolve_recipients

            settings = dataclasses.replace(
                settings, recipients=resolve_recipients(session.db, args.recipient)
            )
        report_id = _service(session).resolve_id(args.id)
        view = _workflow(session).approve(report_id, settings, args.comment or "")
    print(f"Report {view.report_id[:8]} approved for release as TLP:{settings.tlp.upper()}.")
    return 0


def cmd_review_return(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        report_id = _service(session).resolve_id(args.id)
        view = _workflow(session).return_to_author(report_id, args.comment)
    print(f"Report {view.report_id[:8]} returned to its author with your comment.")
    return 0


def cmd_review_national(args: argparse.Namespace) -> int:
    from app.national import NationalReview

    with _unlock(args) as session:
        queue = NationalReview(session.db, session.user, session.audit).queue()
        rows = [i.summary() for i in queue]
    if args.json:
        print_json(rows)
    elif not rows:
        print("No OFP approval waits for a national decision.")
    else:
        for row in rows:
            row["id"] = row["id"][:8]
            row["release_to"] = ",".join(row["release_to"] + row["release_to_agency"])
        print_table(rows, ["id", "agency", "kind", "crossing_point", "tlp", "release_to"])
    return 0


def cmd_review_national_release(args: argparse.Namespace) -> int:
    from app.national import NationalReview

    settings = None
    if args.tlp is not None:  # otherwise the OFP's release as it stands
        if args.legal_basis is None or args.third_party is None:
            raise InvalidInput(
                _("With --tlp, also give --legal-basis and --third-party or --no-third-party.")
            )
        settings = ReleaseSettings(
            tlp=args.tlp,
            third_party=args.third_party,
            legal_basis=args.legal_basis,
            releasable_to=_codes(args.release_to),
            agencies=_codes(args.release_to_agency),
        )
    with _unlock(args) as session:
        review = NationalReview(session.db, session.user, session.audit)
        report_id = review.resolve(args.id)
        if args.decline:
            item = review.decline(report_id, args.comment or "")
            print(f"Report {item.report_id[:8]} stays in the country; the decision is queued.")
            return 0
        item = review.release(report_id, settings, args.comment or "")
    print(f"Report {item.report_id[:8]} released beyond the country; the decision is queued.")
    return 0


def cmd_register_list(args: argparse.Namespace) -> int:
    from app.dissemination import DisseminationRegister

    with _unlock(args) as session:
        rows = [
            {
                "at": e.at,
                # a report by its first characters; a product (vrs-msrc:FROM..TO) whole
                "object": e.object[:8] if len(e.object) == 36 else e.object,
                "recipient": e.recipient,
                "method": e.method,
                "purpose": e.purpose,
                "legal_basis": e.legal_basis,
                "tlp": e.tlp,
            }
            for e in DisseminationRegister(session.db, session.audit).entries()
        ]
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["at", "object", "recipient", "method", "purpose", "legal_basis", "tlp"])
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from app.clock import utc_now
    from app.exports import verify_file
    from app.identity import LocalKeyResolver

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {args.file}: {exc.strerror}.") from None
    session = None
    paths = _paths(args)
    if args.user or args.passphrase_file or (paths.is_installed() and _has_passphrase()):
        session = _unlock(args)
    try:
        keys = LocalKeyResolver(session.db) if session else None
        result = verify_file(data, now=utc_now(), local_keys=keys)
    finally:
        if session is not None:
            session.lock()
    for ok, line in result.lines:
        print(f"{'OK  ' if ok else 'FAIL'}  {line}")
    print(f"{args.file}: {'verified' if result.ok else 'NOT verified'} ({result.kind})")
    return 0 if result.ok else 1


def _has_passphrase() -> bool:
    import os

    return passphrases.PASSPHRASE_ENV in os.environ


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with _unlock(args) as session:
        result = session.audit.verify()
    if args.json:
        print_json({"ok": result.ok, "entries": result.entries, "problems": result.problems})
    elif result.ok:
        print(f"Audit log intact: {result.entries} entries, chain verified.")
    if not result.ok:
        print(f"Audit log damaged: {result.problems[0]}", file=sys.stderr)
        return 1
    return 0


def cmd_audit_list(args: argparse.Namespace) -> int:
    from app.audit import ACTION_LABELS, audit_filter, parse_day

    try:
        day_from = None if args.since is None else parse_day(args.since)
        day_to = None if args.until is None else parse_day(args.until)
        unknown = [a for a in args.filter_action if a not in ACTION_LABELS]
        if unknown:
            raise ValueError(
                _("Unknown action {action}; known actions: {known}.").format(
                    action=unknown[0], known=", ".join(sorted(ACTION_LABELS))
                )
            )
        with _unlock(args) as session:
            actor = None
            if args.actor is not None:
                from storage.users_repo import UserRepository

                actor = UserRepository(session.db).by_name(args.actor).id
            f = audit_filter(
                actions=tuple(args.filter_action),
                actor=actor,
                report=args.report,
                day_from=day_from,
                day_to=day_to,
                text=args.text,
                limit=args.limit,
            )
            records, _total = session.audit.search(f)
    except ValueError as e:
        raise InvalidInput(str(e)) from None
    rows = [
        {
            "seq": r.seq,
            "at": r.at,
            "actor": r.actor[:8],
            "action": r.action,
            "object": r.object[:8],
        }
        for r in records
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["seq", "at", "actor", "action", "object"])
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    from app.selftest import run_checks, standard_checks

    # The desktop client's own line (can Qt start?) is added by the `outpost` entry point
    # (launch/cli.py): the command line never imports the GUI.
    checks = [*standard_checks(_paths(args)), *getattr(args, "extra_checks", ())]
    results = run_checks(checks)
    for r in results:
        print(f"{'PASS' if r.ok else 'FAIL'}  {r.name:<15} {r.detail}")
    failed = [r for r in results if not r.ok]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


# -- parser ----------------------------------------------------------------------------------


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", help="e.g. document_fraud, people_smuggling")
    p.add_argument("--status", help="draft, queued, approved, returned, sent, acknowledged")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="observed on/after (UTC)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="observed before (UTC)")
    p.add_argument("--crossing-point", help="crossing-point code")
    p.add_argument("--nationality", help="ISO 3166 alpha-3 code of a person in the report")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true", help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    def global_options(default: Any) -> argparse.ArgumentParser:
        # Accepted before or after the command; after it, SUPPRESS keeps a value given before.
        p = argparse.ArgumentParser(add_help=False)
        p.add_argument(
            "--data-dir",
            default=default,
            help="installation folder (default: $OUTPOST_DATA_DIR or the per-user data folder)",
        )
        p.add_argument(
            "--user", default=default, help="local user who unlocks (default: the only one)"
        )
        p.add_argument(
            "--passphrase-file", default=default, help="read the passphrase from this file"
        )
        p.add_argument(
            "--new-passphrase-file", default=default, help="read a new passphrase from this file"
        )
        p.add_argument(
            "-v", "--verbose", action="store_true", default=default, help="log progress to stderr"
        )
        p.add_argument(
            "--provision",
            default=default,
            metavar="FILE",
            help="the agency provisioning file: with init, connect the new installation to its "
            "portal; with self-test, check it",
        )
        p.add_argument(
            "--expect-fingerprint",
            default=default,
            metavar="FP",
            help="the portal key fingerprint your agency was given (refuse any other)",
        )
        return p

    top, common = global_options(None), global_options(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="outpost",
        parents=[top],
        description="Outpost: record, review and share observations offline.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(subparsers: Any, name: str, handler: Handler, help_text: str) -> Any:
        p = subparsers.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add(sub, "init", cmd_init, "set up a new installation with its first user")
    p.add_argument("--role", default="officer", help="officer, ofp or nfp")
    p.add_argument("--agency", required=True, help="agency code, e.g. THA-IMM")
    p.add_argument("--recovery-public-key", help="agency recovery public key file (base64)")

    rk = sub.add_parser("recovery-key", help="agency recovery key pair").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = add(rk, "new", cmd_recovery_key_new, "create an agency recovery key pair")
    p.add_argument("--private", required=True)
    p.add_argument("--public", required=True)

    users = sub.add_parser("user", help="local users").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = add(users, "add", cmd_user_add, "add a local user (needs an existing user to unlock)")
    p.add_argument("name")
    p.add_argument("--role", default="officer", help="officer, ofp or nfp")
    p.add_argument("--agency", help="default: the installation's agency")
    p = add(users, "list", cmd_user_list, "list local users")
    p.add_argument("--json", action="store_true")
    p = add(users, "remove", cmd_user_remove, "remove a local user and their key slot")
    p.add_argument("name")
    add(users, "passwd", cmd_user_passwd, "change your passphrase")
    p = add(users, "recover", cmd_user_recover, "set a new passphrase with the agency recovery key")
    p.add_argument("name")
    p.add_argument("--recovery-key", required=True, help="agency recovery private key file")

    reports = sub.add_parser("report", help="reports").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = add(reports, "add", cmd_report_add, "store a new draft report from JSON")
    p.add_argument(
        "--json",
        dest="json_input",
        required=True,
        metavar="FILE",
        help="report JSON file, or - for standard input",
    )
    p.add_argument("--attach", action="append", metavar="FILE", help="attach a file (repeatable)")
    p.add_argument("--print-json", dest="json", action="store_true")
    p = add(reports, "edit", cmd_report_edit, "change fields of a draft or a returned report")
    p.add_argument("id", help="report id (or its first characters)")
    p.add_argument(
        "--json",
        dest="json_input",
        required=True,
        metavar="FILE",
        help="JSON object of the fields to change (as in report add), or - for standard input",
    )
    p.add_argument("--attach", action="append", metavar="FILE", help="attach a file (repeatable)")
    p.add_argument("--print-json", dest="json", action="store_true")
    p = add(reports, "show", cmd_report_show, "show one report")
    p.add_argument("id", help="report id (or its first characters)")
    p.add_argument("--version", type=int)
    p.add_argument("--json", action="store_true")
    p = add(reports, "list", cmd_report_list, "list reports, newest first")
    _add_filters(p)
    p = add(reports, "search", cmd_report_search, "full-text search")
    p.add_argument("text", nargs="+")
    _add_filters(p)

    p = add(reports, "submit", cmd_report_submit, "sign a draft and queue it for review")
    p.add_argument("id")
    p = add(reports, "revise", cmd_report_revise, "start a corrected version of a report")
    p.add_argument("id")
    p = add(reports, "history", cmd_report_history, "the signed chain of one report")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = add(reports, "export", cmd_report_export, "write an approved report's signed chain")
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--recipient", required=True, help="to whom it goes (for the register)")
    p.add_argument("--purpose", required=True, help="why it is shared (for the register)")

    products = sub.add_parser("products", help="intelligence products").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = add(products, "vrs", cmd_products_vrs, "VRS-MSRC-style tables of a period (CSV or XLSX)")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=("csv", "xlsx"), default="xlsx")
    p.add_argument("--out", required=True, metavar="FILE", help="csv: a zip of one CSV per table")
    p.add_argument("--recipient", default=VRS_RECIPIENT, help="to whom it goes (register)")
    p.add_argument("--purpose", default=VRS_PURPOSE, help="why it is shared (register)")

    review = sub.add_parser("review", help="focal points: approve or return").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = add(review, "list", cmd_review_list, "queued reports waiting for a decision")
    p.add_argument("--json", action="store_true")
    p = add(review, "show", cmd_review_show, "a queued report with its grading and history")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = add(review, "approve", cmd_review_approve, "approve with release settings")
    p.add_argument("id")
    p.add_argument("--tlp", required=True, help="CLEAR, GREEN, AMBER, AMBER+STRICT or RED")
    third = p.add_mutually_exclusive_group(required=True)
    third.add_argument(
        "--third-party",
        dest="third_party",
        action="store_true",
        help="may be passed on to third parties",
    )
    third.add_argument("--no-third-party", dest="third_party", action="store_false")
    p.add_argument("--legal-basis", required=True, help="MOU or arrangement reference")
    p.add_argument("--release-to", metavar="CODES", help="member states, e.g. MYS,KHM")
    p.add_argument(
        "--release-to-agency", metavar="CODES", help="named agencies, e.g. MYS-IMM (AMBER+STRICT)"
    )
    p.add_argument(
        "--recipient",
        action="append",
        metavar="WHO",
        help="TLP:RED recipient: a display name or principal id from the directory (repeatable)",
    )
    p.add_argument("--tlp-reason", help="required to loosen the author's proposed TLP")
    p.add_argument("--comment")
    p = add(review, "return", cmd_review_return, "return to the author with a comment")
    p.add_argument("id")
    p.add_argument("--comment", required=True)
    p = add(review, "national", cmd_review_national, "NFP: approvals waiting to leave the country")
    p.add_argument("--json", action="store_true")
    p = add(
        review,
        "national-release",
        cmd_review_national_release,
        "NFP: release an OFP's approval beyond the country (or --decline)",
    )
    p.add_argument("id")
    p.add_argument("--decline", action="store_true", help="keep it in the country (--comment)")
    p.add_argument("--tlp", help="tighten the OFP's label (never loosen it)")
    p.add_argument("--third-party", dest="third_party", action="store_true", default=None)
    p.add_argument("--no-third-party", dest="third_party", action="store_false")
    p.add_argument("--legal-basis")
    p.add_argument("--release-to", metavar="CODES", help="member states, e.g. MYS,KHM")
    p.add_argument("--release-to-agency", metavar="CODES", help="named agencies, e.g. MYS-IMM")
    p.add_argument("--comment")

    register = sub.add_parser("register", help="dissemination register").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = add(register, "list", cmd_register_list, "what left this device, to whom, how, why")
    p.add_argument("--json", action="store_true")

    from cli import sync_commands as sc

    def unlocked(fn: Callable[[argparse.Namespace, Session], int]) -> Handler:
        def run(args: argparse.Namespace) -> int:
            with _unlock(args) as session:
                return fn(args, session)

        return run

    p = add(sub, "provision", unlocked(sc.cmd_provision), "connect to the agency's portal")
    p.add_argument("file", help="the agency provisioning file")
    p = add(sub, "enrol", unlocked(sc.cmd_enrol), "enrol this user with a one-time code")
    p.add_argument("code")
    p.add_argument(
        "--replace",
        action="store_true",
        help="new signing key certified with CODE; the current key is revoked in the same step"
        " (e.g. after an enrolment with the wrong role)",
    )
    p = add(sub, "sync", unlocked(sc.cmd_sync), "deliver the outbox and pull the feed")
    p.add_argument("--watch", action="store_true", help="keep syncing whenever a link appears")
    p.add_argument("--metered", action="store_true", help="hold attachments back")
    p.add_argument("--no-progress", dest="progress", action="store_false")
    p.add_argument(
        "--max-time",
        type=_seconds,
        default=sc.DEFAULT_MAX_TIME,
        metavar="SECONDS",
        help="keep going across a link that drops for at most this long "
        f"(default {sc.DEFAULT_MAX_TIME:.0f})",
    )
    p = add(sub, "outbox", unlocked(sc.cmd_outbox), "what waits to be sent, and why")
    p.add_argument("--all", action="store_true", help="include delivered items")
    p.add_argument("--json", action="store_true")
    bundle = sub.add_parser("bundle", help="offline bundles").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = add(bundle, "export", unlocked(sc.cmd_bundle_export), "approved work into a bundle file")
    p.add_argument("file")
    p.add_argument("--purpose", default="delivery to the portal without a link")
    p.add_argument(
        "--max-part-size",
        type=sc.byte_size,
        metavar="SIZE",
        help="split the bundle into part files of at most SIZE bytes each (e.g. 64K, 1M) "
        "for a small medium",
    )
    p = add(bundle, "import", unlocked(sc.cmd_bundle_import), "deliver a bundle to the portal")
    p.add_argument("files", nargs="+", metavar="FILE", help="a bundle, or all of its parts")

    p = add(
        register,
        "received-by",
        unlocked(sc.cmd_register_received_by),
        "who has my report: the portal's register of who received it (focal points)",
    )
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    directory = sub.add_parser("directory", help="the portal's directory of people").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    add(directory, "sync", unlocked(sc.cmd_directory_sync), "fetch it for offline use")
    p = add(directory, "list", unlocked(sc.cmd_directory_list), "whom you may name (TLP:RED)")
    p.add_argument("--json", action="store_true")

    p = add(sub, "verify", cmd_verify, "verify an envelope or export file offline")
    p.add_argument("file")

    audit = sub.add_parser("audit", help="audit log").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = add(audit, "verify", cmd_audit_verify, "verify the audit log's hash chain")
    p.add_argument("--json", action="store_true")
    p = add(audit, "list", cmd_audit_list, "latest audit entries, optionally filtered")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument(
        "--action",
        dest="filter_action",
        action="append",
        default=[],
        help="only this action, e.g. report.created (repeat for several)",
    )
    # --user already names who unlocks; the person whose entries are listed is --actor.
    p.add_argument("--actor", help="only entries by this local user (name)")
    p.add_argument("--report", help="only entries about this report (id or its start)")
    p.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="from this UTC day on")
    p.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="up to this UTC day")
    p.add_argument("--text", help="only entries whose details contain this text")
    p.add_argument("--json", action="store_true")

    add(sub, "self-test", cmd_self_test, "check this installation's building blocks")

    from cli import release_commands as rc

    p = add(sub, "verify-release", rc.cmd_verify_release, "check downloaded release files")
    p.add_argument("dir", help="the folder with the package, SHA256SUMS and SHA256SUMS.sig")
    p.add_argument("--key", required=True, help="the release public key (PEM)")
    return parser


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, ReportValidationError):
        return "The report is not valid: " + "; ".join(f"{e.path}: {e.message}" for e in exc.errors)
    return " ".join(str(exc).split())


SelfCheck = tuple[str, Callable[[], str]]


def main(argv: Sequence[str] | None = None, *, extra_checks: Sequence[SelfCheck] = ()) -> int:
    """Runs one command. `extra_checks` are more `self-test` lines, given by the entry point
    that composes this command line with other parts (launch/cli.py adds the Qt one)."""
    args = build_parser().parse_args(argv)
    args.extra_checks = tuple(extra_checks)
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        from cli.release_commands import run  # applies --provision / --expect-fingerprint

        code: int = run(args)
        return code
    except (
        OutpostError,
        StorageError,
        KeySlotError,
        ReportValidationError,
        VerificationError,
    ) as exc:
        print(f"outpost: {_one_line(exc)}", file=sys.stderr)
        return 1
    except TransportError as exc:
        print(f"outpost: {_one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("outpost: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
