"""Small pure pieces of the portal that the HTTP tests rely on without showing directly."""

from __future__ import annotations

import asyncio

import pytest

from portal.feed_items import wrapped
from portal.locks import UploadLocks
from portal.problems import Problem
from portal.request_body import decimal
from portal.tus import parse_checksum, parse_metadata
from sync.protocol.canonical import canonical_bytes, parse_json


def test_wrapping_canonical_text_is_canonical() -> None:
    text = canonical_bytes({"b": [1, "é", {"z": 1, "a": None}], "a": "\u2028x"}).decode()
    assert wrapped("envelope", text) == canonical_bytes({"envelope": parse_json(text)}).decode()


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), ("42", 42), ("007", None), ("²", None), ("٣", None), (" 1", None), ("", None),
     ("1" * 19, None), (None, None)],
)  # fmt: skip
def test_decimal_takes_plain_ascii_digits_only(text: str | None, value: int | None) -> None:
    assert decimal(text) == value


def test_upload_metadata_and_checksum_parsing() -> None:
    meta = "sha256 " + "YWJj" + ",report_id x"
    with pytest.raises(Problem):
        parse_metadata(meta)  # "abc" is no hash
    with pytest.raises(Problem) as failure:
        parse_metadata("sha256 YQ==,sha256 YQ==")
    assert "bad pair" in failure.value.detail
    assert parse_checksum(None) is None
    with pytest.raises(Problem) as failure:
        parse_checksum("md5 AAAA")
    assert failure.value.kind.slug == "unsupported-checksum-algorithm"


def test_upload_locks_serialise_writers_and_forget_idle_uploads() -> None:
    locks = UploadLocks()
    order: list[str] = []

    async def writer(name: str) -> None:
        async with locks.hold("u1"):
            order.append(f"{name} in")
            await asyncio.sleep(0.01)
            order.append(f"{name} out")

    async def main() -> None:
        await asyncio.gather(writer("a"), writer("b"))

    asyncio.run(main())
    assert order == ["a in", "a out", "b in", "b out"]
    assert locks._locks == {}
