"""The audit log: recent entries of the hash chain, and a check of the whole chain."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.audit import AuditVerification, describe
from app.i18n import format_moment
from storage.audit_repo import AuditRecord
from ui.context import Context
from ui.ops import OpError
from ui.widgets import fit_headers

LIMIT = 500


class AuditPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Audit log"))
        title.setStyleSheet("font-size:15px; font-weight:bold;")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Every change of state is recorded here, each entry chained to the one "
                "before it by its hash, so an edited or removed entry shows."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("When"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("Object"),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Audit entries"))
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Result of the chain check"))
        self.verify_button = QPushButton(self.tr("&Verify the whole chain"))
        self.verify_button.clicked.connect(self.verify)
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.verify_button)
        layout.addLayout(bottom)

    def reload(self) -> None:
        session = self.ctx.session

        def work() -> tuple[list[AuditRecord], dict[str, str]]:
            return session.audit.recent(LIMIT), {u.id: u.name for u in session.users()}

        self.ctx.ops.run(work, self._loaded, self._failed, label=self.tr("Reading the log"))

    def _loaded(self, result: tuple[list[AuditRecord], dict[str, str]]) -> None:
        records, names = result
        self.model.removeRows(0, self.model.rowCount())
        for r in records:
            self.model.appendRow(
                [
                    QStandardItem(str(r.seq)),
                    QStandardItem(format_moment(r.at, seconds=True)),
                    QStandardItem(names.get(r.actor, r.actor)),
                    QStandardItem(describe(r)),
                    QStandardItem(names.get(r.object, r.object)),
                ]
            )
        self.table.resizeColumnsToContents()
        fit_headers(self.table)

    def verify(self) -> None:
        session = self.ctx.session
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("Checking…"))
        self.ctx.ops.run(
            session.audit.verify, self._verified, self._failed, label=self.tr("Checking the chain")
        )

    def _verified(self, outcome: AuditVerification) -> None:
        self.verify_button.setEnabled(True)
        if outcome.ok:
            self.result.setStyleSheet("color:#2E7D32;")
            self.result.setText(
                self.tr("The chain is intact: %1 entries verified.").replace(
                    "%1", str(outcome.entries)
                )
            )
        else:
            self.result.setStyleSheet("color:#B00020;")
            self.result.setText(self.tr("The chain is broken: ") + "; ".join(outcome.problems))

    def _failed(self, error: OpError) -> None:
        self.verify_button.setEnabled(True)
        self.result.setText(error.message)

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)
