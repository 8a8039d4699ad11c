"""Each way a request can be wrong gets its own problem type, and nothing is stored."""

from __future__ import annotations

import gzip
import json
import logging
import socket
import time

import pytest
import requests
import sqlalchemy as sa
import zstandard

from portal.clock import now_seconds
from portal.registry import revoke
from portal.tables import envelopes
from tests.portal.conftest import RunningPortal, Team
from tests.portal.portal_client import User, wire

PROBLEM = "https://outpost.invalid/problems/"
JSON = {"Content-Type": "application/json"}


def envelope_rows(portal: RunningPortal) -> int:
    with portal.db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(envelopes)).scalar_one())


def problem_of(response: requests.Response) -> str:
    assert response.headers["content-type"] == "application/problem+json", response.text
    body = response.json()
    assert body["status"] == response.status_code
    return str(body["type"]).removeprefix(PROBLEM)


def push_raw(user: User, body: bytes, headers: dict[str, str] | None = None) -> requests.Response:
    return user.send(user.prepare("POST", "/v1/envelopes", body=body, headers=headers or JSON))


def batch(user: User) -> bytes:
    return json.dumps({"envelopes": [user.submission().to_json()]}).encode()


def test_unsigned_request(portal: RunningPortal, team: Team) -> None:
    prepared = team.officer.prepare(
        "POST", "/v1/envelopes", body=batch(team.officer), headers=JSON, sign=False
    )
    before = envelope_rows(portal)
    response = team.officer.send(prepared)
    assert (response.status_code, problem_of(response)) == (401, "missing-signature")
    assert envelope_rows(portal) == before


def test_body_changed_after_signing(portal: RunningPortal, team: Team) -> None:
    prepared = team.officer.prepare("POST", "/v1/envelopes", body=batch(team.officer), headers=JSON)
    prepared.body = batch(team.officer)
    prepared.headers["Content-Length"] = str(len(prepared.body))
    assert problem_of(team.officer.send(prepared)) == "digest-mismatch"


def test_signature_by_another_key(portal: RunningPortal, team: Team) -> None:
    prepared = team.officer.prepare("POST", "/v1/envelopes", body=batch(team.officer), headers=JSON)
    forged = team.ofp.prepare("POST", "/v1/envelopes", body=batch(team.officer), headers=JSON)
    prepared.headers["Signature"] = forged.headers["Signature"]
    assert problem_of(team.officer.send(prepared)) == "bad-request-signature"


def test_replayed_request(portal: RunningPortal, team: Team) -> None:
    prepared = team.officer.prepare("POST", "/v1/envelopes", body=batch(team.officer), headers=JSON)
    assert team.officer.send(prepared).status_code == 200
    before = envelope_rows(portal)
    again = team.officer.send(prepared)
    assert (again.status_code, problem_of(again)) == (401, "replayed-request")
    assert envelope_rows(portal) == before


@pytest.mark.parametrize("offset", [-301 - 60, 301 + 60])
def test_created_outside_the_window(portal: RunningPortal, team: Team, offset: int) -> None:
    before = envelope_rows(portal)
    response = team.officer.push(
        [team.officer.submission().to_json()], created=int(time.time()) + offset
    )
    assert problem_of(response) == "clock-skew"
    assert abs(response.json()["portal_time"] - time.time()) < 5
    assert envelope_rows(portal) == before


def test_created_inside_the_window_is_accepted(portal: RunningPortal, team: Team) -> None:
    response = team.officer.push(
        [team.officer.submission().to_json()], created=int(time.time()) - 200
    )
    assert response.status_code == 200


def test_revoked_key(portal: RunningPortal, team: Team) -> None:
    envelope = team.officer.submission().to_json()
    revoke(portal.db, key=team.officer.certificate.key_id, reason="lost", now=now_seconds())
    before = envelope_rows(portal)
    response = team.officer.push([envelope])
    assert (response.status_code, problem_of(response)) == (401, "revoked-key")
    assert envelope_rows(portal) == before
    # And an envelope the revoked key signed is refused even when a colleague relays it.
    (item,) = team.ofp.push([envelope]).json()["results"]
    assert item["problem"]["type"] == PROBLEM + "revoked-key"
    revocations = [i for i in team.ofp.feed_all() if i["kind"] == "revocation"]
    assert team.officer.certificate.key_id in {i["payload"]["key_id"] for i in revocations}


def test_unknown_key(portal: RunningPortal, team: Team) -> None:
    from sync.protocol import generate_private_key

    stranger = User(portal.url, generate_private_key(), team.officer.certificate)
    assert problem_of(stranger.push([])) == "unknown-key"


def test_self_signed_signer_is_refused(portal: RunningPortal, team: Team) -> None:
    from datetime import UTC, datetime, timedelta

    from sync.protocol import generate_private_key, self_signed_certificate

    key = generate_private_key()
    now = datetime.now(UTC)
    cert = self_signed_certificate(
        key,
        user_id=team.officer.user_id,
        agency=team.agency,
        role="officer",
        not_before=now - timedelta(days=1),
        not_after=now + timedelta(days=1),
    )
    device = User(portal.url, key, cert)
    (item,) = team.officer.push([device.submission().to_json()]).json()["results"]
    assert item["problem"]["type"] == PROBLEM + "unknown-key"


def test_unknown_field_in_the_batch(portal: RunningPortal, team: Team) -> None:
    body = json.dumps({"envelopes": [], "priority": "high"}).encode()
    response = push_raw(team.officer, body)
    assert (response.status_code, problem_of(response)) == (400, "unknown-field")
    assert response.json()["fields"] == ["priority"]


