"""Settings of the web console (portal/web/): origin, timeouts, throttles, passphrase cost."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from portal.web.passphrase import KdfParams


@dataclass(frozen=True, slots=True)
class ConsoleSettings:
    # The origin people type into their browser, e.g. "https://portal.forum.example". WebAuthn
    # binds every security key to its host (the relying party id), so it must be fixed here,
    # never taken from a request header. None: the origin the request arrived on (tests, a
    # loopback demo).
    origin: str | None = None
    idle_seconds: int = 15 * 60  # a session nobody used for this long is over
    session_seconds: int = 12 * 3600  # and none lasts longer than a working day
    # Failed sign-ins allowed per account, and per source address, in `failure_window`.
    failures_per_account: int = 5
    failures_per_source: int = 50  # high: an agency behind one NAT shares an address
    failure_window: int = 15 * 60
    activation_hours: int = 72  # how long an account's activation code stays valid
    ceremony_seconds: int = 10 * 60  # between a WebAuthn challenge and its answer
    kdf: KdfParams = field(default_factory=KdfParams)
    # SPKI pins of the portal's TLS key (and a standby's), for the provisioning files the
    # operator downloads; empty when the portal is not served over TLS by itself.
    tls_pins: tuple[str, ...] = ()

    def rp_id(self, request_origin: str) -> str:
        host = urlsplit(self.origin or request_origin).hostname
        if not host:
            raise ValueError("the console origin has no host name")
        return host
