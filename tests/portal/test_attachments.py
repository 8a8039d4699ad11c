"""Attachment uploads over tus 1.0, driven by the real third-party client (tuspy) where it can
be, and by hand-made requests for the failures tuspy cannot be made to produce."""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
import sqlalchemy as sa
from tusclient.exceptions import TusUploadFailed

from portal.tables import attachments, uploads
from tests.portal.conftest import RunningPortal, Team
from tests.portal.portal_client import User
from tests.portal.tus_client import SignedTusClient, SignedUploader

PROBLEM = "https://outpost.invalid/problems/"
TUS = {"Tus-Resumable": "1.0.0"}
CHUNK = 64 * 1024


def metadata(content: bytes, report_id: str | None = None) -> dict[str, str]:
    return {
        "sha256": hashlib.sha256(content).hexdigest(),
        "report_id": report_id or str(uuid.uuid4()),
        "media_type": "image/jpeg",
    }


def write_file(tmp_path: Path, size: int) -> tuple[Path, bytes]:
    content = os.urandom(size)
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    return path, content


def client(portal: RunningPortal, user: User) -> SignedTusClient:
    return SignedTusClient(portal.url + "/v1/attachments", user.key)


def stored_file(portal: RunningPortal, content: bytes) -> bytes | None:
    digest = hashlib.sha256(content).hexdigest()
    path = portal.data_dir / "attachments" / digest[:2] / digest
    return path.read_bytes() if path.exists() else None


def attachment_rows(portal: RunningPortal, content: bytes) -> int:
    digest = hashlib.sha256(content).hexdigest()
    with portal.db.read() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(attachments.c.sha256 == digest)
            ).scalar_one()
        )


def head(user: User, url: str) -> requests.Response:
    path = urlsplit(url).path
    return user.send(user.prepare("HEAD", path, headers=TUS))


def create(user: User, length: int, meta: dict[str, str]) -> requests.Response:
    encoded = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in meta.items())
    headers = {**TUS, "Upload-Length": str(length), "Upload-Metadata": encoded}
    return user.send(user.prepare("POST", "/v1/attachments", headers=headers))


def patch(
    user: User, url: str, offset: int, chunk: bytes, extra: dict[str, str] | None = None
) -> requests.Response:
    headers = {
        **TUS,
        "Upload-Offset": str(offset),
        "Content-Type": "application/offset+octet-stream",
        **(extra or {}),
    }
    return user.send(user.prepare("PATCH", urlsplit(url).path, body=chunk, headers=headers))


def problem_of(response: requests.Response) -> str:
    assert response.headers["content-type"] == "application/problem+json", response.text
    assert response.headers["tus-resumable"] == "1.0.0"
    return str(response.json()["type"]).removeprefix(PROBLEM)


def test_options_advertises_the_tus_capabilities(portal: RunningPortal) -> None:
    response = requests.options(portal.url + "/v1/attachments", timeout=10)
    assert response.status_code == 204
    assert response.headers["tus-version"] == "1.0.0"
    assert set(response.headers["tus-extension"].split(",")) == {
        "creation",
        "checksum",
        "expiration",
    }
    assert response.headers["tus-max-size"] == str(1024 * 1024)
    assert response.headers["tus-checksum-algorithm"] == "sha256"


def test_tuspy_uploads_a_file_in_checksummed_chunks(
    portal: RunningPortal, team: Team, tmp_path: Path
) -> None:
    path, content = write_file(tmp_path, 5 * CHUNK + 123)
    uploader = client(portal, team.officer).uploader(
        str(path), chunk_size=CHUNK, metadata=metadata(content), upload_checksum=True
    )
    uploader.upload()
    assert uploader.offset == len(content)
    assert stored_file(portal, content) == content
    assert attachment_rows(portal, content) == 1
    answer = head(team.officer, uploader.url)
    assert answer.status_code == 200
    assert answer.headers["upload-offset"] == answer.headers["upload-length"] == str(len(content))
    assert answer.headers["cache-control"] == "no-store"
    assert "upload-expires" not in answer.headers  # complete: nothing left to expire


