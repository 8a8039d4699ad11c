"""Small widgets shared by the screens: code-list pickers, grade pickers, error labels, and
the rules every window follows (no value changes by the wheel without focus, fit the screen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QImage,
    QPainter,
    QPixmap,
    QStandardItem,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStyle,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import codelists
from app.reports import AttachmentInput
from ui import i18n

# Title bar and borders a window manager adds; used while the real frame is not known yet.
FRAME_ALLOWANCE = QSize(8, 40)
TITLE_CHROME = 160  # icon and the window buttons beside a dialog's title
HEADER_PADDING = 24  # sort indicator and margins beside a column heading


class WheelGuard(QObject):
    """Application-wide: the mouse wheel never changes a combo box, spin box, date field or
    slider that does not have the keyboard focus (scrolling a form over one used to change
    its value and autosave it). The wheel scrolls the surrounding area instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(
            watched, QComboBox | QAbstractSpinBox | QSlider
        ):
            return False  # scroll bars are there to be wheeled
        if watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QApplication.sendEvent(area.viewport(), event.clone())
        return True


def install_wheel_guard() -> None:
    app = QApplication.instance()
    if app is not None and app.property("outpost_wheel_guard") is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        app.setProperty("outpost_wheel_guard", True)


def scrolling(page: QWidget) -> QScrollArea:
    """`page` in a frameless scroll area: taller than the window, it scrolls."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> None:
    """Sizes a top-level window (to `preferred`, or as it is) to fit the available area of
    its screen, frame included, and centres it there."""
    preferred = preferred or window.size()
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    if frame.width() <= 0 and frame.height() <= 0:
        frame = FRAME_ALLOWANCE
    room = available.size() - frame
    minimum = window.minimumSize()
    width = max(min(preferred.width(), room.width()), min(minimum.width(), room.width()))
    height = max(min(preferred.height(), room.height()), min(minimum.height(), room.height()))
    window.resize(width, height)
    left = available.left() + max(0, (available.width() - width - frame.width()) // 2)
    top = available.top() + max(0, (available.height() - height - frame.height()) // 2)
    window.move(left, top)


def fit_title(window: QWidget) -> None:
    """A dialog at least as wide as its title, so the title bar does not clip it."""
    metrics = QFontMetrics(window.font())
    window.setMinimumWidth(
        max(window.minimumWidth(), metrics.horizontalAdvance(window.windowTitle()) + TITLE_CHROME)
    )


# Lists whose codes people know and may type (MMR, THB), shown beside the name.
_SHOW_CODE = {"countries", "nationalities", "currencies", "crossing_points"}

# TLP 2.0 colours (FIRST): the label is always shown in these colours on black.
TLP_COLOURS = {
    "CLEAR": "#FFFFFF",
    "GREEN": "#33FF00",
    "AMBER": "#FFC000",
    "AMBER+STRICT": "#FFC000",
    "RED": "#FF2B2B",
}


def tlp_badge_style(tlp: str | None) -> str:
    colour = TLP_COLOURS.get(tlp or "", "#BBBBBB")
    return f"background:#000; color:{colour}; padding:2px 6px; font-weight:bold;"


# The navigation's icons: the style's own, so they match the platform and need no image files.
_NAV_ICONS = {
    "dashboard": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "new": QStyle.StandardPixmap.SP_FileIcon,
    "mine": QStyle.StandardPixmap.SP_FileDialogListView,
    "review": QStyle.StandardPixmap.SP_DialogApplyButton,
    "outbox": QStyle.StandardPixmap.SP_BrowserReload,
    "alerts": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "audit": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "settings": QStyle.StandardPixmap.SP_ComputerIcon,
    "action": QStyle.StandardPixmap.SP_ArrowBack,  # returned to you
}


def nav_icon(page: str, style: QStyle) -> QIcon:
    return style.standardIcon(_NAV_ICONS[page])


def tlp_cell_brushes(tlp: str | None) -> tuple[QBrush, QBrush] | None:
    """Background and text brushes for a table cell that shows a TLP label (None: no label)."""
    code = (tlp or "").removeprefix("TLP:")
    if code not in TLP_COLOURS:
        return None
    return QBrush(QColor("#000000")), QBrush(QColor(TLP_COLOURS[code]))


def fit_tlp_column(view: QAbstractItemView, column: int) -> None:
    """Makes a TLP column wide enough for its longest label, AMBER+STRICT, never elided."""
    header = getattr(view, "horizontalHeader", lambda: None)()
    if header is None:
        return
    needed = QFontMetrics(view.font()).horizontalAdvance("AMBER+STRICT") + HEADER_PADDING
    if header.sectionSize(column) < needed:
        header.resizeSection(column, needed)


def colour_tlp_cell(item: QStandardItem | QTableWidgetItem, tlp: str | None) -> None:
    """Draws a table cell's TLP label in its TLP 2.0 colour on black, as everywhere else."""
    brushes = tlp_cell_brushes(tlp)
    if brushes is not None:
        item.setBackground(brushes[0])
        item.setForeground(brushes[1])


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor("#000000"))
    inner = QPixmap(10, 10)
    inner.fill(QColor(colour))
    painter = QPainter(pix)
    painter.drawPixmap(2, 2, inner)
    painter.end()
    return QIcon(pix)


