"""TLS to the portal, trusted by pinning its public key rather than by certificate authorities.

The provisioning file an agency receives names the portal's TLS key(s) as the base64 SHA-256
of the certificate's SubjectPublicKeyInfo (`tls_spki_sha256`, a list: the current key and
optionally a backup for a planned key change). A pinned session accepts a server exactly when
its certificate carries one of those keys:

- a self-signed portal certificate is accepted (no CA is involved in a pilot);
- any other certificate is refused, even one a CA in the system store would vouch for:
  the usual way traffic is intercepted is with a certificate some trusted CA was made to issue;
- hostname and CA checks are replaced by the pin, so `verify=` has no effect on such a session;
- plain http:// is refused outright (there is nothing to pin).

Implementation: requests -> urllib3 connection pools whose HTTPS connection class compares
the pin right after the TLS handshake and closes the socket before any byte of the request
(headers, signature, body) is sent.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Final

import requests
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager

PROVISIONING_FIELD: Final = "tls_spki_sha256"
_PIN_BYTES: Final = 32


class CertificatePinError(requests.exceptions.SSLError):
    """The server's certificate does not carry a pinned key (or the URL cannot be pinned)."""


def spki_sha256(certificate: bytes) -> str:
    """The pin of a certificate (PEM or DER): base64 of SHA-256 over its SubjectPublicKeyInfo."""
    if certificate.lstrip().startswith(b"-----BEGIN"):
        cert = x509.load_pem_x509_certificate(certificate)
    else:
        cert = x509.load_der_x509_certificate(certificate)
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def normalise_pin(pin: str) -> str:
    """A pin as stored: plain base64 of 32 bytes (a curl-style "sha256//" prefix is dropped)."""
    text = pin.strip().removeprefix("sha256//").removeprefix("sha256/")
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raw = b""
    if len(raw) != _PIN_BYTES:
        raise ValueError(f"not a base64 SHA-256 SPKI pin: {pin!r}")
    return base64.b64encode(raw).decode("ascii")


def pins_from_provisioning(document: Mapping[str, object]) -> frozenset[str]:
    value = document.get(PROVISIONING_FIELD)
    if not isinstance(value, list) or not value or not all(isinstance(p, str) for p in value):
        raise ValueError(f"the provisioning file has no {PROVISIONING_FIELD} list of pins")
    return frozenset(normalise_pin(str(p)) for p in value)


class _PinnedHTTPSConnection(HTTPSConnection):
    pins: ClassVar[frozenset[str]] = frozenset()

    def connect(self) -> None:
        super().connect()
        # An ssl.SSLSocket, or urllib3's SSLTransport when tunnelled through an HTTPS proxy.
        peer_certificate = getattr(self.sock, "getpeercert", None)
        der: bytes | None = peer_certificate(binary_form=True) if peer_certificate else None
        actual = spki_sha256(der) if der else "(no certificate)"
        if actual not in self.pins:
            self.close()
            raise CertificatePinError(
                f"TLS certificate of {self.host}:{self.port} is not the pinned portal"
                f" certificate: its key is sha256/{actual}, the provisioning file pins"
                f" {', '.join(sorted(self.pins))}. Refusing to connect (wrong server or"
                " interception)."
            )
        self.is_verified = True  # by the pin (urllib3 would warn about an unverified request)


def _pool_classes(pins: frozenset[str]) -> dict[str, type[HTTPConnectionPool]]:
    connection = type("PinnedHTTPSConnection", (_PinnedHTTPSConnection,), {"pins": pins})
    pool = type("PinnedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": connection})
    return {"http": HTTPConnectionPool, "https": pool}


def _pin_error(exc: BaseException, depth: int = 0) -> CertificatePinError | None:
    """The CertificatePinError that urllib3 and requests wrapped into `exc`, if any."""
    if isinstance(exc, CertificatePinError):
        return exc
    if depth > 8:
        return None
    inner: list[object] = [exc.__cause__, exc.__context__, getattr(exc, "reason", None), *exc.args]
    for candidate in inner:
        if isinstance(candidate, BaseException):
            found = _pin_error(candidate, depth + 1)
            if found is not None:
                return found
    return None


class PinnedAdapter(HTTPAdapter):
    """Mount on "https://": every connection must present a pinned key."""

    def __init__(self, pins: Iterable[str], **kwargs: Any) -> None:
        self.pins = frozenset(normalise_pin(p) for p in pins)
        if not self.pins:
            raise ValueError("at least one pin is needed")
        super().__init__(**kwargs)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = _pool_classes(self.pins)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> PoolManager:
        manager: PoolManager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _pool_classes(self.pins)
        return manager

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        if not str(request.url).lower().startswith("https://"):
            raise CertificatePinError(f"{request.url}: only https:// URLs can be pinned")
        try:
            # The pin replaces CA and hostname checks; it is compared in connect().
            return super().send(request, stream, timeout, False, cert, proxies)
        except requests.exceptions.RequestException as exc:
            pinned = _pin_error(exc)
            if pinned is not None:
                raise CertificatePinError(str(pinned), request=request) from None
            raise


class _RefusePlainHttp(HTTPAdapter):
    def send(
        self, request: requests.PreparedRequest, *args: Any, **kwargs: Any
    ) -> requests.Response:
        raise CertificatePinError(f"{request.url}: a pinned session does not speak plain http")


def pinned_session(pins: Iterable[str]) -> requests.Session:
    """A requests session that talks only to a server holding one of `pins`."""
    session = requests.Session()
    session.mount("https://", PinnedAdapter(pins))
    session.mount("http://", _RefusePlainHttp())
    return session
