"""`outpost-portal`: run the portal and administer it.

outpost-portal admin init --data DIR
outpost-portal admin agency-create --data DIR CODE --member-state KEN --name "..."
outpost-portal admin national-rule --data DIR THA --releases-beyond nfp|ofp
outpost-portal admin code-issue --data DIR --agency CODE --role officer [--valid-hours 72]
outpost-portal admin revoke --data DIR KEY_ID --reason "lost device"
outpost-portal admin publish --data DIR FILE.json
outpost-portal admin provisioning --data DIR --agency CODE --url https://portal.example \
    [--tls-cert portal.pem] [--crossing-points FILE] [--recovery-public-key FILE]
    (signed with the portal key; the key's fingerprint goes to stderr)
outpost-portal admin operator-create --data DIR ID --name "..." [--method security-key]
outpost-portal admin audit-verify --data DIR
outpost-portal admin db-upgrade --data DIR [--db URL]
outpost-portal serve --data DIR [--db URL] [--host 127.0.0.1] [--port 8443] \
    [--tls-cert portal.pem --tls-key portal.key]
"""

from __future__ import annotations

import argparse
import binascii
import json
import os
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess

from portal import audit, national_rules, registry
from portal.app import WORKER_DATA_ENV, WORKER_DB_ENV, WORKER_PUBLIC_URL_ENV, create_app
from portal.clock import now_seconds
from portal.config import Settings, default_db_url
from portal.database import Database, current_revision, head_revision
from portal.keys import create_keys, key_file, load_keys
from portal.provisioning import fingerprint, provisioning_document, tls_pins
from portal.server import uvicorn_config
from sync.protocol.canonical import parse_json


def _database(args: argparse.Namespace, *, upgrade: bool = False) -> Database:
    """The portal database; only init, db-upgrade and serve change its schema, the other
    commands refuse to work on a schema other than the one this code was written for."""
    db = Database(args.db or default_db_url(args.data))
    if upgrade:
        db.upgrade()
        return db
    with db.read() as conn:
        current = current_revision(conn)
    if current != head_revision():
        db.dispose()
        raise registry.AdminError(
            f"the database schema is at revision {current}, this portal needs"
            f" {head_revision()}: run `outpost-portal admin db-upgrade` first"
        )
    return db


def _db_upgrade(args: argparse.Namespace) -> int:
    db = _database(args, upgrade=True)
    with db.read() as conn:
        print(f"database schema at revision {current_revision(conn)}")
    db.dispose()
    return 0


def _init(args: argparse.Namespace) -> int:
    if key_file(args.data).exists():
        print(f"{key_file(args.data)} exists; keys are never replaced", file=sys.stderr)
        return 1
    portal_id = args.portal_id or f"portal-{secrets.token_hex(8)}"
    keys = create_keys(args.data, portal_id=portal_id, agency=args.agency)
    _database(args, upgrade=True).dispose()
    print(f"portal keys written to {key_file(args.data)}")
    print(f"portal id: {keys.portal_id}")
    print(f"ed25519 key id: {keys.key_id}")
    return 0


def _agency_create(args: argparse.Namespace) -> int:
    registry.create_agency(
        _database(args),
        code=args.code,
        member_state=args.member_state,
        name=args.name or args.code,
        now=now_seconds(),
        third_party=args.third_party,
    )
    print(f"agency {args.code} created")
    return 0


def _national_rule(args: argparse.Namespace) -> int:
    rule = national_rules.set_rule(
        _database(args), args.member_state, ofp_releases=args.who == "ofp", now=now_seconds()
    )
    who = "its OFPs release directly" if rule.ofp_releases else "its NFP releases"
    print(f"{rule.member_state}: beyond the member state, {who}")
    return 0


def _code_issue(args: argparse.Namespace) -> int:
    code = registry.issue_code(
        _database(args),
        agency=args.agency,
        role=args.role,
        ttl_seconds=int(args.valid_hours * 3600),
        now=now_seconds(),
        principal=args.principal,
        display_name=args.display_name,
    )
    print(code)
    return 0


