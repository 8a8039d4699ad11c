"""tuspy, the third-party tus client, taught to sign each request (RFC 9421).

tuspy sends every request through module-level `requests` calls with fixed headers, so a
per-request signature needs the three places where it builds a request: the creation POST
(its headers come from get_url_creation_headers), the offset HEAD (get_offset) and the chunk
PATCH (TusRequest.add_checksum sees the exact chunk bytes just before they are sent).
Everything else (chunking, offsets, resuming, metadata encoding, Upload-Checksum) is tuspy's.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from tusclient.client import TusClient
from tusclient.exceptions import TusCommunicationError, TusUploadFailed
from tusclient.request import TusRequest, catch_requests_error
from tusclient.uploader import Uploader

from sync.http_signatures import sign_request


def _signature(key: Ed25519PrivateKey, method: str, url: str, body: bytes = b"") -> dict[str, str]:
    return sign_request(
        method=method, url=url, body=body, private_key=key, created=int(time.time())
    )


class SignedTusClient(TusClient):  # type: ignore[misc]
    def __init__(self, url: str, key: Ed25519PrivateKey) -> None:
        super().__init__(url)
        self.key = key

    def uploader(self, *args: Any, **kwargs: Any) -> SignedUploader:
        kwargs["client"] = self
        return SignedUploader(*args, **kwargs)


class SignedTusRequest(TusRequest):  # type: ignore[misc]
    def __init__(self, uploader: SignedUploader) -> None:
        super().__init__(uploader)
        self._key = uploader.client.key

    def add_checksum(self, chunk: bytes) -> None:
        super().add_checksum(chunk)
        self._request_headers.update(_signature(self._key, "PATCH", self._url, chunk))


class SignedUploader(Uploader):  # type: ignore[misc]
    # tuspy defaults to sha1; the portal accepts sha256 only.
    CHECKSUM_ALGORITHM_PAIR = ("sha256", hashlib.sha256)
    client: SignedTusClient

    def get_url_creation_headers(self) -> dict[str, str]:
        headers: dict[str, str] = super().get_url_creation_headers()
        headers.update(_signature(self.client.key, "POST", self.client.url))
        return headers

    @catch_requests_error  # type: ignore[untyped-decorator]
    def get_offset(self) -> int:
        headers = {**self.get_headers(), **_signature(self.client.key, "HEAD", self.url)}
        response = requests.head(
            self.url, headers=headers, verify=self.verify_tls_cert, cert=self.client_cert
        )
        offset = response.headers.get("upload-offset")
        if offset is None:
            raise TusCommunicationError(
                f"no offset (status {response.status_code})",
                response.status_code,
                response.content,
            )
        return int(offset)

    def _do_request(self) -> None:
        self.request = SignedTusRequest(self)
        try:
            self.request.perform()
            if not 200 <= self.request.status_code < 300:
                raise TusUploadFailed(
                    "", self.request.status_code, self.request.response_content
                )
        except TusUploadFailed as error:
            self._retry_or_cry(error)
