"""What may be attached to a report: size limits per file and per report, the content types
the agency allows (sniffed from the bytes, never taken from the file name), how large a
photo is kept, and how long a file takes to send over a slow link.

The agency sets the policy in its provisioning file ("attachments"); without one the
defaults below apply. Qt-free: the GUI scales photos with QImage to `photo_size`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import filetype

from app.errors import InvalidInput
from app.i18n import _, format_number

MB = 1024 * 1024
PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/heic"})
DOCUMENT_TYPES = frozenset(
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/msword",
        "application/vnd.ms-excel",
        "application/rtf",
    }
)
# A link the program calls slow when nothing better is known (64 kbit/s, GPRS/EDGE at a post).
SLOW_LINK_BITS_PER_SECOND = 64_000
META_KEY = "attachment_policy"
# The most a photo may weigh before it is downscaled (its stored size meets the limits).
PHOTO_READ_CAP = 64 * MB


@dataclass(frozen=True)
class AttachmentPolicy:
    max_file_bytes: int = 10 * MB
    max_report_bytes: int = 25 * MB
    allowed_types: frozenset[str] = PHOTO_TYPES | DOCUMENT_TYPES
    photo_max_px: int = 1600  # the longer side of a stored photo

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AttachmentPolicy:
        """The provisioning file's "attachments" object; bad values are refused, not guessed."""
        known = {"max_file_mb", "max_report_mb", "allowed_types", "photo_max_px"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"attachments has unknown settings: {', '.join(unknown)}")
        base = cls()

        def positive(key: str, default: int) -> int:
            value = data.get(key, default)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"attachments.{key} must be a positive whole number")
            return value

        types = data.get("allowed_types", sorted(base.allowed_types))
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types) or not types:
            raise ValueError("attachments.allowed_types must be a list of media types")
        policy = cls(
            max_file_bytes=positive("max_file_mb", base.max_file_bytes // MB) * MB,
            max_report_bytes=positive("max_report_mb", base.max_report_bytes // MB) * MB,
            allowed_types=frozenset(types),
            photo_max_px=positive("photo_max_px", base.photo_max_px),
        )
        if policy.max_file_bytes > policy.max_report_bytes:
            raise ValueError("attachments.max_file_mb is larger than max_report_mb")
        return policy

    def to_json(self) -> str:
        return json.dumps(
            {
                "max_file_mb": self.max_file_bytes // MB,
                "max_report_mb": self.max_report_bytes // MB,
                "allowed_types": sorted(self.allowed_types),
                "photo_max_px": self.photo_max_px,
            }
        )

    @classmethod
    def from_json(cls, text: str | None) -> AttachmentPolicy:
        return cls.from_dict(json.loads(text)) if text else cls()

    # -- rules -------------------------------------------------------------------------------

    def check_size(self, filename: str, size: int, already_attached: int = 0) -> None:
        """InvalidInput in plain words when a file of `size` bytes may not be added."""
        if size > self.max_file_bytes:
            raise InvalidInput(
                _("{name} is {size}; a file may be at most {limit}.").format(
                    name=filename, size=format_size(size), limit=format_size(self.max_file_bytes)
                )
            )
        if already_attached + size > self.max_report_bytes:
            raise InvalidInput(
                _("{name} would bring this report to {size}; a report may carry {limit}.").format(
                    name=filename,
                    size=format_size(already_attached + size),
                    limit=format_size(self.max_report_bytes),
                )
            )

    def check(self, filename: str, data: bytes, already_attached: int = 0) -> str:
        """The sniffed media type of `data`, or InvalidInput in plain words (nothing stored)."""
        self.check_size(filename, len(data), already_attached)
        media = sniff(data)
        if media is None or media not in self.allowed_types:
            raise InvalidInput(
                _("{name} is not a photo or document your agency accepts.").format(name=filename)
            )
        return media

    def photo_size(self, width: int, height: int) -> tuple[int, int] | None:
        """The size a photo is stored at (aspect kept), or None when it is small enough."""
        longest = max(width, height)
        if longest <= self.photo_max_px:
            return None
        scale = self.photo_max_px / longest
        return max(1, round(width * scale)), max(1, round(height * scale))


def sniff(data: bytes) -> str | None:
    """The media type read from the content's signature; None when it is not recognised."""
    kind = filetype.guess(data[:8192])  # signatures sit in the first bytes
    if kind is not None:
        return str(kind.mime)
    if data.startswith(b"{\\rtf"):
        return "application/rtf"
    return None


def is_photo(media_type: str) -> bool:
    return media_type in PHOTO_TYPES


def format_size(size: int) -> str:
    """Bytes as people read them, in the user's number format."""
    if size < 1024:
        return _("{n} bytes").format(n=format_number(size))
    if size < MB:
        return _("{n} KB").format(n=format_number(round(size / 1024)))
    return _("{n} MB").format(n=format_number(round(size / MB, 1)))


def send_seconds(size: int, bits_per_second: float = SLOW_LINK_BITS_PER_SECOND) -> int:
    """How long `size` bytes take on a link of that speed (rounded up to whole seconds)."""
    return max(1, -(-size * 8 // max(1, int(bits_per_second))))


def format_duration(seconds: int) -> str:
    if seconds < 60:
        return _("{n} s").format(n=seconds)
    if seconds < 3600:
        return _("{n} min").format(n=-(-seconds // 60))
    return _("{h} h {m} min").format(h=seconds // 3600, m=(seconds % 3600) // 60)


def metered_warning(size: int, bits_per_second: float = SLOW_LINK_BITS_PER_SECOND) -> str:
    return _("On a metered link these files take about {time} to send ({size}).").format(
        time=format_duration(send_seconds(size, bits_per_second)), size=format_size(size)
    )
