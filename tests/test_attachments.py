"""Attachment policy: the type is read from the bytes, sizes are limited per file and per
report, photos are stored no larger than the agency's size (issue 12, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.attachments import MB, AttachmentPolicy, metered_warning, send_seconds, sniff
from app.errors import InvalidInput
from app.reports import AttachmentInput

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_program_is_refused_whatever_its_name(tmp_path: Path) -> None:
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
    for name in ("tool.exe", "tool.jpg"):
        with pytest.raises(InvalidInput, match="not a photo or document"):
            AttachmentInput.from_path(_file(tmp_path, name, exe))


def test_text_renamed_jpg_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not a photo or document"):
        AttachmentInput.from_path(_file(tmp_path, "holiday.jpg", b"just some text\n" * 50))


def test_a_real_photo_and_pdf_are_kept_with_the_sniffed_type(tmp_path: Path) -> None:
    photo = AttachmentInput.from_path(_file(tmp_path, "scan.bin", JPEG + b"\x00" * 100))
    assert photo.media_type == "image/jpeg"
    doc = AttachmentInput.from_path(_file(tmp_path, "manifest.jpg", PDF + b"x" * 100))
    assert doc.media_type == "application/pdf"  # the name says jpg, the bytes say PDF
    assert sniff(b"{\\rtf1 hello}") == "application/rtf"


def test_limits_per_file_and_per_report(tmp_path: Path) -> None:
    policy = AttachmentPolicy.from_dict({"max_file_mb": 1, "max_report_mb": 2})
    big = _file(tmp_path, "big.pdf", PDF + b"x" * (MB + 1))
    with pytest.raises(InvalidInput, match="a file may be at most 1 MB"):
        AttachmentInput.from_path(big, policy)
    ok = _file(tmp_path, "ok.pdf", PDF + b"x" * (MB - 100))
    assert (
        AttachmentInput.from_path(ok, policy, already_attached=MB).media_type == "application/pdf"
    )
    with pytest.raises(InvalidInput, match="a report may carry 2 MB"):
        AttachmentInput.from_path(ok, policy, already_attached=MB + MB // 2)


def test_the_agency_may_narrow_the_types() -> None:
    policy = AttachmentPolicy.from_dict({"allowed_types": ["application/pdf"]})
    assert policy.check("a.pdf", PDF) == "application/pdf"
    with pytest.raises(InvalidInput):
        policy.check("a.jpg", JPEG)


@pytest.mark.parametrize(
    "bad",
    [
        {"max_file_mb": 0},
        {"max_file_mb": "10"},
        {"max_file_mb": True},
        {"allowed_types": []},
        {"max_file_mb": 30, "max_report_mb": 20},
        {"photo_size": 100},
    ],
)
def test_bad_policy_values_are_refused(bad: dict) -> None:
    with pytest.raises(ValueError):
        AttachmentPolicy.from_dict(bad)


def test_policy_round_trips_through_its_stored_form() -> None:
    policy = AttachmentPolicy.from_dict(
        {"max_file_mb": 3, "max_report_mb": 9, "allowed_types": ["image/jpeg"], "photo_max_px": 800}
    )
    assert AttachmentPolicy.from_json(policy.to_json()) == policy
    assert AttachmentPolicy.from_json(None) == AttachmentPolicy()


def test_photo_size_keeps_the_aspect_and_leaves_small_photos_alone() -> None:
    policy = AttachmentPolicy(photo_max_px=1600)
    assert policy.photo_size(6000, 4000) == (1600, 1067)
    assert policy.photo_size(3000, 4500) == (1067, 1600)
    assert policy.photo_size(1600, 900) is None


def test_metered_warning_gives_the_time_to_send() -> None:
    assert send_seconds(8000, 64_000) == 1
    assert send_seconds(2 * MB, 64_000) == 263
    assert metered_warning(2 * MB) == (
        "On a metered link these files take about 5 min to send (2 MB)."
    )
