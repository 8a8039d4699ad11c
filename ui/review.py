"""The focal point's review queue: read, then approve with release settings or return.

The four-eyes rule is shown, not only enforced: when this user may not decide (their own
report, another agency), the reason is written above the disabled buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import codelists
from app.domain import tlp_rank
from app.i18n import format_age, format_moment
from app.release_choices import ReleaseChoices, release_choices
from app.report_diff import Change
from app.reports import ReportView
from app.signing import SigningSummary
from app.workflow import ReleaseSettings, ReturnedChanges, release_warning
from services.directory import directory_request, fetch_directory, keep_directory
from services.portal import portal_state
from sync.transport import TransportError
from ui import i18n
from ui.context import Context
from ui.ops import Lane, OpError
from ui.report_view import Detail, ReportDetail, load_detail
from ui.signing import SigningDialog
from ui.widgets import GradePicker, fit_headers


@dataclass
class QueueItem:
    view: ReportView
    can_decide: bool
    reason: str
    author: str = ""
    waiting_since: str | None = None  # RFC 3339: when the author signed the submission


# The queue's columns sort by a key kept in SORT_KEY (a time as RFC 3339, else the text);
# the first cell keeps the QueueItem's index in self.items, so sorting moves nothing else.
SORT_KEY = Qt.ItemDataRole.UserRole
ITEM_INDEX = Qt.ItemDataRole.UserRole + 1
WAITING_COLUMN = 4


class ReviewPage(QWidget):
    decided = Signal(str, str)  # report id, "approved" | "returned"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[QueueItem] = []
        self.current: QueueItem | None = None
        self._proposed_tlp: str | None = None
        self.confirmation: SigningDialog | None = None  # the open signing confirmation
        self.choices = ReleaseChoices((), (), known=False)  # until the directory is read
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Review queue"))
        title.setStyleSheet("font-size:15px; font-weight:bold;")
        layout.addWidget(title)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Observed"),
                self.tr("Kind"),
                self.tr("Crossing point"),
                self.tr("Author"),
                self.tr("Waiting since"),
            ]
        )
        self.model.setSortRole(SORT_KEY)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        # Oldest first: a queue is worked from the report that has waited longest.
        self.table.sortByColumn(WAITING_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_headers(self.table)
        self.table.setAccessibleName(self.tr("Reports waiting for review"))
        self.table.horizontalHeader().setStretchLastSection(True)
        left_layout.addWidget(self.table, 1)
        self.count = QLabel()
        left_layout.addWidget(self.count)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.changes_box = QGroupBox()
        changes_layout = QVBoxLayout(self.changes_box)
        self.changes = QTableWidget(0, 3)
        self.changes.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Before"), self.tr("Now")]
        )
        self.changes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.changes.verticalHeader().hide()
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.setWordWrap(True)
        self.changes.setMaximumHeight(150)
        self.changes.setAccessibleName(self.tr("Changes since the returned version"))
        fit_headers(self.changes)
        changes_layout.addWidget(self.changes)
        self.no_changes = QLabel(self.tr("Nothing changed since the returned version."))
        changes_layout.addWidget(self.no_changes)
        self.changes_box.hide()
        right_layout.addWidget(self.changes_box)
        self.detail = ReportDetail()
        right_layout.addWidget(self.detail, 1)
        self.four_eyes = QLabel()
        self.four_eyes.setWordWrap(True)
        self.four_eyes.setAccessibleName(self.tr("Why you cannot decide"))
        self.four_eyes.setStyleSheet(
            "background:#FDECEA; color:#7A0010; padding:6px; border:1px solid #E0A0A0;"
        )
        self.four_eyes.hide()
        right_layout.addWidget(self.four_eyes)

        decision = QGroupBox(self.tr("Decision"))
        form = QFormLayout(decision)
        self.tlp = GradePicker("tlp")
        self.tlp.setAccessibleName(self.tr("Release TLP label"))
        form.addRow(self.tr("Release as &TLP:"), self.tlp)
        self.tlp_reason = QLineEdit()
        self.tlp_reason.setPlaceholderText(self.tr("needed only when loosening the author's label"))
        self.tlp_reason.setAccessibleName(self.tr("Reason for loosening the TLP label"))
        form.addRow(self.tr("Reason for &loosening:"), self.tlp_reason)
        self.third_party = QCheckBox(self.tr("May be passed to third parties"))
        form.addRow(self.tr("Third &parties:"), self.third_party)
        self.legal_basis = QLineEdit()
        self.legal_basis.setPlaceholderText(self.tr("MOU or arrangement reference (required)"))
        self.legal_basis.setAccessibleName(self.tr("Legal basis"))
        form.addRow(self.tr("Legal &basis:"), self.legal_basis)
        self.release_to = QLineEdit()
        self.release_to.setPlaceholderText(
            self.tr("member states, e.g. MYS, KHM (empty: own agency)")
        )
        self.release_to.setAccessibleName(self.tr("Releasable to member states"))
        self.pick_states = self._picker(self.release_to, self.tr("Choose member states"))
        form.addRow(
            self.tr("&Releasable to:"), self._with_picker(self.release_to, self.pick_states)
        )
        self.release_agencies = QLineEdit()
        self.release_agencies.setPlaceholderText(self.tr("named agencies, e.g. MYS-IMM"))
        self.release_agencies.setAccessibleName(self.tr("Releasable to agencies"))
        self.pick_agencies = self._picker(self.release_agencies, self.tr("Choose agencies"))
        form.addRow(
            self.tr("Age&ncies:"), self._with_picker(self.release_agencies, self.pick_agencies)
        )
        self.directory_note = QLabel()
        self.directory_note.setWordWrap(True)
        self.directory_note.setStyleSheet("color:#8A4B00;")
        self.directory_note.hide()
        form.addRow(self.directory_note)
        self.recipients = QLineEdit()
        self.recipients.setPlaceholderText(
            self.tr("TLP:RED only: names from the portal directory, comma-separated")
        )
        self.recipients.setAccessibleName(self.tr("TLP:RED recipients"))
        form.addRow(self.tr("Rec&ipients:"), self.recipients)
        self.rule_warning = QLabel()
        self.rule_warning.setWordWrap(True)
        self.rule_warning.setStyleSheet("color:#8A4B00;")
        form.addRow(self.rule_warning)
        self.comment = QPlainTextEdit()
        self.comment.setFixedHeight(54)
        self.comment.setTabChangesFocus(True)
        self.comment.setAccessibleName(self.tr("Comment to the author"))
        form.addRow(self.tr("Co&mment:"), self.comment)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#B00020;")
        form.addRow(self.message)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("&Approve and sign"))
        self.return_button = QPushButton(self.tr("R&eturn to author"))
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        form.addRow(buttons)
        right_layout.addWidget(decision)
        self.decision_box = decision
        splitter.addWidget(right)
        splitter.setSizes([460, 700])

        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_to_author)
        self.tlp.value_changed.connect(self._tlp_changed)
        for field in (self.release_to, self.release_agencies, self.recipients):
            field.textChanged.connect(self._check_rule)
        self.third_party.toggled.connect(self._check_rule)
        self._set_decision_enabled(False, "")

    # -- picking from the portal directory --------------------------------------------------------

    def _picker(self, field: QLineEdit, name: str) -> QToolButton:
        button = QToolButton()
        button.setText(self.tr("Choose…"))
        button.setAccessibleName(name)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(QMenu(button))
        button.menu().triggered.connect(lambda action: self._picked(field, action))
        return button

    @staticmethod
    def _with_picker(field: QLineEdit, button: QToolButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        layout.addWidget(button)
        return row

    def _picked(self, field: QLineEdit, action: QAction) -> None:
        """Ticking an entry adds its code to the field, unticking removes it; typing stays
        possible, and what is typed is checked against the directory."""
        code = str(action.data())
        codes = [c for c in _listed(field.text(), upper=True) if c != code]
        if action.isChecked():
            codes.append(code)
        field.setText(", ".join(codes))

    def _load_choices(self) -> None:
        ctx = self.ctx
        self.ctx.ops.run(
            lambda: release_choices(ctx.session.db),
            self._show_choices,
            self._failed,
            label=self.tr("Directory"),
        )

    def _show_choices(self, choices: ReleaseChoices) -> None:
        self.choices = choices
        for button, entries in (
            (self.pick_states, choices.states),
            (self.pick_agencies, choices.agencies),
        ):
            menu = button.menu()
            menu.clear()
            for code, name in entries:
                action = menu.addAction(f"{name} ({code})" if name != code else code)
                action.setData(code)
                action.setCheckable(True)
            button.setEnabled(bool(entries))
        self._sync_picks()
        self.directory_note.setText(
            ""
            if choices.known
            else self.tr(
                "No copy of the portal directory on this device yet: member states and "
                "agencies are taken as typed, unchecked."
            )
        )
        self.directory_note.setVisible(not choices.known)
        self._check_rule()

    def _sync_picks(self) -> None:
        for button, field in (
            (self.pick_states, self.release_to),
            (self.pick_agencies, self.release_agencies),
        ):
            typed = set(_listed(field.text(), upper=True))
            for action in button.menu().actions():
                action.setChecked(str(action.data()) in typed)

    def reload(self) -> None:
        ctx = self.ctx

        def work() -> list[QueueItem]:
            workflow = ctx.workflow()
            items = []
            for view in workflow.review_queue():
                ok, reason = workflow.can_decide(view)
                facts = workflow.queue_facts(view)
                items.append(QueueItem(view, ok, reason, facts.author, facts.waiting_since))
            return items

        self.ctx.ops.run(work, self._loaded, self._failed, label=self.tr("Reading the queue"))
        self._refresh_directory()
        self._load_choices()  # after the refresh: the serial worker keeps the order

    def _refresh_directory(self) -> None:
        """The portal's directory for picking TLP:RED recipients by name, refreshed when a
        link allows; without one, the copy kept on this device is used."""
        ctx = self.ctx
        if not ctx.is_focal_point:
            return
        session = ctx.session

        def prepare(_none: None) -> Any:
            return directory_request(session) if portal_state(session).connected else None

        def fetch(request: Any) -> Any:
            try:
                return None if request is None else fetch_directory(request)
            except TransportError:
                return None  # offline: keep the stored copy

        def keep(answer: Any) -> object:
            return None if answer is None else keep_directory(session, answer)

        # The GET may stall: it runs on the network lane, between two short store steps.
        self.ctx.ops.chain(
            [(Lane.STORE, prepare), (Lane.NETWORK, fetch), (Lane.STORE, keep)],
            lambda _: None,
            lambda _e: None,
            label=self.tr("Directory"),
        )

    def _loaded(self, items: list[QueueItem]) -> None:
        self.items = items
        self.table.setSortingEnabled(False)  # rows stay where they are added, then sorted
        self.model.removeRows(0, self.model.rowCount())
        for index, item in enumerate(items):
            r = item.view.record
            kind = i18n.label("report_kinds", r.kind)
            crossing = codelists.label("crossing_points", r.crossing_point or "")
            cells = [
                _cell(format_moment(r.observed_at), r.observed_at or ""),
                _cell(kind, kind),
                _cell(crossing, crossing),
                _cell(item.author, item.author.casefold()),
                _cell(format_age(item.waiting_since), item.waiting_since or ""),
            ]
            cells[0].setData(index, ITEM_INDEX)
            cells[WAITING_COLUMN].setToolTip(format_moment(item.waiting_since))
            if not item.can_decide:
                for cell in cells:
                    cell.setToolTip(item.reason)
                    cell.setForeground(Qt.GlobalColor.gray)
            self.model.appendRow(cells)
        self.table.setSortingEnabled(True)  # sorts by the column and order last chosen
        self.count.setText(self.tr("%1 reports waiting").replace("%1", str(len(items))))
        if items:
            self.table.selectRow(0)
        else:
            self.current = None
            self.detail.clear()
            self._set_decision_enabled(False, "")

    def item_at(self, row: int) -> QueueItem | None:
        """The queue item shown in `row` (as sorted on screen)."""
        cell = self.model.item(row, 0)
        index = None if cell is None else cell.data(ITEM_INDEX)
        return self.items[index] if isinstance(index, int) and index < len(self.items) else None

    def select_report(self, report_id: str) -> bool:
        for row in range(self.model.rowCount()):
            item = self.item_at(row)
            if item is not None and item.view.report_id == report_id:
                self.table.selectRow(row)
                return True
        return False

    def _failed(self, error: OpError) -> None:
        self.message.setText(error.message)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.item_at(current.row()) if current.isValid() else None
        if item is None or item is self.current:
            return  # sorting moves the row, not the choice: what was typed stays
        self.current = item
        self.message.clear()
        handling = item.view.report.get("handling") or {}
        self._proposed_tlp = handling.get("tlp")
        self.tlp.set_value(handling.get("tlp"))
        self.third_party.setChecked(bool(handling.get("third_party")))
        self.legal_basis.setText(handling.get("legal_basis") or "")
        self.release_to.clear()
        self.tlp_reason.clear()
        self.comment.clear()
        self._set_decision_enabled(item.can_decide, item.reason)
        ctx, report_id = self.ctx, item.view.report_id
        self.changes_box.hide()

        def work() -> tuple[Detail, ReturnedChanges | None]:
            return load_detail(ctx, report_id), ctx.workflow().changes_since_returned(report_id)

        self.ctx.ops.run(work, self._show_detail, self._failed, label=self.tr("Opening report"))

    def _show_detail(self, loaded: tuple[Detail, ReturnedChanges | None]) -> None:
        detail, changed = loaded
        if self.current is None or detail.view.report_id != self.current.view.report_id:
            return  # another row was chosen meanwhile
        self.detail.show_detail(detail)
        self._show_changes(changed)

    def _show_changes(self, changed: ReturnedChanges | None) -> None:
        """A corrected version: what changed since the version returned, field by field."""
        self.changes.setRowCount(0)
        if changed is None:
            self.changes_box.hide()
            return
        self.changes_box.setTitle(
            self.tr("Changed since version %1, which was returned").replace(
                "%1", str(changed.returned_version)
            )
        )
        for change in changed.changes:
            row = self.changes.rowCount()
            self.changes.insertRow(row)
            for column, text in enumerate(
                (change.label, self._shown(change, change.old), self._shown(change, change.new))
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.changes.setItem(row, column, cell)
        self.changes.setVisible(bool(changed.changes))
        self.no_changes.setVisible(not changed.changes)
        self.changes.resizeRowsToContents()
        self.changes_box.show()

    def _shown(self, change: Change, value: object) -> str:
        if value is None:
            return self.tr("(empty)")
        values: list[Any] = value if isinstance(value, list) else [value]
        if change.path == "observed_at":
            return format_moment(str(value))
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if change.code_list:
            return ", ".join(i18n.label(change.code_list, v) for v in values)
        return ", ".join(str(v) for v in values)

    def _set_decision_enabled(self, enabled: bool, reason: str) -> None:
        for w in (
            self.tlp,
            self.tlp_reason,
            self.third_party,
            self.legal_basis,
            self.release_to,
            self.release_agencies,
            self.recipients,
            self.comment,
            self.approve_button,
            self.return_button,
        ):
            w.setEnabled(enabled)
        self.four_eyes.setText(reason)
        self.four_eyes.setVisible(bool(reason))
        self._tlp_changed()

    def _tlp_changed(self) -> None:
        chosen = self.tlp.value()
        loosening = bool(
            self._proposed_tlp
            and isinstance(chosen, str)
            and tlp_rank(chosen) < tlp_rank(self._proposed_tlp)
        )
        self.tlp_reason.setEnabled(loosening and self.approve_button.isEnabled())
        self._check_rule()

    def _check_rule(self) -> None:
        """The portal's TLP rule (sync.protocol.tlp), shown while the person chooses: what
        it would refuse is said before anything is signed; so are codes the portal
        directory does not know."""
        settings = self.release_settings()
        warning = release_warning(settings) or ""
        unknown = self.choices.unknown(settings.releasable_to, settings.agencies)
        if unknown:
            warning = " ".join(
                part
                for part in (
                    warning,
                    self.tr("Not in the portal directory: %1.").replace("%1", ", ".join(unknown)),
                )
                if part
            )
        self.rule_warning.setText(warning)
        self._sync_picks()

    def release_settings(self) -> ReleaseSettings:
        return ReleaseSettings(
            tlp=str(self.tlp.value() or ""),
            third_party=self.third_party.isChecked(),
            legal_basis=self.legal_basis.text(),
            releasable_to=_listed(self.release_to.text(), upper=True),
            tlp_reason=self.tlp_reason.text() or None,
            agencies=_listed(self.release_agencies.text(), upper=True),
            recipients=_listed(self.recipients.text()),
        )

    def approve(self) -> None:
        if self.current is None or not self.current.can_decide:
            return
        settings = self.release_settings()
        if not settings.tlp:
            self.message.setText(self.tr("Choose the TLP label to release it under."))
            return
        if not settings.legal_basis.strip():
            self.message.setText(self.tr("Approving needs a legal basis (MOU or arrangement)."))
            self.legal_basis.setFocus()
            return
        ctx, report_id = self.ctx, self.current.view.report_id
        comment = self.comment.toPlainText()

        def prepare() -> tuple[SigningSummary, ReleaseSettings]:
            # Checked as approve checks it, and names become principal ids through the
            # directory kept on this device, before anything is shown to confirm.
            return ctx.workflow().prepare_approval(report_id, settings, comment)

        def confirm(prepared: tuple[SigningSummary, ReleaseSettings]) -> None:
            summary, chosen = prepared
            self._confirm(
                summary,
                lambda: ctx.workflow().approve(report_id, chosen, comment),
                "approved",
            )

        self._prepare(prepare, confirm)

    def return_to_author(self) -> None:
        if self.current is None or not self.current.can_decide:
            return
        comment = self.comment.toPlainText().strip()
        if not comment:
            self.message.setText(self.tr("Say in the comment what the author should correct."))
            self.comment.setFocus()
            return
        ctx, report_id = self.ctx, self.current.view.report_id

        def confirm(summary: SigningSummary) -> None:
            self._confirm(
                summary, lambda: ctx.workflow().return_to_author(report_id, comment), "returned"
            )

        self._prepare(lambda: ctx.workflow().prepare_return(report_id, comment), confirm)

    def _prepare(self, fn: Any, then: Any) -> None:
        self.message.clear()
        self.approve_button.setEnabled(False)
        self.return_button.setEnabled(False)

        def failed(error: OpError) -> None:
            self.message.setText(error.message)
            self._set_decision_enabled(True, "")

        self.ctx.ops.run(fn, then, failed, label=self.tr("Checking the decision"))

    def _confirm(self, summary: SigningSummary, sign: Any, outcome: str) -> None:
        """What is signed, its TLP and who receives it, confirmed before the signature;
        Esc or Cancel leaves everything as it was."""
        dialog = SigningDialog(summary, self)
        dialog.accepted.connect(lambda: self._decide(sign, outcome))
        dialog.rejected.connect(lambda: self._set_decision_enabled(True, ""))
        dialog.finished.connect(self._confirmation_closed)
        self.confirmation = dialog
        dialog.open()  # not exec(): locking the session must be able to close it

    def _confirmation_closed(self) -> None:
        if self.confirmation is not None:
            self.confirmation.deleteLater()
        self.confirmation = None

    def _decide(self, fn: Any, outcome: str) -> None:
        self.approve_button.setEnabled(False)
        self.return_button.setEnabled(False)

        def done(view: ReportView) -> None:
            self.decided.emit(view.report_id, outcome)
            self.reload()

        def failed(error: OpError) -> None:
            self.message.setText(error.message)
            self._set_decision_enabled(True, "")

        self.ctx.ops.run(fn, done, failed, label=self.tr("Signing the decision"))

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)


def _cell(text: str, key: str) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setData(key, SORT_KEY)
    return cell


def _listed(text: str, *, upper: bool = False) -> tuple[str, ...]:
    items = (c.strip() for c in text.replace(";", ",").split(","))
    return tuple(c.upper() if upper else c for c in items if c)