class ErrorLabel(QLabel):
    """A field's message, shown under it in red; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color:#B00020;")
        self.setProperty("role", "field-error")
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class CodeCombo(QComboBox):
    """A code-list picker with type-ahead: typing any part of a name or a code narrows the
    list (QCompleter, contains-match). `value()` is the code, or the raw text when it matches
    nothing (validation then says why)."""

    value_changed = Signal()

    def __init__(
        self, list_name: str, *, allow_empty: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.list_name = list_name
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        if allow_empty:
            self.addItem("", None)
        for entry in codelists.entries(list_name):
            text = i18n.label(list_name, entry.code)
            if list_name in _SHOW_CODE:
                text = f"{text} ({entry.code})"
            self.addItem(text, entry.code)
            if entry.description:
                self.setItemData(
                    self.count() - 1,
                    i18n.description(list_name, entry.code),
                    Qt.ItemDataRole.ToolTipRole,
                )
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.currentTextChanged.connect(lambda _t: self.value_changed.emit())

    def value(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            data = self.itemData(index)
            return None if data is None else str(data)
        upper = text.upper()
        index = self.findData(upper)
        if index < 0:
            index = self.findData(text)
        if index >= 0:
            return str(self.itemData(index))
        # Type-ahead: a name typed in part ("myanm") counts when it matches one entry only.
        needle = text.casefold()
        matches = [
            i
            for i in range(self.count())
            if self.itemData(i) is not None and needle in self.itemText(i).casefold()
        ]
        if len(matches) == 1:
            return str(self.itemData(matches[0]))
        return text

    def set_value(self, code: str | None) -> None:
        if code is None:
            self.setCurrentIndex(0 if self.itemData(0) is None else -1)
            if self.itemData(0) is not None:
                self.setEditText("")
            return
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)


class GradePicker(QWidget):
    """A picker for graded scales (TLP, source reliability, information credibility) that
    shows what the chosen grade means, so nobody has to remember the Admiralty wording."""

    value_changed = Signal()

    def __init__(self, list_name: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_name = list_name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("— choose —"), None)
        for entry in codelists.entries(list_name):
            label = i18n.label(list_name, entry.code)
            # TLP entries start with the colour, so typing R picks RED (the label is
            # "TLP:RED" everywhere else; the field's own caption says TLP).
            text = entry.code if list_name == "tlp" else f"{entry.code} — {label}"
            self.combo.addItem(text, entry.code)
            index = self.combo.count() - 1
            self.combo.setItemData(
                index, i18n.description(list_name, entry.code), Qt.ItemDataRole.ToolTipRole
            )
            if list_name == "tlp":
                self.combo.setItemIcon(index, _swatch(TLP_COLOURS[entry.code]))
        self.meaning = QLabel(self)
        self.meaning.setWordWrap(True)
        self.meaning.setStyleSheet("color:#444;")
        self.meaning.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.combo)
        layout.addWidget(self.meaning)
        self.combo.currentIndexChanged.connect(self._changed)
        self.setFocusProxy(self.combo)

    def _changed(self, _index: int) -> None:
        code = self.combo.currentData()
        self.meaning.setText("" if code is None else i18n.description(self.list_name, code))
        self.value_changed.emit()

    def value(self) -> str | int | None:
        code = self.combo.currentData()
        if code is None:
            return None
        return int(code) if self.list_name == "credibility" else str(code)

    def set_value(self, code: str | int | None) -> None:
        index = self.combo.findData(None if code is None else str(code))
        self.combo.setCurrentIndex(max(index, 0))

    def setAccessibleName(self, name: str) -> None:  # the combo is what screen readers reach
        super().setAccessibleName(name)
        self.combo.setAccessibleName(name)


class MultiCodePicker(QToolButton):
    """Choose several codes of a list from a checkable menu (keyboard: Space opens it,
    arrows move, Enter toggles)."""

    value_changed = Signal()

    def __init__(self, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_name = list_name
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self)
        self._actions: dict[str, QAction] = {}
        for entry in codelists.entries(list_name):
            action = QAction(i18n.label(list_name, entry.code), menu)
            action.setCheckable(True)
            action.setToolTip(i18n.description(list_name, entry.code))
            action.toggled.connect(self._changed)
            menu.addAction(action)
            self._actions[entry.code] = action
        menu.setToolTipsVisible(True)
        self.setMenu(menu)
        self._update_text()

    def _changed(self, _checked: bool) -> None:
        self._update_text()
        self.value_changed.emit()

    def _update_text(self) -> None:
        chosen = [i18n.label(self.list_name, c) for c in self.value()]
        self.setText(", ".join(chosen) if chosen else self.tr("none chosen — click to choose"))

    def value(self) -> list[str]:
        return [code for code, action in self._actions.items() if action.isChecked()]

    def set_value(self, codes: list[str]) -> None:
        for code, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(code in codes)
            action.blockSignals(False)
        self._update_text()


def thumbnail_image(data: bytes, size: int = 96) -> QImage | None:
    """A small picture decoded from bytes in memory only (never a file), or None for
    non-images. QImage works off the UI thread, so big photos are decoded on a worker."""
    image = QImage()
    if not image.loadFromData(data):
        return None
    return image.scaled(
        QSize(size, size),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def fit_headers(view: QAbstractItemView) -> None:
    """Widens each column of a table to at least its heading (translations are longer)."""
    header = getattr(view, "horizontalHeader", lambda: None)()
    model = view.model()
    if header is None or model is None:
        return
    metrics = QFontMetrics(header.font())
    for section in range(header.count()):
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + HEADER_PADDING
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)


def start_folder(photos: bool = False) -> str:
    """Where a file dialog opens: the person's pictures (photos) or documents folder, else
    their home folder; never the folder the program happens to run from."""
    from PySide6.QtCore import QStandardPaths

    kind = QStandardPaths.StandardLocation
    where = kind.PicturesLocation if photos else kind.DocumentsLocation
    folder = QStandardPaths.writableLocation(where)
    if folder and Path(folder).is_dir():
        return folder
    return str(Path.home())


def downscaled(
    item: AttachmentInput, target: Callable[[int, int], tuple[int, int] | None]
) -> AttachmentInput:
    """The photo re-encoded at the size `target` (the agency's policy) gives it, as JPEG or
    PNG; the item itself when it is small enough or cannot be decoded. Runs on the worker."""
    image = QImage()
    if not image.loadFromData(item.data):
        return item
    size = target(image.width(), image.height())
    if size is None:
        return item
    # The policy's size already keeps the aspect; KeepAspectRatio would round a pixel off.
    scaled = image.scaled(
        QSize(*size),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    png = item.media_type == "image/png"  # keeps transparency and line drawings sharp
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 wants the format as str at run time; its stubs say bytes.
    scaled.save(buffer, "PNG" if png else "JPEG", -1 if png else 85)  # type: ignore[call-overload]
    data = bytes(buffer.data().data())
    if len(data) >= len(item.data):
        return item
    name = item.filename if png else str(Path(item.filename).with_suffix(".jpg"))
    return AttachmentInput(name, "image/png" if png else "image/jpeg", data)
