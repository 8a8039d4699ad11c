"""The audit log: its entries, filtered by action, user, report, dates and text, a page
at a time, and a check of the whole chain (which never depends on the filter)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.audit import (
    ACTION_LABELS,
    AuditVerification,
    action_label,
    audit_filter,
    describe,
    parse_day,
)
from app.i18n import format_moment, format_number
from storage.audit_repo import AuditFilter, AuditRecord
from ui.context import Context
from ui.ops import OpError
from ui.widgets import ErrorLabel, fit_headers

LIMIT = 500  # entries per page


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
        layout.addLayout(self._filter_bar())
        self.filter_error = ErrorLabel()
        layout.addWidget(self.filter_error)
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
        pages = QHBoxLayout()
        self.shown = QLabel()
        self.shown.setAccessibleName(self.tr("Entries shown"))
        self.newer_button = QPushButton(self.tr("Ne&wer entries"))
        self.newer_button.clicked.connect(lambda: self._page(-1))
        self.older_button = QPushButton(self.tr("&Older entries"))
        self.older_button.clicked.connect(lambda: self._page(1))
        pages.addWidget(self.shown, 1)
        pages.addWidget(self.newer_button)
        pages.addWidget(self.older_button)
        layout.addLayout(pages)
        self.offset = 0
        self.names: dict[str, str] = {}
        bottom = QHBoxLayout()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Result of the chain check"))
        self.verify_button = QPushButton(self.tr("&Verify the whole chain"))
        self.verify_button.clicked.connect(self.verify)
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.verify_button)
        layout.addLayout(bottom)

    def _filter_bar(self) -> QGridLayout:
        grid = QGridLayout()
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        for code in sorted(ACTION_LABELS, key=action_label):
            self.action.addItem(action_label(code), code)
        self.user = QComboBox()
        self.user.addItem(self.tr("Everyone"), None)
        self.report = QLineEdit()
        self.report.setPlaceholderText(self.tr("its id, or the start of it"))
        self.day_from = QLineEdit()
        self.day_to = QLineEdit()
        for day in (self.day_from, self.day_to):
            day.setPlaceholderText(self.tr("YYYY-MM-DD"))
            day.setMaxLength(10)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("words in the entry's details"))
        fields: list[tuple[str, QWidget]] = [
            (self.tr("&Action:"), self.action),
            (self.tr("&User:"), self.user),
            (self.tr("&Report:"), self.report),
            (self.tr("Fro&m:"), self.day_from),
            (self.tr("&To:"), self.day_to),
            (self.tr("Co&ntaining:"), self.text),
        ]
        for i, (text, field) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            row, col = divmod(i, 3)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(field, row, col * 2 + 1)
            if isinstance(field, QLineEdit):
                field.returnPressed.connect(self.apply_filter)
        self.apply_button = QPushButton(self.tr("Show &entries"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filter)
        self.clear_button = QPushButton(self.tr("&Clear filter"))
        self.clear_button.clicked.connect(self.clear_filter)
        grid.addWidget(self.apply_button, 0, 6)
        grid.addWidget(self.clear_button, 1, 6)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        return grid

    def current_filter(self) -> AuditFilter:
        """The filter the bar describes; ValueError (in the user's language) for a bad date
        or an end before the start."""
        days = []
        for edit in (self.day_from, self.day_to):
            text = edit.text().strip()
            days.append(parse_day(text) if text else None)
        return audit_filter(
            actions=tuple(a for a in [self.action.currentData()] if a),
            actor=self.user.currentData(),
            report=self.report.text(),
            day_from=days[0],
            day_to=days[1],
            text=self.text.text(),
            limit=LIMIT,
            offset=self.offset,
        )

    def apply_filter(self) -> None:
        self.offset = 0
        self.reload()

    def clear_filter(self) -> None:
        self.action.setCurrentIndex(0)
        self.user.setCurrentIndex(0)
        for edit in (self.report, self.day_from, self.day_to, self.text):
            edit.clear()
        self.apply_filter()

    def _page(self, step: int) -> None:
        self.offset = max(0, self.offset + step * LIMIT)
        self.reload()

    def reload(self) -> None:
        session = self.ctx.session
        try:
            f = self.current_filter()
        except ValueError as e:
            self.filter_error.show_message(str(e))
            return
        self.filter_error.show_message(None)

        def work() -> tuple[list[AuditRecord], int, dict[str, str]]:
            records, total = session.audit.search(f)
            return records, total, {u.id: u.name for u in session.users()}

        self.ctx.ops.run(work, self._loaded, self._failed, label=self.tr("Reading the log"))

    def _loaded(self, result: tuple[list[AuditRecord], int, dict[str, str]]) -> None:
        records, total, names = result
        self._set_users(names)
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
        if total == 0:
            self.shown.setText(self.tr("No entry matches this filter."))
        else:
            self.shown.setText(
                self.tr("Entries %1–%2 of %3, newest first")
                .replace("%1", format_number(self.offset + 1))
                .replace("%2", format_number(self.offset + len(records)))
                .replace("%3", format_number(total))
            )
        self.newer_button.setEnabled(self.offset > 0)
        self.older_button.setEnabled(self.offset + len(records) < total)

    def _set_users(self, names: dict[str, str]) -> None:
        """Fills the user choice once per visit, keeping what is chosen."""
        if names == self.names:
            return
        self.names = names
        chosen = self.user.currentData()
        self.user.blockSignals(True)
        while self.user.count() > 1:
            self.user.removeItem(1)
        for user_id, name in sorted(names.items(), key=lambda item: item[1]):
            self.user.addItem(name, user_id)
        index = self.user.findData(chosen)
        self.user.setCurrentIndex(max(index, 0))
        self.user.blockSignals(False)

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
