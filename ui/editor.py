"""The report editor: every field group of the report format, checked as the officer types,
saved as a draft a moment after each change, and submitted only when complete.

Autosave: a change starts a short timer; when it fires (or the editor is left, closed or
locked) the form's content is queued on the serial store worker. The draft's id lives in a
small holder shared with the queued work, so a save queued just before the editor closes
still lands in the same draft, and nothing typed is lost. Values that are malformed are left
out of the saved draft (a draft must still be well-formed) and stay on screen with their
message.
"""

from __future__ import annotations

import contextlib
import copy
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QIcon, QImage, QKeySequence, QPixmap, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import codelists
from app.attachments import format_size, is_photo, metered_warning
from app.clock import now_rfc3339
from app.errors import InvalidInput
from app.i18n import format_moment
from app.local_time import format_local_minute, parse_local_minute
from app.reports import AttachmentInput, ReportService, ReportView
from app.signing import SigningSummary
from app.validation import check_field, field_errors
from app.workflow import Workflow
from ui import i18n
from ui.context import Context
from ui.ops import OpError
from ui.signing import SigningDialog
from ui.widgets import (
    CodeCombo,
    ErrorLabel,
    GradePicker,
    MultiCodePicker,
    downscaled,
    start_folder,
    thumbnail_image,
)

AUTOSAVE_MS = 1500
THUMB = 96
_ROW_PATH = re.compile(r"^(persons|documents|route\.transit)\[(\d+)\](?:\.(\w+))?(?:\[\d+\])?$")


@dataclass
class DraftRef:
    """Shared with queued saves: which draft they write to (set by the first save)."""

    report_id: str | None = None
    stored: set[str] = field(default_factory=set)


def save_draft(
    service: ReportService,
    ref: DraftRef,
    payload: dict[str, Any],
    pending: list[AttachmentInput],
) -> ReportView:
    """Runs on the store worker: creates the draft the first time, updates it afterwards."""
    if ref.report_id is None:
        view = service.create_draft(payload, pending)
        ref.report_id = view.report_id
    else:
        view = service.update_draft(ref.report_id, payload, pending)
    ref.stored.update(a["sha256"] for a in view.report.get("attachments") or [])
    return view


def sanitise(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload without the values a draft may not hold (malformed ones), so an autosave
    always succeeds with everything that is well-formed."""
    data = copy.deepcopy(payload)
    for _ in range(6):
        errors = field_errors(data, for_submit=False)
        if not errors:
            break
        for path in sorted(errors, reverse=True):  # later list entries first
            _drop(data, path)
    return data


def _drop(data: dict[str, Any], path: str) -> None:
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    if not parts:
        return
    # Small objects that only exist whole: drop the object.
    if parts[0] == "coordinates":
        data["coordinates"] = None
        return
    if parts[:3] == ["route", "fees"] or parts[:2] == ["route", "fees"]:
        data.setdefault("route", {})["fees"] = None
        return
    node: Any = data
    for part in parts[:-1]:
        key: Any = int(part[1:-1]) if part.startswith("[") else part
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return
    last = parts[-1]
    if last.startswith("["):
        with contextlib.suppress(IndexError, TypeError):
            del node[int(last[1:-1])]
    elif isinstance(node, dict):
        node[last] = None


def _combo(list_name: str, name: str, *, typeahead: bool = False) -> CodeCombo:
    combo = CodeCombo(list_name)
    if not typeahead:
        combo.setEditable(False)  # short lists: plain keyboard search of a closed combo
    combo.setAccessibleName(name)
    return combo


class ProblemSummary(QLabel):
    """What keeps the report from being submitted, each problem a link to its field. The
    focus arriving by Tab (or by Submit) selects the first link, Shift+Tab the last, so
    Enter goes to a field at once; Tab moves from link to link, then on into the form."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if "<a " in self.text() and not self.hasSelectedText():
            self.focusNextPrevChild(event.reason() != Qt.FocusReason.BacktabFocusReason)


class _Row(QFrame):
    """One entry of a repeated group: its inputs, a remove button, a message line."""

    changed = Signal(object, str)  # row, field key
    remove_requested = Signal(object)

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.fields: dict[str, QWidget] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 4, 6, 4)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setAccessibleName(self.tr("Remove this %1").replace("%1", title))
        self.remove.setToolTip(self.remove.accessibleName())
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.errors = ErrorLabel()
        self._messages: dict[str, str] = {}

    def add(self, key: str, label: str, widget: QWidget, row: int, col: int) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.grid.addWidget(caption, row * 2, col)
        self.grid.addWidget(widget, row * 2 + 1, col)
        self.fields[key] = widget
        signal = getattr(widget, "value_changed", None) or getattr(widget, "valueChanged", None)
        if signal is None and isinstance(widget, QLineEdit):
            signal = widget.textChanged
        if signal is not None:
            signal.connect(lambda *_: self.changed.emit(self, key))

    def finish(self, columns: int) -> None:
        self.grid.addWidget(self.remove, 1, columns)
        self.grid.addWidget(self.errors, 99, 0, 1, columns + 1)

    def set_error(self, key: str, message: str | None) -> None:
        if message:
            self._messages[key] = message
        else:
            self._messages.pop(key, None)
        self.errors.show_message("\n".join(self._messages.values()))

    def clear_errors(self) -> None:
        self._messages.clear()
        self.errors.show_message(None)

    def value_of(self, key: str) -> Any:
        widget = self.fields[key]
        if isinstance(widget, CodeCombo | MultiCodePicker):
            return widget.value()
        if isinstance(widget, QSpinBox):
            return widget.value() or None
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        raise TypeError(key)


