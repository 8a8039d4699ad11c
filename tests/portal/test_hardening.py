"""Attacks on the portal's front door, each performed against a portal in its own process
(`outpost-portal serve`): bad input, decompression bombs, guessing, request smuggling,
file modes under a permissive umask, and the identity of each portal."""

from __future__ import annotations

import json
import os
import socket
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
import zstandard

from portal.tables import audit_log, certificates, enrolment_codes, envelopes
from sync.protocol import b64url_encode, generate_private_key, public_key_raw
from tests.portal.portal_client import User, enrol
from tests.portal_process import PortalProcess, portal_process, run_admin

PROBLEM = "https://outpost.invalid/problems/"
JSON = {"Content-Type": "application/json"}
MiB = 1024 * 1024


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalProcess]:
    with portal_process(tmp_path_factory.mktemp("served")) as portal:
        portal.new_agency("HD-IMM", "KEN")
        yield portal


@pytest.fixture(scope="module")
def member(served: PortalProcess) -> User:
    return enrol(served.url, served.code("HD-IMM", "officer"), str(uuid.uuid4()))


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[PortalProcess]:
    """A portal of its own (the throttles remember this test's failures)."""
    with portal_process(tmp_path / "fresh") as portal:
        portal.new_agency("HD-IMM", "KEN")
        yield portal


def count(portal: PortalProcess, table: sa.Table) -> int:
    with portal.db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def problem(response: requests.Response) -> str:
    assert response.headers["content-type"] == "application/problem+json", response.text
    assert response.json()["status"] == response.status_code
    return str(response.json()["type"]).removeprefix(PROBLEM)


def enrol_body(code: str = "AAAA-BBBB-CCCC-DDDD", **fields: str) -> dict[str, str]:
    key = b64url_encode(public_key_raw(generate_private_key()))
    return {"code": code, "public_key": key, "user_id": str(uuid.uuid4()), **fields}


LONE = "\\ud800"  # a lone surrogate, as JSON text: valid JSON syntax, not valid Unicode


def _surrogate_in(field: str) -> bytes:
    text = json.dumps(enrol_body())
    start = text.index(f'"{field}": "') + len(f'"{field}": "')
    return (text[:start] + LONE + text[start:]).encode()


