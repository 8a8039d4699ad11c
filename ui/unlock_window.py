"""First-run and unlock window.

The Argon2id derivation takes a noticeable moment, so unlocking runs on a worker thread and
hands the session back by signal; the window stays responsive and shows a busy state.

On a machine with no installation the window opens on a welcome page: the language first
(each named in its own language), a short paragraph on what Outpost is and what it will ask
for, then the agency's provisioning file as the default next step, a demo installation
(synthetic reports) as the secondary one, or setting up without a file. Only then comes the
form for the first user.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
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
from ui.ops import Lane, OpError, OpRunner, Step
from ui.settings import LANGUAGES
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

# The meter's colour by score: red, orange, amber, green, dark green.
_STRENGTH_COLOURS = ("#C0392B", "#D35400", "#B7950B", "#27AE60", "#1E8449")


class StrengthMeter(QWidget):
    """A thin bar that fills as the passphrase gets stronger, with its level in words beside
    it (a bare progress bar reads like an empty text field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.level = QLabel()
        row.addWidget(self.bar, 1)
        row.addWidget(self.level)
        self.show_text("")

    def show_text(self, text: str) -> None:
        score, words = passphrase_strength(text)
        self.bar.setValue(score)
        self.level.setText(words)
        self.bar.setAccessibleDescription(words)
        self.bar.setStyleSheet(
            "QProgressBar { border: none; background: palette(midlight); border-radius: 4px; }"
            f"QProgressBar::chunk {{ background: {_STRENGTH_COLOURS[score]}; border-radius: 4px; }}"
        )


class UnlockWindow(QWidget):
    unlocked = Signal(object)
    demo_requested = Signal()
    language_chosen = Signal(str)  # the controller keeps it and renders the window anew

    def __init__(
        self,
        paths: DataPaths,
        *,
        kdf: KdfParams | None = None,
        user_name: str = "",
        notice: str = "",
        language: str = "en",
        user_names: tuple[str, ...] = (),
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
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        # Built before the form so that the Tab order starts with the language.
        self.welcome_page = QWidget()
        if self.first_run:
            self._build_welcome(language)
            self.pages.addWidget(self.welcome_page)
        self.form_page = QWidget()
        self.pages.addWidget(self.form_page)
        page = QVBoxLayout(self.form_page)
        page.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr("Create the first user of this installation.")
            if self.first_run
            else self.tr("Enter your user name and passphrase to unlock.")
        )
        intro.setWordWrap(True)
        page.addWidget(intro)
        self.notice = QLabel(notice)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setVisible(bool(notice))
        page.addWidget(self.notice)
        form = QFormLayout()
        page.addLayout(form)
        self.name = QLineEdit(user_name)
        self.name.setAccessibleName(self.tr("User name"))
        if user_names:  # e.g. the demo's users: offered as the name is typed
            completer = QCompleter(list(user_names), self.name)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            self.name.setCompleter(completer)
        form.addRow(self.tr("&User name:"), self.name)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.repeat = QLineEdit()
        self.role = QComboBox()
        self.agency = QLineEdit()
        self.meter = StrengthMeter()
        self.strength = self.meter.bar
        self.strength_level = self.meter.level
        self.enrol_code = QLineEdit()
        self.provisioning: Path | None = None
        if self.first_run:
            self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
            self.repeat.setAccessibleName(self.tr("Repeat passphrase"))
            form.addRow(self.tr("&Repeat:"), self.repeat)
            form.addRow(self.tr("Strength:"), self.meter)
            self.passphrase.textChanged.connect(self.meter.show_text)
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
        self.button = QPushButton(self.tr("Create") if self.first_run else self.tr("Unlock"))
        self.button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        page.addWidget(self.button)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setToolTip(self.tr("Back to the language and the provisioning file"))
        self.back_button.clicked.connect(self.show_welcome)
        self.back_button.setVisible(self.first_run)
        page.addWidget(self.back_button)
        page.addStretch(1)
        # One line for progress and errors, under either page.
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        if not self.first_run:
            self.demo_button = QPushButton(self.form_page)  # offered at first run only
            self.demo_button.setVisible(False)
            self.button.setDefault(True)
            if user_name:
                self.passphrase.setFocus()
            else:
                self.name.setFocus()
            return
        self.show_welcome()
        from app.provisioning import find_provisioning_file

        found = find_provisioning_file()  # --provision, $OUTPOST_PROVISIONING, or beside us
        if found is not None:
            self.use_provisioning(found, advance=False)

    def _build_welcome(self, language: str) -> None:
        page = QVBoxLayout(self.welcome_page)
        page.setContentsMargins(0, 0, 0, 0)
        # The language before anything else, each named in its own language.
        row = QHBoxLayout()
        caption = QLabel(self.tr("&Language:"))
        row.addWidget(caption)
        self.language_group = QButtonGroup(self)
        self.language_buttons: list[QRadioButton] = []
        for code, name in LANGUAGES:
            button = QRadioButton(name)
            button.setChecked(code == language)
            button.setAccessibleName(name)
            self.language_group.addButton(button)
            self.language_buttons.append(button)
            button.toggled.connect(lambda on, code=code: self._language_toggled(on, code, language))
            row.addWidget(button)
        row.addStretch(1)
        caption.setBuddy(next(b for b in self.language_buttons if b.isChecked()))
        page.addLayout(row)
        heading = QLabel(self.tr("Welcome to Outpost"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        page.addWidget(heading)
        self.welcome = QLabel(
            self.tr(
                "Outpost is where you write reports on what you observe at your crossing point "
                "and send them to your agency. It works offline: reports are kept encrypted on "
                "this computer and are sent when there is a connection. To set it up you need "
                "the provisioning file from your agency (or try a demo with synthetic data "
                "first); then you choose a user name and a passphrase."
            )
        )
        self.welcome.setWordWrap(True)
        page.addWidget(self.welcome)
        self.welcome_message = QLabel()
        self.welcome_message.setWordWrap(True)
        self.welcome_message.setVisible(False)
        page.addWidget(self.welcome_message)
        self.provision_next = QPushButton(self.tr("Load the agency's &provisioning file…"))
        self.provision_next.setAccessibleName(self.tr("Agency provisioning file"))
        self.provision_next.clicked.connect(self._next_from_welcome)
        strong = self.provision_next.font()
        strong.setBold(True)  # the next step, drawn as such (the default button too)
        self.provision_next.setFont(strong)
        page.addWidget(self.provision_next)
        self.demo_button = QPushButton(self.tr("Create a &demo installation instead"))
        self.demo_button.setToolTip(
            self.tr("Two demo users and about 200 synthetic reports, clearly marked [SYNTHETIC]")
        )
        self.demo_button.clicked.connect(self.demo_requested.emit)
        page.addWidget(self.demo_button)
        self.no_file_button = QPushButton(self.tr("Set up &without a provisioning file"))
        self.no_file_button.setToolTip(
            self.tr("You type your agency code; the portal can be connected later in Settings")
        )
        self.no_file_button.setFlat(True)
        self.no_file_button.clicked.connect(self.show_form)
        page.addWidget(self.no_file_button)
        page.addStretch(1)

    def _language_toggled(self, on: bool, code: str, shown: str) -> None:
        if on and code != shown:
            self.language_chosen.emit(code)

    def show_welcome(self) -> None:
        """The first page of a first run: language, what Outpost is, the next step."""
        self.pages.setCurrentWidget(self.welcome_page)
        self.button.setDefault(False)
        self.provision_next.setDefault(True)
        self.provision_next.setFocus()

    def show_form(self) -> None:
        """The form for the first user (or the unlock form)."""
        self.pages.setCurrentWidget(self.form_page)
        if self.first_run:
            self.provision_next.setDefault(False)
        self.button.setDefault(True)
        self.name.setFocus()

    def _next_from_welcome(self) -> None:
        if self.provisioning is not None:  # found beside the program: go on with it
            self.show_form()
        else:
            self._choose_provisioning()

    def _choose_provisioning(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, self.tr("Agency provisioning file"), start_folder())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Provisioning files (*.json);;All files (*)"))
        dialog.fileSelected.connect(lambda name: self.use_provisioning(Path(name)))
        dialog.open()

    def use_provisioning(self, path: Path, *, advance: bool = True) -> None:
        """Reads the file (a small local file, no store or network involved) and takes the
        agency code from it, so the person cannot mistype it. From the welcome page it goes
        on to the form (`advance`); a file found at start is only announced there, so the
        language still comes first."""
        from app.provisioning import read_provisioning

        try:
            prov = read_provisioning(path)
        except Exception as exc:
            self.provisioning = None
            self.agency.setReadOnly(False)
            why = " ".join(str(exc).split())
            self.provision_label.setText(why)
            self.welcome_message.setText(why)
            self.welcome_message.setVisible(True)
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
        self.welcome_message.setText(
            self.tr("Found the provisioning file of agency %1.").replace("%1", prov.agency)
        )
        self.welcome_message.setVisible(True)
        self.provision_next.setText(self.tr("Continue with this &provisioning file"))
        if advance:
            self.show_form()

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

            from services.portal import (
                connect_portal,
                keep_enrolment,
                prepare_enrolment,
                send_enrolment,
            )

            def warn(exc: Exception) -> None:  # the installation exists; Settings can retry
                self.setup_warning = " ".join(str(exc).split())

            # Store, then the enrolment request on the network lane (it may stall), then
            # store again: a slow portal holds no store work.
            def create(_none: None) -> tuple[Session, Any]:
                session = initialise(paths, user, passphrase, kdf=kdf)
                if provisioning is None:
                    return session, None
                try:
                    connect_portal(session, provisioning)
                    return session, prepare_enrolment(session) if code else None
                except Exception as exc:
                    warn(exc)
                    return session, None

            def request(created: tuple[Session, Any]) -> tuple[Session, Any]:
                session, enrolment = created
                if enrolment is None:
                    return session, None
                try:
                    return session, send_enrolment(enrolment, code)
                except Exception as exc:
                    warn(exc)
                    return session, None

            def keep(answered: tuple[Session, Any]) -> Session:
                session, answer = answered
                if answer is not None:
                    try:
                        keep_enrolment(session, answer)
                    except Exception as exc:
                        warn(exc)
                return session

            steps: list[Step] = [(Lane.STORE, create), (Lane.NETWORK, request), (Lane.STORE, keep)]
        else:
            paths, kdf = self.paths, self.kdf
            steps = [(Lane.STORE, lambda _none: unlock(paths, name or None, passphrase, kdf=kdf))]

        self.button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.message.setText(self.tr("Working…"))
        self.ops.chain(steps, self._done, self._failed)

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

    def set_busy(self, text: str, busy: bool = True) -> None:
        """While work runs (creating, unlocking, the demo) nothing else can be started."""
        self.button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)
        if self.first_run:
            for widget in (self.provision_next, self.no_file_button, *self.language_buttons):
                widget.setEnabled(not busy)
        self.message.setText(text)


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, "Outpost", text)