class PersonRow(_Row):
    def __init__(self) -> None:
        super().__init__(self.tr("person"))
        self.add("role", self.tr("Role"), _combo("person_roles", self.tr("Person role")), 0, 0)
        self.add(
            "nationality",
            self.tr("Nationality"),
            _combo("nationalities", self.tr("Nationality"), typeahead=True),
            0,
            1,
        )
        self.add("sex", self.tr("Sex"), _combo("sexes", self.tr("Sex")), 0, 2)
        self.add("age_band", self.tr("Age band"), _combo("age_bands", self.tr("Age band")), 0, 3)
        count = QSpinBox()
        count.setRange(1, 10_000)
        count.setAccessibleName(self.tr("Number of persons"))
        self.add("count", self.tr("Count"), count, 0, 4)
        self.finish(5)

    def value(self) -> dict[str, Any]:
        return {k: self.value_of(k) for k in ("role", "nationality", "sex", "age_band", "count")}

    def set_value(self, data: dict[str, Any]) -> None:
        for key in ("role", "nationality", "sex", "age_band"):
            combo = self.fields[key]
            assert isinstance(combo, CodeCombo)
            combo.set_value(data.get(key))
        count = self.fields["count"]
        assert isinstance(count, QSpinBox)
        count.setValue(int(data.get("count") or 1))


class DocumentRow(_Row):
    def __init__(self) -> None:
        super().__init__(self.tr("document"))
        self.add(
            "type",
            self.tr("Type"),
            _combo("document_types", self.tr("Document type"), typeahead=True),
            0,
            0,
        )
        self.add(
            "issuing_state",
            self.tr("Issuing state"),
            _combo("nationalities", self.tr("Issuing state"), typeahead=True),
            0,
            1,
        )
        number = QLineEdit()
        number.setAccessibleName(self.tr("Document number"))
        number.setPlaceholderText(self.tr("optional"))
        self.add("number", self.tr("Number"), number, 0, 2)
        self.add(
            "fraud_type",
            self.tr("Fraud type"),
            _combo("fraud_types", self.tr("Fraud type")),
            0,
            3,
        )
        features = MultiCodePicker("document_features")
        features.setAccessibleName(self.tr("Features observed"))
        self.add("features", self.tr("Features observed"), features, 1, 0)
        self.grid.addWidget(features, 3, 0, 1, 4)
        self.finish(4)

    def value(self) -> dict[str, Any]:
        return {
            "type": self.value_of("type"),
            "issuing_state": self.value_of("issuing_state"),
            "number": self.value_of("number"),
            "fraud_type": self.value_of("fraud_type"),
            "features": self.value_of("features"),
        }

    def set_value(self, data: dict[str, Any]) -> None:
        for key in ("type", "issuing_state", "fraud_type"):
            combo = self.fields[key]
            assert isinstance(combo, CodeCombo)
            combo.set_value(data.get(key))
        number = self.fields["number"]
        assert isinstance(number, QLineEdit)
        number.setText(data.get("number") or "")
        features = self.fields["features"]
        assert isinstance(features, MultiCodePicker)
        features.set_value(list(data.get("features") or []))


class TransitRow(_Row):
    def __init__(self) -> None:
        super().__init__(self.tr("transit country"))
        self.add(
            "country",
            self.tr("Transit country"),
            _combo("countries", self.tr("Transit country"), typeahead=True),
            0,
            0,
        )
        self.finish(1)

    def value(self) -> str | None:
        result = self.value_of("country")
        return None if result is None else str(result)

    def set_value(self, code: str | None) -> None:
        combo = self.fields["country"]
        assert isinstance(combo, CodeCombo)
        combo.set_value(code)


class RepeatedGroup(QGroupBox):
    """A titled list of rows with "Add" and a remove button on each row."""

    changed = Signal()
    row_changed = Signal(object, str)

    def __init__(self, title: str, add_text: str, row_type: Callable[[], _Row], path: str) -> None:
        super().__init__(title)
        self.row_type = row_type
        self.path = path
        self.rows: list[_Row] = []
        layout = QVBoxLayout(self)
        self._rows_box = QVBoxLayout()
        layout.addLayout(self._rows_box)
        self.group_error = ErrorLabel()
        layout.addWidget(self.group_error)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self, value: Any = None, *, focus: bool = False) -> _Row:
        row = self.row_type()
        if value is not None:
            row.set_value(value)  # type: ignore[attr-defined]
        row.changed.connect(self.row_changed.emit)
        row.changed.connect(lambda *_: self.changed.emit())
        row.remove_requested.connect(self.remove_row)
        self.rows.append(row)
        self._rows_box.addWidget(row)
        if focus:
            first = next(iter(row.fields.values()))
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.changed.emit()
        return row

    def remove_row(self, row: _Row) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
            self.add_button.setFocus()
            self.changed.emit()

    def clear(self) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()

    def values(self) -> list[Any]:
        return [row.value() for row in self.rows]  # type: ignore[attr-defined]

    def index_of(self, row: _Row) -> int:
        return self.rows.index(row)


