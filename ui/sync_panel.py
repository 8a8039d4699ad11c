"""The "Outbox & sync" screen and the status-bar sync indicator.

The sync engine (`sync.engine.SyncEngine`) runs on its own worker thread and calls its
listeners there; `SyncBridge` turns those calls into queued Qt signals, so widgets are only
ever touched on the UI thread. The bridge is also the one model of the sync state that every
widget shows (status bar, dashboard tile, outbox): the engine's latest `Status`, the current
pass's progress per phase and the transfer rate, all fed by the engine's events only.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import format_moment, format_number
from app.outbox_view import OutboxRow, OutboxView
from app.transfer import WINDOW_SECONDS, Estimate, estimate
from sync.events import ItemUpdate, LinkState, PassSummary, Phase, Progress, Status, SyncEvent
from ui.context import Context
from ui.ops import Lane
from ui.widgets import fit_headers, start_folder

translate = QCoreApplication.translate  # lupdate collects translate("Context", "…")


class SyncControl(Protocol):
    """What the GUI needs from the sync engine."""

    def add_listener(self, cb: Callable[[SyncEvent], None]) -> None: ...
    def sync_now(self) -> None: ...
    def cancel(self) -> None: ...
    def set_metered(self, metered: bool) -> None: ...
    def network_changed(self) -> None: ...
    def status(self) -> Status: ...


EngineFactory = Callable[[Any], SyncControl | None]


def default_engine_factory(session: Any) -> SyncControl | None:
    """The installation's engine, or None while it is not provisioned for a portal.

    Runs on the store worker (it reads the provisioning from the database). The composition
    lives in services/, shared by both front ends.
    """
    try:
        from app.provisioning import portal_settings
        from services.sync_session import sync_engine
    except ImportError:  # a build without the sync engine
        return None
    if portal_settings(session.db) is None:
        return None
    engine: SyncControl = sync_engine(session)
    return engine


class SyncBridge(QObject):
    """Receives engine events on the engine's thread and re-emits them on the UI thread, and
    keeps what they say: the widgets built later (the outbox opened for the first time, the
    main window rebuilt after a language switch) show the same state as those built before.

    The engine arrives a moment after unlock (it is composed on the store worker), so widgets
    listen to `engine_ready` instead of assuming one exists.
    """

    progress = Signal(object)
    status = Signal(object)
    summary = Signal(object)
    item = Signal(object)  # ItemUpdate: one outbox item changed during the pass
    # Speed and time left changed: bytes moved, or a second passed (time left runs down
    # between the engine's reports, which on a slow link come one chunk at a time).
    transfer_changed = Signal()
    engine_ready = Signal()
    _event = Signal(object)  # from the engine's thread, queued to the bridge's

    def __init__(self, engine: SyncControl | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine: SyncControl | None = None
        self.settled = False  # True once we know whether there is an engine
        self._alive = True
        self.last_status: Status | None = None
        self.last_summary: PassSummary | None = None  # for an outbox opened after the pass
        self.phases: dict[Phase, Progress] = {}  # this pass's progress; empty between passes
        self._samples: list[tuple[float, int]] = []  # (monotonic s, bytes done) of one transfer
        # Which transfer the samples belong to: the phase, and for uploads the item.
        self._sampled: tuple[Phase, int | None] | None = None
        self._event.connect(self._dispatch)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.transfer_changed.emit)
        if engine is not None:
            self.attach(engine)

    def attach(self, engine: SyncControl | None, ops: Any = None) -> None:
        """The engine (or None: not provisioned). With `ops`, its state is read at once on
        the store worker: the engine's own first status may have gone out before we listened,
        and its first pass may take minutes on a slow or dead link."""
        self.settled = True
        if engine is not None:
            self.engine = engine
            engine.add_listener(self._on_event)
        self.engine_ready.emit()
        if engine is not None and ops is not None:
            self.request_status(ops)

    def sync_now(self) -> None:
        if self.engine is not None:
            self.engine.sync_now()

    def cancel(self) -> None:
        if self.engine is not None:
            self.engine.cancel()

    def set_metered(self, metered: bool, ops: Any) -> None:
        """On the store lane: the engine publishes its status, which counts the outbox."""
        engine = self.engine
        if engine is not None:
            ops.run(lambda: engine.set_metered(metered))

    def _on_event(self, event: SyncEvent) -> None:
        # Engine thread: emitting is thread-safe; the connection is queued to the UI thread.
        if not self._alive:
            return
        try:
            self._event.emit(event)
        except RuntimeError:
            self._alive = False  # the bridge was destroyed (locked); the engine goes on

    def _dispatch(self, event: SyncEvent) -> None:
        if not self._alive:
            return
        if isinstance(event, Status):
            self._take_status(event)
        elif isinstance(event, Progress):
            self._take_progress(event)
            self.progress.emit(event)
        elif isinstance(event, ItemUpdate):
            if event.kind == "attachment" and self._sampled is not None:
                self._end_transfer()  # delivered or failed: nothing of it is left to send
            self.item.emit(event)
        elif isinstance(event, PassSummary):
            self._clear_pass()
            self.last_summary = event
            self.summary.emit(event)

    def _take_status(self, status: Status) -> None:
        last = self.last_status
        if last is not None and status.at < last.at:
            return  # read on the worker before the engine's newer one arrived
        if status.running and (last is None or not last.running):
            self._clear_pass()  # a new pass: nothing of the last one's progress is current
        self.last_status = status
        self.status.emit(status)

    def _take_progress(self, progress: Progress) -> None:
        self.phases[progress.phase] = progress
        if progress.phase in (Phase.PROBE, Phase.PULL) and self._sampled is not None:
            self._end_transfer()  # the pass has moved past sending
        if not progress.bytes_total:
            return
        # Uploads report per file (a new file starts again at 0); pushes over the whole pass.
        key = (progress.phase, progress.item_id if progress.phase is Phase.UPLOAD else None)
        if key != self._sampled or (self._samples and progress.bytes_done < self._samples[-1][1]):
            self._samples, self._sampled = [], key
        now = progress.at  # when the engine said it, not when this thread got to it
        self._samples.append((now, progress.bytes_done))
        self._samples = [s for s in self._samples if now - s[0] <= 2 * WINDOW_SECONDS]
        if not self._ticker.isActive():
            self._ticker.start()
        self.transfer_changed.emit()

    def _clear_pass(self) -> None:
        self.phases = {}
        self._end_transfer()

    def _end_transfer(self) -> None:
        self._samples, self._sampled = [], None
        self._ticker.stop()
        self.transfer_changed.emit()

    def transfer(self) -> tuple[Progress, Estimate] | None:
        """The transfer in progress (the last phase that moves bytes) and its speed and time
        left, from the bytes that actually moved."""
        if self._sampled is None:
            return None
        current = self.phases.get(self._sampled[0])
        if current is None:
            return None
        left = current.bytes_total - current.bytes_done
        found = estimate(self._samples, left, now=time.monotonic(), sending=current.sending)
        return current, found

    def uploading(self) -> Progress | None:
        """The attachment upload in progress in this pass, if one is."""
        current = self.phases.get(Phase.UPLOAD)
        running = self.last_status is not None and self.last_status.running
        if current is None or not running or not current.bytes_total:
            return None
        return current

    def detach(self) -> None:
        self._alive = False
        self._ticker.stop()

    def request_status(self, ops: Any) -> None:
        """Asks the engine for its state on the store worker (status() counts the outbox:
        never on the UI thread) and publishes it like any other status event."""
        engine = self.engine
        if engine is not None:
            ops.run(engine.status, self._take_status)


def describe_duration(seconds: float) -> str:
    if seconds < 90:
        return translate("Sync", "%1 s").replace("%1", str(max(1, round(seconds))))
    if seconds < 90 * 60:
        return translate("Sync", "%1 min").replace("%1", str(round(seconds / 60)))
    return translate("Sync", "%1 h").replace("%1", format_number(seconds / 3600, 1))


def describe_transfer(bridge: SyncBridge) -> str:
    """ "7.8 KB/s, about 40 s left" while bytes move; "" otherwise."""
    found = bridge.transfer()
    running = bridge.last_status is not None and bridge.last_status.running
    if found is None or not running:
        return ""
    _progress, est = found
    if est.rate is None:  # bytes left, but not enough is known yet (one chunk in a buffer)
        return translate("Sync", "measuring the speed…")
    text = translate("Sync", "%1/s").replace("%1", _size(round(est.rate)))
    if est.seconds_left is not None:
        text = (
            translate("Sync", "%1, about %2 left")
            .replace("%1", text)
            .replace("%2", describe_duration(est.seconds_left))
        )
    return text


def describe_status(status: Status | None, settled: bool = True) -> str:
    if status is None:
        return (
            translate("Sync", "Sync: not set up")
            if settled
            else translate("Sync", "Sync: starting…")
        )
    link = {
        LinkState.ONLINE: translate("Sync", "Online"),
        LinkState.OFFLINE: translate("Sync", "Offline"),
        LinkState.UNKNOWN: translate("Sync", "Link unknown"),
    }[status.link]
    parts = [
        link,
        translate("Sync", "%1 waiting").replace("%1", str(status.waiting)),
    ]
    if status.quarantined:
        parts.append(translate("Sync", "%1 refused").replace("%1", str(status.quarantined)))
    if status.running:
        parts.append(translate("Sync", "syncing…"))
    elif status.link is LinkState.OFFLINE and status.next_attempt_in is not None:
        parts.append(
            translate("Sync", "next try in %1 s").replace(
                "%1", str(max(0, round(status.next_attempt_in)))
            )
        )
    return " · ".join(parts)


class SyncIndicator(QWidget):
    """Status-bar widget: link, items waiting, progress, speed, last error; Sync now and
    Cancel. Shows the bridge's state, so a rebuilt main window shows it at once."""

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.dot = QLabel("●")
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Sync state"))
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.sync_button = QToolButton()
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Sync now (F5)"))
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.hide()
        for w in (self.dot, self.label, self.bar, self.sync_button, self.cancel_button):
            layout.addWidget(w)
        self.sync_button.clicked.connect(bridge.sync_now)
        self.cancel_button.clicked.connect(bridge.cancel)
        bridge.status.connect(self.show_status)
        bridge.progress.connect(self.show_progress)
        bridge.summary.connect(self._summary)  # bound: disconnected when this is deleted
        bridge.transfer_changed.connect(self.show_transfer)
        bridge.engine_ready.connect(self._engine_ready)
        self._engine_ready()

    def _engine_ready(self) -> None:
        self.sync_button.setEnabled(self.bridge.engine is not None)
        self.show_status(self.bridge.last_status)

    def show_status(self, status: Status | None) -> None:
        text = describe_status(status, self.bridge.settled)
        rate = describe_transfer(self.bridge)
        self.label.setText(text + (" · " + rate if rate else ""))
        colour = "#888888"
        if status is not None:
            colour = {"online": "#2E7D32", "offline": "#C62828"}.get(status.link.value, "#888")
        self.dot.setStyleSheet(f"color:{colour};")
        tip = ""
        if status is not None and status.last_error:
            tip = self.tr("Last error: %1").replace("%1", status.last_error)
            self.dot.setText("⚠")
        else:
            self.dot.setText("●")
        self.label.setToolTip(tip)
        running = status is not None and status.running
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        if not running:
            self.bar.reset()

    def show_transfer(self) -> None:
        self.show_status(self.bridge.last_status)  # the speed or the time left changed

    def _summary(self, _summary: object) -> None:
        self.show_status(self.bridge.last_status)

    def show_progress(self, progress: Progress) -> None:
        running = self.bridge.last_status is not None and self.bridge.last_status.running
        self.bar.setVisible(running)
        total = progress.bytes_total or progress.items_total
        done = progress.bytes_done if progress.bytes_total else progress.items_done
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))


