"""HTTPS: the portal serves TLS, and clients trust it by the SPKI pin of the provisioning file."""

from __future__ import annotations

import ipaddress
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from portal.app import create_app
from portal.cli import main
from portal.config import Settings, default_db_url
from portal.database import Database
from portal.keys import create_keys
from portal.registry import create_agency, issue_code
from portal.server import BackgroundServer, start_in_thread
from sync.tls_pinning import CertificatePinError, pinned_session, spki_sha256
from tests.portal.portal_client import enrol
from tests.portal.test_publish_and_cli import _port_from_log


@dataclass
class Pem:
    cert: Path
    key: Path

    @property
    def pin(self) -> str:
        return spki_sha256(self.cert.read_bytes())


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_certificate(
    directory: Path,
    name: str,
    *,
    issuer: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None = None,
    ca: bool = False,
) -> tuple[Pem, x509.Certificate, ec.EllipticCurvePrivateKey]:
    """A P-256 certificate for 127.0.0.1, self-signed unless `issuer` signs it."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    issuer_cert, issuer_key = issuer if issuer else (None, key)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(issuer_cert.subject if issuer_cert else _name(name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
    cert = builder.sign(issuer_key, hashes.SHA256())
    pem = Pem(directory / f"{name}.pem", directory / f"{name}.key")
    pem.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pem.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return pem, cert, key


@dataclass
class TlsPortal:
    server: BackgroundServer
    db: Database
    pem: Pem

    @property
    def url(self) -> str:
        return self.server.url


def _tls_portal(data_dir: Path, pem: Pem) -> TlsPortal:
    keys = create_keys(data_dir, portal_id="portal.tls", agency="FORUM")
    settings = Settings(db_url=default_db_url(data_dir), data_dir=data_dir)
    db = Database(settings.db_url)
    server = start_in_thread(
        create_app(settings, db=db, keys=keys), tls_cert=str(pem.cert), tls_key=str(pem.key)
    )
    return TlsPortal(server, db, pem)


@dataclass
class Certificates:
    self_signed: Pem
    other: Pem  # another self-signed key: a pin that must not match
    ca: Pem
    ca_signed: Pem  # a certificate a client that trusts `ca` would accept


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    directory = tmp_path_factory.mktemp("tls")
    self_signed, _, _ = make_certificate(directory, "portal")
    other, _, _ = make_certificate(directory, "impostor")
    ca, ca_cert, ca_key = make_certificate(directory, "ca", ca=True)
    ca_signed, _, _ = make_certificate(directory, "intercept", issuer=(ca_cert, ca_key))
    return Certificates(self_signed, other, ca, ca_signed)


@pytest.fixture(scope="module")
def tls_portal(
    certificates: Certificates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TlsPortal]:
    portal = _tls_portal(tmp_path_factory.mktemp("tls-portal"), certificates.self_signed)
    try:
        yield portal
    finally:
        portal.server.stop()
        portal.db.dispose()


@pytest.fixture(scope="module")
def ca_portal(
    certificates: Certificates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TlsPortal]:
    """A portal behind a certificate a public-looking CA issued (say, an interceptor's)."""
    portal = _tls_portal(tmp_path_factory.mktemp("ca-portal"), certificates.ca_signed)
    try:
        yield portal
    finally:
        portal.server.stop()
        portal.db.dispose()


def test_the_pinned_self_signed_certificate_is_accepted(tls_portal: TlsPortal) -> None:
    assert tls_portal.url.startswith("https://")
    session = pinned_session([tls_portal.pem.pin])
    hello = session.get(tls_portal.url + "/v1/hello", timeout=10)
    assert hello.status_code == 200
    # Signed requests work over TLS too (the signed @target-uri is the https:// URL).
    from portal.clock import now_seconds

    create_agency(tls_portal.db, code="KE-TLS", member_state="KEN", name="t", now=now_seconds())
    code = issue_code(
        tls_portal.db, agency="KE-TLS", role="officer", ttl_seconds=600, now=now_seconds()
    )
    user = enrol(tls_portal.url, code, "officer.tls", session=session)
    assert user.feed().status_code == 200


def test_a_wrong_pin_is_a_hard_error(tls_portal: TlsPortal, certificates: Certificates) -> None:
    session = pinned_session([certificates.other.pin])
    with pytest.raises(CertificatePinError, match="not the pinned portal certificate"):
        session.get(tls_portal.url + "/v1/hello", timeout=10)


def test_without_the_pin_the_self_signed_certificate_is_not_trusted(
    tls_portal: TlsPortal,
) -> None:
    with pytest.raises(requests.exceptions.SSLError, match="CERTIFICATE_VERIFY_FAILED"):
        requests.get(tls_portal.url + "/v1/hello", timeout=10)


def test_a_certificate_a_trusted_ca_issued_is_refused_unless_pinned(
    ca_portal: TlsPortal, certificates: Certificates
) -> None:
    # A client trusting the CA would accept this server...
    assert requests.get(ca_portal.url + "/v1/hello", verify=str(certificates.ca.cert)).ok
    # ...a pinned one does not, whatever `verify` says.
    session = pinned_session([certificates.self_signed.pin])
    with pytest.raises(CertificatePinError):
        session.get(ca_portal.url + "/v1/hello", verify=str(certificates.ca.cert), timeout=10)
    # Pinning that server's own key (e.g. a standby pin) accepts it.
    both = pinned_session([certificates.self_signed.pin, certificates.ca_signed.pin])
    assert both.get(ca_portal.url + "/v1/hello", timeout=10).ok


def test_a_pinned_session_refuses_plain_http(tls_portal: TlsPortal) -> None:
    session = pinned_session([tls_portal.pem.pin])
    with pytest.raises(CertificatePinError, match="plain http"):
        session.get(tls_portal.url.replace("https://", "http://") + "/v1/hello", timeout=10)


def test_serve_with_tls_and_a_provisioning_file_that_pins_it(
    tmp_path: Path, certificates: Certificates, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "portal")
    pem = certificates.self_signed
    assert main(["admin", "init", "--data", data]) == 0
    assert main(["admin", "agency-create", "--data", data, "KE-DIS", "--member-state", "KEN"]) == 0
    capsys.readouterr()
    url = "https://127.0.0.1:8443"
    args = ["admin", "provisioning", "--data", data, "--agency", "KE-DIS", "--url", url]
    assert main([*args, "--tls-cert", str(pem.cert)]) == 0
    provisioning = json.loads(capsys.readouterr().out)
    assert provisioning["tls_spki_sha256"] == [pem.pin]

    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "portal.cli", "serve", "--data", data, "--port", "0"),
            *("--tls-cert", str(pem.cert), "--tls-key", str(pem.key)),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = _port_from_log(process)
        from sync.tls_pinning import pins_from_provisioning

        # Closed before the server stops: it waits for open keep-alive connections.
        with pinned_session(pins_from_provisioning(provisioning)) as session:
            hello = session.get(f"https://127.0.0.1:{port}/v1/hello", timeout=10).json()
        assert hello["keys"]["ed25519"]["key_id"] == provisioning["portal_key_id"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_pins_are_read_strictly(certificates: Certificates) -> None:
    from sync.tls_pinning import normalise_pin, pins_from_provisioning

    pin = certificates.self_signed.pin
    assert normalise_pin("sha256//" + pin) == normalise_pin(" " + pin) == pin
    assert pins_from_provisioning({"tls_spki_sha256": [pin]}) == {pin}
    for bad in ({}, {"tls_spki_sha256": []}, {"tls_spki_sha256": pin}):
        with pytest.raises(ValueError):
            pins_from_provisioning(bad)
    with pytest.raises(ValueError):
        normalise_pin("AAAA")  # not 32 bytes
    with pytest.raises(ValueError):
        pinned_session([])
