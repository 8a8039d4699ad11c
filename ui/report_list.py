"""My reports: a sortable, filterable list with full-text search, paged from the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import codelists
from app.i18n import format_moment
from app.reports import ReportView
from storage.reports_repo import PageCursor, ReportFilter
from ui import i18n
from ui.context import Context
from ui.ops import OpError
from ui.widgets import CodeCombo, fit_headers, fit_tlp_column, tlp_cell_brushes

PAGE = 100
SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 500


@dataclass(frozen=True)
class ReportRow:
    report_id: str
    version: int
    status: str
    kind: str
    observed_at: str
    crossing_point: str
    tlp: str
    nationalities: str
    summary: str
    author_id: str
    rowid: int

    @classmethod
    def of(cls, v: ReportView) -> ReportRow:
        persons = v.report.get("persons") or []
        nationalities = sorted({p["nationality"] for p in persons if p.get("nationality")})
        narrative = " ".join((v.report.get("narrative") or "").split())
        r = v.record
        return cls(
            r.report_id,
            r.version,
            r.status,
            r.kind,
            r.observed_at or "",
            r.crossing_point or "",
            r.tlp or "",
            ", ".join(nationalities),
            narrative[:140],
            r.author_id,
            r.rowid,
        )


class ReportTableModel(QAbstractTableModel):
    """Rows arrive a page at a time from the store worker; `fetchMore` asks for the next."""

    COLUMNS = ("observed", "kind", "crossing", "nationalities", "status", "tlp", "summary")
    more_wanted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ReportRow] = []
        self.has_more = False
        self.loading = False
        self.headers = [
            self.tr("Observed"),
            self.tr("Kind"),
            self.tr("Crossing point"),
            self.tr("Nationalities"),
            self.tr("Status"),
            self.tr("TLP"),
            self.tr("Summary"),
        ]

    def reset(self, rows: list[ReportRow], has_more: bool) -> None:
        self.beginResetModel()
        self.rows = rows
        self.has_more = has_more
        self.loading = False
        self.endResetModel()

    def append(self, rows: list[ReportRow], has_more: bool) -> None:
        self.loading = False
        self.has_more = has_more
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def canFetchMore(self, parent: QModelIndex | Any = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.has_more and not self.loading

    def fetchMore(self, parent: QModelIndex | Any = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.loading = True
            self.more_wanted.emit()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | Any, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "observed":
                return format_moment(row.observed_at)
            if column == "kind":
                return i18n.label("report_kinds", row.kind)
            if column == "crossing":
                return (
                    codelists.label("crossing_points", row.crossing_point)
                    if row.crossing_point
                    else ""
                )
            if column == "nationalities":
                return row.nationalities
            if column == "status":
                return i18n.status_label(row.status)
            if column == "tlp":
                return row.tlp
            return row.summary
        if column == "tlp" and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            brushes = tlp_cell_brushes(row.tlp)
            if brushes is None:
                return None
            return brushes[0] if role == Qt.ItemDataRole.BackgroundRole else brushes[1]
        if role == Qt.ItemDataRole.UserRole:
            return row.report_id
        if role == Qt.ItemDataRole.ToolTipRole and column == "summary":
            return row.summary
        return None


def _placeholder(combo: QComboBox, text: str) -> None:
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


def _filter_combo(items: list[tuple[str, Any]], name: str) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    combo.setAccessibleName(name)
    return combo


class ReportListPage(QWidget):
    open_report = Signal(str)
    new_report = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._cursor: PageCursor | None = None
        self._total: int | None = None  # exact total of the current filter, if kept
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("My reports"))
        title.setStyleSheet("font-size:15px; font-weight:bold;")
        layout.addWidget(title)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search narrative, places, modus operandi… (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search reports"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 3)
        self.status = _filter_combo(
            [
                (self.tr("All states"), ()),
                (self.tr("Drafts"), ("draft",)),
                (self.tr("Waiting for review"), ("queued",)),
                (self.tr("Returned"), ("returned",)),
                (self.tr("Approved"), ("approved",)),
                (self.tr("Sent"), ("sent", "acknowledged")),
            ],
            self.tr("Filter by state"),
        )
        filters.addWidget(self.status, 1)
        self.kind = _filter_combo(
            [(self.tr("All kinds"), None)]
            + [(i18n.label("report_kinds", e.code), e.code) for e in codelists.report_kinds()],
            self.tr("Filter by kind"),
        )
        filters.addWidget(self.kind, 1)
        self.crossing = CodeCombo("crossing_points")
        self.crossing.setAccessibleName(self.tr("Filter by crossing point"))
        _placeholder(self.crossing, self.tr("any crossing point"))
        filters.addWidget(self.crossing, 1)
        self.nationality = CodeCombo("nationalities")
        self.nationality.setAccessibleName(self.tr("Filter by nationality"))
        _placeholder(self.nationality, self.tr("any nationality"))
        filters.addWidget(self.nationality, 1)
        self.mine = QCheckBox(self.tr("&Only mine"))
        self.mine.setChecked(True)
        filters.addWidget(self.mine)
        layout.addLayout(filters)

        self.model = ReportTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the store's order
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Reports"))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((120, 150, 170, 110, 130, 100)):
            self.table.setColumnWidth(column, width)
        fit_headers(self.table)
        fit_tlp_column(self.table, ReportTableModel.COLUMNS.index("tlp"))
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of reports"))
        bottom.addWidget(self.count, 1)
        self.open_button = QPushButton(self.tr("O&pen"))
        self.open_button.clicked.connect(self._open_selected)
        self.new_button = QPushButton(self.tr("&New report"))
        self.new_button.clicked.connect(self.new_report.emit)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.new_button)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.status, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for code_combo in (self.crossing, self.nationality):
            code_combo.value_changed.connect(self._code_filter_changed)
        self.mine.toggled.connect(lambda _c: self.reload())
        self.model.more_wanted.connect(self._load_more)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

    def _code_filter_changed(self) -> None:
        # Only a complete code filters; partial typing waits.
        for combo in (self.crossing, self.nationality):
            value = combo.value()
            if value is not None and not codelists.is_code(combo.list_name, value):
                return
        self._search_timer.start()

    def current_filter(self) -> ReportFilter:
        statuses: tuple[str, ...] = self.status.currentData() or ()
        return ReportFilter(
            kind=self.kind.currentData(),
            statuses=statuses,
            crossing_point=self.crossing.value(),
            nationality=self.nationality.value(),
            author_id=self.ctx.user_id if self.mine.isChecked() else None,
        )

    def set_status_filter(self, statuses: tuple[str, ...]) -> None:
        index = self.status.findData(statuses)
        self.status.setCurrentIndex(max(index, 0))

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        text = self.search.text().strip()
        f = self.current_filter()
        ctx = self.ctx

        def work() -> tuple[list[ReportRow], bool, int | None]:
            service = ctx.reports()
            if text and any(c.isalnum() for c in text):
                views = service.search(text, f, limit=SEARCH_LIMIT)
                return [ReportRow.of(v) for v in views], False, None
            views = service.list_page(f, PAGE + 1)
            # From the kept counts when the filter allows; never by counting rows (seconds
            # at a million reports): then the label says how many are shown.
            total = service.count_if_kept(f)
            return [ReportRow.of(v) for v in views[:PAGE]], len(views) > PAGE, total

        self.ctx.ops.run(
            work,
            lambda result: self._loaded(generation, result),
            self._failed,
            label=self.tr("Searching"),
        )

    def _loaded(self, generation: int, result: tuple[list[ReportRow], bool, int | None]) -> None:
        if generation != self._generation:
            return  # a newer search or filter replaced this one
        rows, has_more, total = result
        self.model.reset(rows, has_more)
        self._cursor = PageCursor(rows[-1].observed_at, rows[-1].rowid) if rows else None
        self._total = total
        self._show_count(total, has_more)

    def _show_count(self, total: int | None, has_more: bool) -> None:
        shown = str(self.model.rowCount())
        if total is not None:
            self.count.setText(self.tr("%1 reports").replace("%1", str(total)))
        elif has_more:
            self.count.setText(self.tr("%1+ reports").replace("%1", shown))
        else:
            self.count.setText(self.tr("%1 matching reports").replace("%1", shown))

    def _load_more(self) -> None:
        if self._cursor is None:
            self.model.loading = False
            return
        generation, cursor, f, ctx = self._generation, self._cursor, self.current_filter(), self.ctx

        def work() -> tuple[list[ReportRow], bool]:
            views = ctx.reports().list_page(f, PAGE + 1, cursor)
            return [ReportRow.of(v) for v in views[:PAGE]], len(views) > PAGE

        def done(result: tuple[list[ReportRow], bool]) -> None:
            if generation != self._generation:
                return
            rows, has_more = result
            self.model.append(rows, has_more)
            if rows:
                self._cursor = PageCursor(rows[-1].observed_at, rows[-1].rowid)
            if self._total is None:
                self._show_count(None, has_more)

        self.ctx.ops.run(work, done, self._failed, label=self.tr("Loading reports"))

    def _failed(self, error: OpError) -> None:
        self.model.loading = False
        self.count.setText(error.message)

    def _activated(self, index: QModelIndex) -> None:
        report_id = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if report_id:
            self.open_report.emit(str(report_id))

    def _open_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self._activated(indexes[0])

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)
