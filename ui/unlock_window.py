"""First-run and unlock window.

The Argon2id derivation takes a noticeable moment, so unlocking runs on a worker thread and
hands the session back by signal; the window stays responsive and shows a busy state. On a
machine with no installation it also offers a demo installation (synthetic reports).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
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
from app.session import (
    NewUser,
    Session,
    describe_unlock_failure,
    initialise,
    parse_role,
    unlock,
    unlock_wait,
)
from storage.keyslots import KdfParams
from ui.ops import OpError, OpRunner
from ui.widgets import start_folder


def passphrase_strength(text: str) -> tuple[int, str]:
    """A rough 0–4 score with words a person understands."""
    classes = sum(
        any(test(c) for c in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    score = min(4, len(text) // 6 + (1 if classes >= 3 else 0))
    words = ["too short", "weak", "fair", "good", "strong"]
    return score, QCoreApplication.translate("Strength", words[score])


# Marked for translation (the list above is looked up at run time).
_STRENGTH_WORDS = (
    QT_TRANSLATE_NOOP("Strength", "too short"),
    QT_TRANSLATE_NOOP("Strength", "weak"),
    QT_TRANSLATE_NOOP("Strength", "fair"),
    QT_TRANSLATE_NOOP("Strength", "good"),
    QT_TRANSLATE_NOOP("Strength", "strong"),
)


class UnlockWindow(QWidget):
    unlocked = Signal(object)
    demo_requested = Signal()

    def __init__(
        self,
        paths: DataPaths,
        *,
        kdf: KdfParams | None = None,
        user_name: str = "",
        notice: str = "",
    ) -> None:
        super().__init__()
        self.paths = paths
        self.kdf = kdf
        self.ops = OpRunner(self)
        self.setup_warning = ""
        self._failure = ""
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
        self.notice = QLabel(notice)
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        layout.addWidget(self.notice)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit(user_name)
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
        self.enrol_code = QLineEdit()
        self.provisioning: Path | None = None
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
            # Optional at first run (Settings has the same later): connect to the agency's
            # portal and enrol this first user in the same step.
            self.provision_button = QPushButton(self.tr("Choose the provisioning &file…"))
            self.provision_button.setAccessibleName(self.tr("Agency provisioning file"))
            self.provision_button.clicked.connect(self._choose_provisioning)
            form.addRow(self.tr("Portal (optional):"), self.provision_button)
            self.provision_label = QLabel()
            self.provision_label.setWordWrap(True)
            form.addRow(self.provision_label)
            self.enrol_code.setAccessibleName(self.tr("Enrolment code"))
            self.enrol_code.setPlaceholderText(self.tr("one-time code from your focal point"))
            form.addRow(self.tr("&Enrolment code:"), self.enrol_code)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.button = QPushButton(self.tr("Create") if self.first_run else self.tr("Unlock"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        layout.addWidget(self.button)
        self.demo_button = QPushButton(self.tr("Create a &demo installation instead"))
        self.demo_button.setToolTip(
            self.tr("Two demo users and about 200 synthetic reports, clearly marked [SYNTHETIC]")
        )
        self.demo_button.clicked.connect(self.demo_requested.emit)
        self.demo_button.setVisible(self.first_run)
        layout.addWidget(self.demo_button)
        if user_name:
            self.passphrase.setFocus()
        if self.first_run:
            from app.provisioning import find_provisioning_file

            found = find_provisioning_file()  # --provision, $OUTPOST_PROVISIONING, or beside us
            if found is not None:
                self.use_provisioning(found)

    def _choose_provisioning(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, self.tr("Agency provisioning file"), start_folder())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Provisioning files (*.json);;All files (*)"))
        dialog.fileSelected.connect(lambda name: self.use_provisioning(Path(name)))
        dialog.open()

    def use_provisioning(self, path: Path) -> None:
        """Reads the file (a small local file, no store or network involved) and takes the
        agency code from it, so the person cannot mistype it."""
        from app.provisioning import read_provisioning

        try:
            prov = read_provisioning(path)
        except Exception as exc:
            self.provisioning = None
            self.provision_label.setText(" ".join(str(exc).split()))
            return
        from app.provisioning import trust_note

        self.provisioning = path
        self.agency.setText(prov.agency)
        self.agency.setReadOnly(True)
        self.provision_label.setText(
            self.tr("Portal %1 at %2, agency %3.")
            .replace("%1", prov.portal_id)
            .replace("%2", prov.portal_url)
            .replace("%3", prov.agency)
            + "\n"
            + trust_note(prov)
        )

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
            paths, kdf = self.paths, self.kdf
            provisioning, code = self.provisioning, self.enrol_code.text().strip()

            def work() -> Session:
                session = initialise(paths, user, passphrase, kdf=kdf)
                if provisioning is not None:
                    from services.portal import connect_portal, enrol_user

                    try:
                        connect_portal(session, provisioning)
                        if code:
                            enrol_user(session, code)
                    except Exception as exc:  # the installation exists; Settings can retry
                        self.setup_warning = " ".join(str(exc).split())
                return session
        else:
            paths, kdf = self.paths, self.kdf

            def work() -> Session:
                return unlock(paths, name or None, passphrase, kdf=kdf)

        self.button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.message.setText(self.tr("Working…"))
        self.ops.run(work, self._done, self._failed)

    def _done(self, session: Session) -> None:
        if self.setup_warning:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Outpost",
                self.tr(
                    "The installation was created, but connecting to the portal failed: "
                    "%1 You can try again in Settings."
                ).replace("%1", self.setup_warning),
                QMessageBox.StandardButton.Ok,
            )
            box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))  # no Qt translation
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self._warning_box = box
        self.passphrase.clear()
        self.repeat.clear()
        self.button.setEnabled(True)
        self.demo_button.setEnabled(True)
        self.message.setText("")
        self.unlocked.emit(session)

    def _failed(self, error: OpError) -> None:
        self.demo_button.setEnabled(True)
        self.passphrase.clear()
        name = self.name.text().strip() or None
        self._failure = (
            error.message if self.first_run else describe_unlock_failure(error.exception, name)
        )
        self.message.setText(self._failure)
        self._wait_until_allowed(name)

    def _wait_until_allowed(self, name: str | None) -> None:
        """After repeated wrong passphrases the next attempt must wait: say how long."""
        wait = 0.0 if self.first_run else unlock_wait(self.paths, name)
        self.button.setEnabled(wait <= 0)
        if wait > 0:
            self.message.setText(
                self._failure
                + "\n"
                + self.tr("You can try again in %n second(s).", "", max(1, round(wait)))
            )
            QTimer.singleShot(1000, self, lambda: self._wait_until_allowed(name))
        else:
            self.message.setText(self._failure)

    def set_busy(self, text: str) -> None:
        self.button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.message.setText(text)


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, "Outpost", text)
