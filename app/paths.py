"""Where an installation lives on disk."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "OUTPOST_DATA_DIR"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "outpost.db"

    @property
    def database_in_setup(self) -> Path:
        """A database being created; renamed to `database` only once its key slot is saved."""
        return self.root / "outpost.db.new"

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots.json"

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        """--data-dir wins, then $OUTPOST_DATA_DIR, then the platform's per-user data folder."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir("Outpost")
        return cls(Path(chosen).expanduser().resolve())

    def is_installed(self) -> bool:
        return self.keyslots.exists() or self.database.exists()
