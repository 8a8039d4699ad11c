"""The audit trail: an append-only, hash-chained record of every change of state.

Each entry's hash is SHA-256 over a purpose prefix, the previous entry's hash and the RFC 8785
canonical form of the entry, so editing, removing or reordering any entry breaks the chain at
that point, and `verify()` names the first place where it breaks.

Acts that come in bursts (a draft autosaved every few seconds) are coalesced without touching
the chain: `record_repeated` writes the first of a series at once, counts the repeats in
memory, and appends one closing entry (how many saves, the first and the last time) when the
series ends. Nothing written is ever rewritten; a crash loses only the count, never the fact
that the draft was edited.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from app.clock import now_rfc3339, to_rfc3339, utc_now
from app.i18n import format_moment
from resources.i18n import N_, _
from storage.audit_repo import GENESIS_HASH, AuditFilter, AuditRecord, AuditRepository
from storage.database import Database
from sync.protocol.canonical import canonical_bytes

_PURPOSE = b"outpost/audit/v1\n"
# A pause longer than this ends a series of repeated acts: the next one is written again.
SERIES_GAP = timedelta(minutes=15)


def entry_hash(
    *, seq: int, at: str, actor: str, action: str, obj: str, details: str, prev_hash: str
) -> str:
    body = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "object": obj,
        "details": details,
    }
    digest = hashlib.sha256(_PURPOSE + prev_hash.encode("ascii") + b"\n" + canonical_bytes(body))
    return digest.hexdigest()


def _record_hash(r: AuditRecord, prev_hash: str) -> str:
    return entry_hash(
        seq=r.seq,
        at=r.at,
        actor=r.actor,
        action=r.action,
        obj=r.object,
        details=r.details,
        prev_hash=prev_hash,
    )


@dataclass(frozen=True)
class AuditVerification:
    entries: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Series:
    """Repeats of one act (same actor, action, object and details) not written yet."""

    details: dict[str, Any]
    first: datetime
    last: datetime
    saves: int = 1


class AuditTrail:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._repo = AuditRepository(db)
        self._series: dict[tuple[str, str, str], _Series] = {}
        # Always taken inside the store's transaction (never the other way round): no deadlock.
        self._lock = threading.Lock()

    def record(
        self, actor: str, action: str, obj: str, details: Mapping[str, Any] | None = None
    ) -> AuditRecord:
        """Appends one entry. Call inside the transaction that makes the change it describes.
        A series of repeated acts on the same object is closed first, so the log keeps the
        order in which things happened (the edits, then the submission)."""
        with self._db.transaction(), self._lock:
            for key in [k for k in self._series if k[2] == obj]:
                self._close(key)
            return self._append(actor, action, obj, dict(details or {}))

    def record_repeated(
        self, actor: str, action: str, obj: str, details: Mapping[str, Any] | None = None
    ) -> AuditRecord | None:
        """For acts that repeat in bursts (a draft's autosaves). The first of a series is
        written at once and returned; repeats with the same details are counted (None). The
        series ends, with one closing entry that has the number of saves and the first and
        last time, at another act on the object, other details (a new version), a pause over
        SERIES_GAP, or `flush()` (the session locks)."""
        wanted = dict(details or {})
        key = (actor, action, obj)
        now = utc_now()
        with self._db.transaction(), self._lock:
            series = self._series.get(key)
            if series is not None and series.details == wanted and now - series.last <= SERIES_GAP:
                series.saves += 1
                series.last = now
                return None
            if series is not None:
                self._close(key)
            record = self._append(actor, action, obj, wanted)
            self._series[key] = _Series(wanted, now, now)
            return record

    def flush(self) -> None:
        """Writes the closing entry of every open series (before the store closes)."""
        if not self._series:
            return
        with self._db.transaction(), self._lock:
            for key in list(self._series):
                self._close(key)

    def _close(self, key: tuple[str, str, str]) -> None:
        series = self._series.pop(key)
        if series.saves > 1:  # a single act was written whole already
            actor, action, obj = key
            closing = {
                **series.details,
                "saves": series.saves,
                "first_at": to_rfc3339(series.first),
                "last_at": to_rfc3339(series.last),
            }
            self._append(actor, action, obj, closing)

    def _append(self, actor: str, action: str, obj: str, details: dict[str, Any]) -> AuditRecord:
        with self._db.transaction():
            last = self._repo.last()
            seq = 1 if last is None else last.seq + 1
            prev = GENESIS_HASH if last is None else last.hash
            at = now_rfc3339()
            details_text = canonical_bytes(details).decode("utf-8")
            digest = entry_hash(
                seq=seq,
                at=at,
                actor=actor,
                action=action,
                obj=obj,
                details=details_text,
                prev_hash=prev,
            )
            record = AuditRecord(seq, at, actor, action, obj, details_text, prev, digest)
            self._repo.append(record)
            return record

    def recent(self, limit: int = 100, obj: str | None = None) -> list[AuditRecord]:
        return self._repo.recent(limit, obj)

    def search(self, f: AuditFilter) -> tuple[list[AuditRecord], int]:
        """One page of the entries that match, newest first, and how many match in all.

        A filtered view only: verify() always walks the whole chain.
        """
        self.flush()  # an open series of saves is shown with its count
        return self._repo.search(f), self._repo.count(f)

    def verify(self) -> AuditVerification:
        """Walks the whole chain; reports the first break of each kind with its position."""
        problems: list[str] = []
        prev_hash = GENESIS_HASH
        expected_seq = 1
        count = 0
        for record in self._repo.iterate():
            count += 1
            if record.seq != expected_seq:
                if record.seq > expected_seq:
                    problems.append(
                        f"entry {expected_seq} is missing (the next stored entry is "
                        f"{record.seq}): entries were removed"
                    )
                else:
                    problems.append(
                        f"entry {record.seq} appears after entry {expected_seq - 1}: "
                        "entries were reordered"
                    )
            if _record_hash(record, record.prev_hash) != record.hash:
                problems.append(
                    f"entry {record.seq} ({record.action} at {record.at}) was edited: "
                    "its content does not match its hash"
                )
            elif record.prev_hash != prev_hash:
                problems.append(
                    f"entry {record.seq} ({record.action} at {record.at}) does not follow "
                    "the entry before it: an entry was removed, inserted or reordered"
                )
            if problems:
                break
            prev_hash = record.hash
            expected_seq = record.seq + 1
        return AuditVerification(count, problems)


def details_of(record: AuditRecord) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(record.details)
    return parsed


# What each action is called in the audit log's view, marked for the catalogue.
ACTION_LABELS: dict[str, str] = {
    "installation.created": N_("installation created"),
    "installation.provisioned": N_("connected to a portal"),
    "recovery_slot.added": N_("agency recovery key added"),
    "user.added": N_("user added"),
    "user.removed": N_("user removed"),
    "user.enrolled": N_("user enrolled at the portal"),
    "user.key_created": N_("signing key created"),
    "user.passphrase_changed": N_("passphrase changed"),
    "user.passphrase_recovered": N_("passphrase reset with the recovery key"),
    "report.created": N_("report created"),
    "report.edited": N_("report edited"),
    "report.revised": N_("corrected version started"),
    "report.submitted": N_("report signed and submitted"),
    "report.queued": N_("report waiting for review"),
    "report.approved": N_("report approved"),
    "report.returned": N_("report returned to its author"),
    "report.sent": N_("report sent to the portal"),
    "report.acknowledged": N_("report acknowledged by the portal"),
    "report.received_for_review": N_("report received for review"),
    "outbox.delivered": N_("delivered to the portal"),
    "outbox.quarantined": N_("refused by the portal"),
    "dissemination.recorded": N_("shared outside (dissemination register)"),
    "feed.item_rejected": N_("item from the portal rejected"),
}


def action_label(action: str) -> str:
    """An audit action in the user's language (the code itself when it has no name yet)."""
    label = ACTION_LABELS.get(action)
    return _(label) if label is not None else action


def describe(record: AuditRecord) -> str:
    """An entry's action as the log shows it; a closing entry of coalesced saves says how
    many there were and when the last one was."""
    text = action_label(record.action)
    try:
        details = details_of(record)
    except ValueError:
        return text
    saves = details.get("saves")
    if isinstance(saves, int) and isinstance(details.get("last_at"), str):
        return _("{action}: saved {n} times, the last at {time}").format(
            action=text, n=saves, time=format_moment(details["last_at"])
        )
    return text


def audit_filter(
    *,
    actions: tuple[str, ...] = (),
    actor: str | None = None,
    report: str | None = None,
    day_from: date | None = None,
    day_to: date | None = None,
    text: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> AuditFilter:
    """The filter for a view or a command: days are whole UTC days, both ends included.

    The log stores UTC times, so a day is [00:00, next day 00:00) UTC.
    """
    if day_from is not None and day_to is not None and day_to < day_from:
        raise ValueError(
            _("The end date {to} is before the start date {start}: swap them.").format(
                to=day_to.isoformat(), start=day_from.isoformat()
            )
        )
    return AuditFilter(
        actions=actions,
        actor=actor or None,
        object_prefix=(report or "").strip().lower() or None,
        at_from=None if day_from is None else f"{day_from.isoformat()}T00:00:00Z",
        at_before=None
        if day_to is None
        else f"{(day_to + timedelta(days=1)).isoformat()}T00:00:00Z",
        text=(text or "").strip() or None,
        limit=limit,
        offset=offset,
    )


def parse_day(text: str) -> date:
    """A date typed as YYYY-MM-DD, or a message that says how to write it."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            _("'{text}' is not a date: write it as YYYY-MM-DD, for example 2026-12-03.").format(
                text=text
            )
        ) from None
