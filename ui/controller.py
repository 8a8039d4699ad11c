"""Moves the client between its two states: locked (the unlock window, nothing sensitive on
screen, store closed) and unlocked (the main window of one session)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.paths import DataPaths
from app.roles import RoleState, role_state
from app.session import Session
from storage.keyslots import KdfParams
from ui.context import Context
from ui.i18n import install_language
from ui.idle import IdleWatcher
from ui.ops import OpError, OpRunner, drop_queued_network
from ui.settings import UiSettings
from ui.sync_panel import EngineFactory, SyncBridge, SyncControl, default_engine_factory
from ui.unlock_window import UnlockWindow
from ui.widgets import install_wheel_guard

log = logging.getLogger(__name__)


def _watch_network(on_change: Any) -> bool:
    """Connects system reachability changes to `on_change`; False where no backend exists."""
    try:
        from PySide6.QtNetwork import QNetworkInformation

        if QNetworkInformation.instance() is None and not QNetworkInformation.loadBackendByFeatures(
            QNetworkInformation.Feature.Reachability
        ):
            return False
        info = QNetworkInformation.instance()
        if info is None:
            return False
        info.reachabilityChanged.connect(lambda _r: on_change())
        return True
    except Exception:  # no network-information plugin on this system: probing still works
        log.info("no network information backend; relying on the engine's probes")
        return False


class AppController(QObject):
    session_started = Signal(object)  # Session, before the main window is built
    main_window_shown = Signal(object)
    locked = Signal()
    demo_progress = Signal(int, int)

    def __init__(
        self,
        paths: DataPaths,
        *,
        settings: UiSettings | None = None,
        engine_factory: EngineFactory | None = default_engine_factory,
        kdf: KdfParams | None = None,
        demo_reports: int = 200,
    ) -> None:
        super().__init__()
        self.paths = paths
        # Beside the installation (needed before unlocking; holds no report content).
        self.settings = settings or UiSettings(paths.root / "ui-settings.ini")
        self.engine_factory = engine_factory
        self.kdf = kdf
        self.demo_reports = demo_reports
        self.session: Session | None = None
        self.ctx: Context | None = None
        self.main_window: Any = None
        self.unlock_window: UnlockWindow | None = None
        self.bridge: SyncBridge | None = None
        self.idle = IdleWatcher(self.settings.idle_seconds, self)
        self.idle.idle.connect(self.lock)
        self._last_user = ""
        self._network_watched = False
        install_language(self.settings.language)
        install_wheel_guard()

    # -- locked -----------------------------------------------------------------------------------

    def start(self) -> None:
        self.show_unlock()

    def show_unlock(self, notice: str = "", *, user_names: tuple[str, ...] = ()) -> UnlockWindow:
        window = UnlockWindow(
            self.paths,
            kdf=self.kdf,
            user_name=self._last_user,
            notice=notice,
            language=self.settings.language,
            user_names=user_names,
        )
        window.unlocked.connect(self.on_unlocked)
        window.demo_requested.connect(self.create_demo)
        window.language_chosen.connect(self.choose_first_language)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.unlock_window = window
        window.show()
        return window

    def choose_first_language(self, code: str) -> None:
        """The language picked on the first-run page: kept in the preferences file (there
        is no store yet) and the page drawn again in it at once, where it was."""
        old = self.unlock_window
        self.settings.language = code
        install_language(self.settings.language)
        window = self.show_unlock()
        if old is not None:
            window.move(old.pos())
            old.close()
        for button in window.language_buttons:
            if button.isChecked():
                button.setFocus()  # the keyboard stays where the person was

    def create_demo(self) -> None:
        from ui.demo import DEMO_USERS, OFFICER, create_demo

        window = self.unlock_window
        assert window is not None
        paths, kdf, count = self.paths, self.kdf, self.demo_reports
        window.set_busy(self.tr("Creating the demo installation…"))
        self.demo_progress.connect(
            lambda done, total: window.message.setText(
                self.tr("Creating synthetic reports: %1 of %2")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )
        )

        def work() -> None:
            session = create_demo(
                paths, reports=count, kdf=kdf, progress=lambda d, t: self.demo_progress.emit(d, t)
            )
            session.lock()  # the officer unlocks it like any installation: nothing stays open

        def done(_result: None) -> None:
            self.demo_progress.disconnect()
            lines = [f"{u.name} / {u.passphrase}" for u in DEMO_USERS]
            notice = (
                self.tr(
                    "A demo installation with synthetic reports was created. Unlock it as one "
                    "of these users (user / passphrase):"
                )
                + "\n"
                + "\n".join(lines)
            )
            self._last_user = OFFICER.name
            shown = self.show_unlock(notice, user_names=tuple(u.name for u in DEMO_USERS))
            shown.move(window.pos())
            window.close()

        def failed(error: OpError) -> None:
            self.demo_progress.disconnect()
            window.set_busy(error.message, busy=False)

        window.ops.run(work, done, failed)

    # -- unlocked ---------------------------------------------------------------------------------

    def on_unlocked(self, session: Session) -> None:
        self.session = session
        self._last_user = session.user.name
        self.session_started.emit(session)
        self.bridge = SyncBridge(None, self)
        ops = OpRunner(self)

        def opened(role: RoleState) -> None:
            if self.session is not session:
                return  # locked meanwhile
            self.ctx = Context(session, ops, self.settings, role)
            self.build_main_window()
            self._start_engine(session)
            if self.unlock_window is not None:
                self.unlock_window.close()
                self.unlock_window = None
            self.idle.set_seconds(self.settings.idle_seconds)
            self.idle.start()

        def failed(error: OpError) -> None:
            log.warning("reading the role failed: %s", type(error.exception).__name__)
            if self.session is session:
                if self.unlock_window is not None:
                    self.unlock_window.close()
                    self.unlock_window = None
                self.lock()
                if self.unlock_window is not None:
                    self.unlock_window.message.setText(error.message)

        # The role decides which screens exist; it is read on the store lane like any data.
        ops.run(lambda: role_state(session.db, session.user), opened, failed)

    def _start_engine(self, session: Session) -> None:
        """Composes the engine on the store worker (it reads the provisioning), then starts
        its own thread; the sync widgets learn of it through the bridge."""
        factory, metered = self.engine_factory, self.settings.metered
        assert self.ctx is not None

        def work() -> SyncControl | None:
            engine = factory(session) if factory is not None else None
            if engine is not None:
                engine.set_metered(metered)
                start = getattr(engine, "start", None)
                if callable(start):
                    start()
            return engine

        def done(engine: SyncControl | None) -> None:
            if self.bridge is None:  # locked meanwhile: the lock op stops it
                return
            self.bridge.attach(engine, self.ctx.ops if self.ctx is not None else None)
            if engine is not None and not self._network_watched:
                self._network_watched = _watch_network(self._network_changed)

        self.ctx.ops.run(work, done, lambda e: done(None), label=self.tr("Connecting"))

    def _network_changed(self) -> None:
        if self.bridge is not None and self.bridge.engine is not None:
            self.bridge.engine.network_changed()

    def build_main_window(self) -> None:
        from ui.main_window import MainWindow

        assert self.ctx is not None and self.bridge is not None
        window = MainWindow(self.ctx, self.bridge)
        window.lock_requested.connect(self.lock)
        window.language_changed.connect(self.change_language)
        window.idle_changed.connect(self.idle.set_seconds)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._main_destroyed)
        self.main_window = window
        window.show()
        self.main_window_shown.emit(window)

    def _main_destroyed(self, *_: object) -> None:
        pass

    def change_language(self, code: str) -> None:
        """Rebuilds the main window in the new language (what is being edited is saved
        first and can be reopened from My reports)."""
        install_language(code)
        old = self.main_window
        if old is None:
            return
        old.prepare_lock()
        old.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        old.hide()
        old.deleteLater()
        self.main_window = None
        self.build_main_window()
        self.main_window.go("settings")

    # -- locking ----------------------------------------------------------------------------------

    def lock(self, *_: object) -> None:
        """Clears every screen at once, then closes the store after queued saves have landed."""
        self.idle.stop()
        session, ctx, window = self.session, self.ctx, self.main_window
        if session is None:
            return
        if window is not None:
            window.prepare_lock()  # queues the editor's save before the lock below
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        if window is not None:
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            window.hide()
            window.deleteLater()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QWidget) and widget is not self.unlock_window:
                widget.hide()
        self.main_window = None
        engine: Any = None
        if self.bridge is not None:
            self.bridge.detach()
            engine = self.bridge.engine
            if engine is not None:
                engine.cancel()
            self.bridge.deleteLater()
            self.bridge = None
        self.session = None
        self.ctx = None
        lock_runner = OpRunner(self)
        if ctx is not None:
            ctx.ops.invalidate()  # a network answer arriving later is dropped, store untouched
        drop_queued_network()  # not started yet: nobody waits for it any more

        def close_store() -> None:
            stop = getattr(engine, "stop", None)
            if callable(stop):
                stop()  # joins the engine's thread: it must not write after the close
            session.lock()

        # Store lane: this runs after every save queued before it, and waits for no network
        # work (a stalled request ends on its own timeout and its answer is dropped).
        lock_runner.run(close_store, lambda _r: self.locked.emit())
        self.show_unlock(self.tr("Locked. Enter your passphrase to continue."))

    def shutdown(self) -> None:
        """Locks (saving first) when the application quits."""
        if self.session is not None:
            self.lock()
        from ui.ops import wait_idle

        wait_idle()