def _operator_create(args: argparse.Namespace) -> int:
    """The first operator of a new portal (later ones are created at the console)."""
    from portal.web import accounts, i18n
    from portal.web.config import ConsoleSettings
    from portal.web.console import WebError

    hours = ConsoleSettings().activation_hours
    try:
        code = accounts.create_operator(
            _database(args),
            operator_id=args.operator_id,
            display_name=args.name,
            method=args.method,
            created_by="operator",
            now=now_seconds(),
            ttl=hours * 3600,
        )
    except WebError as exc:
        raise registry.AdminError(i18n.translate("en", exc.message, **exc.values)) from None
    print(code)
    print(
        f"activation code for {args.operator_id}, valid {hours} hours: open the console's"
        " /activate page and enter the account id and this code",
        file=sys.stderr,
    )
    return 0


def _revoke(args: argparse.Namespace) -> int:
    registry.revoke(_database(args), key=args.key_id, reason=args.reason, now=now_seconds())
    print(f"key {args.key_id} revoked")
    return 0


def _publish(args: argparse.Namespace) -> int:
    document = parse_json(Path(args.file).read_bytes())
    if not isinstance(document, dict):
        raise registry.AdminError("the file must hold one JSON object")
    seq = registry.publish(_database(args), document, now=now_seconds())
    print(f"published as feed item {seq}")
    return 0


def _provisioning(args: argparse.Namespace) -> int:
    keys = load_keys(args.data)
    db = _database(args)
    pins = tls_pins(
        Path(args.tls_cert).read_bytes() if args.tls_cert else None, args.tls_backup_pin or []
    )
    if not pins and args.url.lower().startswith("https://"):
        print("warning: no --tls-cert given, the file pins no TLS key", file=sys.stderr)
    points = None
    if args.crossing_points:
        loaded = parse_json(Path(args.crossing_points).read_bytes())
        if not isinstance(loaded, list):
            raise registry.AdminError("--crossing-points must hold a JSON list")
        points = loaded
    with db.read() as conn:
        document = provisioning_document(
            conn,
            keys,
            agency=args.agency,
            url=args.url,
            pins=pins,
            crossing_points=points,
            recovery_public_key=(
                Path(args.recovery_public_key).read_text() if args.recovery_public_key else None
            ),
        )
    print(json.dumps(document, indent=2))
    # The agency compares this on its first run (docs/install.md): send it by another channel
    # than the file itself (letter, phone, the forum's secure mail).
    print(f"portal key fingerprint: {fingerprint(keys.key_id)}", file=sys.stderr)
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    with _database(args).read() as conn:
        broken = audit.verify_chain(conn)
    if broken is None:
        print("audit chain intact")
        return 0
    print(f"audit chain broken at row {broken}", file=sys.stderr)
    return 1


