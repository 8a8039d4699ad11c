"""The confirmation before every signature (submit, approve, return): what will be signed,
under which TLP label, who receives it, and whose key signs.

Nothing confirms by accident: Cancel is the default button and has the focus, so Enter
cancels; Esc cancels; only the explicit signing button (click, Space on it, or its Alt
letter) confirms. Opened with open(), not exec(), so that locking the session closes it
(the controller rejects every open dialog) and nothing is signed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import format_moment
from app.signing import SigningSummary
from ui import i18n
from ui.widgets import fit_title, tlp_badge_style


class SigningDialog(QDialog):
    """Shows a SigningSummary; accepted only by its signing button."""

    def __init__(self, summary: SigningSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        titles = {
            "submit": self.tr("Sign and submit this report?"),
            "approve": self.tr("Sign the approval?"),
            "return": self.tr("Sign the return to the author?"),
        }
        confirm = {
            "submit": self.tr("&Sign and submit"),
            "approve": self.tr("&Sign the approval"),
            "return": self.tr("&Sign and return"),
        }
        self.setWindowTitle(titles[summary.action])
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Your signature covers exactly what is listed here. Check it before signing.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.what = self._value(self._what())
        form.addRow(self.tr("Report:"), self.what)
        self.contents = self._value(self._contents())
        form.addRow(self.tr("Contents:"), self.contents)
        self.tlp = QLabel(f"TLP:{summary.tlp}" if summary.tlp else self.tr("no TLP label"))
        self.tlp.setStyleSheet(tlp_badge_style(summary.tlp))
        self.tlp.setAccessibleName(self.tr("TLP label"))
        tlp_row = QHBoxLayout()
        tlp_row.addWidget(self.tlp)
        tlp_row.addStretch(1)
        form.addRow(self.tr("TLP:"), tlp_row)
        self.audience = self._value("\n".join(f"• {line}" for line in summary.audience))
        self.audience.setAccessibleName(self.tr("Who receives it"))
        form.addRow(self.tr("Goes to:"), self.audience)
        self.legal_basis: QLabel | None = None
        self.third_party: QLabel | None = None
        if summary.action == "approve":
            self.legal_basis = self._value(summary.legal_basis or "")
            form.addRow(self.tr("Legal basis:"), self.legal_basis)
            self.third_party = self._value(
                self.tr("may be passed to third parties")
                if summary.third_party
                else self.tr("not to be passed to third parties")
            )
            form.addRow(self.tr("Third parties:"), self.third_party)
        self.comment: QLabel | None = None
        if summary.comment:
            self.comment = self._value(summary.comment)
            form.addRow(self.tr("Comment:"), self.comment)
        self.signer = self._value(self._signer())
        form.addRow(self.tr("Signed with:"), self.signer)
        layout.addLayout(form)
        self.warning = self._value("\n".join(summary.warnings))
        self.warning.setStyleSheet("color:#8A4B00;")
        self.warning.setVisible(bool(summary.warnings))
        layout.addWidget(self.warning)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.sign_button = QPushButton(confirm[summary.action])
        # Enter presses the default button: make that Cancel, never the signature.
        self.sign_button.setAutoDefault(False)
        self.sign_button.setDefault(False)
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.sign_button.clicked.connect(self.accept)
        self.setTabOrder(self.cancel_button, self.sign_button)
        fit_title(self)
        self.setMinimumWidth(max(self.minimumWidth(), 520))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _what(self) -> str:
        s = self.summary
        kind = i18n.label("report_kinds", s.kind) or self.tr("no kind")
        parts = [kind]
        if s.observed_at:
            parts.append(self.tr("observed %1").replace("%1", format_moment(s.observed_at)))
        if s.crossing_point:
            parts.append(i18n.label("crossing_points", s.crossing_point))
        parts.append(self.tr("version %1").replace("%1", str(s.version)))
        return " · ".join(parts)

    def _contents(self) -> str:
        s = self.summary
        return ", ".join(
            [
                self.tr("%n person(s)", "", s.persons),
                self.tr("%n document(s)", "", s.documents),
                self.tr("%n attachment(s)", "", s.attachments),
            ]
        )

    def _signer(self) -> str:
        s = self.summary.signer
        key = s.key_id[:16] + "…" if s.key_id else self.tr("no key")
        text = self.tr("%1 (%2), key %3").replace("%1", s.name).replace("%2", s.agency)
        text = text.replace("%3", key)
        if not s.certified:
            text += " " + self.tr("(created on this device, not yet certified by the portal)")
        return text
