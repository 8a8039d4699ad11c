"""Resumable attachment uploads (tus 1.0: core, creation, checksum).

The upload's URL and offset are kept in the store, so after a cut, a crash or a week without
a link the client asks the portal for its offset (HEAD) and sends only what is missing. The
portal counts a chunk only once all of it has arrived and its checksum matches, so a cut costs
at most the chunk in flight. Chunk size follows the link: it halves after a chunk that failed
and doubles after four in a row that went quickly, so on a link that keeps dropping it settles
below the distance between drops.
"""

from __future__ import annotations

import base64
import hashlib
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit

from sync.transport import PortalClient, Problem, TransportError

TUS_HEADERS = {"Tus-Resumable": "1.0.0"}
MIN_CHUNK = 16 * 1024
MAX_CHUNK = 4 * 1024 * 1024
START_CHUNK = 128 * 1024
FAST_CHUNK_SECONDS = 4.0
GROW_AFTER = 4  # quick chunks in a row before the chunk size doubles


class UploadItem(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def ref(self) -> str: ...  # the attachment's SHA-256


class UploadStore(Protocol):
    def attachment_size(self, sha256: str) -> int: ...
    def attachment_range(self, sha256: str, offset: int, size: int) -> bytes: ...
    def attachment_meta(self, sha256: str) -> tuple[str, str] | None: ...  # (report id, type)
    def upload_state(self, sha256: str) -> tuple[str | None, int, int] | None: ...
    def save_upload_state(self, sha256: str, url: str | None, offset: int, chunk: int) -> None: ...
    def upload_finished(self, item: Any) -> None: ...
    # The bytes of this attachment the portal holds (its Upload-Offset), for the outbox view.
    def set_bytes(self, item: Any, confirmed: int) -> None: ...


def _metadata(pairs: dict[str, str]) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in pairs.items())


class TusUploader:
    def __init__(self, client: PortalClient, store: UploadStore) -> None:
        self.client = client
        self.store = store
        self._confirmed = 0

    @property
    def confirmed_bytes(self) -> int:
        """Bytes the portal acknowledged (its new Upload-Offset) since this uploader was made:
        the engine's proof that a pass cut mid-upload still moved the file forward."""
        return self._confirmed

    def _confirm(
        self, item: UploadItem, offset: int, size: int, progress: Callable[[int, int], None]
    ) -> None:
        """What the user is told is what the portal said it holds (the Upload-Offset of its
        last answer), never what was sent and may have been lost on a cut."""
        self.store.set_bytes(item, offset)
        progress(offset, size)

    def _path(self, url: str) -> str:
        """The upload's path below the portal base URL (Location may be absolute)."""
        path = urlsplit(url).path
        base = urlsplit(self.client.base_url).path.rstrip("/")
        return path[len(base) :] if base and path.startswith(base) else path

    def upload(
        self,
        item: UploadItem,
        progress: Callable[[int, int], None],
        cancelled: threading.Event,
    ) -> int:
        """Uploads one attachment (resuming if it was started). Returns 1 when complete, 0 when
        it cannot start yet (its report has not been submitted). Raises TransportError on a
        link failure after saving how far it got."""
        sha = item.ref
        meta = self.store.attachment_meta(sha)
        if meta is None:
            return 0
        report_id, media_type = meta
        size = self.store.attachment_size(sha)
        url, offset, chunk = self.store.upload_state(sha) or (None, 0, START_CHUNK)
        if url is not None:
            try:
                answer = self.client.request("HEAD", self._path(url), headers=TUS_HEADERS)
                offset = int(answer.headers.get("Upload-Offset", "0"))
            except Problem as exc:
                if exc.status not in (404, 410):
                    raise
                url, offset = None, 0  # expired or unknown on the portal: start again
        if url is None:
            headers = {
                **TUS_HEADERS,
                "Upload-Length": str(size),
                "Upload-Metadata": _metadata(
                    {"sha256": sha, "report_id": report_id, "media_type": media_type}
                ),
            }
            answer = self.client.request("POST", "/v1/attachments", b"", headers)
            url = answer.headers["Location"]
            offset = int(answer.headers.get("Upload-Offset", "0"))
        self.store.save_upload_state(sha, url, offset, chunk)
        self._confirm(item, offset, size, progress)
        streak = 0  # chunks in a row that went through quickly
        while offset < size:
            if cancelled.is_set():
                return 0
            data = self.store.attachment_range(sha, offset, chunk)
            headers = {
                **TUS_HEADERS,
                "Content-Type": "application/offset+octet-stream",
                "Upload-Offset": str(offset),
                "Upload-Checksum": "sha256 "
                + base64.b64encode(hashlib.sha256(data).digest()).decode(),
            }
            started = time.monotonic()
            try:
                # No progress while the chunk goes out: bytes handed to the link are not yet
                # bytes delivered, and a cut loses them (issue 11, finding 9).
                answer = self.client.request("PATCH", self._path(url), data, headers)
            except TransportError:
                # Halve at once; grow back only slowly (see below): on a link that drops every
                # few hundred KB a big chunk would be lost again and again.
                chunk = max(MIN_CHUNK, chunk // 2)
                self.store.save_upload_state(sha, url, offset, chunk)
                raise
            reached = int(answer.headers.get("Upload-Offset", str(offset + len(data))))
            self._confirmed += max(0, reached - offset)
            offset = reached
            streak = streak + 1 if time.monotonic() - started < FAST_CHUNK_SECONDS else 0
            if streak >= GROW_AFTER:
                chunk, streak = min(MAX_CHUNK, chunk * 2), 0
            self.store.save_upload_state(sha, url, offset, chunk)
            self._confirm(item, offset, size, progress)
        self.store.upload_finished(item)
        return 1
