"""`outpost verify-release DIR --key KEY`, and what the global `--provision FILE` and
`--expect-fingerprint FP` options do to the other commands.

--provision FILE, checked before anything changes (signature, then trust in its portal key):
  init        sets up the installation and connects it to the file's portal in one step
  self-test   checks that file on the "provisioning" line
  other commands on an installation: connect it first if it is not connected yet
--expect-fingerprint FP (or $OUTPOST_EXPECT_FINGERPRINT): the file's portal key must have it;
it applies to `outpost provision FILE` too.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.errors import InvalidInput
from app.provisioning import (
    EXPECT_FINGERPRINT_ENV,
    PROVISIONING_ENV,
    Provisioning,
    apply_provisioning,
    portal_settings,
    read_provisioning,
    trust_note,
)

# Commands that never open an installation: --provision has nothing to connect there.
_NO_INSTALLATION = {"verify", "verify-release", "recovery-key"}


def cmd_verify_release(args: argparse.Namespace) -> int:
    from app.release import load_public_key, verify_release

    key_path = Path(args.key)
    try:
        key = load_public_key(key_path.read_bytes(), str(key_path))
    except OSError as exc:
        raise InvalidInput(f"Cannot read {key_path}: {exc.strerror}.") from None
    folder = Path(args.dir)
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder: give the folder the release files are in.")
    result = verify_release(folder, key)
    print(f"{'OK  ' if result.signature_ok else 'FAIL'}  {result.signature_detail}")
    for check in result.files:
        print(f"{'OK  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
    for name in result.unlisted:
        print(f"      {name}: not listed in SHA256SUMS (not checked)")
    if result.ok:
        print(f"{folder}: release verified; install only the files marked OK.")
        return 0
    print(f"{folder}: NOT verified. Do not install these files; download them again.")
    return 1


def _expected(args: argparse.Namespace) -> str | None:
    return getattr(args, "expect_fingerprint", None) or os.environ.get(EXPECT_FINGERPRINT_ENV)


def run(args: argparse.Namespace) -> int:
    """Runs the parsed command with the global provisioning options applied."""
    file: str | None = getattr(args, "provision", None)
    expected = _expected(args)
    if args.command == "self-test":
        # The self-test reads the file from where it is configured; the options configure it
        # for this one run (restored after: tests call main() many times in one process).
        saved = {k: os.environ.get(k) for k in (PROVISIONING_ENV, EXPECT_FINGERPRINT_ENV)}
        try:
            if file:
                os.environ[PROVISIONING_ENV] = file
            if expected:
                os.environ[EXPECT_FINGERPRINT_ENV] = expected
            _no_display_means_offscreen()
            return int(args.handler(args))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    if args.command == "provision":
        prov = read_provisioning(Path(args.file), expected)
        code = int(args.handler(args))
        print(trust_note(prov))
        return code
    if not file:
        return int(args.handler(args))
    if args.command in _NO_INSTALLATION:
        raise InvalidInput(f"--provision does not apply to '{args.command}'.")
    prov = read_provisioning(Path(file), expected)  # refused here, nothing has changed yet
    if args.command == "init":
        return _init_provisioned(args, prov)
    _provision_existing(args, prov)
    return int(args.handler(args))


def _no_display_means_offscreen() -> None:
    """Qt aborts the whole process when it finds no display (an SSH session to a post's
    machine): check its building blocks with the offscreen plugin instead, and say so on the
    Qt line ("requested: offscreen")."""
    import sys

    if (
        sys.platform.startswith("linux")
        and "QT_QPA_PLATFORM" not in os.environ
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _init_provisioned(args: argparse.Namespace, prov: Provisioning) -> int:
    """`outpost --provision FILE init ...`: the new installation and its portal in one step,
    with the agency recovery key from the file unless one is given."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    from app.session import NewUser, initialise, parse_role
    from cli import passphrases
    from cli.main import _paths, _read_key_file

    if args.agency != prov.agency:
        raise InvalidInput(
            f"The provisioning file is for agency {prov.agency}, not {args.agency}: use "
            f"--agency {prov.agency}, or the provisioning file of agency {args.agency}."
        )
    recovery = None
    if args.recovery_public_key:
        recovery = X25519PublicKey.from_public_bytes(_read_key_file(args.recovery_public_key))
    elif prov.recovery_public_key is not None:
        recovery = X25519PublicKey.from_public_bytes(prov.recovery_public_key)
    if not args.user:
        raise InvalidInput("Name the first user with --user NAME.")
    passphrase = passphrases.new_passphrase(args.new_passphrase_file, args.user)
    user = NewUser(args.user, parse_role(args.role), args.agency)
    paths = _paths(args)
    with initialise(paths, user, passphrase, recovery_public_key=recovery) as session:
        apply_provisioning(session.db, session.audit, session.user.id, prov)
    print(f"Outpost is set up in {paths.root} with user {user.name} ({user.role.value}).")
    print(f"Connected to portal {prov.portal_id} at {prov.portal_url} for agency {prov.agency}.")
    print(trust_note(prov))
    return 0


def _provision_existing(args: argparse.Namespace, prov: Provisioning) -> None:
    from cli.main import _unlock

    with _unlock(args) as session:
        current = portal_settings(session.db)
        if current is not None and current.portal_key_id == prov.portal_key_id:
            return  # already connected to this portal: nothing to do
        apply_provisioning(session.db, session.audit, session.user.id, prov)
    print(f"Connected to portal {prov.portal_id} at {prov.portal_url} for agency {prov.agency}.")
    print(trust_note(prov))
