"""First-run and unlock window: the only screen of the client until the UI issue lands.

The Argon2id derivation takes a noticeable moment, so unlocking runs on a worker thread and
hands the session back by signal; the window stays responsive and shows a busy state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.paths import DataPaths
from app.session import NewUser, Session, initialise, parse_role, unlock


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Op(QRunnable):
    """Runs one call off the UI thread and reports its result or its error message by signal."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # shown to the person, who can act on the message
            self.signals.failed.emit(" ".join(str(exc).split()))
        else:
            self.signals.done.emit(result)


def passphrase_strength(text: str) -> tuple[int, str]:
    """A rough 0–4 score with words a person understands."""
    classes = sum(
        any(test(c) for c in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    score = min(4, len(text) // 6 + (1 if classes >= 3 else 0))
    return score, ["too short", "weak", "fair", "good", "strong"][score]


class UnlockWindow(QWidget):
    unlocked = Signal(object)

    def __init__(self, paths: DataPaths) -> None:
        super().__init__()
        self.paths = paths
        self.first_run = not paths.is_installed()
        self.setWindowTitle(
            self.tr("Outpost — set up") if self.first_run else self.tr("Outpost — unlock")
        )
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Create the first user of this installation.")
            if self.first_run
            else self.tr("Enter your user name and passphrase to unlock.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("User name"))
        form.addRow(self.tr("&User name:"), self.name)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.repeat = QLineEdit()
        self.role = QComboBox()
        self.agency = QLineEdit()
        self.strength = QProgressBar()
        if self.first_run:
            self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
            self.repeat.setAccessibleName(self.tr("Repeat passphrase"))
            form.addRow(self.tr("&Repeat:"), self.repeat)
            self.strength.setRange(0, 4)
            self.strength.setAccessibleName(self.tr("Passphrase strength"))
            form.addRow(self.tr("Strength:"), self.strength)
            self.passphrase.textChanged.connect(self._show_strength)
            self.role.addItem(self.tr("Officer"), "officer")
            self.role.addItem(self.tr("Organisational focal point"), "ofp")
            self.role.addItem(self.tr("National focal point"), "nfp")
            form.addRow(self.tr("R&ole:"), self.role)
            self.agency.setAccessibleName(self.tr("Agency code"))
            form.addRow(self.tr("&Agency code:"), self.agency)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.button = QPushButton(self.tr("Create") if self.first_run else self.tr("Unlock"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        layout.addWidget(self.button)
        self._pool = QThreadPool.globalInstance()

    def _show_strength(self, text: str) -> None:
        score, words = passphrase_strength(text)
        self.strength.setValue(score)
        self.strength.setFormat(words)

    def submit(self) -> None:
        name, passphrase = self.name.text().strip(), self.passphrase.text()
        if self.first_run:
            if passphrase != self.repeat.text():
                self.message.setText(self.tr("The two passphrases differ."))
                return
            try:
                user = NewUser(
                    name, parse_role(self.role.currentData()), self.agency.text().strip()
                )
            except Exception as exc:
                self.message.setText(str(exc))
                return
            if not user.agency:
                self.message.setText(self.tr("Enter your agency code (from your focal point)."))
                return
            op = _Op(lambda: initialise(self.paths, user, passphrase))
        else:
            op = _Op(lambda: unlock(self.paths, name or None, passphrase))
        self.button.setEnabled(False)
        self.message.setText(self.tr("Working…"))
        op.signals.done.connect(self._done)
        op.signals.failed.connect(self._failed)
        self._op = op  # keep the signals object alive until the result arrives
        self._pool.start(op)

    def _done(self, session: Session) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.button.setEnabled(True)
        self.message.setText("")
        self.unlocked.emit(session)

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.passphrase.clear()
        self.message.setText(message)


class PlaceholderMain(QWidget):
    """Shown after unlock until the full main window exists."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        from app.reports import ReportService

        self.session = session
        self.setWindowTitle(self.tr("Outpost"))
        count = ReportService(session.db, session.user, session.audit).count()
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Unlocked as {0} ({1}). {2} reports in the store.").format(
                    session.user.name, session.user.role, count
                )
            )
        )
        lock = QPushButton(self.tr("&Lock"))
        lock.clicked.connect(self.close)
        layout.addWidget(lock)

    def closeEvent(self, event: Any) -> None:
        self.session.lock()
        super().closeEvent(event)


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, "Outpost", text)
