"""The sync engine: moves the outbox to the portal and the portal's feed into the store, over
links that are slow, drop, or are missing for weeks.

One pass: probe (hello: reachability and clock offset) → push signed envelopes in batches
whose size follows the link → upload attachments resumably (unless the link is metered) →
pull the feed page by page. Nothing is marked delivered without a verified receipt; every
step is idempotent, so a pass killed at any point is simply run again. The engine knows
nothing of Qt or of the app layer: the front end gives it a `SyncStore` (app/sync_store.py)
and listens to its events (sync/events.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from resources.i18n import _
from sync.backoff import Backoff
from sync.events import (
    ItemUpdate,
    LinkState,
    Listener,
    PassSummary,
    Phase,
    Progress,
    Status,
    SyncEvent,
)
from sync.protocol.errors import UnresolvedRef
from sync.transport import (
    Compression,
    ConnectFailed,
    ConnectionCut,
    InvalidResponse,
    PortalClient,
    ServerBusy,
    ServerError,
    Stalled,
    TransportError,
)

log = logging.getLogger(__name__)

TEXT_KINDS = ("submission", "approval", "national_release")
GROW_AFTER_CUT = 4  # requests in a row that went through before sizes grow again
MIN_FEED_BYTES = 512  # the smallest feed page budget asked for (a page holds one item anyway)
# Feed pages cut in a row that are asked again at once, smaller, within the pass (6.2).
PULL_RETRIES = 3


class OutboxItem(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def ref(self) -> str: ...
    @property
    def attempts(self) -> int: ...  # failed attempts before this pass


class SyncStore(Protocol):
    """What the engine needs from the local store (implemented in app/sync_store.py)."""

    def due(self, kinds: tuple[str, ...], limit: int) -> Sequence[OutboxItem]: ...
    def envelope(self, item: Any) -> dict[str, Any]: ...
    def accept_receipt(self, item: Any, receipt: dict[str, Any]) -> None: ...
    def mark_sent(self, item: Any) -> None: ...
    def retry_later(self, item: Any, error: str, delay: float | None) -> None: ...
    def quarantine(self, item: Any, reason: str) -> None: ...
    def feed_cursor(self) -> str | None: ...
    def apply_feed_page(self, items: list[dict[str, Any]], cursor: str) -> int: ...
    def counts(self) -> tuple[int, int]: ...  # (waiting, quarantined)
    def learn_clock(self, offset: float) -> None: ...  # portal − device, from hello
    # What the last process learned about the link, kept so the next one starts there (and
    # small, if it ended on a cut): (envelopes per push, feed items per page, feed page byte
    # budget, None if kept by a version without budgets).
    def link_memory(self) -> tuple[int, int, int | None] | None: ...
    def remember_link(self, batch: int, feed_page: int, feed_bytes: int) -> None: ...
    # The key ids of this installation's users: what they signed comes back as references.
    def local_keys(self) -> list[str]: ...


class AttachmentUploader(Protocol):
    def upload(self, item: Any, progress: Any, cancelled: threading.Event) -> int: ...
    @property
    def confirmed_bytes(self) -> int: ...  # bytes the portal has acknowledged, all uploads


@dataclass
class EngineSettings:
    target_request_seconds: float = 8.0  # a batch should finish within this on the current link
    max_batch: int = 500
    start_batch: int = 20
    feed_page: int = 100  # the most feed items asked for in one page
    # The byte budget of the first feed page on a link nothing is known of yet; it then
    # follows the link between MIN_FEED_BYTES and the portal's max_feed_bytes (5.5, 6.2).
    feed_bytes: int = 256 * 1024
    watch_interval: float = 300.0  # between passes while everything works
    backoff_base: float = 2.0
    backoff_cap: float = 600.0
    progress_retry: float = 1.0  # after a pass that moved something and then failed
    compress: Compression | None = "zstd"
    # One portal signature per push instead of one per receipt (docs/protocol.md 5.4).
    batch_receipts: bool = True


class Cancelled(Exception):
    """The user cancelled the pass."""


class SyncEngine:
    def __init__(
        self,
        store: SyncStore,
        client: PortalClient,
        uploader: AttachmentUploader | None = None,
        settings: EngineSettings | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.uploader = uploader
        self.settings = settings or EngineSettings()
        self.metered = False
        # Start where the last process on this link ended (small, if it ended on a cut).
        batch, page, budget = store.link_memory() or (None, None, None)
        self._batch = _clamp(batch or self.settings.start_batch, self.settings.max_batch)
        self._feed_page = _clamp(page or self.settings.feed_page, self.settings.feed_page)
        self._feed_bytes = max(MIN_FEED_BYTES, budget or self.settings.feed_bytes)
        # Requests that went through since the last cut (None: no cut seen). After a cut,
        # sizes grow back only after GROW_AFTER_CUT in a row: growing at once would only be
        # cut again, and on a link that drops every few KB each cut costs a whole request.
        self._since_cut: int | None = None
        self._listeners: list[Listener] = []
        self._backoff = Backoff(self.settings.backoff_base, self.settings.backoff_cap)
        self._wake = threading.Event()
        self._cancel = threading.Event()
        self._stop = threading.Event()
        self._pass_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._link = LinkState.UNKNOWN
        self._running = False
        self._last_error: str | None = None
        self._last_success: str | None = None
        self._next_attempt_in: float | None = None
        self._retry_after: float | None = None
        self._hard_error = False
        self._done = {"pushed": 0, "uploaded": 0, "pulled": 0, "refused": 0, "moved": 0}

    # -- control (any thread) -------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def set_metered(self, metered: bool) -> None:
        """On a metered link, attachments wait until the user allows them or the link changes."""
        self.metered = metered
        self._publish_status()

    def sync_now(self) -> None:
        self._backoff.reset()
        self._wake.set()

    def network_changed(self) -> None:
        """The system saw the network change: probe at once instead of waiting out backoff."""
        self.sync_now()

    def cancel(self) -> None:
        self._cancel.set()

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="outpost-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Asks the worker to end and waits up to `timeout`. Returns whether it has ended."""
        self._stop.set()
        self._cancel.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def status(self) -> Status:
        waiting, quarantined = self.store.counts()
        return Status(
            link=self._link,
            waiting=waiting,
            quarantined=quarantined,
            running=self._running,
            last_error=self._last_error,
            last_success=self._last_success,
            next_attempt_in=self._next_attempt_in,
        )

    # -- the opportunistic loop -------------------------------------------------------------

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                summary = self.run_pass()
            except Exception:
                if self._stop.is_set():
                    # Stopped under a pass: the store was locked (closed) before the pass
                    # could end. The work stays queued; there is no one left to tell.
                    log.debug("sync worker ended by a stop during a pass", exc_info=True)
                    return
                raise
            if self._stop.is_set():
                break
            delay: float | None
            if summary.error is None:
                self._backoff.reset()
                delay = self.settings.watch_interval
            else:
                delay = self._retry_delay(summary)
            self._next_attempt_in = delay
            self._publish_status()
            self._wake.wait(delay)
            self._wake.clear()

    def _retry_delay(self, summary: PassSummary) -> float | None:
        """How long to wait after a failed pass; None: until a person acts."""
        if self._hard_error:
            return None  # e.g. a TLS pin mismatch: wait for a person to act, never poll
        if summary.progressed:
            # The link works, it only drops: come back at once (or when a busy portal asked).
            self._backoff.reset()
            return max(self.settings.progress_retry, self._retry_after or 0.0)
        return self._backoff.next_delay(self._retry_after)

    def run_until_done(self, max_seconds: float, on_retry: Any = None) -> PassSummary:
        """Passes one after another until one completes, a person must act (a hard error, a
        cancel) or `max_seconds` have passed: the CLI's `outpost sync` across a link that
        keeps dropping. Returns the passes summed; error and counts are the last pass's.
        `on_retry(summary, delay)` is called before each wait."""
        deadline = time.monotonic() + max_seconds
        total: PassSummary | None = None
        while True:
            summary = self.run_pass()
            total = summary if total is None else _combined(total, summary)
            if summary.error is None or self._cancel.is_set():
                return total
            delay = self._retry_delay(summary)
            remaining = deadline - time.monotonic()
            if delay is None or remaining <= 0:
                return total
            delay = min(delay, remaining)
            if on_retry is not None:
                on_retry(summary, delay)
            if self._cancel.wait(delay):
                return total

    # -- one pass -------------------------------------------------------------------------------

    def run_pass(self) -> PassSummary:
        """Probe, push, upload, pull. Never raises for link or portal trouble: the summary and
        the status carry the error, and the work stays queued."""
        with self._pass_lock:
            self._cancel.clear()
            self._hard_error = False
            self._running = True
            self._publish_status()
            started = time.monotonic()
            traffic0 = self.client.traffic()
            confirmed0 = self._confirmed_bytes()
            self._done = {"pushed": 0, "uploaded": 0, "pulled": 0, "refused": 0, "moved": 0}
            error: str | None = None
            retry_after: float | None = None
            try:
                self._emit(Progress(Phase.PROBE, 0, 1, 0, 0))
                hello = self.client.hello()
                self.store.learn_clock(hello.clock_offset)
                self._link = LinkState.ONLINE
                # Say so at once: on a slow link the push below may take minutes.
                self._emit(Progress(Phase.PROBE, 1, 1, 0, 0))
                self._publish_status()
                self._push()
                self._upload()
                self._pull(hello.limits.max_feed_bytes, hello.limits.max_local_keys)
                self._last_success = _now_text()
            except Cancelled:
                error = _("Sync cancelled; everything not yet delivered stays queued.")
            except ServerBusy as exc:
                error, retry_after = str(exc), exc.retry_after
                self._link = LinkState.ONLINE
            except TransportError as exc:
                error = str(exc)
                self._hard_error = not exc.retryable
                self._link = LinkState.OFFLINE if _is_link_error(exc) else LinkState.ONLINE
            except Exception as exc:  # a bug must not kill the worker thread; log it for support
                log.exception("sync pass failed")
                error = _("Sync failed unexpectedly ({kind}); see the log.").format(
                    kind=type(exc).__name__
                )
            finally:
                self._running = False
            self._last_error = error
            waiting, quarantined = self.store.counts()
            summary = PassSummary(
                pushed=self._done["pushed"],
                uploaded=self._done["uploaded"],
                pulled=self._done["pulled"],
                quarantined=quarantined,
                bytes_sent=self.client.traffic().bytes_sent - traffic0.bytes_sent,
                bytes_received=self.client.traffic().bytes_received - traffic0.bytes_received,
                seconds=time.monotonic() - started,
                error=error,
                refused=self._done["refused"],
                waiting=waiting,
                progressed=self._done["moved"] > 0 or self._confirmed_bytes() > confirmed0,
            )
            self._retry_after = retry_after
            self._emit(summary)
            self._publish_status()
            return summary

    def _confirmed_bytes(self) -> int:
        return self.uploader.confirmed_bytes if self.uploader is not None else 0

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def _push(self) -> int:
        """Text first: submissions and approvals, in batches sized to finish in bounded time."""
        pushed = 0
        total = len(self.store.due(TEXT_KINDS, 100_000))
        bytes_done = 0
        tried: set[int] = set()  # an item refused in this pass waits for the next one
        while True:
            self._check_cancel()
            due = self.store.due(TEXT_KINDS, self._batch + len(tried))
            items = [i for i in due if i.id not in tried][: self._batch]
            if not items:
                return pushed
            tried.update(i.id for i in items)
            envelopes = [self.store.envelope(item) for item in items]
            started = time.monotonic()

            def moving(sent: int, _size: int, _base: int = bytes_done, _n: int = pushed) -> None:
                # Bytes as they leave, so that a slow link shows its real rate mid-batch.
                self._emit(Progress(Phase.PUSH, _n, total, _base + sent, 0))

            try:
                answer = self._push_batch(envelopes, moving)
            except TransportError as exc:
                if _link_trouble(exc):  # a cut or stall: smaller requests
                    self._cut()
                    self._set_batch(max(1, self._batch // 4))
                for item in items:  # each of them was tried and failed: count it, say why
                    self._failed(item, str(exc))
                raise
            elapsed = max(time.monotonic() - started, 1e-3)
            bytes_done += answer.body_bytes
            self._adapt_batch(len(items), elapsed)
            self._done["moved"] += len(items)  # answered, delivered or not
            for item, result in zip(items, answer.results, strict=True):
                delivered = self._settle(item, result)
                pushed += delivered
                self._done["pushed"] += delivered
            self._emit(Progress(Phase.PUSH, pushed, total, bytes_done, 0))
            self._publish_status()  # the waiting count went down

    def _push_batch(self, envelopes: list[dict[str, Any]], progress: Any) -> Any:
        """One push; a connection the far end had already closed (a keep-alive timer that ran
        out while a slow link was still delivering the last answer) is retried once on a new
        connection at once. Pushing is idempotent, so the retry is harmless."""
        compress, batch = self.settings.compress, self.settings.batch_receipts
        try:
            return self.client.push_envelopes(
                envelopes, compress=compress, progress=progress, batch_receipts=batch
            )
        except ConnectionCut:
            self._check_cancel()
            return self.client.push_envelopes(
                envelopes, compress=compress, progress=progress, batch_receipts=batch
            )

    def _failed(self, item: OutboxItem, error: str) -> None:
        """An attempt at this item failed; it stays queued (when it is retried is the loop's
        backoff, unchanged) and the outbox shows the attempt and why."""
        self.store.retry_later(item, error, None)
        self._emit(ItemUpdate(item.id, item.kind, "pending", item.attempts + 1, error))

    def _settle(self, item: OutboxItem, result: Any) -> int:
        """Applies the portal's answer for one item. Returns 1 if it is now delivered."""
        if result.status in ("stored", "duplicate"):
            if item.kind == "approval":
                self.store.mark_sent(item)
            try:
                self.store.accept_receipt(item, result.receipt)
            except Exception as exc:  # an invalid receipt never counts as delivery
                self._failed(
                    item, _("The portal's receipt did not verify: {reason}").format(reason=exc)
                )
                self._done["refused"] += 1
                return 0
            self._emit(ItemUpdate(item.id, item.kind, "delivered", item.attempts, None))
            return 1
        self._done["refused"] += 1
        problem = result.problem
        reason = ": ".join(p for p in (problem.title, problem.detail) if p) or problem.slug
        if problem.permanent:
            message = _(
                "The portal refused this item for good ({reason}); it is not sent again."
            ).format(reason=reason)
            self.store.quarantine(item, message)
            self._emit(ItemUpdate(item.id, item.kind, "quarantined", item.attempts + 1, message))
        else:
            self._failed(
                item,
                _("The portal could not take this item now ({reason}); it is sent again.").format(
                    reason=reason
                ),
            )
        return 0

    def _adapt_batch(self, sent: int, elapsed: float) -> None:
        per_item = elapsed / sent
        target = self.settings.target_request_seconds
        wanted = int(target / per_item) if per_item > 0 else self.settings.max_batch
        # Grow at most 2x per step (one fast request may be luck), shrink at once.
        grown = self._batch * 2 if self._may_grow() else self._batch
        self._set_batch(max(1, min(self.settings.max_batch, wanted, grown)))

    def _cut(self) -> None:
        self._since_cut = 0

    def _may_grow(self) -> bool:
        """Called once per request that went through."""
        if self._since_cut is None:
            return True
        self._since_cut += 1
        return self._since_cut >= GROW_AFTER_CUT

    def _set_batch(self, batch: int) -> None:
        if batch != self._batch:
            self._batch = batch
            self._remember()

    def _set_feed_page(self, size: int) -> None:
        if size != self._feed_page:
            self._feed_page = size
            self._remember()

    def _set_feed_bytes(self, budget: int) -> None:
        if budget != self._feed_bytes:
            self._feed_bytes = budget
            self._remember()

    def _remember(self) -> None:
        self.store.remember_link(self._batch, self._feed_page, self._feed_bytes)

    def _upload(self) -> int:
        if self.uploader is None or self.metered:
            return 0
        items = list(self.store.due(("attachment",), 10_000))
        done = 0
        for item in items:
            self._check_cancel()

            def progress(
                sent: int, total: int, sending: int = 0, _i: int = done, _id: int = item.id
            ) -> None:
                self._emit(Progress(Phase.UPLOAD, _i, len(items), sent, total, _id, sending))

            try:
                finished = self.uploader.upload(item, progress, self._cancel)
            except TransportError as exc:
                self._failed(item, str(exc))
                raise
            done += finished
            self._done["uploaded"] += finished
            if finished:
                self._emit(ItemUpdate(item.id, item.kind, "delivered", item.attempts, None))
                self._publish_status()
        return done

    def _pull(self, max_feed_bytes: int | None, max_local_keys: int | None = None) -> int:
        """The feed, page by page. A portal that takes page budgets (hello's max_feed_bytes)
        is asked for pages of at most the learned byte budget; an older one for the learned
        number of items. A portal that takes local_keys (max_local_keys) sends what this
        installation signed as references; a page with one the store cannot resolve is
        asked again in full, and so is the rest of the pass."""
        cursor = self.store.feed_cursor()
        local_keys = self.store.local_keys()[: max_local_keys or 0]
        pulled = 0
        cuts = 0  # pages cut in a row
        while True:
            self._check_cancel()
            budget = None if max_feed_bytes is None else min(self._feed_bytes, max_feed_bytes)
            try:
                if budget is None:
                    page = self.client.feed(cursor, self._feed_page, local_keys=local_keys)
                else:
                    page = self.client.feed(
                        cursor, self.settings.feed_page, max_bytes=budget, local_keys=local_keys
                    )
            except TransportError as exc:
                self._cut()
                if budget is None:
                    self._set_feed_page(max(1, self._feed_page // 4))  # a page the link cut
                else:
                    self._set_feed_bytes(_budget_after_cut(budget, exc))
                cuts += 1
                if isinstance(exc, ConnectionCut) and cuts <= PULL_RETRIES:
                    # The link works (hello and the push went through), it only drops: ask
                    # the smaller page again at once, from the same cursor. A new pass would
                    # wait, probe and send a hello first, which on a link cut every few KB
                    # costs more than the page. Only a link that cuts every page, however
                    # small, is left to the pass loop and its backoff.
                    log.info("feed page cut (%s); asked again at once, smaller", exc)
                    continue
                raise
            cuts = 0
            self._done["moved"] += 1
            grow = self._may_grow()
            if budget is None:
                if page.more and grow:  # a full page came through
                    self._set_feed_page(min(self.settings.feed_page, self._feed_page * 2))
            elif page.more and max_feed_bytes is not None:
                # A full page came through: half as much again, at once. Not after four in a
                # row as above: on a link that cuts every few KB whatever is asked, some page
                # is always cut, and waiting would pin the budget at its floor (as it pinned
                # the count at one item a page). Halving after a cut and this settle where
                # about two pages fit between cuts.
                self._set_feed_bytes(min(max_feed_bytes, budget + budget // 2))
            items = [
                {
                    "id": i.id,
                    "kind": i.kind,
                    "published_at": i.published_at,
                    "tlp": i.tlp,
                    "payload": i.payload,
                }
                for i in page.items
            ]
            try:
                applied = self.store.apply_feed_page(items, page.cursor)
            except UnresolvedRef as exc:
                if not local_keys:  # references sent unasked: the portal is at fault
                    raise InvalidResponse(f"The portal's feed page is wrong: {exc}.") from exc
                log.warning("%s; the page is asked again in full", exc)
                local_keys = []
                continue
            pulled += applied
            self._done["pulled"] += applied
            cursor = page.cursor
            self._emit(Progress(Phase.PULL, pulled, pulled, 0, 0))
            if not page.more:
                return pulled

    # -- events --------------------------------------------------------------------------------

    def _emit(self, event: SyncEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not stop the sync
                log.exception("sync listener failed")

    def _publish_status(self) -> None:
        self._emit(self.status())


def _budget_after_cut(budget: int, exc: TransportError) -> int:
    """The feed page budget after a page the link cut: half, and no more than what the link
    carried of the answer before it broke off. A page's wire bytes are at most its items'
    JSON (gzip only shrinks it), so a page of that budget is one the link would have
    carried; without it a page asked with a budget far above its real size (the first one
    on a link, 256 KiB) would only shrink after many cuts."""
    answered = exc.answered if isinstance(exc, ConnectionCut) else None
    smaller = budget // 2 if not answered else min(budget // 2, answered)
    return max(MIN_FEED_BYTES, smaller)


def _clamp(value: int, most: int) -> int:
    return max(1, min(most, value))


def _combined(a: PassSummary, b: PassSummary) -> PassSummary:
    """Two passes as one: work and traffic summed; error and what waits from the later."""
    return PassSummary(
        pushed=a.pushed + b.pushed,
        uploaded=a.uploaded + b.uploaded,
        pulled=a.pulled + b.pulled,
        quarantined=b.quarantined,
        bytes_sent=a.bytes_sent + b.bytes_sent,
        bytes_received=a.bytes_received + b.bytes_received,
        seconds=a.seconds + b.seconds,
        error=b.error,
        refused=b.refused,
        waiting=b.waiting,
        progressed=a.progressed or b.progressed,
        passes=a.passes + b.passes,
    )


def _is_link_error(exc: Exception) -> bool:
    return isinstance(exc, ConnectFailed | Stalled | ConnectionCut)


def _now_text() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _link_trouble(exc: TransportError) -> bool:
    """Whether a failed request says the link could not carry it: a cut, a stall, or a
    gateway that gave up waiting (504). Any other answer (a 500, a 502, a busy portal) came
    back whole, so a smaller request would only try fewer items."""
    if isinstance(exc, (ConnectionCut, Stalled)):
        return True
    return isinstance(exc, ServerError) and exc.status == 504

