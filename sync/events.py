"""What the sync engine tells the outside world. Plain data, no Qt: the GUI adapts these to
signals, the CLI prints them. Callbacks run on the engine's worker thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Phase(StrEnum):
    PROBE = "probe"  # is the portal reachable? (hello, clock offset)
    PUSH = "push"  # submissions and approvals, in batches
    UPLOAD = "upload"  # attachments (resumable)
    PULL = "pull"  # feed: alerts, bulletins, decisions, review items, certificates


class LinkState(StrEnum):
    UNKNOWN = "unknown"
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class Progress:
    phase: Phase
    items_done: int
    items_total: int
    bytes_done: int
    bytes_total: int
    # The outbox item these bytes belong to (uploads: the attachment being sent), so a front
    # end marks that item, not one it guesses by size.
    item_id: int | None = None
    # Bytes of the request now in flight beyond `bytes_done` (an upload chunk the portal has
    # not confirmed yet): the link is busy with them, not quiet (app/transfer.py).
    sending: int = 0
    # When it happened (monotonic, on the engine's thread): the front end may get it later.
    at: float = field(default_factory=time.monotonic, compare=False)


@dataclass(frozen=True)
class Status:
    """The engine's state in one glance (the status-bar indicator)."""

    link: LinkState
    waiting: int  # outbox items not yet delivered
    quarantined: int  # items the portal refused for good
    running: bool  # a sync pass is in progress
    last_error: str | None  # readable, actionable; None after a clean pass
    last_success: str | None  # RFC 3339 time of the last complete pass
    next_attempt_in: float | None  # seconds until the next probe when offline
    # When it was read (monotonic): a status asked for on the store worker may arrive after a
    # newer one from the engine's thread, and the older one must not win.
    at: float = field(default_factory=time.monotonic, compare=False)


@dataclass(frozen=True)
class PassSummary:
    """The result of one sync pass."""

    pushed: int
    uploaded: int
    pulled: int
    quarantined: int
    bytes_sent: int
    bytes_received: int
    seconds: float
    error: str | None
    refused: int = 0  # items tried in this pass that were not delivered (retry or quarantine)
    waiting: int = 0  # outbox items still pending after the pass
    # Anything moved: an item the portal answered for, a feed page, attachment bytes it
    # confirmed. A pass that failed after moving something was no outage: retry at once.
    progressed: bool = False
    passes: int = 1  # passes summed into this summary (`SyncEngine.run_until_done`)

    @property
    def complete(self) -> bool:
        """Everything tried was delivered and nothing failed."""
        return self.error is None and self.refused == 0


@dataclass(frozen=True)
class ItemUpdate:
    """One outbox item changed during a pass: delivered, refused, or tried and failed."""

    item_id: int
    kind: str  # submission | approval | attachment
    state: str  # pending | delivered | quarantined
    attempts: int  # failed attempts so far, this one included
    last_error: str | None  # in the user's language; None once delivered


SyncEvent = Progress | Status | PassSummary | ItemUpdate
Listener = Callable[[SyncEvent], None]
