"""Needs my action: the officer's returned reports, each with the reviewer's comment, who
returned it and when. Opening one (Enter, double-click or the button) goes to the editor,
which shows the comment in its banner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import codelists
from app.i18n import format_moment
from app.workflow import ActionItem
from ui import i18n
from ui.context import Context
from ui.ops import OpError
from ui.widgets import fit_headers


class NeedsActionPage(QWidget):
    open_report = Signal(str)  # report id, to correct in the editor
    count_changed = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[ActionItem] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Needs my action"))
        title.setStyleSheet("font-size:15px; font-weight:bold;")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Reports a reviewer returned to you. Correct each one as the comment asks, "
                "then sign and submit it again."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Report"), self.tr("Returned by"), self.tr("Returned on"), self.tr("Comment")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.setAccessibleName(self.tr("Returned reports"))
        fit_headers(self.table)
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count, 1)
        self.open_button = QPushButton(self.tr("&Correct the report"))
        self.open_button.clicked.connect(self.open_selected)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#B00020;")
        layout.addWidget(self.message)

    def reload(self) -> None:
        ctx = self.ctx
        self.ctx.ops.run(
            lambda: ctx.workflow().needs_my_action(),
            self._loaded,
            self._failed,
            label=self.tr("Reading returned reports"),
        )

    def _loaded(self, items: list[ActionItem]) -> None:
        self.items = items
        self.table.setRowCount(0)
        for item in items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            what = " · ".join(
                part
                for part in (
                    i18n.label("report_kinds", item.kind),
                    codelists.label("crossing_points", item.crossing_point)
                    if item.crossing_point
                    else "",
                    format_moment(item.observed_at),
                )
                if part
            )
            if item.correcting:
                what += " " + self.tr("(correction started)")
            for column, text in enumerate(
                (what, item.returned_by, format_moment(item.returned_at), item.comment)
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.report_id)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.count.setText(
            self.tr("%n report(s) need your action.", "", len(items))
            if items
            else self.tr("Nothing needs your action.")
        )
        self.open_button.setEnabled(bool(items))
        if items:
            self.table.selectRow(0)
        self.count_changed.emit(len(items))

    def _failed(self, error: OpError) -> None:
        self.message.setText(error.message)

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            self.open_report.emit(self.items[row].report_id)

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)
