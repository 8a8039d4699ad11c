"""Alerts & bulletins pulled from the portal: readable and searchable offline, new ones flagged."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.bulletins import FeedItemView
from app.i18n import format_moment
from ui.context import Context
from ui.ops import OpError
from ui.widgets import colour_tlp_cell, fit_headers, tlp_badge_style


class BulletinsPage(QWidget):
    unread_changed = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[FeedItemView] = []
        self._generation = 0
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Alerts & bulletins"))
        title.setStyleSheet("font-size:15px; font-weight:bold;")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search alerts and bulletins…"))
        self.search.setAccessibleName(self.tr("Search alerts and bulletins"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of item"))
        for text, data in (
            (self.tr("Everything"), None),
            (self.tr("Alerts"), "alert"),
            (self.tr("Bulletins"), "bulletin"),
            (self.tr("MOU templates"), "mou_template"),
            (self.tr("Document-fraud notices"), "fraud_notice"),
        ):
            self.kind.addItem(text, data)
        self.unread = QLabel()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.kind, 1)
        bar.addWidget(self.unread)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Published"), self.tr("Title"), self.tr("From"), self.tr("TLP")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        fit_headers(self.table)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setAccessibleName(self.tr("Alerts and bulletins"))
        splitter.addWidget(self.table)
        self.reader = QTextBrowser()
        self.reader.setAccessibleName(self.tr("Selected alert or bulletin"))
        splitter.addWidget(self.reader)
        splitter.setSizes([300, 300])
        layout.addWidget(splitter, 1)
        self.empty = QLabel(
            self.tr(
                "Nothing has been received from the portal yet. Alerts and bulletins arrive "
                "with the next sync and stay readable offline."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().currentRowChanged.connect(self._selected)

    def reload(self) -> None:
        self._generation += 1
        generation, text, kind, ctx = (
            self._generation,
            self.search.text().strip(),
            self.kind.currentData(),
            self.ctx,
        )

        def work() -> tuple[list[FeedItemView], int]:
            service = ctx.bulletins()
            if text and any(c.isalnum() for c in text):
                items = [i for i in service.search(text) if kind is None or i.kind == kind]
            else:
                items = service.items(kind)
            return items, service.unread_count()

        self.ctx.ops.run(
            work, lambda r: self._loaded(generation, r), self._failed, label=self.tr("Searching")
        )

    def _loaded(self, generation: int, result: tuple[list[FeedItemView], int]) -> None:
        if generation != self._generation:
            return
        items, unread = result
        self.items = items
        self.model.removeRows(0, self.model.rowCount())
        bold = QFont()
        bold.setBold(True)
        for item in items:
            flag = self.tr("NEW") + " · " if item.unread else ""
            cells = [
                QStandardItem(format_moment(item.published_at)),
                QStandardItem(flag + item.title),
                QStandardItem(item.publisher),
                QStandardItem(item.tlp),
            ]
            colour_tlp_cell(cells[3], item.tlp)
            if item.unread:
                for cell in cells:
                    cell.setFont(bold)
            self.model.appendRow(cells)
        self.table.resizeColumnsToContents()
        self.unread.setText(self.tr("%1 new").replace("%1", str(unread)))
        self.empty.setVisible(not items and not self.search.text().strip())
        self.unread_changed.emit(unread)

    def _failed(self, error: OpError) -> None:
        self.unread.setText(error.message)

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.items):
            return
        item = self.items[current.row()]
        e = html.escape
        self.reader.setHtml(
            f"<h3>{e(item.title)}</h3>"
            f"<p><span style='{tlp_badge_style(item.tlp)}'>&nbsp;TLP:{e(item.tlp)}&nbsp;</span> "
            f"{e(item.publisher)} · {e(format_moment(item.published_at))}</p>"
            "<p>" + e(item.body).replace("\n", "<br>") + "</p>"
        )
        if item.unread:
            ctx, item_id = self.ctx, item.item_id

            def work() -> int:
                service = ctx.bulletins()
                service.mark_read(item_id)
                return service.unread_count()

            row = current.row()
            self.ctx.ops.run(work, lambda count: self._marked(row, count))

    def _marked(self, row: int, unread: int) -> None:
        if row < len(self.items):
            normal = QFont()
            for column in range(self.model.columnCount()):
                cell = self.model.item(row, column)
                if cell is not None:
                    cell.setFont(normal)
            title = self.model.item(row, 1)
            if title is not None:
                title.setText(self.items[row].title)
        self.unread.setText(self.tr("%1 new").replace("%1", str(unread)))
        self.unread_changed.emit(unread)

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)
