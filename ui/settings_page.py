"""Settings: idle timeout, metered link, language; the local users of this installation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import Role
from app.session import NewUser
from storage.users_repo import UserRecord
from ui import i18n
from ui.context import Context
from ui.ops import Lane, OpError
from ui.settings import LANGUAGES, MAX_IDLE_MINUTES
from ui.unlock_window import StrengthMeter
from ui.widgets import start_folder


class SettingsPage(QWidget):
    idle_changed = Signal(int)  # seconds
    metered_changed = Signal(bool)
    language_changed = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size:15px; font-weight:bold;")
        layout.addWidget(title)

        general = QGroupBox(self.tr("This computer"))
        form = QFormLayout(general)
        self.idle = QSpinBox()
        self.idle.setRange(1, MAX_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(max(1, ctx.settings.idle_seconds // 60))
        self.idle.setAccessibleName(self.tr("Lock after idle minutes"))
        form.addRow(self.tr("&Lock after being idle for:"), self.idle)
        self.metered = QCheckBox(self.tr("Send text first; attachments wait for a better link"))
        self.metered.setChecked(ctx.settings.metered)
        form.addRow(self.tr("&Metered link:"), self.metered)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        form.addRow(self.tr("Lang&uage:"), self.language)
        layout.addWidget(general)

        portal = QGroupBox(self.tr("Portal"))
        portal_form = QFormLayout(portal)
        self.portal_status = QLabel(self.tr("Checking…"))
        self.portal_status.setWordWrap(True)
        portal_form.addRow(self.tr("Status:"), self.portal_status)
        self.provision_button = QPushButton(self.tr("Load the agency's &provisioning file…"))
        self.provision_button.setAccessibleName(self.tr("Load the provisioning file"))
        portal_form.addRow(self.provision_button)
        self.enrol_code = QLineEdit()
        self.enrol_code.setPlaceholderText(self.tr("one-time code from your focal point"))
        self.enrol_code.setAccessibleName(self.tr("Enrolment code"))
        self.enrol_button = QPushButton(self.tr("En&rol"))
        portal_form.addRow(self.tr("Enrolment &code:"), self.enrol_code)
        portal_form.addRow(self.enrol_button)
        self.portal_message = QLabel()
        self.portal_message.setWordWrap(True)
        portal_form.addRow(self.portal_message)
        layout.addWidget(portal)

        users = QGroupBox(self.tr("Users of this installation"))
        users_layout = QVBoxLayout(users)
        self.user_list = QListWidget()
        self.user_list.setMaximumHeight(110)
        self.user_list.setAccessibleName(self.tr("Local users"))
        users_layout.addWidget(self.user_list)
        add = QFormLayout()
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName(self.tr("New user's name"))
        add.addRow(self.tr("&Name:"), self.new_name)
        self.new_role = QComboBox()
        for role in Role:
            self.new_role.addItem(i18n.role_label(role.value), role.value)
        self.new_role.setAccessibleName(self.tr("New user's role"))
        add.addRow(self.tr("R&ole:"), self.new_role)
        self.new_agency = QLineEdit(ctx.session.agency)
        self.new_agency.setAccessibleName(self.tr("New user's agency"))
        add.addRow(self.tr("Agenc&y:"), self.new_agency)
        self.new_pass = QLineEdit()
        self.new_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pass.setAccessibleName(self.tr("New user's passphrase"))
        add.addRow(self.tr("P&assphrase:"), self.new_pass)
        self.new_repeat = QLineEdit()
        self.new_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        add.addRow(self.tr("Rep&eat:"), self.new_repeat)
        self.strength = StrengthMeter()  # the same meter as at first run
        add.addRow(self.tr("Strength:"), self.strength)
        self.add_button = QPushButton(self.tr("A&dd user"))
        add.addRow(self.add_button)
        self.user_message = QLabel()
        self.user_message.setWordWrap(True)
        add.addRow(self.user_message)
        users_layout.addLayout(add)
        layout.addWidget(users)
        layout.addStretch(1)

        self.idle.valueChanged.connect(self._idle)
        self.metered.toggled.connect(self._metered)
        self.language.currentIndexChanged.connect(self._language)
        self.add_button.clicked.connect(self.add_user)
        self.provision_button.clicked.connect(self.choose_provisioning)
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_code.returnPressed.connect(self.enrol)
        self.new_pass.textChanged.connect(self.strength.show_text)

    def _idle(self, minutes: int) -> None:
        self.ctx.settings.idle_seconds = minutes * 60
        self.idle_changed.emit(minutes * 60)

    def _metered(self, on: bool) -> None:
        self.ctx.settings.metered = on
        self.metered_changed.emit(on)

    def _language(self, _index: int) -> None:
        code = str(self.language.currentData())
        if code != self.ctx.settings.language:
            self.ctx.settings.language = code
            self.language_changed.emit(code)

    def reload(self) -> None:
        session = self.ctx.session
        self.ctx.ops.run(session.users, self._users, label=self.tr("Reading users"))
        self._reload_portal()

    # -- portal: provisioning and enrolment (network and store work run off the UI thread) --

    def _reload_portal(self) -> None:
        from services.portal import portal_state

        session = self.ctx.session
        self.ctx.ops.run(lambda: portal_state(session), self._show_portal)

    def _show_portal(self, state: Any) -> None:
        if state.connected is None:
            self.portal_status.setText(
                self.tr("Not connected. Load the provisioning file your agency gave you.")
            )
        elif state.enrolled:
            self.portal_status.setText(
                self.tr("Connected to %1; you are enrolled.").replace("%1", state.connected)
            )
        else:
            self.portal_status.setText(
                self.tr("Connected to %1; enter your enrolment code to be able to sync.").replace(
                    "%1", state.connected
                )
            )
        self.enrol_button.setEnabled(state.connected is not None and not state.enrolled)
        self.enrol_code.setEnabled(state.connected is not None and not state.enrolled)

    def choose_provisioning(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, self.tr("Agency provisioning file"), start_folder())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Provisioning files (*.json);;All files (*)"))
        dialog.fileSelected.connect(self.load_provisioning)
        dialog.open()

    def load_provisioning(self, name: str) -> None:
        from pathlib import Path

        from app.provisioning import read_provisioning
        from services.portal import apply_portal

        session = self.ctx.session
        self.portal_message.setText(self.tr("Reading the provisioning file…"))
        # The file is read on the network lane (it may sit on a slow share), kept on the store's.
        self.ctx.ops.chain(
            [
                (Lane.NETWORK, lambda _none: read_provisioning(Path(name))),
                (Lane.STORE, lambda prov: apply_portal(session, prov)),
            ],
            lambda text: self._portal_done(self.tr("Connected to %1.").replace("%1", text)),
            lambda error: self._portal_done(error.message),
            label=self.tr("Connecting to the portal"),
        )

    def enrol(self) -> None:
        from services.portal import keep_enrolment, prepare_enrolment, send_enrolment

        code, session = self.enrol_code.text().strip(), self.ctx.session
        if not code:
            self.portal_message.setText(self.tr("Type the one-time code first."))
            return
        self.enrol_button.setEnabled(False)
        self.portal_message.setText(self.tr("Enrolling…"))
        # The request may stall for a minute: it runs on the network lane, holding no store.
        self.ctx.ops.chain(
            [
                (Lane.STORE, lambda _none: prepare_enrolment(session)),
                (Lane.NETWORK, lambda request: send_enrolment(request, code)),
                (Lane.STORE, lambda answer: keep_enrolment(session, answer)),
            ],
            lambda text: self._portal_done(text),
            lambda error: self._portal_done(error.message),
            label=self.tr("Enrolling"),
        )

    def _portal_done(self, text: str) -> None:
        self.portal_message.setText(text)
        self.enrol_code.clear()
        self._reload_portal()

    def _users(self, users: list[UserRecord]) -> None:
        self.user_list.clear()
        for u in users:
            self.user_list.addItem(f"{u.name} — {i18n.role_label(u.role)}, {u.agency}")

    def add_user(self) -> None:
        if self.new_pass.text() != self.new_repeat.text():
            self.user_message.setText(self.tr("The two passphrases differ."))
            return
        try:
            new = NewUser(
                self.new_name.text(), Role(self.new_role.currentData()), self.new_agency.text()
            )
        except ValueError as exc:
            self.user_message.setText(str(exc))
            return
        passphrase, session = self.new_pass.text(), self.ctx.session
        self.add_button.setEnabled(False)
        self.user_message.setText(self.tr("Adding…"))
        self.ctx.ops.run(
            lambda: session.add_user(new, passphrase),
            self._added,
            self._add_failed,
            label=self.tr("Adding user"),
        )

    def _added(self, user: UserRecord) -> None:
        self.add_button.setEnabled(True)
        for field in (self.new_name, self.new_pass, self.new_repeat):
            field.clear()
        self.user_message.setText(
            self.tr("%1 can now unlock this installation.").replace("%1", user.name)
        )
        self.reload()

    def _add_failed(self, error: OpError) -> None:
        self.add_button.setEnabled(True)
        self.new_pass.clear()
        self.new_repeat.clear()
        self.user_message.setText(error.message)

    def showEvent(self, event: Any) -> None:
        self.reload()
        super().showEvent(event)
