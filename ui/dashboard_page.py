"""Dashboard: charts of what was reported (by kind and month, crossing point, nationality) and
of queue health, drawn with Qt Charts from figures computed off the UI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import codelists
from app.dashboard import DashboardFigures, DashboardService
from sync.events import Status
from ui import i18n
from ui.context import Context
from ui.ops import OpError
from ui.sync_panel import SyncBridge, describe_transfer

# One colour per report kind, distinguishable in print and for common colour-vision deficits
# (Okabe–Ito palette).
KIND_COLOURS = ["#0072B2", "#E69F00", "#CC79A7", "#009E73", "#56B4E9", "#999999"]


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    return chart


def _view(chart: QChart, name: str) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    view.setAccessibleName(name)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


def _short(text: str, n: int = 26) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class Tile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size:22px; font-weight:bold;")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()  # e.g. the outbox tile's speed while a sync runs
        self.detail.setWordWrap(True)
        self.detail.hide()
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        self.setAccessibleName(caption)

    def set_detail(self, text: str) -> None:
        self.detail.setText(text)
        self.detail.setVisible(bool(text))

    def set(self, value: str, warn: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(
            "font-size:22px; font-weight:bold;" + (" color:#B00020;" if warn else "")
        )
        self.setAccessibleDescription(value)


class DashboardPage(QWidget):
    summary_pdf_requested = Signal()

    def __init__(
        self, ctx: Context, bridge: SyncBridge | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bridge = bridge  # the outbox tiles show the sync engine's own counts
        self.figures: DashboardFigures | None = None
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        title = QLabel(self.tr("Dashboard"))
        title.setStyleSheet("font-size:15px; font-weight:bold;")
        header.addWidget(title, 1)
        self.pdf_button = QPushButton(self.tr("Period summary as P&DF…"))
        self.pdf_button.clicked.connect(self.summary_pdf_requested.emit)
        header.addWidget(self.pdf_button)
        layout.addLayout(header)
        tiles = QHBoxLayout()
        self.tile_review = Tile(self.tr("waiting for review"))
        self.tile_oldest = Tile(self.tr("days the oldest has waited"))
        self.tile_returned = Tile(self.tr("returned to authors"))
        self.tile_outbox = Tile(self.tr("items waiting to be sent"))
        self.tile_refused = Tile(self.tr("refused by the portal"))
        for tile in (
            self.tile_review,
            self.tile_oldest,
            self.tile_returned,
            self.tile_outbox,
            self.tile_refused,
        ):
            tiles.addWidget(tile)
        layout.addLayout(tiles)
        grid = QGridLayout()
        self.months_chart = _chart(self.tr("Reports by kind and month"))
        self.months_chart.legend().setVisible(True)
        self.months_chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.crossing_chart = _chart(self.tr("By crossing point (12 months)"))
        self.nationality_chart = _chart(self.tr("By nationality (top 10, 12 months)"))
        self.queue_chart = _chart(self.tr("Queue health: reports by state"))
        grid.addWidget(_view(self.months_chart, self.tr("Reports by kind and month")), 0, 0, 1, 2)
        grid.addWidget(_view(self.crossing_chart, self.tr("Reports by crossing point")), 1, 0)
        grid.addWidget(_view(self.nationality_chart, self.tr("Reports by nationality")), 1, 1)
        grid.addWidget(_view(self.queue_chart, self.tr("Queue health")), 0, 2, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid, 1)
        self.message = QLabel()
        layout.addWidget(self.message)
        if bridge is not None:
            bridge.status.connect(self.show_sync)
            # Bound methods, not lambdas: Qt disconnects them when this page is deleted (a
            # language switch during a sync rebuilds it while the bridge goes on).
            bridge.progress.connect(self._sync_event)
            bridge.summary.connect(self._sync_event)
            bridge.transfer_changed.connect(self.show_transfer)

    def reload(self) -> None:
        db = self.ctx.session.db
        if self.bridge is not None:
            self.bridge.request_status(self.ctx.ops)  # the outbox may have grown meanwhile
        self.ctx.ops.run(
            lambda: DashboardService(db).figures(),
            self.show_figures,
            self._failed,
            label=self.tr("Counting reports"),
        )

    def _failed(self, error: OpError) -> None:
        self.message.setText(error.message)

    def show_figures(self, figures: DashboardFigures) -> None:
        self.figures = figures
        q = figures.queue
        self.tile_review.set(str(q.waiting_for_review))
        oldest = q.oldest_queued_days
        self.tile_oldest.set("–" if oldest is None else f"{oldest:.0f}", warn=(oldest or 0) > 3)
        self.tile_returned.set(str(q.by_status.get("returned", 0)))
        self.tile_outbox.set(str(q.outbox.get("pending", 0)))
        self.tile_refused.set(str(q.outbox.get("quarantined", 0)), warn=q.outbox["quarantined"] > 0)
        if self.bridge is not None:
            self.show_sync(self.bridge.last_status)  # the engine's count wins over this read
        self._months(figures)
        self._horizontal(
            self.crossing_chart,
            [
                (_short(codelists.label("crossing_points", code)), n)
                for code, n in figures.by_crossing_point[:10]
            ],
            "#0072B2",
        )
        self._horizontal(
            self.nationality_chart,
            [(_short(i18n.label("nationalities", c)), n) for c, n in figures.by_nationality],
            "#009E73",
        )
        self._horizontal(
            self.queue_chart,
            [(i18n.status_label(s), n) for s, n in q.by_status.items()],
            "#E69F00",
        )

    def _sync_event(self, _event: object) -> None:
        self.show_transfer()

    def show_transfer(self) -> None:
        assert self.bridge is not None
        self.show_sync(self.bridge.last_status)

    def show_sync(self, status: Status | None) -> None:
        """The outbox tiles as the sync engine last counted them (the status bar and the
        outbox say the same). Without an engine the store's figures stay."""
        if status is None:
            return
        self.tile_outbox.set(str(status.waiting))
        self.tile_refused.set(str(status.quarantined), warn=status.quarantined > 0)
        assert self.bridge is not None
        self.tile_outbox.set_detail(describe_transfer(self.bridge))

    def _months(self, figures: DashboardFigures) -> None:
        chart = self.months_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QStackedBarSeries()
        for i, (kind, counts) in enumerate(figures.by_month_and_kind.items()):
            bar = QBarSet(i18n.label("report_kinds", kind))
            bar.append([float(c) for c in counts])
            bar.setColor(QColor(KIND_COLOURS[i % len(KIND_COLOURS)]))
            series.append(bar)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([m[2:] for m in figures.months])  # "25-11": short enough for 12 months
        y = QValueAxis()
        y.setLabelFormat("%d")
        totals = [sum(c) for c in zip(*figures.by_month_and_kind.values(), strict=True)]
        y.setRange(0, max([1, *totals]))
        y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _horizontal(self, chart: QChart, pairs: list[tuple[str, int]], colour: str) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        pairs = list(reversed(pairs))  # biggest at the top
        bar = QBarSet("")
        bar.append([float(n) for _label, n in pairs])
        bar.setColor(QColor(colour))
        series: QBarSeries | QHorizontalBarSeries = QHorizontalBarSeries()
        series.append(bar)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append([label for label, _n in pairs] or [""])
        small = QFont(y.labelsFont())
        small.setPointSizeF(7.5)  # Qt Charts elides a label taller than its row
        y.setLabelsFont(small)
        x = QValueAxis()
        x.setLabelFormat("%d")
        x.setRange(0, max([1] + [n for _l, n in pairs]))
        x.applyNiceNumbers()
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)
