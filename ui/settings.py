"""The client's own preferences (idle timeout, metered link, language).

Kept in a small INI file beside the installation, never inside it: they are needed before
unlocking (language, the unlock screen; at first run, before any store exists) and hold
nothing about reports or people. QSettings writes the file atomically (a temporary file
renamed over it, QSaveFile); it is owner-only like the rest of the installation.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QSettings

DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_SECONDS = 1  # tests use a short timeout; the Settings page offers whole minutes
MAX_IDLE_MINUTES = 240
LANGUAGES = (("en", "English"), ("id", "Bahasa Indonesia"), ("th", "ภาษาไทย"))


class UiSettings:
    def __init__(self, file: Path) -> None:
        file.parent.mkdir(parents=True, exist_ok=True)
        self._file = file
        self._q = QSettings(str(file), QSettings.Format.IniFormat)
        self._q.setAtomicSyncRequired(True)  # the default, said here because it matters

    def _save(self) -> None:
        self._q.sync()
        with contextlib.suppress(OSError):  # Windows keeps only the read-only bit
            os.chmod(self._file, 0o600)  # kept across later saves: QSaveFile copies the mode

    @property
    def idle_seconds(self) -> int:
        value = self._q.value("idle_seconds", DEFAULT_IDLE_MINUTES * 60)
        try:
            seconds = int(str(value))
        except ValueError:
            seconds = DEFAULT_IDLE_MINUTES * 60
        return max(MIN_IDLE_SECONDS, min(seconds, MAX_IDLE_MINUTES * 60))

    @idle_seconds.setter
    def idle_seconds(self, seconds: int) -> None:
        self._q.setValue("idle_seconds", int(seconds))
        self._save()

    @property
    def metered(self) -> bool:
        return str(self._q.value("metered", "false")).lower() == "true"

    @metered.setter
    def metered(self, value: bool) -> None:
        self._q.setValue("metered", "true" if value else "false")
        self._save()

    @property
    def language(self) -> str:
        value = str(self._q.value("language", "en"))
        return value if value in dict(LANGUAGES) else "en"

    @language.setter
    def language(self, code: str) -> None:
        self._q.setValue("language", code if code in dict(LANGUAGES) else "en")
        self._save()