def _serve(args: argparse.Namespace) -> int:
    if bool(args.tls_cert) != bool(args.tls_key):
        raise registry.AdminError("--tls-cert and --tls-key go together")
    settings = Settings(
        db_url=args.db or default_db_url(args.data), data_dir=args.data, public_url=args.public_url
    )
    if args.workers < 1:
        raise registry.AdminError("--workers is at least 1")
    if args.workers > 1:
        if not settings.db_url.startswith("postgresql"):
            raise registry.AdminError(
                "--workers above 1 needs PostgreSQL (--db postgresql+psycopg://…): the SQLite "
                "portal is one process"
            )
        # Each worker process builds its own app from these (an app object cannot be
        # handed to another process); the schema is upgraded once, here.
        Database(settings.db_url).upgrade()
        os.environ[WORKER_DATA_ENV] = str(args.data)
        os.environ[WORKER_DB_ENV] = settings.db_url
        os.environ[WORKER_PUBLIC_URL_ENV] = args.public_url or ""
        target: Any = "portal.app:app_from_environment"
    else:
        target = create_app(settings)
    config = uvicorn_config(
        target,
        host=args.host,
        port=args.port,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        log_level="info",  # the start-up line names the address (useful with --port 0)
        workers=args.workers,
    )
    if args.workers == 1:
        uvicorn.Server(config).run()
        return 0
    sock = config.bind_socket()
    Multiprocess(config, sockets=[sock]).run()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="outpost-portal", description=__doc__.split("\n")[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", type=Path, required=True, help="portal data directory")
    common.add_argument("--db", help="SQLAlchemy URL (default: SQLite file in --data)")
    top = parser.add_subparsers(dest="command", required=True)

    serve = top.add_parser("serve", parents=[common], help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--public-url", help="base URL clients use, when behind a proxy")
    serve.add_argument("--tls-cert", help="PEM certificate: serve HTTPS")
    serve.add_argument("--tls-key", help="PEM private key of --tls-cert")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes sharing the port (PostgreSQL only; they write one at a time)",
    )
    serve.set_defaults(run=_serve)

    admin = top.add_parser("admin", help="operator commands").add_subparsers(
        dest="admin_command", required=True
    )
    init = admin.add_parser("init", parents=[common], help="create the portal keys and schema")
    init.add_argument(
        "--portal-id", help="this portal's id in receipts and bundles (default: a new random one)"
    )
    init.add_argument("--agency", default="FORUM", help="the operator's agency code")
    init.set_defaults(run=_init)

    agency = admin.add_parser("agency-create", parents=[common], help="register an agency")
    agency.add_argument("code")
    agency.add_argument("--member-state", required=True, help="ISO 3166-1 alpha-3")
    agency.add_argument("--name")
    agency.add_argument(
        "--third-party",
        action="store_true",
        help="a partner organisation, not a member-state agency (receives only releases"
        " that allow third parties, or TLP:CLEAR)",
    )
    agency.set_defaults(run=_agency_create)

    rule = admin.add_parser(
        "national-rule",
        parents=[common],
        help="who releases a member state's reports to other member states",
    )
    rule.add_argument("member_state", help="ISO 3166-1 alpha-3")
    rule.add_argument(
        "--releases-beyond",
        dest="who",
        required=True,
        choices=("nfp", "ofp"),
        help="nfp: a second signed decision by the state's NFP (the default rule);"
        " ofp: an OFP's approval releases directly",
    )
    rule.set_defaults(run=_national_rule)

    code = admin.add_parser("code-issue", parents=[common], help="one-time enrolment code")
    code.add_argument("--agency", required=True)
    code.add_argument("--role", required=True, choices=registry.ENROLLABLE_ROLES)
    code.add_argument("--valid-hours", type=float, default=72.0)
    code.add_argument("--principal", help="only this principal (user id) may use the code")
    code.add_argument("--display-name", help="the person's name, shown to focal points")
    code.set_defaults(run=_code_issue)

    revoke = admin.add_parser("revoke", parents=[common], help="revoke a device key")
    revoke.add_argument("key_id")
    revoke.add_argument("--reason", required=True)
    revoke.set_defaults(run=_revoke)

    publish = admin.add_parser("publish", parents=[common], help="publish an alert/bulletin")
    publish.add_argument("file")
    publish.set_defaults(run=_publish)

    provisioning = admin.add_parser(
        "provisioning", parents=[common], help="print an agency provisioning file"
    )
    provisioning.add_argument("--agency", required=True)
    provisioning.add_argument("--url", required=True, help="portal URL the clients use")
    provisioning.add_argument("--tls-cert", help="the portal's PEM certificate: pin its key")
    provisioning.add_argument(
        "--tls-backup-pin",
        action="append",
        help="base64 SHA-256 SPKI pin of a standby key (repeatable)",
    )
    provisioning.add_argument(
        "--crossing-points", help="JSON file: the agency's crossing points (code lists format)"
    )
    provisioning.add_argument(
        "--recovery-public-key", help="the agency's recovery public key file (base64 X25519)"
    )
    provisioning.set_defaults(run=_provisioning)

    upgrade = admin.add_parser(
        "db-upgrade", parents=[common], help="upgrade the database schema to this version"
    )
    upgrade.set_defaults(run=_db_upgrade)

    operator = admin.add_parser(
        "operator-create", parents=[common], help="a console operator account"
    )
    operator.add_argument("operator_id")
    operator.add_argument("--name", required=True, help="the person's name")
    operator.add_argument(
        "--method", choices=("security-key", "passphrase-totp"), default="security-key"
    )
    operator.set_defaults(run=_operator_create)

    verify = admin.add_parser("audit-verify", parents=[common], help="check the audit chain")
    verify.set_defaults(run=_audit_verify)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        result: int = args.run(args)
    except (registry.AdminError, FileNotFoundError, ValueError, binascii.Error) as exc:
        print(f"outpost-portal: {exc}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":
    sys.exit(main())