def _size(n: int | None) -> str:
    if n is None:
        return ""
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 2**20:.1f} MB"


class OutboxModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OutboxRow] = []
        # The item being sent now and its bytes so far (from the engine's progress).
        self.sending: tuple[int, int] | None = None
        self.headers = [
            self.tr("Item"),
            self.tr("Report"),
            self.tr("State"),
            self.tr("Bytes"),
            self.tr("Attempts"),
            self.tr("Last error / portal's reason"),
            self.tr("Queued at"),
        ]

    def set_rows(self, rows: list[OutboxRow]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=_attention)
        self.endResetModel()

    def apply(self, update: ItemUpdate) -> bool:
        """One item changed during the pass (the engine said so): its row follows at once,
        and moves to its place (delivered items sink). False if the item is not listed."""
        for i, row in enumerate(self.rows):
            if row.id == update.item_id:
                changed = dataclasses.replace(
                    row,
                    state=update.state,
                    attempts=update.attempts,
                    last_error=update.last_error,
                )
                rows = list(self.rows)
                rows[i] = changed
                self.set_rows(rows)
                return True
        return False

    def show_sending(self, sending: tuple[int, int] | None) -> None:
        if sending != self.sending:
            self.sending = sending
            if self.rows:
                self.dataChanged.emit(self.index(0, 2), self.index(len(self.rows) - 1, 3))

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows if r.state == state)

    def rowCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | Any, role: int = 0) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            kinds = {
                "submission": self.tr("Submission"),
                "approval": self.tr("Decision"),
                "attachment": self.tr("Attachment"),
            }
            states = {
                "pending": self.tr("Waiting"),
                "delivered": self.tr("Delivered"),
                "quarantined": self.tr("Refused by the portal"),
            }
            state = states.get(row.state, row.state)
            sent = row.bytes_sent
            if row.state == "pending" and row.last_error:
                state = self.tr("Failed, retried")
            if self.sending is not None and self.sending[0] == row.id and row.state == "pending":
                state, sent = self.tr("Sending"), self.sending[1]
            values = [
                f"{kinds.get(row.kind, row.kind)} {row.ref[:10]}…",
                (row.report_id or "")[:8],
                state,
                f"{_size(sent)} / {_size(row.size)}" if row.size else _size(sent),
                str(row.attempts),
                row.last_error or "",
                format_moment(row.created_at),
            ]
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            return row.last_error
        if role == Qt.ItemDataRole.ForegroundRole and (
            row.quarantined or (row.state == "pending" and row.last_error)
        ):
            return QColor("#B00020")
        return None


