"""Where the CLI gets passphrases: a file, the environment, or an interactive prompt."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from app.errors import InvalidInput

PASSPHRASE_ENV = "OUTPOST_PASSPHRASE"
NEW_PASSPHRASE_ENV = "OUTPOST_NEW_PASSPHRASE"


def _read_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"Cannot read passphrase file {path}: {exc.strerror}.") from None
    return text.rstrip("\r\n")


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def unlock_passphrase(file: str | None, prompt: str = "Passphrase: ") -> str:
    if file:
        return _read_file(file)
    if PASSPHRASE_ENV in os.environ:
        return os.environ[PASSPHRASE_ENV]
    if not _interactive():
        raise InvalidInput(
            f"A passphrase is needed: use --passphrase-file FILE or set {PASSPHRASE_ENV}."
        )
    return getpass.getpass(prompt)


def new_passphrase(file: str | None, who: str) -> str:
    if file:
        return _read_file(file)
    if NEW_PASSPHRASE_ENV in os.environ:
        return os.environ[NEW_PASSPHRASE_ENV]
    if not _interactive():
        raise InvalidInput(
            f"A new passphrase for {who} is needed: use --new-passphrase-file FILE or set "
            f"{NEW_PASSPHRASE_ENV}."
        )
    first = getpass.getpass(f"New passphrase for {who}: ")
    if getpass.getpass("Repeat it: ") != first:
        raise InvalidInput("The two passphrases differ; nothing was changed.")
    return first