def test_a_partial_upload_resumes_from_the_servers_offset(
    portal: RunningPortal, team: Team, tmp_path: Path
) -> None:
    path, content = write_file(tmp_path, 4 * CHUNK + 7)
    first = client(portal, team.officer).uploader(
        str(path), chunk_size=CHUNK, metadata=metadata(content)
    )
    first.upload(stop_at=2 * CHUNK)  # the device goes offline after two chunks
    assert stored_file(portal, content) is None
    # Later, a new uploader that only knows the upload URL asks the portal where to go on.
    resumed: SignedUploader = client(portal, team.officer).uploader(
        str(path), url=first.url, chunk_size=CHUNK
    )
    assert resumed.offset == 2 * CHUNK
    resumed.upload()
    assert stored_file(portal, content) == content


def test_a_chunk_cut_off_mid_patch_counts_for_nothing(
    portal: RunningPortal, team: Team, tmp_path: Path
) -> None:
    path, content = write_file(tmp_path, 3 * CHUNK)
    uploader = client(portal, team.officer).uploader(
        str(path), chunk_size=CHUNK, metadata=metadata(content)
    )
    uploader.upload(stop_at=CHUNK)
    # Hand-made PATCH of the second chunk, signed for the whole chunk; half of it is sent
    # and then the connection drops.
    chunk = content[CHUNK : 2 * CHUNK]
    prepared = team.officer.prepare(
        "PATCH",
        urlsplit(uploader.url).path,
        body=chunk,
        headers={
            **TUS,
            "Upload-Offset": str(CHUNK),
            "Content-Type": "application/offset+octet-stream",
        },
    )
    target = urlsplit(uploader.url)
    head_lines = [f"PATCH {target.path} HTTP/1.1", f"Host: {target.netloc}"]
    head_lines += [f"{k}: {v}" for k, v in prepared.headers.items()]
    with socket.create_connection((target.hostname, target.port), timeout=10) as sock:
        sock.sendall(("\r\n".join(head_lines) + "\r\n\r\n").encode() + chunk[: CHUNK // 2])
        time.sleep(0.3)  # let the portal take in (and write) the first half before the cut
    answer = head(team.officer, uploader.url)
    assert answer.headers["upload-offset"] == str(CHUNK)
    # tuspy picks up from the portal's offset, not from what it believes it sent.
    resumed = client(portal, team.officer).uploader(str(path), url=uploader.url, chunk_size=CHUNK)
    assert resumed.offset == CHUNK
    resumed.upload()
    assert stored_file(portal, content) == content


def test_a_wrong_chunk_checksum_is_460_and_stores_nothing(
    portal: RunningPortal, team: Team
) -> None:
    content = os.urandom(2 * CHUNK)
    created = create(team.officer, len(content), metadata(content))
    assert created.status_code == 201, created.text
    url = created.headers["location"]
    wrong = base64.b64encode(hashlib.sha256(b"something else").digest()).decode()
    response = patch(team.officer, url, 0, content[:CHUNK], {"Upload-Checksum": f"sha256 {wrong}"})
    assert (response.status_code, problem_of(response)) == (460, "checksum-mismatch")
    assert head(team.officer, url).headers["upload-offset"] == "0"
    sha1 = base64.b64encode(hashlib.sha1(content[:CHUNK]).digest()).decode()
    response = patch(team.officer, url, 0, content[:CHUNK], {"Upload-Checksum": f"sha1 {sha1}"})
    assert (response.status_code, problem_of(response)) == (400, "unsupported-checksum-algorithm")
    right = base64.b64encode(hashlib.sha256(content[:CHUNK]).digest()).decode()
    response = patch(team.officer, url, 0, content[:CHUNK], {"Upload-Checksum": f"sha256 {right}"})
    assert response.status_code == 204
    assert response.headers["upload-offset"] == str(CHUNK)
    assert "upload-expires" in response.headers


def test_a_file_whose_hash_is_not_the_declared_one_is_refused_and_discarded(
    portal: RunningPortal, team: Team, tmp_path: Path
) -> None:
    path, content = write_file(tmp_path, 2 * CHUNK + 1)
    declared = metadata(b"the file the submission names")
    uploader = client(portal, team.officer).uploader(
        str(path), chunk_size=CHUNK, metadata=declared
    )
    with pytest.raises(TusUploadFailed) as failure:
        uploader.upload()
    assert failure.value.status_code == 422
    assert uploader.url is not None
    assert head(team.officer, uploader.url).status_code == 404
    assert stored_file(portal, content) is None
    assert attachment_rows(portal, content) == 0
    upload_id = urlsplit(uploader.url).path.rsplit("/", 1)[1]
    assert not (portal.data_dir / "uploads" / f"{upload_id}.part").exists()


def test_the_chunk_must_match_the_signed_content_digest(
    portal: RunningPortal, team: Team
) -> None:
    content = os.urandom(CHUNK)
    url = create(team.officer, len(content), metadata(content)).headers["location"]
    prepared = team.officer.prepare(
        "PATCH",
        urlsplit(url).path,
        body=content,
        headers={**TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    prepared.body = bytes(reversed(content))
    response = team.officer.send(prepared)
    assert (response.status_code, problem_of(response)) == (401, "digest-mismatch")
    assert head(team.officer, url).headers["upload-offset"] == "0"


def test_protocol_errors(portal: RunningPortal, team: Team) -> None:
    content = os.urandom(100)
    url = create(team.officer, len(content), metadata(content)).headers["location"]
    response = patch(team.officer, url, 50, content[:10])
    assert (response.status_code, problem_of(response)) == (409, "offset-mismatch")
    response = patch(team.officer, url, 0, content + b"more")
    assert (response.status_code, problem_of(response)) == (413, "upload-too-large")
    response = team.officer.send(
        team.officer.prepare("HEAD", urlsplit(url).path, headers={"Tus-Resumable": "0.2.2"})
    )
    assert response.status_code == 412
    assert response.headers["tus-version"] == "1.0.0"
    response = patch(team.officer, url, 0, content, {"Content-Type": "application/json"})
    assert (response.status_code, problem_of(response)) == (415, "unsupported-media-type")
    too_long = create(team.officer, 1024 * 1024 + 1, metadata(content))
    assert (too_long.status_code, problem_of(too_long)) == (413, "upload-too-large")
    odd = create(team.officer, 10, {**metadata(content), "filename": "x.jpg"})
    assert (odd.status_code, problem_of(odd)) == (400, "unknown-field")
    bad = create(team.officer, 10, {**metadata(content), "sha256": "abc"})
    assert (bad.status_code, problem_of(bad)) == (400, "invalid-request")
    unsigned = requests.post(
        portal.url + "/v1/attachments", headers={**TUS, "Upload-Length": "1"}, timeout=10
    )
    assert (unsigned.status_code, problem_of(unsigned)) == (401, "missing-signature")


def test_uploads_belong_to_their_creator_and_agency(
    portal: RunningPortal, team: Team
) -> None:
    content = os.urandom(10)
    url = create(team.officer, len(content), metadata(content)).headers["location"]
    assert head(team.ofp, url).status_code == 404
    assert patch(team.ofp, url, 0, content).status_code == 404
    # A report another agency has already submitted cannot receive our attachments.
    submission = team.officer.submission()
    team.officer.push([submission.to_json()])
    other = portal.new_agency()
    stranger = portal.enrol(other, "officer", "officer.s." + other.lower())
    response = create(stranger, 10, metadata(content, str(submission.body.report_id)))
    assert (response.status_code, problem_of(response)) == (403, "wrong-agency")


def test_unfinished_uploads_expire(portal: RunningPortal, team: Team) -> None:
    content = os.urandom(10)
    created = create(team.officer, len(content), metadata(content))
    assert "upload-expires" in created.headers
    url = created.headers["location"]
    upload_id = urlsplit(url).path.rsplit("/", 1)[1]
    with portal.db.write() as conn:
        conn.execute(uploads.update().where(uploads.c.id == upload_id).values(expires_at=1))
    response = patch(team.officer, url, 0, content)
    assert (response.status_code, problem_of(response)) == (410, "upload-expired")
    assert head(team.officer, url).status_code == 410
    create(team.officer, 1, metadata(b"x"))  # creating an upload sweeps expired ones away
    assert head(team.officer, url).status_code == 404
    assert not (portal.data_dir / "uploads" / f"{upload_id}.part").exists()


def test_an_empty_file_is_complete_at_creation(portal: RunningPortal, team: Team) -> None:
    created = create(team.officer, 0, metadata(b""))
    assert created.status_code == 201
    assert created.headers["upload-offset"] == "0"
    assert stored_file(portal, b"") == b""


def test_percent_encoded_paths_are_verified_as_sent(portal: RunningPortal, team: Team) -> None:
    """The signature covers the path as sent (percent-encoded), not as decoded."""
    for path in ("/v1/attachments/%C3%A9", "/v1/attachments/" + "%61" * 32):
        response = team.officer.send(team.officer.prepare("HEAD", path, headers=TUS))
        assert response.status_code == 404, path