class ReportEditor(QWidget):
    """Edits one report draft (new, or an existing draft or returned report)."""

    saved = Signal(str)  # report id
    submitted = Signal(str)
    status_message = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = DraftRef()
        self._loading = False
        self._dirty = False
        self._submit_mode = False  # after a refused submit, messages include "required"
        self._read_only = False
        self.confirmation: SigningDialog | None = None  # the open signing confirmation
        self._refs: list[dict[str, Any]] = []  # stored attachments of the draft
        self._pending: list[AttachmentInput] = []  # attached, not yet saved
        self._single: dict[str, tuple[QWidget, ErrorLabel]] = {}
        self._file_problems: str | None = None  # refused files: not a validation message
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self._build()
        self.new_report()

    # -- building -------------------------------------------------------------------------------

    def _field(self, form: QFormLayout, path: str, label: str, widget: QWidget) -> None:
        error = ErrorLabel()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(label, box)
        caption = form.labelForField(box)
        if isinstance(caption, QLabel):
            caption.setBuddy(widget)
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self._single[path] = (widget, error)
        signal = (
            getattr(widget, "value_changed", None)
            or getattr(widget, "dateTimeChanged", None)
            or getattr(widget, "valueChanged", None)
        )
        if signal is None and isinstance(widget, QLineEdit | QPlainTextEdit):
            signal = widget.textChanged
        if signal is None and isinstance(widget, QCheckBox):
            signal = widget.toggled
        if signal is None and isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        if signal is not None:
            signal.connect(lambda *_: self._on_single_changed(path))

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size:15px; font-weight:bold;")
        header.addWidget(self.title, 1)
        self.save_state = QLabel()
        self.save_state.setAccessibleName(self.tr("Save state"))
        header.addWidget(self.save_state)
        outer.addLayout(header)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#FFF4CE; padding:6px; border:1px solid #E0C060;")
        self.banner.hide()
        outer.addWidget(self.banner)
        self.summary = ProblemSummary()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(
            "background:#FDECEA; color:#7A0010; padding:6px; border:1px solid #E0A0A0;"
        )
        # Each problem is a link to its field, by mouse or by keyboard (Tab, then Enter).
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.summary.linkActivated.connect(self.focus_problem)
        self.summary.setAccessibleName(self.tr("Problems to fix before submitting"))
        self.summary.hide()
        outer.addWidget(self.summary)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body = body
        column = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.scroll_area = scroll

        # Observation
        group = QGroupBox(self.tr("Observation"))
        form = QFormLayout(group)
        self.kind = CodeCombo("report_kinds", allow_empty=False)
        self.kind.setEditable(False)
        self._field(form, "kind", self.tr("&Kind:"), self.kind)
        # Text, read strictly (app/local_time.py): one Tab stop, and a mistyped month is a
        # message instead of another date.
        self.observed = QLineEdit()
        self.observed.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM, e.g. 2026-11-28 14:05"))
        self.observed.setAccessibleName(self.tr("Observed at, local time"))
        self._field(form, "observed_at", self.tr("&Observed at (local time):"), self.observed)
        self.crossing = CodeCombo("crossing_points")
        self._field(form, "crossing_point", self.tr("&Crossing point:"), self.crossing)
        if codelists.crossing_points_are_demo():
            self.crossing.setToolTip(
                self.tr("Demo list: the real crossing points come with the provisioning file.")
            )
        coords = QWidget()
        row = QHBoxLayout(coords)
        row.setContentsMargins(0, 0, 0, 0)
        self.lat = QLineEdit()
        self.lat.setPlaceholderText(self.tr("latitude, e.g. 6.63"))
        self.lat.setAccessibleName(self.tr("Latitude"))
        self.lon = QLineEdit()
        self.lon.setPlaceholderText(self.tr("longitude, e.g. 100.42"))
        self.lon.setAccessibleName(self.tr("Longitude"))
        row.addWidget(self.lat)
        row.addWidget(self.lon)
        self._field(form, "coordinates.lat", self.tr("Coordinates (optional):"), coords)
        self._single["coordinates.lon"] = (self.lon, self._single["coordinates.lat"][1])
        self.lat.textChanged.connect(lambda *_: self._on_single_changed("coordinates.lat"))
        self.lon.textChanged.connect(lambda *_: self._on_single_changed("coordinates.lon"))
        column.addWidget(group)

        # Persons, documents
        self.persons = RepeatedGroup(
            self.tr("Persons involved"), self.tr("Add &person"), PersonRow, "persons"
        )
        self.documents = RepeatedGroup(
            self.tr("Travel documents"), self.tr("Add &document"), DocumentRow, "documents"
        )
        for group_box in (self.persons, self.documents):
            group_box.changed.connect(self._changed)
            group_box.row_changed.connect(self._on_row_changed)
            column.addWidget(group_box)

        # Route
        group = QGroupBox(self.tr("Route"))
        route_layout = QVBoxLayout(group)
        form = QFormLayout()
        route_layout.addLayout(form)
        self.origin = CodeCombo("countries")
        self._field(form, "route.origin", self.tr("O&rigin:"), self.origin)
        self.destination = CodeCombo("countries")
        self._field(form, "route.destination", self.tr("Destinatio&n:"), self.destination)
        self.transport = _combo("transport_modes", self.tr("Transport mode"))
        self._field(form, "route.transport_mode", self.tr("Transport mode:"), self.transport)
        fees = QWidget()
        fee_row = QHBoxLayout(fees)
        fee_row.setContentsMargins(0, 0, 0, 0)
        self.fee_amount = QLineEdit()
        self.fee_amount.setPlaceholderText(self.tr("amount, e.g. 1500.00"))
        self.fee_amount.setAccessibleName(self.tr("Fee amount"))
        self.fee_currency = CodeCombo("currencies")
        self.fee_currency.setAccessibleName(self.tr("Fee currency"))
        fee_row.addWidget(self.fee_amount, 1)
        fee_row.addWidget(self.fee_currency, 1)
        self._field(form, "route.fees.amount", self.tr("F&ees paid:"), fees)
        self._single["route.fees.currency"] = (
            self.fee_currency,
            self._single["route.fees.amount"][1],
        )
        self.fee_amount.textChanged.connect(lambda *_: self._on_single_changed("route.fees.amount"))
        self.fee_currency.value_changed.connect(
            lambda: self._on_single_changed("route.fees.currency")
        )
        self.group_size = QSpinBox()
        self.group_size.setRange(0, 10_000)
        self.group_size.setSpecialValueText(self.tr("not known"))
        self._field(form, "route.group_size", self.tr("Group si&ze:"), self.group_size)
        self.transit = RepeatedGroup(
            self.tr("Transit countries (in order)"),
            self.tr("Add transit &leg"),
            TransitRow,
            "route.transit",
        )
        self.transit.changed.connect(self._changed)
        self.transit.row_changed.connect(self._on_row_changed)
        route_layout.addWidget(self.transit)
        column.addWidget(group)

        # Modus operandi and narrative
        group = QGroupBox(self.tr("Modus operandi and narrative"))
        form = QFormLayout(group)
        self.mo_tags = MultiCodePicker("modus_operandi_tags")
        self._field(form, "modus_operandi.tags", self.tr("&Modus operandi:"), self.mo_tags)
        self.mo_text = QPlainTextEdit()
        self.mo_text.setFixedHeight(60)
        self.mo_text.setTabChangesFocus(True)
        self._field(form, "modus_operandi.text", self.tr("MO details:"), self.mo_text)
        self.narrative = QPlainTextEdit()
        self.narrative.setMinimumHeight(110)
        self.narrative.setTabChangesFocus(True)
        self._field(form, "narrative", self.tr("Narrati&ve:"), self.narrative)
        column.addWidget(group)

        # Source and handling
        group = QGroupBox(self.tr("Source and handling"))
        form = QFormLayout(group)
        self.source_text = QLineEdit()
        self._field(form, "source.description", self.tr("So&urce description:"), self.source_text)
        self.reliability = GradePicker("reliability")
        self._field(form, "source.reliability", self.tr("Source reliabilit&y:"), self.reliability)
        self.credibility = GradePicker("credibility")
        self._field(
            form, "source.credibility", self.tr("Information cred&ibility:"), self.credibility
        )
        self.tlp = GradePicker("tlp")
        self._field(form, "handling.tlp", self.tr("&TLP label:"), self.tlp)
        self.third_party = QCheckBox(self.tr("May be passed to third parties"))
        self._field(form, "handling.third_party", self.tr("Third parties:"), self.third_party)
        self.legal_basis = QLineEdit()
        self.legal_basis.setPlaceholderText(self.tr("MOU or arrangement reference"))
        self._field(form, "handling.legal_basis", self.tr("Legal &basis:"), self.legal_basis)
        column.addWidget(group)

        # Attachments
        group = QGroupBox(self.tr("Photos and files"))
        layout = QVBoxLayout(group)
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(QPixmap(THUMB, THUMB).size())
        self.thumbs.setFixedHeight(THUMB + 48)
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setAccessibleName(self.tr("Attached photos and files"))
        layout.addWidget(self.thumbs)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("&Attach photos or files…"))
        self.attach_button.clicked.connect(self._choose_files)
        self.remove_attachment = QPushButton(self.tr("Remove selected"))
        self.remove_attachment.setToolTip(self.tr("Delete"))
        self.remove_attachment.clicked.connect(self._remove_selected_attachment)
        remove_key = QShortcut(QKeySequence.StandardKey.Delete, self.thumbs)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self._remove_selected_attachment)
        # Photos are stored downscaled (the agency's size); the original only when asked.
        self.keep_original = QCheckBox(self.tr("Keep photos at full size"))
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_attachment)
        buttons.addWidget(self.keep_original)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.attachment_note = QLabel()  # total size; on a metered link the time to send
        self.attachment_note.setWordWrap(True)
        layout.addWidget(self.attachment_note)
        self.attachment_error = ErrorLabel()
        layout.addWidget(self.attachment_error)
        column.addWidget(group)
        column.addStretch(1)

        # Actions
        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setToolTip(self.tr("Drafts are also saved automatically (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_now)
        self.submit_button = QPushButton(self.tr("Sign and submit for review…"))
        self.submit_button.setToolTip(self.tr("Ctrl+Enter"))
        self.submit_button.clicked.connect(self.submit)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.submit_button)
        outer.addLayout(actions)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)

    # -- reading and writing the form ------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        """The form's content as a report payload (what is on screen, malformed or not)."""
        lat, lon = self.lat.text().strip(), self.lon.text().strip()
        coordinates = None if not lat and not lon else {"lat": _number(lat), "lon": _number(lon)}
        amount, currency = self.fee_amount.text().strip(), self.fee_currency.value()
        fees = None if not amount and not currency else {"amount": amount, "currency": currency}
        observed, _problem = self._observed_value()
        return {
            "kind": self.kind.value(),
            "observed_at": observed,
            "crossing_point": self.crossing.value(),
            "coordinates": coordinates,
            "persons": self.persons.values(),
            "documents": self.documents.values(),
            "route": {
                "origin": self.origin.value(),
                "transit": [t for t in self.transit.values()],
                "destination": self.destination.value(),
                "transport_mode": self.transport.value(),
                "fees": fees,
                "group_size": self.group_size.value() or None,
            },
            "modus_operandi": {"tags": self.mo_tags.value(), "text": self.mo_text.toPlainText()},
            "narrative": self.narrative.toPlainText(),
            "source": {
                "description": self.source_text.text(),
                "reliability": self.reliability.value(),
                "credibility": self.credibility.value(),
            },
            "handling": {
                "tlp": self.tlp.value(),
                "third_party": self.third_party.isChecked(),
                "legal_basis": self.legal_basis.text().strip() or None,
            },
            "attachments": list(self._refs),
        }

    def set_payload(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.kind.set_value(data.get("kind") or "irregular_crossing")
            observed = data.get("observed_at")
            self.observed.setText(format_local_minute(observed) if observed else "")
            self.crossing.set_value(data.get("crossing_point"))
            coords = data.get("coordinates") or {}
            self.lat.setText("" if coords.get("lat") is None else str(coords["lat"]))
            self.lon.setText("" if coords.get("lon") is None else str(coords["lon"]))
            self.persons.clear()
            for person in data.get("persons") or []:
                self.persons.add_row(person)
            self.documents.clear()
            for document in data.get("documents") or []:
                self.documents.add_row(document)
            route = data.get("route") or {}
            self.origin.set_value(route.get("origin"))
            self.destination.set_value(route.get("destination"))
            self.transport.set_value(route.get("transport_mode"))
            fees = route.get("fees") or {}
            self.fee_amount.setText(fees.get("amount") or "")
            self.fee_currency.set_value(fees.get("currency"))
            self.group_size.setValue(int(route.get("group_size") or 0))
            self.transit.clear()
            for country in route.get("transit") or []:
                self.transit.add_row(country)
            mo = data.get("modus_operandi") or {}
            self.mo_tags.set_value(list(mo.get("tags") or []))
            self.mo_text.setPlainText(mo.get("text") or "")
            self.narrative.setPlainText(data.get("narrative") or "")
            self.narrative.moveCursor(QTextCursor.MoveOperation.End)  # go on typing
            source = data.get("source") or {}
            self.source_text.setText(source.get("description") or "")
            self.reliability.set_value(source.get("reliability"))
            self.credibility.set_value(source.get("credibility"))
            handling = data.get("handling") or {}
            self.tlp.set_value(handling.get("tlp"))
            self.third_party.setChecked(bool(handling.get("third_party")))
            self.legal_basis.setText(handling.get("legal_basis") or "")
            self._refs = list(data.get("attachments") or [])
        finally:
            self._loading = False

    # -- life cycle -------------------------------------------------------------------------------

    def new_report(self) -> None:
        """An empty form for a new report (the previous one was saved already)."""
        self.flush()
        self.ref = DraftRef()
        self._pending = []
        self._submit_mode = False
        self._file_problems = None
        self.set_payload(
            {"kind": "irregular_crossing", "observed_at": now_rfc3339()}
        )  # nothing typed yet: not dirty, no draft is created until something is
        self.thumbs.clear()
        self._clear_errors()
        self.banner.hide()
        self._set_read_only(False)
        self._dirty = False
        self.title.setText(self.tr("New report"))
        self.save_state.setText(self.tr("Not saved yet"))

    def load(self, report_id: str) -> None:
        """Opens an existing draft or returned report for editing (loaded off the UI thread)."""
        self.flush()
        ctx = self.ctx
        template = self.tr("Returned by %1 on %2: %3")

        def work() -> tuple[ReportView, list[tuple[str, str, QImage | None]], str]:
            from app.history import report_history

            view = ctx.reports().get(report_id)
            images = [
                (
                    a["sha256"],
                    a["filename"],
                    thumbnail_image(ctx.reports().attachment_bytes(a["sha256"]), THUMB),
                )
                for a in view.report.get("attachments") or []
            ]
            comment = ""
            if view.status in ("returned", "draft"):
                returns = [
                    h for h in report_history(ctx.session.db, report_id) if h.action == "returned"
                ]
                if returns:
                    comment = (
                        template.replace("%1", returns[-1].actor)
                        .replace("%2", format_moment(returns[-1].at))
                        .replace("%3", returns[-1].comment)
                    )
            return view, images, comment

        self.save_state.setText(self.tr("Opening…"))
        ctx.ops.run(work, self._loaded, self._op_failed, label=self.tr("Opening report"))

    def _loaded(self, result: tuple[ReportView, list[tuple[str, str, QImage | None]], str]) -> None:
        view, images, comment = result
        self.ref = DraftRef(view.report_id, {a["sha256"] for a in view.report["attachments"]})
        self._pending = []
        self._submit_mode = False
        self._file_problems = None
        self._clear_errors()
        self.set_payload(view.report)
        self.thumbs.clear()
        sizes = {a["sha256"]: int(a.get("size") or 0) for a in view.report["attachments"]}
        for sha, name, image in images:
            self._add_thumb(name, image, sha, size=sizes.get(sha, 0))
        self._show_attachment_size()
        editable = view.status in ("draft", "returned") and (
            view.record.author_id == self.ctx.user_id
        )
        self._set_read_only(not editable)
        self.title.setText(
            self.tr("Report %1 (version %2, %3)")
            .replace("%1", view.report_id[:8])
            .replace("%2", str(view.record.version))
            .replace("%3", i18n.status_label(view.status))
        )
        self.banner.setText(comment)
        self.banner.setVisible(bool(comment))
        self._dirty = False
        self.save_state.setText(self.tr("Saved"))
        if self.isVisible():
            self.focus_first_field()  # opened to be edited: the keyboard is in the form

    def _set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.body.setEnabled(not read_only)
        self.save_button.setEnabled(not read_only)
        self.submit_button.setEnabled(not read_only)
        # Greyed placeholders ("e.g. 2026-03-01 14:30") read like data in a finished report.
        fields: list[QLineEdit | QPlainTextEdit] = [*self.body.findChildren(QLineEdit)]
        fields += self.body.findChildren(QPlainTextEdit)
        for box in fields:
            if read_only and box.placeholderText():
                box.setProperty("_placeholder", box.placeholderText())
                box.setPlaceholderText("")
            elif not read_only and box.property("_placeholder"):
                box.setPlaceholderText(str(box.property("_placeholder")))

    # -- keyboard ---------------------------------------------------------------------------------

    def tab_chain(self) -> list[QWidget]:
        """Every field and button of the form in reading order: the layouts' order, grids
        by row and column. Tab and Shift+Tab follow it and wrap around, so the keyboard
        never leaves the form for a widget behind it."""
        found: list[QWidget] = []
        _collect(self.layout(), found)
        return [
            w
            for w in found
            if w.isVisibleTo(self) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]

    def focusNextPrevChild(self, next: bool) -> bool:
        chain = self.tab_chain()
        current = QApplication.focusWidget()
        index = next_index = None
        for i, widget in enumerate(chain):
            if current is not None and (widget is current or widget.isAncestorOf(current)):
                index = i
                break
        if index is None or not chain:
            return super().focusNextPrevChild(next)
        next_index = (index + (1 if next else -1)) % len(chain)
        target = chain[next_index]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        self.scroll_area.ensureWidgetVisible(target)
        return True

    def focus_first_field(self) -> None:
        """Focus on the first field, drawn as keyboard focus (Ctrl+N, opening a draft)."""
        chain = self.tab_chain()
        if chain:
            chain[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.scroll_area.ensureWidgetVisible(chain[0])

    @property
    def report_id(self) -> str | None:
        return self.ref.report_id

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    # -- changes, validation ----------------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading or self._read_only:
            return
        self._dirty = True
        self.save_state.setText(self.tr("Editing…"))
        self._timer.start()
        self._refresh_problems()

    def _on_single_changed(self, path: str) -> None:
        if self._loading:
            return
        self._check_single(path)
        self._changed()

    def _observed_value(self) -> tuple[str | None, str | None]:
        """The observation time as stored (UTC), or the text as typed and why it is wrong."""
        text = self.observed.text().strip()
        if not text:
            return None, None
        try:
            return parse_local_minute(text), None
        except InvalidInput as exc:
            return text, str(exc)

    def _check_single(self, path: str) -> None:
        value = _value_at(self.payload(), path)
        message = check_field(path, value, for_submit=self._submit_mode)
        if path == "observed_at":
            message = self._observed_value()[1] or message
        if path in ("coordinates.lat", "coordinates.lon"):
            other = "coordinates.lon" if path == "coordinates.lat" else "coordinates.lat"
            message = message or _coordinate_message(self.payload(), other, self._submit_mode)
            if not self.lat.text().strip() and not self.lon.text().strip():
                message = None
        if path.startswith("route.fees."):
            fees = self.payload()["route"]["fees"]
            if fees is None:
                message = None
            else:
                message = check_field(
                    "route.fees.amount", fees["amount"], for_submit=self._submit_mode
                ) or check_field(
                    "route.fees.currency", fees["currency"], for_submit=self._submit_mode
                )
        self._single[path][1].show_message(message)

    def _on_row_changed(self, row: _Row, key: str) -> None:
        if self._loading:
            return
        group = next(g for g in (self.persons, self.documents, self.transit) if row in g.rows)
        index = group.index_of(row)
        if group is self.transit:
            path, value = f"route.transit[{index}]", row.value()  # type: ignore[attr-defined]
        else:
            path = f"{group.path}[{index}].{key}"
            value = row.value_of(key)
        message = None
        if key == "features":
            for j, code in enumerate(value or []):
                message = message or check_field(f"{path}[{j}]", code)
        else:
            message = check_field(path, value, for_submit=self._submit_mode)
        row.set_error(key, message)
        self._changed()

    def _clear_errors(self) -> None:
        for _widget, error in self._single.values():
            error.show_message(None)
        for group in (self.persons, self.documents, self.transit):
            group.group_error.show_message(None)
            for row in group.rows:
                row.clear_errors()
        self.attachment_error.show_message(self._file_problems)
        self.summary.hide()

    def current_problems(self) -> dict[str, str]:
        """Everything that keeps the form from being submitted, by path, in form order."""
        errors = field_errors(self.payload(), for_submit=True)
        observed_problem = self._observed_value()[1]
        if observed_problem:
            errors["observed_at"] = observed_problem
        return errors

    def _show_problems(self, errors: dict[str, str]) -> None:
        """Each message beside its field and, in the summary, as a link to that field;
        no problems: no summary."""
        self.show_errors(errors)
        if not errors:
            return
        heading = self.tr(
            "This report cannot be submitted yet. Fix these %n problem(s):", "", len(errors)
        )
        items = "".join(
            f'<li><a href="{html.escape(path or "kind")}">{html.escape(message, quote=False)}'
            "</a></li>"
            for path, message in errors.items()
        )
        self.summary.setText(f"{html.escape(heading, quote=False)}<ul>{items}</ul>")
        self.summary.show()

    def _refresh_problems(self) -> None:
        """After a refused submit, every change re-checks the form: a fixed field loses its
        message and its summary line at once, and the summary goes when nothing is left."""
        if self._submit_mode and not self._read_only and not self._loading:
            self._show_problems(self.current_problems())

    def _problem_widget(self, path: str) -> QWidget | None:
        if path in self._single:
            return self._single[path][0]
        match = _ROW_PATH.match(path)
        if match:
            group = {"persons": self.persons, "documents": self.documents}.get(
                match.group(1), self.transit
            )
            index = int(match.group(2))
            if index < len(group.rows):
                row = group.rows[index]
                return row.fields.get(match.group(3) or "country") or row
            return group.add_button
        if path == "persons":
            return self.persons.add_button
        if path.startswith("attachments"):
            return self.attach_button
        prefix = path.split(".")[0]
        fallback = self._single.get(prefix) or self._single.get(path.rsplit(".", 1)[0])
        return fallback[0] if fallback is not None else None

    def focus_problem(self, path: str) -> None:
        """A summary link: the focus goes to the field the problem is about."""
        target = self._problem_widget(path)
        if target is None:
            return
        # A compound field (coordinates, fees, a picker) takes the focus on its first input.
        inside = [w for w in self.tab_chain() if w is target or target.isAncestorOf(w)]
        widget = inside[0] if inside else target
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scroll_area.ensureWidgetVisible(widget)

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Puts each message beside its field; returns them all as lines for the summary."""
        self._clear_errors()
        lines: list[str] = []
        by_label: dict[ErrorLabel, list[str]] = {}
        for path, message in errors.items():
            lines.append(message)
            if path in self._single:
                label = self._single[path][1]
                by_label.setdefault(label, []).append(message)
                continue
            match = _ROW_PATH.match(path)
            group = {"persons": self.persons, "documents": self.documents}.get(
                match.group(1) if match else "", self.transit if match else None
            )
            if match and group is not None and int(match.group(2)) < len(group.rows):
                row = group.rows[int(match.group(2))]
                row.set_error(match.group(3) or "country", message)
                continue
            if path == "persons":
                self.persons.group_error.show_message(message)
            elif path.startswith("attachments"):
                self.attachment_error.show_message(message)
            else:
                prefix = path.split(".")[0]
                fallback = self._single.get(prefix) or self._single.get(path.rsplit(".", 1)[0])
                if fallback is not None:
                    by_label.setdefault(fallback[1], []).append(message)
        for label, messages in by_label.items():
            label.show_message("\n".join(messages))
        return lines

    # -- saving and submitting --------------------------------------------------------------------

    def flush(self) -> None:
        """Saves now if anything changed (leaving, closing, locking)."""
        if self._dirty and not self._read_only:
            self.save_now()

    def save_now(self) -> None:
        if self._read_only:
            return
        self._timer.stop()
        payload = sanitise(self.payload())
        pending = list(self._pending)
        service, ref = self.ctx.reports(), self.ref
        self._dirty = False
        self.save_state.setText(self.tr("Saving…"))
        self.ctx.ops.run(
            lambda: save_draft(service, ref, payload, pending),
            lambda view: self._saved(view, pending),
            self._op_failed,
            label=self.tr("Saving draft"),
        )

    def _saved(self, view: ReportView, pending: list[AttachmentInput]) -> None:
        self._pending = [p for p in self._pending if p not in pending]
        stored = {a["sha256"] for a in self._refs}
        for ref in view.report.get("attachments") or []:
            if ref["sha256"] not in stored:
                self._refs.append(ref)
        if not self._dirty:
            self.save_state.setText(
                self.tr("Draft saved at %1").replace(
                    "%1", QDateTime.currentDateTime().toString("HH:mm:ss")
                )
            )
        self.title.setText(self.tr("Draft %1").replace("%1", view.report_id[:8]))
        self.saved.emit(view.report_id)

    def _op_failed(self, error: OpError) -> None:
        self.save_state.setText(self.tr("Not saved"))
        self.status_message.emit(error.message)
        self.summary.setText(html.escape(error.message, quote=False))
        self.summary.show()

    def submit(self) -> None:
        """Checks everything a submission needs; shows every problem, or signs and queues."""
        if self._read_only:
            return
        self._submit_mode = True
        errors = self.current_problems()
        if errors:
            self._show_problems(errors)
            # Tab focus: the first link is selected, Enter goes to its field.
            self.summary.setFocus(Qt.FocusReason.TabFocusReason)
            return
        self._clear_errors()
        self.save_now()
        ref, session = self.ref, self.ctx.session

        def prepare() -> SigningSummary:
            assert ref.report_id is not None  # the save queued just before set it
            workflow = Workflow(session.db, session.user, session.audit)
            return workflow.prepare_submission(ref.report_id)

        self.submit_button.setEnabled(False)
        self.ctx.ops.run(
            prepare, self._confirm_submit, self._submit_failed, label=self.tr("Signing")
        )

    def _confirm_submit(self, summary: SigningSummary) -> None:
        """What is signed, its TLP and who receives it, confirmed before the signature."""
        dialog = SigningDialog(summary, self)
        dialog.accepted.connect(self._sign_submission)
        dialog.rejected.connect(lambda: self.submit_button.setEnabled(not self._read_only))
        dialog.finished.connect(self._confirmation_closed)
        self.confirmation = dialog
        dialog.open()  # not exec(): an auto-lock must be able to close it

    def _confirmation_closed(self) -> None:
        if self.confirmation is not None:
            self.confirmation.deleteLater()
        self.confirmation = None

    def _sign_submission(self) -> None:
        ref, session = self.ref, self.ctx.session

        def work() -> ReportView:
            assert ref.report_id is not None
            return Workflow(session.db, session.user, session.audit).submit(ref.report_id)

        self.ctx.ops.run(work, self._submitted, self._submit_failed, label=self.tr("Signing"))

    def _submitted(self, view: ReportView) -> None:
        self._set_read_only(True)
        self.title.setText(
            self.tr("Report %1 submitted: waiting for review").replace("%1", view.report_id[:8])
        )
        self.save_state.setText(i18n.status_label(view.status))
        self.status_message.emit(self.tr("Report signed and queued for review."))
        self.submitted.emit(view.report_id)

    def _submit_failed(self, error: OpError) -> None:
        self.submit_button.setEnabled(True)
        errors = getattr(error.exception, "errors", None)
        if errors:
            self.show_errors({e.path: e.message for e in errors})
        self.summary.setText(html.escape(error.message, quote=False))
        self.summary.show()

    # -- attachments ------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Attach photos or files"), start_folder(photos=True))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp)"), self.tr("All files (*)")]
        )
        dialog.filesSelected.connect(lambda files: self.attach_files([Path(f) for f in files]))
        dialog.open()  # not exec(): an auto-lock must be able to close it

    def attach_files(self, files: list[Path]) -> None:
        """Reads the files and makes thumbnails off the UI thread; bytes stay in memory
        until the next save stores them inside the encrypted database."""

        already = self.attached_bytes()
        keep = self.keep_original.isChecked()
        ctx = self.ctx

        def work() -> list[tuple[AttachmentInput | None, QImage | None, str]]:
            policy = ctx.reports().attachment_policy()
            total = already
            out: list[tuple[AttachmentInput | None, QImage | None, str]] = []
            for path in files:
                try:
                    item = AttachmentInput.from_path(path, policy, total, not keep)
                    if is_photo(item.media_type) and not keep:
                        item = downscaled(item, policy.photo_size)
                        policy.check_size(item.filename, len(item.data), total)  # as stored
                except InvalidInput as exc:
                    out.append((None, None, str(exc)))
                    continue
                total += len(item.data)
                out.append((item, thumbnail_image(item.data, THUMB), ""))
            return out

        self.ctx.ops.run(work, self._files_read, self._op_failed, label=self.tr("Reading files"))

    def _files_read(self, results: list[tuple[AttachmentInput | None, QImage | None, str]]) -> None:
        problems = []
        for item, image, problem in results:
            if item is None:
                problems.append(problem)
                continue
            self._pending.append(item)
            self._add_thumb(item.filename, image, None, item)
        self._file_problems = "\n".join(problems) or None
        self.attachment_error.show_message(self._file_problems)
        self._show_attachment_size()
        if any(item is not None for item, _i, _p in results):
            self._changed()

    def attached_bytes(self) -> int:
        return sum(int(r.get("size") or 0) for r in self._refs) + sum(
            len(p.data) for p in self._pending
        )

    def _show_attachment_size(self) -> None:
        """The total size; on a metered link also the time the unsent files take to send."""
        total = self.attached_bytes()
        if not total:
            self.attachment_note.clear()
            return
        text = self.tr("Attached: %1").replace("%1", format_size(total))
        if self.ctx.settings.metered:  # a draft's files are all still to be sent
            text += "\n" + metered_warning(total)
        self.attachment_note.setText(text)

    def _add_thumb(
        self,
        name: str,
        image: QImage | None,
        sha: str | None,
        item: AttachmentInput | None = None,
        size: int = 0,
    ) -> None:
        size = len(item.data) if item is not None else size
        entry = QListWidgetItem(f"{name}\n{format_size(size)}" if size else name)
        if image is not None:
            entry.setIcon(QIcon(QPixmap.fromImage(image)))
        entry.setData(Qt.ItemDataRole.UserRole, sha)
        entry.setData(Qt.ItemDataRole.UserRole + 1, item)
        entry.setToolTip(name)
        self.thumbs.addItem(entry)

    def _remove_selected_attachment(self) -> None:
        for entry in self.thumbs.selectedItems():
            sha = entry.data(Qt.ItemDataRole.UserRole)
            item = entry.data(Qt.ItemDataRole.UserRole + 1)
            if sha:
                self._refs = [r for r in self._refs if r["sha256"] != sha]
            if item is not None:
                self._pending = [p for p in self._pending if p is not item]
            self.thumbs.takeItem(self.thumbs.row(entry))
        self._changed()

    def thumbnail_count(self) -> int:
        return sum(1 for i in range(self.thumbs.count()) if not self.thumbs.item(i).icon().isNull())

    def hideEvent(self, event: Any) -> None:
        self.flush()  # leaving the editor never loses what was typed
        super().hideEvent(event)


_CONTROLS = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QAbstractSpinBox,
    QAbstractItemView,
)


def _collect(layout: QLayout | None, out: list[QWidget]) -> None:
    """Widgets of `layout` and of its nested layouts and containers, in reading order."""
    if layout is None:
        return
    found = [(i, layout.itemAt(i)) for i in range(layout.count())]
    items = [item for _i, item in found if item is not None]
    if isinstance(layout, QGridLayout):

        def cell(entry: tuple[int, QLayoutItem | None]) -> tuple[int, int]:
            position: Any = layout.getItemPosition(entry[0])  # (row, column, spans)
            return int(position[0]), int(position[1])

        items = [item for _i, item in sorted(found, key=cell) if item is not None]
    for item in items:
        widget = item.widget()
        if widget is None:
            _collect(item.layout(), out)
        elif isinstance(widget, _CONTROLS):
            out.append(widget)
        elif isinstance(widget, QLabel) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            out.append(widget)  # the problems summary: its links are reached by Tab
        elif isinstance(widget, QScrollArea):
            inner = widget.widget()
            _collect(inner.layout() if inner is not None else None, out)
        else:
            _collect(widget.layout(), out)


def _number(text: str) -> Any:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text  # validation names the problem


def _value_at(data: Any, path: str) -> Any:
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if data is None:
            return None
        if part.startswith("["):
            index = int(part[1:-1])
            data = data[index] if isinstance(data, list) and index < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


def _coordinate_message(payload: dict[str, Any], path: str, for_submit: bool) -> str | None:
    return check_field(path, _value_at(payload, path), for_submit=for_submit)