BAD_ENROLMENTS = {
    "surrogate in code": _surrogate_in("code"),
    "surrogate in user_id": _surrogate_in("user_id"),
    "surrogate in public_key": _surrogate_in("public_key"),
    "surrogate as a member name": b'{"' + LONE.encode() + b'": 1}',
    "escaped NUL in user_id": json.dumps(enrol_body(user_id="a\u0000b")).encode(),
    "not UTF-8": b'{"code": "\xff\xfe"}',
    "number for a string": b'{"code": 1, "public_key": 2, "user_id": 3}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "huge integer": b'{"code": 1' + b"0" * 5000 + b"}",
}


@pytest.mark.parametrize("body", BAD_ENROLMENTS.values(), ids=BAD_ENROLMENTS.keys())
def test_bad_enrolment_input_is_a_4xx_problem_and_never_a_traceback(
    served: PortalProcess, body: bytes
) -> None:
    before = count(served, certificates)
    response = requests.post(served.url + "/v1/enrol", data=body, headers=JSON, timeout=30)
    assert 400 <= response.status_code < 500, response.text
    problem(response)
    assert count(served, certificates) == before
    assert "Traceback" not in served.log_text


def test_bad_signed_input_is_a_4xx_problem_and_never_a_traceback(
    served: PortalProcess, member: User
) -> None:
    cursor = member.send(member.prepare("GET", "/v1/feed?cursor=%ED%A0%80"))
    assert (cursor.status_code, problem(cursor)) == (400, "invalid-cursor")
    limit = member.send(member.prepare("GET", "/v1/feed?limit=%ED%A0%80"))
    assert (limit.status_code, problem(limit)) == (400, "invalid-parameter")
    body = b'{"envelopes": [{"type": "submission", "v": 1, "body": {"r": "' + LONE.encode()
    pushed = member.send(
        member.prepare("POST", "/v1/envelopes", body=body + b'"}}]}', headers=JSON)
    )
    assert 400 <= pushed.status_code < 500 or all(
        r["status"] == "rejected" for r in pushed.json()["results"]
    )
    tus = member.send(
        member.prepare(
            "POST",
            "/v1/attachments",
            headers={
                "Tus-Resumable": "1.0.0",
                "Upload-Length": "10",
                "Upload-Metadata": "sha256 7aWm,report_id \xed\xa0\x80",
            },
        )
    )
    assert 400 <= tus.status_code < 500, tus.text
    assert "Traceback" not in served.log_text


def zstd_bomb(inflated: int) -> bytes:
    """A valid zstd frame of `inflated` zero bytes (a few KiB: zstd stores runs as RLE)."""
    compressor = zstandard.ZstdCompressor(level=1).compressobj()
    block = bytes(MiB)
    out = bytearray()
    for _ in range(inflated // MiB):
        out += compressor.compress(block)
    out += compressor.flush()
    return bytes(out)


@pytest.mark.parametrize("encoding", ["zstd", "gzip"])
def test_a_decompression_bomb_is_refused_in_bounded_memory(
    served: PortalProcess, member: User, encoding: str
) -> None:
    import gzip

    if encoding == "zstd":
        body = zstd_bomb(2048 * MiB)
    else:
        body = gzip.compress(bytes(512 * MiB), compresslevel=1)
    assert len(body) < 8 * MiB  # under the raw cap: only inflating shows what it is
    stored = count(served, envelopes)
    headers = {**JSON, "Content-Encoding": encoding}
    response = member.send(member.prepare("POST", "/v1/envelopes", body=body, headers=headers))
    assert (response.status_code, problem(response)) == (413, "body-too-large")
    # VmHWM is the peak resident size since the process started: this bomb included.
    assert served.rss_bytes("VmHWM") < 200 * MiB, served.rss_bytes("VmHWM") / MiB
    assert count(served, envelopes) == stored


def test_enrolment_codes_cannot_be_guessed_quickly(fresh: PortalProcess) -> None:
    served = fresh
    session = requests.Session()
    answers = [
        session.post(served.url + "/v1/enrol", json=enrol_body(), timeout=30) for _ in range(40)
    ]
    statuses = [a.status_code for a in answers]
    assert statuses[0] == 403 and 429 in statuses, statuses
    throttled = answers[statuses.index(429)]
    assert problem(throttled) == "too-many-attempts"
    assert int(throttled.headers["Retry-After"]) >= 1
    # While throttled even a good code is not tried (and not spent).
    good = served.code("HD-IMM", "officer")
    blocked = session.post(served.url + "/v1/enrol", json=enrol_body(good), timeout=30)
    assert blocked.status_code == 429
    with served.db.read() as conn:
        unspent = conn.execute(
            sa.select(sa.func.count())
            .select_from(enrolment_codes)
            .where(enrolment_codes.c.used_at.is_(None))
        ).scalar_one()
        throttles = conn.execute(
            sa.select(audit_log.c.details).where(audit_log.c.action == "throttle")
        ).all()
    assert unspent >= 1
    assert any("enrol" in str(row.details) for row in throttles)


def test_failed_request_signatures_are_throttled(fresh: PortalProcess) -> None:
    served = fresh
    intruder = enrol(served.url, served.code("HD-IMM", "officer"), str(uuid.uuid4()))
    forged = User(intruder.base_url, generate_private_key(), intruder.certificate)
    answers = [forged.send(forged.prepare("GET", "/v1/feed")) for _ in range(60)]
    statuses = [a.status_code for a in answers]
    assert statuses[0] == 401 and 429 in statuses, statuses
    throttled = answers[statuses.index(429)]
    assert problem(throttled) == "too-many-attempts"
    assert int(throttled.headers["Retry-After"]) >= 1
    with served.db.read() as conn:
        throttles = conn.execute(
            sa.select(audit_log.c.details).where(audit_log.c.action == "throttle")
        ).all()
    assert any("signature" in str(row.details) for row in throttles)


def raw_exchange(portal: PortalProcess, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", portal.port), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except TimeoutError:
            pass
    return received


def test_content_length_with_transfer_encoding_is_refused(served: PortalProcess) -> None:
    body = json.dumps(enrol_body(served.code("HD-IMM", "officer"))).encode()
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    request = (
        b"POST /v1/enrol HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked
    )
    before = count(served, certificates)
    answer = raw_exchange(served, request)
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1.1 400"), answer[:300]
    assert count(served, certificates) == before


def test_method_not_allowed_names_the_allowed_methods(served: PortalProcess) -> None:
    for method, path, allowed in [
        ("GET", "/v1/envelopes", {"POST"}),
        ("DELETE", "/v1/attachments", {"OPTIONS", "POST"}),
        ("POST", "/v1/hello", {"GET", "HEAD"}),
    ]:
        response = requests.request(method, served.url + path, timeout=10)
        assert (response.status_code, problem(response)) == (405, "method-not-allowed")
        assert {m.strip() for m in response.headers["Allow"].split(",")} == allowed


def test_every_file_the_portal_writes_is_private_whatever_the_umask(tmp_path: Path) -> None:
    import hashlib

    data = tmp_path / "portal-data"
    with portal_process(data, umask=0o000) as portal:
        portal.new_agency("UM-IMM", "KEN")
        user = enrol(portal.url, portal.code("UM-IMM", "officer"), str(uuid.uuid4()))
        submission = user.submission()
        assert user.push([submission.to_json()]).status_code == 200
        content = b"x" * 100
        metadata = (
            f"sha256 {b64url_std(hashlib.sha256(content).hexdigest())},"
            f"report_id {b64url_std(str(submission.body.report_id))}"
        )
        created = user.send(
            user.prepare(
                "POST",
                "/v1/attachments",
                headers={
                    "Tus-Resumable": "1.0.0",
                    "Upload-Length": "100",
                    "Upload-Metadata": metadata,
                },
            )
        )
        assert created.status_code == 201, created.text
        location = created.headers["Location"].removeprefix(portal.url)
        patched = user.send(
            user.prepare(
                "PATCH",
                location,
                body=content[:40],
                headers={
                    "Tus-Resumable": "1.0.0",
                    "Upload-Offset": "0",
                    "Content-Type": "application/offset+octet-stream",
                },
            )
        )
        assert patched.status_code == 204, patched.text
        # One part of a two-part offline bundle: kept on disk until the other arrives.
        from sync.bundles import seal_bundle, split_bundle
        from sync.protocol import b64url_decode

        hello = requests.get(portal.url + "/v1/hello", timeout=10).json()
        sealed = seal_bundle(
            portal_id=hello["portal_id"],
            portal_x25519=b64url_decode(hello["keys"]["x25519"]["public_key"]),
            sender_key=user.key,
            sender=user.user_id,
            agency=user.agency,
            created_at="2026-12-01T00:00:00Z",
            envelopes=[],
            certificates=[],
            attachments=[("0" * 64, "image/jpeg", b"y" * 6000)],
        )
        first = split_bundle(sealed, user.key, 6000)[0]
        kept = user.send(
            user.prepare(
                "POST",
                "/v1/bundles/parts",
                body=first,
                headers={"Content-Type": "application/octet-stream"},
            )
        )
        assert kept.status_code == 202, kept.text
        seen = _modes(data)
    assert {"portal.db", "portal.db-wal", "portal.db-shm", "portal-keys.json"} <= {
        p.name for p in seen
    }
    assert any(p.suffix == ".part" for p in seen)
    assert any(p.parent.parent.name == "bundle-parts" for p in seen)
    wrong = {
        str(p.relative_to(tmp_path)): oct(mode)
        for p, mode in seen.items()
        if mode != (0o700 if p.is_dir() else 0o600)
    }
    assert wrong == {}


def b64url_std(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


def _modes(root: Path) -> dict[Path, int]:
    found = {root: stat.S_IMODE(root.stat().st_mode)}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            found[path] = stat.S_IMODE(path.stat().st_mode)
    return found


def test_each_portal_gets_its_own_id(tmp_path: Path) -> None:
    ids = []
    for name in ("one", "two"):
        run_admin("init", "--data", str(tmp_path / name))
        ids.append(json.loads((tmp_path / name / "portal-keys.json").read_text())["portal_id"])
    assert ids[0] != ids[1]
    run_admin("init", "--data", str(tmp_path / "named"), "--portal-id", "portal.kenya")
    named = json.loads((tmp_path / "named" / "portal-keys.json").read_text())
    assert named["portal_id"] == "portal.kenya"