def test_unknown_field_in_an_envelope(portal: RunningPortal, team: Team) -> None:
    envelope = wire(team.officer.submission())
    envelope["body"]["urgent"] = True
    (item,) = team.officer.push([envelope]).json()["results"]
    assert item["status"] == "rejected"
    assert item["problem"]["type"] == PROBLEM + "malformed-envelope"
    assert "urgent" in item["problem"]["detail"]


def test_invalid_json(portal: RunningPortal, team: Team) -> None:
    before = envelope_rows(portal)
    response = push_raw(team.officer, b'{"envelopes": [}')
    assert (response.status_code, problem_of(response)) == (400, "invalid-json")
    response = push_raw(team.officer, b'{"envelopes": [], "envelopes": []}')
    assert problem_of(response) == "invalid-json"
    assert envelope_rows(portal) == before


def test_oversized_body(portal: RunningPortal, team: Team) -> None:
    body = json.dumps({"envelopes": ["x" * (300 * 1024)]}).encode()
    response = push_raw(team.officer, body)
    assert (response.status_code, problem_of(response)) == (413, "body-too-large")


def test_too_many_envelopes(portal: RunningPortal, team: Team) -> None:
    body = json.dumps({"envelopes": [{}] * 51}).encode()
    assert problem_of(push_raw(team.officer, body)) == "batch-too-large"


@pytest.mark.parametrize("encoding", ["gzip", "zstd"])
def test_broken_compression(portal: RunningPortal, team: Team, encoding: str) -> None:
    data = batch(team.officer)
    packed = gzip.compress(data) if encoding == "gzip" else zstandard.compress(data)
    before = envelope_rows(portal)
    response = push_raw(team.officer, packed[:-8], {**JSON, "Content-Encoding": encoding})
    assert (response.status_code, problem_of(response)) == (400, "bad-compression")
    assert envelope_rows(portal) == before
    response = push_raw(team.officer, packed, {**JSON, "Content-Encoding": encoding})
    assert response.json()["results"][0]["status"] == "stored"


def test_compression_bomb(portal: RunningPortal, team: Team) -> None:
    bomb = gzip.compress(b'{"envelopes": ["' + b"a" * (2 * 1024 * 1024) + b'"]}')
    response = push_raw(team.officer, bomb, {**JSON, "Content-Encoding": "gzip"})
    assert problem_of(response) == "body-too-large"


def test_unsupported_encoding_and_media_type(portal: RunningPortal, team: Team) -> None:
    response = push_raw(team.officer, batch(team.officer), {**JSON, "Content-Encoding": "br"})
    assert problem_of(response) == "unsupported-content-encoding"
    response = push_raw(team.officer, batch(team.officer), {"Content-Type": "text/plain"})
    assert problem_of(response) == "unsupported-media-type"


def test_receipts_are_not_accepted_from_clients(portal: RunningPortal, team: Team) -> None:
    (first,) = team.officer.push([team.officer.submission().to_json()]).json()["results"]
    (item,) = team.officer.push([first["receipt"]]).json()["results"]
    assert item["problem"]["type"] == PROBLEM + "unexpected-type"


def test_bad_feed_cursor_and_limit(portal: RunningPortal, team: Team) -> None:
    assert problem_of(team.officer.feed("bm9wZQ")) == "invalid-cursor"
    assert problem_of(team.officer.feed(limit=0)) == "invalid-parameter"
    # Digits outside ASCII: str.isdigit() says yes, int() fails or reads "٣" as 3.
    for odd in ("²", "٣", " 5", "+5", "1e2"):
        assert problem_of(team.officer.feed(limit=odd)) == "invalid-parameter"


def test_unknown_route_and_unsigned_bundle(portal: RunningPortal) -> None:
    assert problem_of(requests.get(portal.url + "/v1/nothing", timeout=10)) == "not-found"
    assert problem_of(requests.get(portal.url + "/v1/enrol", timeout=10)) == "method-not-allowed"
    response = requests.post(portal.url + "/v1/bundles", data=b"x", timeout=10)
    assert (response.status_code, problem_of(response)) == (401, "missing-signature")


def test_a_client_that_goes_away_mid_body_is_an_info_line_and_stores_nothing(
    portal: RunningPortal, team: Team, caplog: pytest.LogCaptureFixture
) -> None:
    """A link cut while a push streams in is routine at a border post: the portal notes it
    in one line, without a traceback that would page an operator, and stores nothing."""
    body = batch(team.officer)
    signed = team.officer.prepare("POST", "/v1/envelopes", body=body, headers=JSON)
    before = envelope_rows(portal)
    host, port = "127.0.0.1", portal.server.port
    head = [f"POST {signed.path_url} HTTP/1.1", f"Host: {host}:{port}"]
    head += [f"{name}: {value}" for name, value in signed.headers.items()]
    caplog.set_level(logging.INFO, logger="portal")
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body[: len(body) // 2])
        time.sleep(0.2)  # the handler is reading the body when the link goes
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not _records_of(caplog, "/v1/envelopes"):
        time.sleep(0.05)
    records = _records_of(caplog, "/v1/envelopes")
    assert records, "the portal said nothing about the request that went away"
    assert [r.levelno for r in records] == [logging.INFO], [r.getMessage() for r in records]
    assert records[0].exc_info is None
    assert "nothing stored" in records[0].getMessage()
    assert envelope_rows(portal) == before


def _records_of(caplog: pytest.LogCaptureFixture, path: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "portal" and path in r.getMessage()]