def _attention(row: OutboxRow) -> tuple[int, int]:
    """What needs a look first: refused, then failing, then waiting; delivered last. Oldest
    first within each."""
    if row.state == "quarantined":
        rank = 0
    elif row.state == "pending":
        rank = 1 if row.last_error else 2
    else:
        rank = 3
    return rank, row.id


class OutboxPage(QWidget):
    """Per-item state, per-phase progress, metered switch, Sync now / Cancel."""

    def __init__(self, ctx: Context, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bridge = bridge
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Outbox & sync"))
        title.setStyleSheet("font-size:15px; font-weight:bold;")
        layout.addWidget(title)
        self.engine_note = QLabel(
            self.tr(
                "Sync is not set up on this installation: it has not been provisioned for a "
                "portal yet. Submitted reports and decisions wait here, signed, until it is."
            )
        )
        self.engine_note.setWordWrap(True)
        self.engine_note.setStyleSheet("background:#FFF4CE; padding:6px;")
        self.engine_note.setVisible(False)
        layout.addWidget(self.engine_note)

        top = QHBoxLayout()
        phases_box = QGroupBox(self.tr("Progress"))
        phases = QFormLayout(phases_box)
        self.bars: dict[Phase, QProgressBar] = {}
        names = {
            Phase.PROBE: self.tr("Reach the portal"),
            Phase.PUSH: self.tr("Send reports and decisions"),
            Phase.UPLOAD: self.tr("Upload attachments"),
            Phase.PULL: self.tr("Receive alerts and decisions"),
        }
        for phase in Phase:
            bar = QProgressBar()
            bar.setRange(0, 1)
            bar.setValue(0)
            bar.setFormat("%v / %m")
            bar.setAccessibleName(names[phase])
            phases.addRow(names[phase] + ":", bar)
            self.bars[phase] = bar
        top.addWidget(phases_box, 2)
        controls_box = QGroupBox(self.tr("Link"))
        controls = QVBoxLayout(controls_box)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Sync state"))
        controls.addWidget(self.state)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#B00020;")
        controls.addWidget(self.error)
        self.metered = QCheckBox(self.tr("&Metered link: send text only, attachments later"))
        self.metered.setChecked(ctx.settings.metered)
        self.metered.toggled.connect(self._metered_toggled)
        controls.addWidget(self.metered)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("S&ync now"))
        self.cancel_button = QPushButton(self.tr("&Cancel sync"))
        self.refresh_button = QPushButton(self.tr("&Refresh list"))
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.refresh_button)
        controls.addLayout(buttons)
        bundles = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export offline bundle…"))
        self.export_button.setToolTip(
            self.tr(
                "No link at all: approved work, signed and encrypted to the portal, on a USB stick"
            )
        )
        self.import_button = QPushButton(self.tr("&Import a bundle…"))
        self.import_button.setToolTip(self.tr("Deliver another post's bundle through this link"))
        bundles.addWidget(self.export_button)
        bundles.addWidget(self.import_button)
        controls.addLayout(bundles)
        self.last_pass = QLabel()
        self.last_pass.setWordWrap(True)
        controls.addWidget(self.last_pass)
        self.last_success = QLabel()  # beside the last pass's summary, not in its place
        self.last_success.setWordWrap(True)
        controls.addWidget(self.last_success)
        self.rate = QLabel()
        self.rate.setAccessibleName(self.tr("Speed and time left"))
        phases.addRow(self.rate)
        top.addWidget(controls_box, 1)
        layout.addLayout(top)

        self.model = OutboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Outbox items"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        fit_headers(self.table)
        layout.addWidget(self.table, 1)
        self.counts = QLabel()
        layout.addWidget(self.counts)

        self.cancel_button.setEnabled(False)
        self.sync_button.clicked.connect(bridge.sync_now)
        self.cancel_button.clicked.connect(bridge.cancel)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_import)
        self._counts: dict[str, int] | None = None  # the store's, when last read
        bridge.progress.connect(self.show_progress)
        bridge.status.connect(self.show_status)
        bridge.summary.connect(self.show_summary)
        bridge.item.connect(self.show_item)
        bridge.transfer_changed.connect(self.show_transfer)
        bridge.engine_ready.connect(self._engine_ready)
        self._engine_ready()
        for progress in bridge.phases.values():
            self.show_progress(progress)
        if bridge.last_summary is not None and not bridge.phases:
            self.show_summary(bridge.last_summary)  # a pass ended before this page was built

    def _engine_ready(self) -> None:
        engine = self.bridge.engine
        self.sync_button.setEnabled(engine is not None)
        self.export_button.setEnabled(engine is not None)  # bundles need the portal's keys
        self.import_button.setEnabled(engine is not None)
        self.engine_note.setVisible(self.bridge.settled and engine is None)
        self.show_status(self.bridge.last_status)
        if engine is not None:
            self.bridge.request_status(self.ctx.ops)

    def _metered_toggled(self, on: bool) -> None:
        self.ctx.settings.metered = on
        self.bridge.set_metered(on, self.ctx.ops)

    def refresh(self) -> None:
        db = self.ctx.session.db

        def work() -> tuple[list[OutboxRow], dict[str, int]]:
            view = OutboxView(db)
            return view.rows(), view.counts()

        self.ctx.ops.run(work, self._show_rows, label=self.tr("Reading the outbox"))

    def _show_rows(self, result: tuple[list[OutboxRow], dict[str, int]]) -> None:
        rows, counts = result
        self.model.set_rows(rows)
        self._counts = counts
        self._show_counts()
        self.show_transfer()

    def _show_counts(self) -> None:
        """Waiting and refused as the engine last said (the status bar and the dashboard say
        the same); without an engine, as the store said."""
        status = self.bridge.last_status
        if status is None and self._counts is None:
            return
        waiting = status.waiting if status is not None else (self._counts or {})["pending"]
        refused = status.quarantined if status is not None else (self._counts or {})["quarantined"]
        self.counts.setText(
            self.tr("%1 waiting, %2 delivered, %3 refused by the portal")
            .replace("%1", str(waiting))
            .replace("%2", str(self.model.count("delivered")))
            .replace("%3", str(refused))
        )

    def show_item(self, update: ItemUpdate) -> None:
        if not self.model.apply(update):
            self.refresh()  # queued after this screen last read the outbox
        self._show_counts()
        self.show_transfer()

    def show_transfer(self) -> None:
        """Speed, time left and the row being sent, as the bridge has them now."""
        self.rate.setText(describe_transfer(self.bridge))
        upload = self.bridge.uploading()
        item = None if upload is None else upload.item_id
        self.model.show_sending(
            None if item is None or upload is None else (item, upload.bytes_done)
        )

    def show_progress(self, progress: Progress) -> None:
        self.show_transfer()
        bar = self.bars[progress.phase]
        if progress.bytes_total:
            bar.setFormat(f"%v / %m ({_size(progress.bytes_done)} / {_size(progress.bytes_total)})")
        else:
            bar.setFormat("%v / %m")
        total = max(progress.items_total, progress.items_done)
        if total == 0:  # e.g. nothing new in the feed: this phase is done, not at 0 of 1
            bar.setFormat(self.tr("nothing to do"))
            bar.setRange(0, 1)
            bar.setValue(1)
            return
        bar.setRange(0, total)
        bar.setValue(progress.items_done)

    def _reset_bars(self) -> None:
        """Between passes no bar shows a fraction: what the last pass did is in its summary."""
        for bar in self.bars.values():
            bar.setFormat("%v / %m")
            bar.setRange(0, 1)
            bar.reset()
        self.show_transfer()

    def show_status(self, status: Status | None) -> None:
        self.state.setText(describe_status(status, self.bridge.settled))
        if not self.bridge.phases:  # between passes, or a new one that has not moved yet
            self._reset_bars()
        self._show_counts()
        self.error.setText(
            ""
            if status is None or not status.last_error
            else self.tr("Last error: %1").replace("%1", status.last_error)
        )
        running = status is not None and status.running
        self.cancel_button.setEnabled(running and self.bridge.engine is not None)
        if status is not None and status.last_success:
            self.last_success.setText(
                self.tr("Last complete sync: %1").replace("%1", format_moment(status.last_success))
            )

    def show_summary(self, summary: PassSummary) -> None:
        text = (
            self.tr("Last pass: %1 sent, %2 attachments, %3 received in %4 s")
            .replace("%1", str(summary.pushed))
            .replace("%2", str(summary.uploaded))
            .replace("%3", str(summary.pulled))
            .replace("%4", f"{summary.seconds:.1f}")
        )
        if summary.error:
            text += " — " + summary.error
        self.last_pass.setText(text)
        self._reset_bars()
        self.refresh()

    # -- offline bundles ----------------------------------------------------------------------

    def _choose_export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export offline bundle"), start_folder())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("outpost-bundle")
        dialog.fileSelected.connect(lambda name: self.export_bundle(Path(name)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _choose_import(self) -> None:
        dialog = QFileDialog(self, self.tr("Import a bundle"), start_folder())
        # A bundle, or all of its parts (bundle export --max-part-size): several files at once.
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self.import_bundle([Path(n) for n in names]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_bundle(self, path: Path) -> None:
        session, purpose = self.ctx.session, self.tr("offline delivery to the portal")
        from services.bundles import export_bundle

        def work() -> object:
            return export_bundle(session, path, purpose)

        self.ctx.ops.run(
            work,
            lambda _code: self._bundle_done(
                self.tr("Bundle written to %1.").replace("%1", str(path))
            ),
            lambda error: self._bundle_done(error.message),
            label=self.tr("Writing the bundle"),
        )

    def import_bundle(self, path: Path | list[Path]) -> None:
        session = self.ctx.session
        from services.bundles import check_bundles, deliver_bundles, read_bundles

        # Files read and delivered on the network lane; only the checks hold the store.
        self.ctx.ops.chain(
            [
                (Lane.NETWORK, lambda _none: read_bundles(path)),
                (Lane.STORE, lambda files: check_bundles(session, files)),
                (Lane.NETWORK, deliver_bundles),
            ],
            lambda result: self._bundle_done(
                self.tr("Bundle delivered to the portal.")
                if not result.refused
                else self.tr("Bundle delivered; the portal refused some items.")
            ),
            lambda error: self._bundle_done(error.message),
            label=self.tr("Delivering the bundle"),
        )

    def _bundle_done(self, text: str) -> None:
        self.last_pass.setText(text)
        self.refresh()

    def showEvent(self, event: Any) -> None:
        self.refresh()
        super().showEvent(event)
