"""Released reports as the products see them: a report version with the release it was
approved under, and who may read it.

Every product (STIX bundle, MISP event, tables, bulletin) is made from these, and only from
those the reader receives under the release rule of sync.protocol.tlp, so a product never
carries an item outside the reader's release.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain import Report
from sync.protocol import Release
from sync.protocol.tlp import ReaderFacts, audience_of, may_receive


@dataclass(frozen=True, slots=True)
class ReleasedReport:
    report_id: str
    report_version: int
    agency: str  # originating agency
    member_state: str  # its member state (alpha-3)
    approved_at: datetime
    report: Report
    release: Release

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReleasedReport:
        return cls(
            report_id=str(data["report_id"]),
            report_version=int(data["report_version"]),
            agency=str(data["agency"]),
            member_state=str(data["member_state"]),
            approved_at=datetime.strptime(data["approved_at"], "%Y-%m-%dT%H:%M:%SZ").replace(
                tzinfo=UTC
            ),
            report=Report.from_dict(data["report"]),
            release=Release.from_json(data["release"], "release"),
        )


def readable_by(items: Iterable[ReleasedReport], reader: ReaderFacts) -> list[ReleasedReport]:
    """The items whose release reaches `reader` (the portal's rule, nothing wider)."""
    return [item for item in items if may_receive(audience_of(item.release), reader)]
