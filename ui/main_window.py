"""The main window: navigation on the left, one screen at a time, sync state at the bottom."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app.dashboard import DashboardService
from app.history import report_history
from app.reports import ReportView
from storage.reports_repo import ReportFilter
from ui import i18n
from ui.context import Context
from ui.ops import OpError
from ui.sync_panel import SyncBridge, SyncIndicator
from ui.widgets import fit_title, fit_to_screen, nav_icon, scrolling

MIN_WIDTH, MIN_HEIGHT = 1024, 560  # fits a 1366×768 laptop with a panel and a title bar

PAGES = (
    "dashboard",
    "new",
    "mine",
    "review",
    "outbox",
    "alerts",
    "audit",
    "settings",
    "action",  # added last: Ctrl+1 … Ctrl+8 keep their screens
)


def page_shortcut(key: str) -> str:
    """Ctrl+number by the page's place in the full list, so a number means the same screen
    for every role (Ctrl+4 is the review queue; an officer has none)."""
    return f"Ctrl+{PAGES.index(key) + 1}"


class MainWindow(QMainWindow):
    lock_requested = Signal()
    language_changed = Signal(str)
    idle_changed = Signal(int)

    def __init__(self, ctx: Context, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bridge = bridge
        self.setWindowTitle(self.tr("Outpost"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._fitted = False
        self.pages: dict[str, QWidget] = {}
        self._frames: dict[str, QWidget] = {}  # the scroll area each page sits in
        self._dialogs: list[QDialog] = []
        self._open_reports: dict[str, QDialog] = {}

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setMaximumWidth(230)
        self.nav.setMinimumWidth(170)
        self.stack = QStackedWidget()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        titles = {
            "dashboard": self.tr("Dashboard"),
            "new": self.tr("New report"),
            "mine": self.tr("My reports"),
            "review": self.tr("Review queue"),
            "outbox": self.tr("Outbox & sync"),
            "alerts": self.tr("Alerts & bulletins"),
            "audit": self.tr("Audit log"),
            "settings": self.tr("Settings"),
            "action": self.tr("Needs my action"),
        }
        self.titles = titles
        self.visible_pages = [p for p in PAGES if p != "review" or ctx.is_focal_point]
        for key in self.visible_pages:
            item = QListWidgetItem(nav_icon(key, self.style()), titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self._build_menus()
        self._build_status_bar()
        self.ctx.ops.failed.connect(self.show_message)
        # The count of reports waiting for the officer is read at unlock and after every sync
        # pass (the feed may have brought a return), not only when its screen is first shown.
        self.bridge.summary.connect(lambda _summary: self.count_actions())
        self.go("dashboard")
        self.count_actions()

    # -- structure --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            file_menu, self.tr("&New report"), QKeySequence.StandardKey.New, self.new_report
        )
        self._action(
            file_menu, self.tr("Period &summary as PDF…"), "Ctrl+Shift+P", self.summary_pdf
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Lock"), "Ctrl+L", self.lock_requested.emit)
        self._action(file_menu, self.tr("&Quit"), "Ctrl+Q", self.close)
        go = bar.addMenu(self.tr("&Go"))
        for key in self.visible_pages:
            # "Outbox & sync": a literal ampersand in a menu is written twice
            title = self.titles[key].replace("&", "&&")
            self._action(go, title, page_shortcut(key), self._goer(key))
        sync = bar.addMenu(self.tr("&Sync"))
        self._action(sync, self.tr("Sync &now"), "F5", self.bridge.sync_now)
        self._action(sync, self.tr("&Cancel sync"), "Shift+F5", self.bridge.cancel)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), "F1", self._shortcuts)

    def _action(
        self,
        menu: Any,
        text: str,
        shortcut: QKeySequence.StandardKey | str,
        slot: Callable[[], Any],
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _goer(self, key: str) -> Callable[[], Any]:
        return lambda: self.go(key)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        user = self.ctx.session.user
        state = self.ctx.role
        role = i18n.role_state_label(state.requested.value, state.certified.value)
        self.user_label = QLabel(f"{user.name} · {role} · {user.agency}")
        self.user_label.setAccessibleName(self.tr("Signed in user"))
        status.addWidget(self.user_label)
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(100)
        self.busy_bar.hide()
        status.addWidget(self.busy_label)
        status.addWidget(self.busy_bar)
        self.sync_indicator = SyncIndicator(self.bridge)
        status.addPermanentWidget(self.sync_indicator)
        self.ctx.ops.busy.connect(self._busy)

    def _busy(self, busy: bool, label: str) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setText(label + "…" if busy and label else "")

    # -- pages ------------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The screen for `key`, built the first time it is needed (a quick unlock).

        Each screen sits in a scroll area: a screen taller than the window scrolls instead of
        making the window taller than the screen (a stack is as tall as its tallest page)."""
        if key not in self.pages:
            widget = self._make(key)
            self.pages[key] = widget
            frame = scrolling(widget)
            self._frames[key] = frame
            self.stack.addWidget(frame)
        return self.pages[key]

    def current_page(self) -> QWidget | None:
        frame = self.stack.currentWidget()
        return next((self.pages[k] for k, f in self._frames.items() if f is frame), None)

    def _make(self, key: str) -> QWidget:
        ctx = self.ctx
        if key == "dashboard":
            try:
                from ui.dashboard_page import DashboardPage
            except ImportError:  # Qt Charts (PySide6-Addons) missing: everything else works
                return QLabel(self.tr("Charts need the PySide6-Addons package."))
            dashboard = DashboardPage(ctx, self.bridge)
            dashboard.summary_pdf_requested.connect(self.summary_pdf)
            return dashboard
        if key == "new":
            from ui.editor import ReportEditor

            editor = ReportEditor(ctx)
            editor.status_message.connect(self.show_message)
            return editor
        if key == "mine":
            from ui.report_list import ReportListPage

            listing = ReportListPage(ctx)
            listing.open_report.connect(self.open_report)
            listing.new_report.connect(self.new_report)
            return listing
        if key == "action":
            from ui.action_page import NeedsActionPage

            action = NeedsActionPage(ctx)
            action.open_report.connect(self.edit_report)
            action.count_changed.connect(self._returned_count)
            return action
        if key == "review":
            from ui.review import ReviewPage

            review = ReviewPage(ctx)
            review.decided.connect(
                lambda rid, outcome: self.show_message(
                    self.tr("Report %1 %2 and signed.")
                    .replace("%1", rid[:8])
                    .replace("%2", i18n.status_label(outcome).lower())
                )
            )
            return review
        if key == "outbox":
            from ui.sync_panel import OutboxPage

            return OutboxPage(ctx, self.bridge)
        if key == "alerts":
            from ui.bulletins_page import BulletinsPage

            alerts = BulletinsPage(ctx)
            alerts.unread_changed.connect(self._unread)
            return alerts
        if key == "audit":
            from ui.audit_page import AuditPage

            return AuditPage(ctx)
        from ui.settings_page import SettingsPage

        settings = SettingsPage(ctx)
        settings.language_changed.connect(self.language_changed.emit)
        settings.idle_changed.connect(self.idle_changed.emit)
        settings.metered_changed.connect(self._metered)
        return settings

    def go(self, key: str) -> QWidget:
        if key not in self.visible_pages:
            raise KeyError(key)
        row = self.visible_pages.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # calls _nav_changed
        else:
            self._nav_changed(row)
        return self.pages[key]

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.visible_pages[row]
        self.page(key)
        # Coming back to the editor shows the draft in progress; Ctrl+N starts a new one.
        self.stack.setCurrentWidget(self._frames[key])

    def count_actions(self) -> None:
        """Counts the reports that need the user's action, on the store worker."""
        ctx = self.ctx
        self.ctx.ops.run(
            lambda: len(ctx.workflow().needs_my_action()),
            self._returned_count,
            lambda _error: None,  # the badge stays as it was; the screen shows the error
        )

    def _returned_count(self, count: int) -> None:
        item = self.nav.item(self.visible_pages.index("action"))
        text = self.titles["action"]
        item.setText(f"{text} ({count})" if count else text)

    def _unread(self, count: int) -> None:
        if "alerts" in self.visible_pages:
            item = self.nav.item(self.visible_pages.index("alerts"))
            text = self.titles["alerts"]
            item.setText(f"{text} ({count})" if count else text)

    # -- actions ----------------------------------------------------------------------------------

    @property
    def editor(self) -> Any:
        return self.page("new")

    def new_report(self) -> None:
        editor = self.editor
        self.go("new")
        editor.new_report()
        editor.focus_first_field()

    def open_report(self, report_id: str) -> None:
        """Drafts open in the editor; everything else opens to read, with its history."""
        ctx = self.ctx

        def work() -> ReportView:
            return ctx.reports().get(report_id)

        def done(view: ReportView) -> None:
            if view.status == "draft" and view.record.author_id == ctx.user_id:
                self.edit_report(report_id)
            else:
                self.show_report(report_id)

        self.ctx.ops.run(work, done, label=self.tr("Opening report"))

    def edit_report(self, report_id: str) -> None:
        editor = self.editor
        self.stack.setCurrentWidget(self._frames["new"])
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self.visible_pages.index("new"))
        self.nav.blockSignals(False)
        editor.load(report_id)

    def show_report(self, report_id: str) -> Any:
        """One window per report: opening it again brings the open one to the front."""
        from ui.report_view import ReportDialog

        existing = self._open_reports.get(report_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = ReportDialog(self.ctx, report_id, self, pdf=self.report_pdf)
        dialog.edit_requested.connect(self.edit_report)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_reports[report_id] = dialog
        dialog.finished.connect(lambda _r: self._open_reports.pop(report_id, None))
        fit_to_screen(dialog)
        dialog.show()
        return dialog

    # -- geometry -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            fit_to_screen(self, QSize(1366, 768))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _metered(self, on: bool) -> None:
        self.bridge.set_metered(on, self.ctx.ops)

    def _shortcuts(self) -> None:
        lines = [f"{page_shortcut(k)}: {self.titles[k]}" for k in self.visible_pages]
        lines += [
            self.tr("Ctrl+N: new report"),
            self.tr("Ctrl+S: save the draft now"),
            self.tr("Ctrl+Enter: sign and submit"),
            self.tr("Ctrl+F: search (My reports)"),
            self.tr("Ctrl+P: save the open report as PDF"),
            self.tr("F5: sync now"),
            self.tr("Ctrl+L: lock"),
        ]
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Keyboard shortcuts"),
            "\n".join(lines),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("Close"))  # no Qt translation
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- PDF --------------------------------------------------------------------------------------

    def _ask_path(self, suggested: str, then: Callable[[Path], None]) -> None:
        dialog = QFileDialog(self, self.tr("Save as PDF"), str(Path.home() / suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.fileSelected.connect(lambda name: then(Path(name)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def report_pdf(self, view: ReportView, path: Path | None = None) -> None:
        from ui.pdf import default_name, report_pdf

        if path is None:
            self._ask_path(
                default_name(f"report-{view.report_id[:8]}"), lambda p: self.report_pdf(view, p)
            )
            return
        session = self.ctx.session
        purpose = self.tr("printed copy for the file")

        def work() -> int:
            history = report_history(session.db, view.report_id)
            return report_pdf(
                session.db, session.user, session.audit, view, history, path, purpose=purpose
            )

        self.ctx.ops.run(
            work,
            lambda pages: self.show_message(
                self.tr("Saved %1 (%2 pages).").replace("%1", str(path)).replace("%2", str(pages))
            ),
            self._pdf_failed,
            label=self.tr("Writing PDF"),
        )

    def summary_pdf(self) -> PeriodDialog:
        dialog = PeriodDialog(self)
        # The dates are read when OK is pressed: the dialog is deleted once it closes.
        dialog.period_chosen.connect(
            lambda start, end: self._ask_path(
                f"summary-{start}-{end}.pdf", lambda p: self.write_summary(start, end, p)
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def write_summary(self, start: str, end: str, path: Path) -> None:
        from ui.pdf import summary_pdf

        session, ctx = self.ctx.session, self.ctx

        def work() -> int:
            after_end = (date.fromisoformat(end) + timedelta(days=1)).isoformat()
            f = ReportFilter(
                observed_from=f"{start}T00:00:00Z", observed_to=f"{after_end}T00:00:00Z"
            )
            views = ctx.reports().list_page(f, 1000)
            figures = DashboardService(session.db).figures()
            return summary_pdf(
                session.db,
                session.user,
                session.audit,
                figures,
                views,
                path,
                start=start,
                end=end,
            )

        self.ctx.ops.run(
            work,
            lambda pages: self.show_message(
                self.tr("Saved %1 (%2 pages).").replace("%1", str(path)).replace("%2", str(pages))
            ),
            self._pdf_failed,
            label=self.tr("Writing PDF"),
        )

    def _pdf_failed(self, error: OpError) -> None:
        self.show_message(self.tr("The PDF was not written: %1").replace("%1", error.message))

    # -- locking ----------------------------------------------------------------------------------

    def prepare_lock(self) -> None:
        """Queues the save of anything being edited; it lands before the store closes."""
        editor = self.pages.get("new")
        if editor is not None:
            editor.flush()  # type: ignore[attr-defined]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.prepare_lock()
        super().closeEvent(event)


class PeriodDialog(QDialog):
    period_chosen = Signal(str, str)  # first and last day, YYYY-MM-DD

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Period summary as PDF"))
        form = QFormLayout(self)
        today = QDate.currentDate()
        self.from_date = QDateEdit(today.addMonths(-1))
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("yyyy-MM-dd")
        self.to_date = QDateEdit(today)
        self.to_date.setCalendarPopup(True)
        self.to_date.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("&From:"), self.from_date)
        form.addRow(self.tr("&To:"), self.to_date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # Our own words: Qt ships no Indonesian or Thai for its standard buttons.
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Choose where to save…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._chosen)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_title(self)

    def _chosen(self) -> None:
        self.period_chosen.emit(self.start(), self.end())
        self.accept()

    def start(self) -> str:
        return self.from_date.date().toString("yyyy-MM-dd")

    def end(self) -> str:
        return self.to_date.date().toString("yyyy-MM-dd")
