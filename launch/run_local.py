"""`make run`: a reference portal on 127.0.0.1 in the background, and the desktop client
provisioned to it. Closing the client stops the portal.

Everything lives under .run/ in the working tree: the portal's keys and database, the agency
provisioning file, fresh one-time enrolment codes for the demo users, and the client's data.
The same portal serves the web console on http://localhost:PORT with a demo operator; its
activation code is printed at start until it has been used (.run/console.json).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sync.transport import PortalClient, TransportError
from ui.app import has_display
from ui.sync_panel import SyncControl, default_engine_factory

ROOT = Path(".run")
PORTAL_DATA = ROOT / "portal"
CLIENT_DATA = ROOT / "client"
AGENCY = "THA-IMM"
PORT = 8765
DEMO_USERS = {"demo.officer": "officer", "demo.focal": "ofp"}
DEMO_OPERATOR = "demo.operator"


def _admin(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "portal.cli", "admin", *args, "--data", str(PORTAL_DATA)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"run: outpost-portal admin {args[0]} failed: {done.stderr.strip()}")
    return done.stdout


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def prepare_portal(url: str) -> None:
    if not (PORTAL_DATA / "portal-keys.json").exists():
        PORTAL_DATA.mkdir(parents=True, exist_ok=True)
        _admin("init")
        _admin("agency-create", AGENCY, "--member-state", "THA", "--name", "Immigration (demo)")
        # Passphrase + authenticator app: a demo machine rarely has a security key at hand.
        code = _admin(
            "operator-create",
            DEMO_OPERATOR,
            "--name",
            "Demo operator",
            "--method",
            "passphrase-totp",
        ).strip()
        (ROOT / "console.json").write_text(
            json.dumps({"operator": DEMO_OPERATOR, "activation_code": code}, indent=2)
        )
    (ROOT / "agency.json").write_text(_admin("provisioning", "--agency", AGENCY, "--url", url))
    codes = {
        name: _admin("code-issue", "--agency", AGENCY, "--role", role).strip().split()[-1]
        for name, role in DEMO_USERS.items()
    }
    (ROOT / "codes.json").write_text(json.dumps(codes, indent=2))


def local_engine_factory(folder: Path) -> Callable[[Any], SyncControl | None]:
    """The GUI's engine factory for `make run`: before the usual composition, provision the
    installation to the local portal and enrol the demo users with the codes prepared for
    them (a no-op once done). The shipped client has no such path; it is passed in here."""

    def factory(session: Any) -> SyncControl | None:
        from services.dev_portal import provision_and_enrol

        codes = json.loads((folder / "codes.json").read_text(encoding="utf-8"))
        provision_and_enrol(session, folder / "agency.json", codes)
        return default_engine_factory(session)

    return factory


def start_portal(
    url: str, port: int, data: Path = PORTAL_DATA, timeout: float = 20
) -> subprocess.Popen[bytes]:
    """Serves the prepared portal on 127.0.0.1:`port` and returns once it answers hello;
    SystemExit with what happened if it exits or does not answer within `timeout` seconds."""
    portal = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "serve",
            "--data",
            str(data),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            with PortalClient(url, connect_timeout=1, stall_timeout=2) as probe:
                probe.hello()
            return portal
        except TransportError:
            if portal.poll() is not None:
                raise SystemExit(
                    f"make run: the local portal exited with code {portal.returncode}."
                ) from None
            if time.monotonic() > deadline:
                stop_portal(portal)
                raise SystemExit(
                    f"make run: the local portal did not answer on {url} within {timeout:.0f} s."
                ) from None
            time.sleep(0.2)


def stop_portal(portal: subprocess.Popen[bytes]) -> None:
    portal.terminate()
    try:
        portal.wait(10)
    except subprocess.TimeoutExpired:
        portal.kill()


def main() -> int:
    if not has_display():
        print(
            "make run: no display found (DISPLAY/WAYLAND_DISPLAY unset). Use a desktop "
            "session or 'xvfb-run make run'; the command line needs none: .venv/bin/outpost --help",
            file=sys.stderr,
        )
        return 1
    if not _port_free(PORT):
        print(f"make run: port {PORT} is in use; stop whatever uses it and retry.", file=sys.stderr)
        return 1
    url = f"http://127.0.0.1:{PORT}"
    prepare_portal(url)
    try:
        portal = start_portal(url, PORT)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        print(f"Local portal on {url} (data in {PORTAL_DATA}); starting the client.")
        facts = ROOT / "console.json"
        console = json.loads(facts.read_text()) if facts.exists() else None
        if console is not None:
            print(
                f"Web console: http://localhost:{PORT}/activate with account"
                f" {console['operator']} and activation code {console['activation_code']}"
                f" (first use only; afterwards sign in at http://localhost:{PORT}/login)."
            )
        from ui.app import main as gui_main

        return gui_main(
            ["--data-dir", str(CLIENT_DATA)], engine_factory=local_engine_factory(ROOT.resolve())
        )
    finally:
        stop_portal(portal)


if __name__ == "__main__":
    sys.exit(main())
