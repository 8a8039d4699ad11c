"""Resumable attachment uploads (tus 1.0: core, creation, checksum).

The upload's URL and offset are kept in the store, so after a cut, a crash or a week without
a link the client asks the portal for its offset (HEAD) and sends only what is missing. The
portal counts a chunk only once all of it has arrived and its checksum matches, so a cut costs
at most the chunk in flight, and the user is shown only what it confirmed.

Chunk size follows the link from the first chunk on. A new file starts small enough to be
confirmed within seconds (16 KiB when nothing is known of the link, 2 s at the rate the last
chunks measured otherwise), so speed and time left are known early; each confirmed chunk
measures the link (bytes / seconds from sending to the portal's answer), and the next is
sized to take TARGET_CHUNK_SECONDS at that rate, at most four times the last (one quick
answer may be luck) and never more than the portal takes in one request (hello's
max_body_bytes). A chunk that failed halves the size, and an upload resumed after a cut grows
back only by doubling after four quick chunks in a row, so on a link that keeps dropping it
settles below the distance between drops.
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
START_CHUNK = 16 * 1024  # nothing known of the link: confirmed in about 2 s at 64 kbit/s
FIRST_CHUNK_SECONDS = 2.0  # a new file's first chunk, at the rate already measured
# What a chunk should take at the measured rate, as the engine's push batches
# (EngineSettings.target_request_seconds): long enough that a request's latency is a small
# share, short enough that a cut loses little and the user sees a confirmation often.
TARGET_CHUNK_SECONDS = 8.0
GROWTH = 4  # the most a chunk grows over the one before
FAST_CHUNK_SECONDS = 4.0  # after a cut: a chunk this quick counts toward growing again
GROW_AFTER = 4  # after a cut: quick chunks in a row before the chunk size doubles


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
        self._rate: float | None = None  # bytes/s the last confirmed chunk measured

    @property
    def confirmed_bytes(self) -> int:
        """Bytes the portal acknowledged (its new Upload-Offset) since this uploader was made:
        the engine's proof that a pass cut mid-upload still moved the file forward."""
        return self._confirmed

    def _ceiling(self) -> int:
        """The largest chunk: MAX_CHUNK, or less if the portal takes less in one request."""
        hello = self.client.last_hello
        return MAX_CHUNK if hello is None else min(MAX_CHUNK, hello.limits.max_body_bytes)

    def _first_chunk(self) -> int:
        if self._rate is None:
            return START_CHUNK
        return int(self._rate * FIRST_CHUNK_SECONDS)

    def _next_chunk(self, chunk: int, rate: float, cautious: bool, streak: int) -> int:
        """The chunk after one of `chunk` bytes confirmed at `rate` bytes/s."""
        wanted = int(rate * TARGET_CHUNK_SECONDS)
        if not cautious:
            return min(wanted, chunk * GROWTH)
        # Resumed after a cut: double only after GROW_AFTER quick ones in a row.
        return min(wanted, chunk * 2 if streak >= GROW_AFTER else chunk)

    def _confirm(
        self, item: UploadItem, offset: int, size: int, progress: Callable[[int, int, int], None]
    ) -> None:
        """What the user is told is what the portal said it holds (the Upload-Offset of its
        last answer), never what was sent and may have been lost on a cut."""
        self.store.set_bytes(item, offset)
        progress(offset, size, 0)

    def _path(self, url: str) -> str:
        """The upload's path below the portal base URL (Location may be absolute)."""
        path = urlsplit(url).path
        base = urlsplit(self.client.base_url).path.rstrip("/")
        return path[len(base) :] if base and path.startswith(base) else path

    def upload(
        self,
        item: UploadItem,
        progress: Callable[[int, int, int], None],
        cancelled: threading.Event,
    ) -> int:
        """Uploads one attachment (resuming if it was started). Returns 1 when complete, 0 when
        it cannot start yet (its report has not been submitted). Raises TransportError on a
        link failure after saving how far it got. `progress(confirmed, size, sending)`: the
        bytes the portal holds, the file's size, and the bytes of the chunk now in flight."""
        sha = item.ref
        meta = self.store.attachment_meta(sha)
        if meta is None:
            return 0
        report_id, media_type = meta
        size = self.store.attachment_size(sha)
        saved = self.store.upload_state(sha)
        url, offset, chunk = saved or (None, 0, self._first_chunk())
        # Resumed (after a cut, as a rule): the saved size already reflects the cut.
        cautious = url is not None
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
        streak = 0  # chunks in a row that went through quickly (matters after a cut)
        while offset < size:
            if cancelled.is_set():
                return 0
            chunk = max(MIN_CHUNK, min(chunk, self._ceiling()))
            data = self.store.attachment_range(sha, offset, chunk)
            headers = {
                **TUS_HEADERS,
                "Content-Type": "application/offset+octet-stream",
                "Upload-Offset": str(offset),
                "Upload-Checksum": "sha256 "
                + base64.b64encode(hashlib.sha256(data).digest()).decode(),
            }
            # No bytes counted while the chunk goes out: bytes handed to the link are not yet
            # bytes delivered, and a cut loses them (issue 11, finding 9). Only that it is in
            # flight, so the front end knows the link is busy, not quiet.
            progress(offset, size, len(data))
            started = time.monotonic()
            try:
                answer = self.client.request("PATCH", self._path(url), data, headers)
            except TransportError:
                # Halve at once; grow back only slowly (see below): on a link that drops every
                # few hundred KB a big chunk would be lost again and again.
                chunk = max(MIN_CHUNK, chunk // 2)
                self.store.save_upload_state(sha, url, offset, chunk)
                raise
            elapsed = max(time.monotonic() - started, 1e-3)
            reached = int(answer.headers.get("Upload-Offset", str(offset + len(data))))
            self._confirmed += max(0, reached - offset)
            offset = reached
            if len(data) >= MIN_CHUNK:  # a file's small last chunk measures latency, not the link
                self._rate = len(data) / elapsed
            rate = len(data) / elapsed
            streak = streak + 1 if elapsed < FAST_CHUNK_SECONDS else 0
            chunk = self._next_chunk(len(data), rate, cautious, streak)
            if streak >= GROW_AFTER:
                streak = 0
            self.store.save_upload_state(sha, url, offset, max(MIN_CHUNK, chunk))
            self._confirm(item, offset, size, progress)
        self.store.upload_finished(item)
        return 1
