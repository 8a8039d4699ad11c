"""The one clock every time check uses: the device clock corrected by the portal's.

Border posts run with clocks that are days or a year off. The sync learns the difference
(portal time − device time) from `GET /v1/hello` and, before any hello, from a verified
receipt's `portal_time`; it is kept in the store (meta `portal_clock`: JSON `{"offset": s,
"learned_at": portal time, "source": "hello" | "receipt" | "enrolment"}`), so a new process
and an offline week start from the last known offset. The age says how stale it is.

Rules (docs/protocol.md §6.6):
- With an offset known, "now" is device time + offset: validation ("observed in the
  future"), certificate validity, receipts, history and signed times all use it.
- With none known yet, the client accepts and signs work and lets the portal judge: a time
  check that fails only because of the device clock is reported as such, never blocks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from app.clock import to_rfc3339, utc_now, wall_seconds
from storage.database import Database
from storage.users_repo import MetaRepository
from sync.protocol import (
    Envelope,
    ExpiredCertificate,
    KeyResolver,
    VerifiedEnvelope,
    verify,
)
from sync.protocol.batch_receipts import (
    BatchReceipt,
    VerifiedBatchReceipt,
    verify_batch_receipt,
)

CLOCK_KEY = "portal_clock"
Source = Literal["hello", "receipt", "enrolment"]
# A receipt's portal_time is the moment of acceptance, before the answer crossed the link:
# only a fallback for an offset nobody measured better.
_RANK: dict[str, int] = {"receipt": 0, "enrolment": 1, "hello": 2}


@dataclass(frozen=True)
class ClockState:
    offset: float | None  # portal − device, seconds; None: never learnt
    learned_at: str | None  # portal time when learnt
    source: str | None

    @property
    def known(self) -> bool:
        return self.offset is not None


class PortalClock:
    """The installation's view of portal time. Cheap: one meta row read per call."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def state(self) -> ClockState:
        raw = MetaRepository(self._db).get(CLOCK_KEY)
        if raw is None:
            return ClockState(None, None, None)
        data = json.loads(raw)
        return ClockState(float(data["offset"]), str(data["learned_at"]), str(data["source"]))

    @property
    def offset(self) -> float | None:
        return self.state().offset

    @property
    def known(self) -> bool:
        return self.state().known

    def now(self) -> datetime:
        """Best estimate of the true time: device clock + learnt offset (device clock alone
        before any offset is known)."""
        offset = self.state().offset or 0.0
        return datetime.fromtimestamp(int(wall_seconds() + offset), UTC)

    def trusted_now(self) -> datetime | None:
        """Portal-corrected time, or None while no offset is known."""
        return self.now() if self.known else None

    def age(self) -> timedelta | None:
        state = self.state()
        if state.learned_at is None:
            return None
        learned = datetime.fromisoformat(state.learned_at.replace("Z", "+00:00"))
        return self.now() - learned

    def learn(self, offset: float, source: Source) -> None:
        """Keeps a measured offset. A receipt-derived one never replaces a measured one."""
        current = self.state()
        if current.source is not None and _RANK[source] < _RANK.get(current.source, 0):
            return
        learned_at = to_rfc3339(datetime.fromtimestamp(int(wall_seconds() + offset), UTC))
        value = {"offset": round(offset, 3), "learned_at": learned_at, "source": source}
        MetaRepository(self._db).set(CLOCK_KEY, json.dumps(value, sort_keys=True))

    def learn_from_portal_time(self, portal_time: datetime, source: Source) -> None:
        """An offset from one portal timestamp (a receipt's), used only when nothing better is
        known."""
        if self.known:
            return
        self.learn(portal_time.timestamp() - wall_seconds(), source)


def validation_time(db: Database) -> dict[str, Any]:
    """Keyword arguments for app.validation: "in the future" is judged by portal time, and
    not at all while no offset is known (the portal refuses an observation in its future)."""
    clock = PortalClock(db)
    state = clock.state()
    return {"now": clock.now(), "check_future": state.known}


@dataclass(frozen=True)
class Checked:
    """A verified envelope and, when a time check was set aside, why (for the person)."""

    verified: VerifiedEnvelope[Any]
    note: str | None


def signed_time(envelope: Envelope[Any]) -> datetime | None:
    """The time the signer wrote into the body (created_at, decided_at or portal_time)."""
    body = envelope.body
    for name in ("created_at", "decided_at", "portal_time"):
        value = getattr(body, name, None)
        if isinstance(value, datetime):
            return value
    return None


def verify_with_clock(
    envelope: Any,
    *,
    keys: KeyResolver,
    clock: PortalClock,
    at_signing: bool = False,
    **kwargs: Any,
) -> Checked:
    """verify() with the one clock.

    The certificate must be valid now (portal-corrected). With `at_signing` (history,
    receipts, items pulled from the feed) it is enough that it was valid at the time signed
    into the envelope: a record stays valid after its signer's certificate expires. When the
    only failure is certificate validity and no portal offset is known, the device clock is
    the likely culprit: the envelope is accepted with a note saying so (the portal judges).
    """
    try:
        return Checked(verify(envelope, keys=keys, now=clock.now(), **kwargs), None)
    except ExpiredCertificate as exc:
        failure = exc
    parsed = envelope if isinstance(envelope, Envelope) else _parse(envelope)
    moment = signed_time(parsed)
    if at_signing and moment is not None:
        try:
            return Checked(verify(parsed, keys=keys, now=moment, **kwargs), None)
        except ExpiredCertificate:
            pass
    if clock.known:
        raise failure
    cert = keys.certificate(parsed.key_id)
    if cert is None:  # cannot happen after ExpiredCertificate, which needs the certificate
        raise failure
    verified = verify(parsed, keys=keys, now=cert.not_before, **kwargs)
    return Checked(
        verified,
        "certificate validity not checked: this device's clock has not been set from the "
        f"portal yet and says {to_rfc3339(utc_now())} ({failure})",
    )


def _parse(envelope: Any) -> Envelope[Any]:
    if isinstance(envelope, bytes | str):
        return Envelope.from_bytes(envelope)
    return Envelope.from_json(envelope)


@dataclass(frozen=True, slots=True)
class CheckedBatchReceipt:
    verified: VerifiedBatchReceipt
    note: str | None


def verify_batch_receipt_with_clock(
    data: bytes | str | dict[str, Any], *, keys: KeyResolver, clock: PortalClock
) -> CheckedBatchReceipt:
    """verify_batch_receipt() with the one clock, as verify_with_clock(at_signing=True): the
    portal's certificate must have been valid when it signed the batch root."""
    item = BatchReceipt.from_json(data) if isinstance(data, dict) else BatchReceipt.from_bytes(data)
    try:
        return CheckedBatchReceipt(verify_batch_receipt(item, keys=keys, now=clock.now()), None)
    except ExpiredCertificate as exc:
        failure = exc
    try:
        moment = item.batch.portal_time
        return CheckedBatchReceipt(verify_batch_receipt(item, keys=keys, now=moment), None)
    except ExpiredCertificate:
        pass
    cert = keys.certificate(item.batch.key_id)
    if clock.known or cert is None:
        raise failure
    return CheckedBatchReceipt(
        verify_batch_receipt(item, keys=keys, now=cert.not_before),
        "certificate validity not checked: this device's clock has not been set from the "
        f"portal yet and says {to_rfc3339(utc_now())} ({failure})",
    )
