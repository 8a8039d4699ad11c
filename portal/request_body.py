"""Reading request bodies safely: size limits, Content-Encoding and strict JSON.

The raw body is capped while it streams in; a compressed body is inflated incrementally
and stopped as soon as it passes the same cap, so a small "zip bomb" cannot exhaust memory.
Inflating and parsing are CPU work: handlers run `decode` and `parse_object` in a worker
thread (`decode_json`), never on the event loop.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Collection

import zstandard
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from portal.problems import Problem
from sync.protocol.canonical import JsonObject, JsonValue, parse_json
from sync.protocol.errors import InvalidJson

# Small input steps bound the output of one step: a zstd RLE block turns 4 bytes into
# 128 KiB (32768:1), so 512 input bytes inflate to at most 16 MiB before the cap is checked.
_ZSTD_STEP = 512
# ASCII digits only: str.isdigit() and int() also take "²" or "٣", which no client means.
_DECIMAL = re.compile(r"0|[1-9][0-9]{0,17}")


def decimal(text: str | None) -> int | None:
    """A non-negative decimal integer in plain ASCII (at most 18 digits), or None."""
    if text is None or not _DECIMAL.fullmatch(text):
        return None
    return int(text)


async def read_raw(request: Request, limit: int) -> bytes:
    declared = decimal(request.headers.get("content-length"))
    if declared is not None and declared > limit:
        raise Problem("body-too-large", f"the body may have at most {limit} bytes", limit=limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem("body-too-large", f"the body may have at most {limit} bytes", limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def decode(raw: bytes, content_encoding: str | None, limit: int) -> bytes:
    encoding = (content_encoding or "identity").strip().lower()
    if encoding == "identity":
        return raw
    if encoding == "gzip":
        return _gunzip(raw, limit)
    if encoding == "zstd":
        return _unzstd(raw, limit)
    raise Problem("unsupported-content-encoding", f"Content-Encoding {encoding!r} not accepted")


def _too_large(limit: int) -> Problem:
    return Problem(
        "body-too-large", f"the decompressed body may have at most {limit} bytes", limit=limit
    )


def _gunzip(raw: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(raw, limit + 1)
        if len(out) > limit or inflater.unconsumed_tail:
            raise _too_large(limit)
        if not inflater.eof or inflater.unused_data:
            raise Problem("bad-compression", "the gzip stream is truncated or has trailing data")
    except zlib.error as exc:
        raise Problem("bad-compression", f"not a valid gzip stream: {exc}") from None
    return out


def _unzstd(raw: bytes, limit: int) -> bytes:
    inflater = zstandard.ZstdDecompressor().decompressobj()
    out = bytearray()
    end = 0
    try:
        for start in range(0, len(raw), _ZSTD_STEP):
            end = start + _ZSTD_STEP
            out += inflater.decompress(raw[start:end])
            if len(out) > limit:
                raise _too_large(limit)
            if inflater.eof:
                break
    except zstandard.ZstdError as exc:
        raise Problem("bad-compression", f"not a valid zstd stream: {exc}") from None
    if not inflater.eof or inflater.unused_data or end < len(raw):
        raise Problem("bad-compression", "the zstd stream is truncated or has trailing data")
    return bytes(out)


async def decode_json(
    raw: bytes,
    content_encoding: str | None,
    limit: int,
    fields: Collection[str],
    required: Collection[str],
) -> JsonObject:
    """`decode` then `parse_object`, in a worker thread."""

    def work() -> JsonObject:
        return parse_object(decode(raw, content_encoding, limit), fields, required)

    return await run_in_threadpool(work)


def check_json_content_type(request: Request) -> None:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise Problem("unsupported-media-type", f"expected application/json, got {media_type!r}")


def parse_object(data: bytes, fields: Collection[str], required: Collection[str]) -> JsonObject:
    """Strict JSON object with only `fields`, all of `required` present."""
    try:
        value: JsonValue = parse_json(data)
    except InvalidJson as exc:
        raise Problem("invalid-json", str(exc)) from None
    if not isinstance(value, dict):
        raise Problem("invalid-request", "the body must be a JSON object")
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise Problem(
            "unknown-field",
            f"unknown field(s): {', '.join(map(str, unknown))}",
            fields=list(unknown),
        )
    missing = sorted(set(required) - set(value))
    if missing:
        raise Problem("invalid-request", f"missing field(s): {', '.join(missing)}")
    return value
